extension String {
    /// The string with every UTF-8 byte outside RFC 3986's unreserved characters and `extra`
    /// written as `%XX`.
    /// - Parameter extra: the ASCII characters kept as they are besides `A–Z a–z 0–9 - . _ ~`.
    func percentEncoded(keeping extra: String) -> String {
        let kept = Set(extra.utf8)
        var encoded: [UInt8] = []
        encoded.reserveCapacity(utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.append(byte)
            case _ where kept.contains(byte):
                encoded.append(byte)
            default:
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
