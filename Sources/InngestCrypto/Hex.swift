/// Lowercase hexadecimal encoding and case-insensitive decoding of bytes.
public enum Hex: Sendable {
    /// The ASCII codes of the lowercase hexadecimal digits `0`–`9`, `a`–`f`.
    private static let digits: (UInt64, UInt64) = (0x3736_3534_3332_3130, 0x6665_6463_6261_3938)

    /// Returns the lowercase hexadecimal digit for `nibble` (0–15).
    @inline(__always)
    private static func digit(_ nibble: UInt8) -> UInt8 {
        let table = nibble < 8 ? digits.0 : digits.1
        return UInt8(truncatingIfNeeded: table >> (UInt64(nibble & 7) &* 8))
    }

    /// Returns the lowercase hexadecimal encoding of `bytes`, two characters per byte.
    ///
    /// An empty sequence encodes to the empty string.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        if let encoded = bytes.withContiguousStorageIfAvailable({ encode(contiguous: UnsafeRawBufferPointer($0)) }) {
            return encoded
        }
        return Array(bytes).withUnsafeBytes { encode(contiguous: $0) }
    }

    /// Encodes contiguous bytes without any intermediate allocation.
    static func encode(contiguous bytes: UnsafeRawBufferPointer) -> String {
        if bytes.isEmpty {
            return ""
        }
        return String(unsafeUninitializedCapacity: bytes.count &* 2) { output in
            var index = 0
            for byte in bytes {
                output[index] = digit(byte >> 4)
                output[index &+ 1] = digit(byte & 0x0F)
                index &+= 2
            }
            return index
        }
    }

    /// Decodes a hexadecimal string into bytes.
    ///
    /// Upper- and lowercase digits are accepted. Returns `nil` if the string has an odd
    /// number of characters or contains anything other than `0`–`9`, `a`–`f`, `A`–`F`
    /// (including whitespace and `0x` prefixes). The empty string decodes to `[]`.
    public static func decode(_ string: String) -> [UInt8]? {
        let utf8 = string.utf8
        let count = utf8.count
        guard count % 2 == 0 else {
            return nil
        }
        var valid = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count / 2) { output, initialized in
            var iterator = utf8.makeIterator()
            while let high = iterator.next(), let low = iterator.next() {
                guard let highValue = value(of: high), let lowValue = value(of: low) else {
                    valid = false
                    break
                }
                output[initialized] = highValue << 4 | lowValue
                initialized += 1
            }
        }
        return valid ? bytes : nil
    }

    /// Returns the value of the ASCII hexadecimal digit `character`, or `nil`.
    @inline(__always)
    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }
}
