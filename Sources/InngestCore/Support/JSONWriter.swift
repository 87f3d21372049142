/// Writes a `JSONValue` as compact JSON text without recursion, so that no value, however deeply
/// nested, can exhaust the stack. Keys are sorted; strings are escaped minimally (RFC 8785's rules);
/// doubles are written in ECMAScript's shortest form.
package enum JSONWriter {
    /// How to write.
    package enum Form: Sendable {
        /// Keys sorted by Unicode code point (the byte order of their UTF-8, as Go's encoder sorts
        /// them), `-0` kept as `-0`, non-finite doubles written as `null`.
        case compact
        /// RFC 8785 (JCS): keys sorted by UTF-16 code units. Numbers without a canonical form that
        /// keeps their value (non-finite, or negative zero, which JCS writes as `0`) make it fail.
        case canonical
    }

    private enum Frame {
        case array([JSONValue], next: Int)
        case object([String: JSONValue], keys: [String], next: Int)
    }

    /// The text of `value`, or `nil` when `form` is `.canonical` and a number has no canonical form.
    package static func write(_ value: JSONValue, form: Form = .compact) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        var stack: [Frame] = []
        var pending: JSONValue? = value
        while true {
            if let value = pending {
                pending = nil
                switch value {
                case .null: output.append(contentsOf: "null".utf8)
                case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
                case .integer(let number): output.append(contentsOf: String(number).utf8)
                case .double(let number):
                    if !number.isFinite {
                        if form == .canonical { return nil }
                        output.append(contentsOf: "null".utf8)
                    } else if number == 0 && number.sign == .minus {
                        if form == .canonical { return nil }
                        output.append(contentsOf: "-0".utf8)
                    } else {
                        output.append(contentsOf: JSONNumber.ecmaScript(number).utf8)
                    }
                case .string(let text): writeString(text, into: &output)
                case .array(let items):
                    output.append(UInt8(ascii: "["))
                    stack.append(.array(items, next: 0))
                case .object(let members):
                    output.append(UInt8(ascii: "{"))
                    stack.append(.object(members, keys: sortedKeys(members, form: form), next: 0))
                }
                continue
            }
            guard let top = stack.popLast() else { return output }
            switch top {
            case .array(let items, let next):
                if next == items.count {
                    output.append(UInt8(ascii: "]"))
                } else {
                    if next > 0 { output.append(UInt8(ascii: ",")) }
                    pending = items[next]
                    stack.append(.array(items, next: next + 1))
                }
            case .object(let members, let keys, let next):
                if next == keys.count {
                    output.append(UInt8(ascii: "}"))
                } else {
                    if next > 0 { output.append(UInt8(ascii: ",")) }
                    writeString(keys[next], into: &output)
                    output.append(UInt8(ascii: ":"))
                    pending = members[keys[next]] ?? .null
                    stack.append(.object(members, keys: keys, next: next + 1))
                }
            }
        }
    }

    private static func sortedKeys(_ members: [String: JSONValue], form: Form) -> [String] {
        switch form {
        case .compact: members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        case .canonical: members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        }
    }

    /// A quoted string with RFC 8785's minimal escaping: `"`, `\` and control characters only.
    package static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case 0x08: output.append(contentsOf: #"\b"#.utf8)
            case 0x0C: output.append(contentsOf: #"\f"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case ..<0x20:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0xF))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
