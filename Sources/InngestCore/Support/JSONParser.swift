/// Reads JSON text (RFC 8259) into a `JSONValue`, strictly: nothing it accepts is changed on the
/// way in. It refuses, with the byte offset, what other readers silently alter: invalid UTF-8, lone
/// UTF-16 surrogates, keys given twice (also when equal only after Unicode normalization, as Swift
/// compares strings), numbers that a 64-bit integer or a double cannot hold digit for digit, and
/// nesting deeper than a limit (so hostile input cannot exhaust the stack).
struct JSONParser: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private let maximumDepth: Int

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// Parses one JSON document.
    /// - Parameters:
    ///   - bytes: the UTF-8 text.
    ///   - maximumDepth: the deepest nesting of arrays and objects accepted.
    /// - Throws: `JSONSyntaxError`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes, maximumDepth: maximumDepth)
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw JSONSyntaxError(bytes.isEmpty ? "the text is empty, not JSON" : "the text holds only whitespace, not JSON", at: parser.index)
        }
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw JSONSyntaxError("the text starts with a byte order mark, which JSON does not allow", at: 0)
        }
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw JSONSyntaxError("unexpected \(parser.describeByte()) after the end of the JSON value", at: parser.index)
        }
        return value
    }

    /// Reads a memo in the compact form the engine writes, `{"data":…}`, without building the
    /// object around the value: the value of `data`, or nil when the text is not exactly that form
    /// or does not parse (then `parse` reads it whole, and reports what is wrong with it).
    static func dataMember(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> JSONValue? {
        let prefix: StaticString = #"{"data":"#
        let count = prefix.utf8CodeUnitCount
        guard bytes.count > count + 1, bytes[bytes.count - 1] == UInt8(ascii: "}") else { return nil }
        for offset in 0..<count where bytes[offset] != prefix.utf8Start[offset] { return nil }
        var parser = JSONParser(bytes, maximumDepth: maximumDepth)
        parser.index = count
        // Depth 1, as inside the object `parse` would have opened.
        guard let value = try? parser.value(depth: 1), parser.index == bytes.count - 1 else { return nil }
        return value
    }

    // MARK: Values

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw JSONSyntaxError("the text ends where a value should start (truncated?)", at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw JSONSyntaxError("unexpected \(describeByte()) where a value should start", at: index)
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try checkDepth(depth)
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw JSONSyntaxError("the text ends inside an array (truncated?)", at: index) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(items)
            default: throw JSONSyntaxError("expected ',' or ']' in an array, found \(describeByte())", at: index)
            }
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try checkDepth(depth)
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw JSONSyntaxError(index < bytes.count ? "expected a quoted key in an object, found \(describeByte())"
                                                          : "the text ends inside an object (truncated?)", at: index)
            }
            let keyOffset = index
            let key = try string()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw JSONSyntaxError("expected ':' after the key \"\(key.prefix(40))\"", at: index) }
            index += 1
            skipWhitespace()
            let member = try value(depth: depth)
            guard members.updateValue(member, forKey: key) == nil else {
                throw JSONSyntaxError("the key \"\(key.prefix(40))\" appears twice in one object (keys that are equal after Unicode "
                                      + "normalization count as the same key)", at: keyOffset)
            }
            skipWhitespace()
            guard index < bytes.count else { throw JSONSyntaxError("the text ends inside an object (truncated?)", at: index) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw JSONSyntaxError("expected ',' or '}' in an object, found \(describeByte())", at: index)
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > maximumDepth {
            throw JSONSyntaxError("arrays and objects are nested more than \(maximumDepth) levels deep", at: index)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let start = index
        guard bytes.count - index >= count else { throw JSONSyntaxError("unexpected \(describeByte()) (truncated \(word)?)", at: index) }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw JSONSyntaxError("unexpected \(describeByte()) where a value should start", at: start)
        }
        index += count
    }

    // MARK: Strings

    private mutating func string() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try Self.decodeUTF8(UnsafeBufferPointer(rebasing: bytes[start..<index]), at: start)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw JSONSyntaxError("a control character (0x\(Self.hex(byte))) must be escaped inside a string", at: index) }
            index += 1
        }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let text = try buffer.withUnsafeBufferPointer { (raw) throws(JSONSyntaxError) -> String in
                    try Self.decodeUTF8(raw, at: start)
                }
                index += 1
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &buffer)
            case ..<0x20:
                throw JSONSyntaxError("a control character (0x\(Self.hex(byte))) must be escaped inside a string", at: index)
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw JSONSyntaxError("the string that starts here never ends (truncated?)", at: open)
    }

    private mutating func escape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        let start = index
        index += 1
        guard index < bytes.count else { throw JSONSyntaxError("the text ends inside an escape sequence (truncated?)", at: start) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hexQuad(start: start))
            if (0xD800...0xDBFF).contains(scalar) {
                guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError("\\u\(Self.hex(scalar, width: 4)) is a lone UTF-16 high surrogate: a string cannot hold it", at: start)
                }
                index += 2
                let low = UInt32(try hexQuad(start: index - 2))
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONSyntaxError("\\u\(Self.hex(scalar, width: 4)) is a UTF-16 high surrogate not followed by a low one", at: start)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw JSONSyntaxError("\\u\(Self.hex(scalar, width: 4)) is a lone UTF-16 low surrogate: a string cannot hold it", at: start)
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw JSONSyntaxError("\\u escape does not name a Unicode scalar", at: start)
            }
            buffer.append(contentsOf: unicode.utf8)
        default:
            throw JSONSyntaxError("\\\(Self.printable(byte)) is not a JSON escape (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)", at: start)
        }
    }

    private mutating func hexQuad(start: Int) throws(JSONSyntaxError) -> UInt16 {
        guard bytes.count - index >= 4 else { throw JSONSyntaxError("the text ends inside a \\u escape (truncated?)", at: start) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError("a \\u escape needs four hex digits", at: start)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONSyntaxError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JSONSyntaxError("a string holds bytes that are not valid UTF-8", at: offset)
        }
        return text
    }

    // MARK: Numbers

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        var negative = false
        if peek(UInt8(ascii: "-")) {
            negative = true
            index += 1
        }
        guard index < bytes.count, Self.isDigit(bytes[index]) else {
            throw JSONSyntaxError("a number needs a digit after its sign", at: start)
        }
        var integral = true
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count && Self.isDigit(bytes[index]) {
                throw JSONSyntaxError("a number cannot have a leading zero", at: start)
            }
        } else {
            while index < bytes.count && Self.isDigit(bytes[index]) {
                let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                magnitude = plus
                overflow = overflow || o1 || o2
                index += 1
            }
        }
        if peek(UInt8(ascii: ".")) {
            integral = false
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw JSONSyntaxError("a number needs digits after its '.'", at: start) }
            while index < bytes.count && Self.isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            integral = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw JSONSyntaxError("a number needs digits in its exponent", at: start) }
            while index < bytes.count && Self.isDigit(bytes[index]) { index += 1 }
        }
        if integral && !overflow {
            if negative {
                if magnitude == 0 { return .double(-0.0) }
                if magnitude <= UInt64(Int64.max) + 1 { return .integer(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)) }
            } else if magnitude <= UInt64(Int64.max) {
                return .integer(Int64(magnitude))
            }
        }
        let lexeme = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        guard let double = Double(String(decoding: lexeme, as: UTF8.self)), JSONNumber.isExact(lexeme[...], value: double) else {
            let text = String(decoding: lexeme.prefix(40), as: UTF8.self) + (lexeme.count > 40 ? "…" : "")
            throw JSONSyntaxError("the number \(text) cannot be kept exactly (it has more digits than a 64-bit integer or a double "
                                  + "holds, or is out of their range); send it as a string", at: start)
        }
        return .double(double)
    }

    // MARK: Bytes

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func describeByte() -> String {
        guard index < bytes.count else { return "the end of the text" }
        return "'\(Self.printable(bytes[index]))'"
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "0x" + hex(byte)
    }

    private static func hex(_ value: some BinaryInteger, width: Int = 2) -> String {
        let text = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
