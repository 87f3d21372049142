/// Splits an expression into tokens, following CEL's lexical grammar (cel-spec `syntax.md`, cel-go
/// `parser/gen/CEL.g4` and `parser/unescape.go`): `//` comments, decimal and hexadecimal integers,
/// `u` suffixes, doubles with fractions and exponents, single-, double- and triple-quoted strings,
/// raw strings (`r"…"`) and every escape CEL defines. Constructs CEL has but the subset lacks (bytes
/// literals, backquoted names) and common mistakes from other languages (`===`, `=`, `&`) are
/// refused with a message that names them.
struct ExpressionLexer {
    private let text: String
    private let bytes: [UInt8]
    private var index = 0
    /// Whether the last token can end an operand (a name, a literal, `)` or `]`): then a `.` before
    /// a digit selects a field (`items.0`, refused by the parser with a hint) instead of starting
    /// a number (`.5`).
    private var afterOperand = false

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    private func error(_ message: String, at offset: Int) -> ExpressionError {
        ExpressionError(message, at: offset, in: text)
    }

    private func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    /// Reads every token, ending with `.end`.
    mutating func tokens() throws(ExpressionError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        while true {
            let token = try next()
            switch token.kind {
            case .identifier, .integer, .unsigned, .double, .string: afterOperand = true
            case .symbol(let symbol): afterOperand = symbol == ")" || symbol == "]"
            case .end: afterOperand = false
            }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func skipSpaceAndComments() {
        while let current = byte(at: index) {
            switch current {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C:
                index += 1
            case UInt8(ascii: "/") where byte(at: index + 1) == UInt8(ascii: "/"):
                while let next = byte(at: index), next != UInt8(ascii: "\n") { index += 1 }
            default:
                return
            }
        }
    }

    private mutating func next() throws(ExpressionError) -> ExpressionToken {
        skipSpaceAndComments()
        let start = index
        guard let current = byte(at: index) else { return ExpressionToken(kind: .end, start: start, end: start) }

        if isIdentifierStart(current) {
            // A string prefix: r"…", R'…'; bytes prefixes are refused.
            if let quote = stringPrefixQuote(at: index) {
                return try string(start: start, prefixLength: quote.prefixLength, raw: quote.raw, bytesLiteral: quote.bytes)
            }
            while let next = byte(at: index), isIdentifierStart(next) || isDigit(next) { index += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            return ExpressionToken(kind: .identifier(name), start: start, end: index)
        }
        if isDigit(current) || (current == UInt8(ascii: ".") && !afterOperand && byte(at: index + 1).map(isDigit) == true) {
            return try number(start: start)
        }
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
            return try string(start: start, prefixLength: 0, raw: false, bytesLiteral: false)
        }
        return try symbol(start: start, current)
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// When a string literal with a prefix starts at `offset`: the prefix's length and kind.
    private func stringPrefixQuote(at offset: Int) -> (prefixLength: Int, raw: Bool, bytes: Bool)? {
        var raw = false
        var bytesPrefix = false
        var length = 0
        while length < 2, let letter = byte(at: offset + length) {
            let lowercased = letter | 0x20
            if lowercased == UInt8(ascii: "r") && !raw {
                raw = true
            } else if lowercased == UInt8(ascii: "b") && !bytesPrefix {
                bytesPrefix = true
            } else {
                break
            }
            length += 1
        }
        guard length > 0, let quote = byte(at: offset + length), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            return nil
        }
        return (length, raw, bytesPrefix)
    }

    // MARK: Numbers

    private mutating func number(start: Int) throws(ExpressionError) -> ExpressionToken {
        // Hexadecimal integers.
        if byte(at: index) == UInt8(ascii: "0"), let x = byte(at: index + 1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            index += 2
            var value: UInt64 = 0
            var digits = 0
            var overflow = false
            while let digit = byte(at: index), let hex = hexValue(digit) {
                let (shifted, o1) = value.multipliedReportingOverflow(by: 16)
                let (sum, o2) = shifted.addingReportingOverflow(UInt64(hex))
                overflow = overflow || o1 || o2
                value = sum
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw error("hexadecimal literal '0x' has no digits", at: start) }
            return try integerEnd(start: start, value: value, overflow: overflow)
        }

        var isDouble = false
        while let digit = byte(at: index), isDigit(digit) { index += 1 }
        if byte(at: index) == UInt8(ascii: "."), let digit = byte(at: index + 1), isDigit(digit) {
            isDouble = true
            index += 1
            while let digit = byte(at: index), isDigit(digit) { index += 1 }
        }
        if let e = byte(at: index), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var exponentIndex = index + 1
            if let sign = byte(at: exponentIndex), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exponentIndex += 1 }
            guard let digit = byte(at: exponentIndex), isDigit(digit) else {
                throw error("the exponent of a number literal has no digits", at: index)
            }
            isDouble = true
            index = exponentIndex
            while let digit = byte(at: index), isDigit(digit) { index += 1 }
        }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        if isDouble {
            if let suffix = byte(at: index), suffix == UInt8(ascii: "u") || suffix == UInt8(ascii: "U") {
                throw error("'\(literal)u': only integers take the unsigned suffix 'u'", at: index)
            }
            guard let value = Double(literal), value.isFinite else {
                throw error("number literal '\(literal)' is out of the range of a double", at: start)
            }
            try refuseTrailingLetter(literal: literal)
            return ExpressionToken(kind: .double(value), start: start, end: index)
        }
        if literal.utf8.count > 1, literal.utf8.first == UInt8(ascii: "0") {
            // cel-go reads such literals in base 8 (`010` is 8), which nobody means: refuse them.
            throw error("integer literal '\(literal)' has a leading zero; write it without (CEL would read it as octal)", at: start)
        }
        var value: UInt64 = 0
        var overflow = false
        for digit in bytes[start..<index] {
            let (product, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = product.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            value = sum
        }
        return try integerEnd(start: start, value: value, overflow: overflow)
    }

    private mutating func integerEnd(start: Int, value: UInt64, overflow: Bool) throws(ExpressionError) -> ExpressionToken {
        var literal = String(decoding: bytes[start..<index], as: UTF8.self)
        if let suffix = byte(at: index), suffix == UInt8(ascii: "u") || suffix == UInt8(ascii: "U") {
            index += 1
            literal += "u"
            if overflow { throw error("integer literal '\(literal)' is out of range (the largest unsigned integer is \(UInt64.max)u)", at: start) }
            try refuseTrailingLetter(literal: literal)
            return ExpressionToken(kind: .unsigned(value), start: start, end: index)
        }
        if overflow { throw error("integer literal '\(literal)' is out of range (the largest integer is \(Int64.max))", at: start) }
        try refuseTrailingLetter(literal: literal)
        return ExpressionToken(kind: .integer(value), start: start, end: index)
    }

    private func refuseTrailingLetter(literal: String) throws(ExpressionError) {
        if let next = byte(at: index), isIdentifierStart(next) || isDigit(next) {
            throw error("unexpected '\(Character(Unicode.Scalar(next)))' after number literal '\(literal)'", at: index)
        }
    }

    // MARK: Strings

    private mutating func string(start: Int, prefixLength: Int, raw: Bool, bytesLiteral: Bool) throws(ExpressionError) -> ExpressionToken {
        if bytesLiteral {
            throw error("bytes literals (b\"…\") are not supported; use a string", at: start)
        }
        index = start + prefixLength
        let quote = bytes[index]
        let triple = byte(at: index + 1) == quote && byte(at: index + 2) == quote
        index += triple ? 3 : 1
        var decoded: [UInt8] = []
        while true {
            guard let current = byte(at: index) else {
                throw error("unterminated string literal: add the closing \(triple ? String(repeating: Character(Unicode.Scalar(quote)), count: 3) : String(Character(Unicode.Scalar(quote))))", at: start)
            }
            if current == quote {
                if !triple {
                    index += 1
                    break
                }
                if byte(at: index + 1) == quote && byte(at: index + 2) == quote {
                    index += 3
                    break
                }
            }
            if !triple && (current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r")) {
                throw error("unterminated string literal: a quoted string cannot span lines; close it, or use a triple-quoted string (\"\"\"…\"\"\")", at: start)
            }
            if current == UInt8(ascii: "\r") {
                // CEL normalizes the newlines inside strings to \n.
                decoded.append(UInt8(ascii: "\n"))
                index += byte(at: index + 1) == UInt8(ascii: "\n") ? 2 : 1
                continue
            }
            if current == UInt8(ascii: "\\") && !raw {
                try escape(into: &decoded)
                continue
            }
            decoded.append(current)
            index += 1
        }
        return ExpressionToken(kind: .string(String(decoding: decoded, as: UTF8.self)), start: start, end: index)
    }

    /// Reads the escape sequence at `index` (a backslash) into `decoded`.
    private mutating func escape(into decoded: inout [UInt8]) throws(ExpressionError) {
        let start = index
        guard let letter = byte(at: index + 1) else {
            throw error("unterminated string literal: it ends with a backslash", at: start)
        }
        func append(_ scalar: Unicode.Scalar) { decoded.append(contentsOf: Array(String(Character(scalar)).utf8)) }
        switch letter {
        case UInt8(ascii: "a"): decoded.append(0x07)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "v"): decoded.append(0x0B)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "?"):
            decoded.append(letter)
        case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = letter == UInt8(ascii: "u") ? 4 : letter == UInt8(ascii: "U") ? 8 : 2
            var value: UInt32 = 0
            for offset in 0..<count {
                guard let digit = byte(at: index + 2 + offset), let hex = hexValue(digit) else {
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(letter)))': it takes exactly \(count) hexadecimal digits", at: start)
                }
                value = value << 4 | hex
            }
            let written = String(decoding: bytes[start..<(index + 2 + count)], as: UTF8.self)
            guard let scalar = Unicode.Scalar(value) else {
                if (0xD800...0xDFFF).contains(value) {
                    throw error("invalid escape '\(written)': a UTF-16 surrogate is not a character; write the character itself, or \\U followed by its 8-digit code point", at: start)
                }
                throw error("invalid escape '\(written)': U+\(String(value, radix: 16, uppercase: true)) is beyond the last Unicode code point", at: start)
            }
            append(scalar)
            index += 2 + count
            return
        case UInt8(ascii: "0")...UInt8(ascii: "3"):
            var value: UInt32 = 0
            for offset in 0..<3 {
                guard let digit = byte(at: index + 1 + offset), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "7") else {
                    throw error("invalid escape: an octal escape is a backslash and exactly three octal digits (\\000 to \\377)", at: start)
                }
                value = value << 3 | UInt32(digit - UInt8(ascii: "0"))
            }
            // In a string (not bytes) literal, an octal escape is a code point, as in cel-go.
            if let scalar = Unicode.Scalar(value) { append(scalar) }
            index += 4
            return
        default:
            let shown: String
            if letter < 0x80 { shown = String(Character(Unicode.Scalar(letter))) } else { shown = "…" }
            throw error("invalid escape '\\\(shown)' in a string literal; to write a backslash, write '\\\\'", at: start)
        }
        index += 2
    }

    // MARK: Symbols

    private mutating func symbol(start: Int, _ current: UInt8) throws(ExpressionError) -> ExpressionToken {
        func take(_ symbol: String) -> ExpressionToken {
            index += symbol.utf8.count
            return ExpressionToken(kind: .symbol(symbol), start: start, end: index)
        }
        let next = byte(at: index + 1)
        switch current {
        case UInt8(ascii: "="):
            if next == UInt8(ascii: "=") {
                if byte(at: index + 2) == UInt8(ascii: "=") { throw error("'===' is not CEL; use '=='", at: start) }
                return take("==")
            }
            throw error("assignment '=' is not CEL; to compare, use '=='", at: start)
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") {
                if byte(at: index + 2) == UInt8(ascii: "=") { throw error("'!==' is not CEL; use '!='", at: start) }
                return take("!=")
            }
            return take("!")
        case UInt8(ascii: "<"): return take(next == UInt8(ascii: "=") ? "<=" : "<")
        case UInt8(ascii: ">"): return take(next == UInt8(ascii: "=") ? ">=" : ">")
        case UInt8(ascii: "&"):
            if next == UInt8(ascii: "&") { return take("&&") }
            throw error("'&' is not CEL; use '&&'", at: start)
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { return take("||") }
            throw error("'|' is not CEL; use '||'", at: start)
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return take(String(Character(Unicode.Scalar(current))))
        case UInt8(ascii: "`"):
            throw error("backquoted field names are not supported; use index access: a[\"my-field\"]", at: start)
        default:
            throw error("unexpected character \(describe(at: start)) in an expression", at: start)
        }
    }

    /// The character at `offset`, for a message: `'#'`, or `U+0000` for one that does not print.
    private func describe(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[offset..<end], as: UTF8.self)
        guard let scalar = character.unicodeScalars.first else { return "?" }
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .format {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(character)'"
    }
}
