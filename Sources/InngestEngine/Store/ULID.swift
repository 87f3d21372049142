/// ULIDs for event and run ids, as Inngest uses: 48 bits of milliseconds then 80 random bits, in
/// Crockford base32, so ids sort by creation time.
enum ULID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new ULID for the given time in milliseconds.
    static func make(milliseconds: Int64) -> String {
        var generator = SystemRandomNumberGenerator()
        let high = UInt64(max(0, milliseconds)) & 0xFFFF_FFFF_FFFF
        let random = (UInt64(generator.next() as UInt16), generator.next() as UInt64)
        var characters = [UInt8](repeating: 0, count: 26)
        var time = high
        for index in stride(from: 9, through: 0, by: -1) {
            characters[index] = alphabet[Int(time & 31)]
            time >>= 5
        }
        // 80 random bits: 16 high bits then 64 low bits, 5 bits per character.
        var low = random.1
        var upper = random.0
        for index in stride(from: 25, through: 10, by: -1) {
            characters[index] = alphabet[Int(low & 31)]
            low = (low >> 5) | ((upper & 31) << 59)
            upper >>= 5
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
