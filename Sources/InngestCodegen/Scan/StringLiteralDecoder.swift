/// Decodes the value of a plain (non-interpolated) string literal token.
///
/// Handles `"…"`, raw `#"…"#` and multi-line `"""…"""` literals: escapes `\0 \\ \t \n \r
/// \" \' \u{…}` (written `\#n` and so on in raw strings), multi-line indentation
/// stripping (the closing delimiter's indentation) and `\` line continuations.
enum StringLiteralDecoder: Sendable {
    /// The value, or `nil` for interpolated, unterminated or malformed literals.
    static func decode(_ token: Token, in source: SourceBuffer) -> String? {
        guard token.kind == .string, !token.isInterpolated, !token.isUnterminated else { return nil }
        let bytes = source.bytes
        var index = token.start
        var hashes = 0
        while index < token.end && bytes[index] == UInt8(ascii: "#") {
            hashes += 1
            index += 1
        }
        let multiline = token.end - index >= 6 + hashes
            && bytes[index + 1] == UInt8(ascii: "\"") && bytes[index + 2] == UInt8(ascii: "\"")
        let delimiter = multiline ? 3 : 1
        let contentStart = index + delimiter
        let contentEnd = token.end - delimiter - hashes
        guard contentStart <= contentEnd else { return nil }
        var content = Array(bytes[contentStart..<contentEnd])
        if multiline {
            guard let stripped = stripIndentation(content) else { return nil }
            content = stripped
        }
        return unescape(content, hashes: hashes)
    }

    /// Applies multi-line literal rules: drop the opening line break and the last line
    /// (the closing delimiter's indentation), and that indentation from every line.
    private static func stripIndentation(_ content: [UInt8]) -> [UInt8]? {
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < content.count {
            let byte = content[index]
            if byte == 0x0D || byte == 0x0A {
                if byte == 0x0D && index + 1 < content.count && content[index + 1] == 0x0A { index += 1 }
                lines.append([])
            } else {
                lines[lines.count - 1].append(byte)
            }
            index += 1
        }
        // The opening line must be blank; the last line holds only the closing indentation.
        guard lines.count >= 2,
              lines[0].allSatisfy({ $0 == 0x20 || $0 == 0x09 }),
              let indentation = lines.last,
              indentation.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        var result: [UInt8] = []
        let body = lines[1..<(lines.count - 1)]
        for (offset, line) in body.enumerated() {
            if offset > 0 { result.append(0x0A) }
            if line.starts(with: indentation) {
                result.append(contentsOf: line[indentation.count...])
            } else if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                return nil
            }
        }
        return result
    }

    private static func unescape(_ content: [UInt8], hashes: Int) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\"), hashesFollow(content, hashes, at: index + 1) else {
                output.append(byte)
                index += 1
                continue
            }
            index += 1 + hashes
            guard index < content.count else { return nil }
            let escaped = content[index]
            index += 1
            if let simple = EscapeSequence.simple(escaped) {
                output.append(simple)
                continue
            }
            switch escaped {
            case 0x0A:
                // Line continuation: the line break disappears.
                break
            case 0x20, 0x09:
                // Whitespace before a line continuation.
                while index < content.count && (content[index] == 0x20 || content[index] == 0x09) { index += 1 }
                guard index < content.count, content[index] == 0x0A else { return nil }
                index += 1
            case UInt8(ascii: "u"):
                guard index < content.count, content[index] == UInt8(ascii: "{") else { return nil }
                index += 1
                var value: UInt32 = 0
                var digits = 0
                while index < content.count, digits <= 8, let digit = EscapeSequence.hexValue(content[index]) {
                    value = value &* 16 &+ UInt32(digit)
                    digits += 1
                    index += 1
                }
                guard digits >= 1, digits <= 8, index < content.count, content[index] == UInt8(ascii: "}"),
                      let scalar = Unicode.Scalar(value) else { return nil }
                index += 1
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                return nil
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hashesFollow(_ content: [UInt8], _ count: Int, at index: Int) -> Bool {
        guard index + count <= content.count else { return false }
        var offset = 0
        while offset < count {
            if content[index + offset] != UInt8(ascii: "#") { return false }
            offset += 1
        }
        return true
    }
}
