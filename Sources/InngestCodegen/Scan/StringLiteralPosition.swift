/// Maps positions in the value of a string literal back to the literal as written.
enum StringLiteralPosition {
    /// The offset in `literal` (a whole single-line literal as written: `#`s, quotes and all) of
    /// the character that decodes to the byte at `decodedOffset` of the value; past the last
    /// character, the closing quote. `nil` for multi-line and malformed literals.
    static func rawOffset(of decodedOffset: Int, inLiteral literal: [UInt8]) -> Int? {
        var index = 0
        var hashes = 0
        while index < literal.count && literal[index] == UInt8(ascii: "#") {
            hashes += 1
            index += 1
        }
        guard index < literal.count, literal[index] == UInt8(ascii: "\"") else { return nil }
        if index + 2 < literal.count && literal[index + 1] == UInt8(ascii: "\"") && literal[index + 2] == UInt8(ascii: "\"") {
            return nil
        }
        index += 1
        var decoded = 0
        while index < literal.count {
            if decoded >= decodedOffset { return index }
            let byte = literal[index]
            if byte == UInt8(ascii: "\"") && hashesFollow(literal, hashes, at: index + 1) { return index }
            guard byte == UInt8(ascii: "\\"), hashesFollow(literal, hashes, at: index + 1) else {
                decoded += 1
                index += 1
                continue
            }
            let start = index
            index += 1 + hashes
            guard index < literal.count else { return nil }
            let escaped = literal[index]
            index += 1
            if EscapeSequence.simple(escaped) != nil {
                decoded += 1
            } else if escaped == UInt8(ascii: "u") {
                var value: UInt32 = 0
                while index < literal.count && literal[index] != UInt8(ascii: "}") {
                    if let digit = EscapeSequence.hexValue(literal[index]) { value = value &* 16 &+ UInt32(digit) }
                    index += 1
                }
                index += 1
                decoded += Unicode.Scalar(value).map { String(Character($0)).utf8.count } ?? 1
            } else {
                return nil
            }
            if decoded > decodedOffset { return start }
        }
        return nil
    }

    private static func hashesFollow(_ bytes: [UInt8], _ count: Int, at index: Int) -> Bool {
        guard index + count <= bytes.count else { return false }
        var offset = 0
        while offset < count {
            if bytes[index + offset] != UInt8(ascii: "#") { return false }
            offset += 1
        }
        return true
    }
}
