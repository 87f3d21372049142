/// Parses the text of one marker comment into a ``Marker``.
///
/// Grammar (whitespace allowed between tokens):
///
///     marker    := "@inngest." kind [ "(" [ argument { "," argument } [ "," ] ] ")" ]
///     argument  := [ label ":" ] value
///     value     := string | integer | decimal | "true" | "false" | path | call | array | record
///     string    := '"' { character | escape } '"'  |  raw string '#"…"#'
///     path      := [ "." ] name [ generic ] { "." name [ generic ] }   (a final ".self" is dropped)
///     array     := "[" [ value { "," value } [ "," ] ] "]"
///     record    := "(" [ label ":" value { "," label ":" value } [ "," ] ] ")"
///     call      := name { "." name } "." name "(" balanced text ")"   (kept as written)
///
/// The text is read as *segments*: the rest of the comment line holding `@inngest.`, then,
/// while a parenthesis or bracket is open, the following lines — contiguous `//` comment
/// lines for a line-comment marker, the next lines of the same block comment (leading
/// whitespace and `*` removed) for a block-comment marker. A segment boundary counts as
/// whitespace; a string literal cannot span two segments. After the marker, only
/// whitespace may follow on its last line.
///
/// Every syntax error is reported at the exact byte where something else was expected, with
/// a message saying what was expected.
struct MarkerParser: Sendable {
    /// Where the text of an unfinished marker continues.
    enum Continuation: Sendable {
        /// On the following line if it is a `//` comment.
        case lineComments
        /// On the following lines of the block comment whose body ends at `end`.
        case blockComment(end: Int)
    }

    /// Deepest nesting of arrays and records accepted.
    static let maximumArrayDepth = 16

    let source: SourceBuffer
    let bytes: [UInt8]
    let continuation: Continuation
    /// The current byte offset.
    var position: Int
    /// The end of the current segment (a line break, the end of the comment or the file).
    private(set) var segmentEnd: Int
    var kind = ""

    /// Prepares to parse the marker whose `@` is at `start`, on a segment ending at
    /// `segmentEnd`.
    init(source: SourceBuffer, start: Int, segmentEnd: Int, continuation: Continuation) {
        self.source = source
        self.bytes = source.bytes
        self.position = start
        self.segmentEnd = segmentEnd
        self.continuation = continuation
    }

    /// The marker prefix.
    private static let prefix = Array("@inngest.".utf8)

    /// Whether `bytes[offset...]` (bounded by `end`) starts with `@inngest.`.
    static func startsMarker(_ bytes: [UInt8], at offset: Int, end: Int) -> Bool {
        guard end - offset >= prefix.count else { return false }
        var index = 0
        while index < prefix.count {
            if bytes[offset + index] != prefix[index] { return false }
            index += 1
        }
        return true
    }

    /// Skips the whitespace, leading `*`s and whitespace that start a block comment line.
    static func skipBlockLinePrefix(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        while index < end && bytes[index] == UInt8(ascii: "*") { index += 1 }
        while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        return index
    }

    // MARK: - Entry point

    /// Parses the marker; on success `segmentEnd` is the end of its last line.
    mutating func parse() -> Result<Marker, Diagnostic> {
        do throws(Diagnostic) {
            return .success(try parseMarker())
        } catch {
            return .failure(error)
        }
    }

    private mutating func parseMarker() throws(Diagnostic) -> Marker {
        let at = position
        position += MarkerParser.prefix.count
        let kindStart = position
        while position < segmentEnd && isKindByte(bytes[position]) { position += 1 }
        guard position > kindStart else {
            throw failure("expected a marker kind after '@inngest.', such as 'function', found \(describe(position))")
        }
        kind = source.text(kindStart..<position)
        skipSpacesInSegment()
        var arguments: [MarkerArgument] = []
        if position < segmentEnd {
            guard bytes[position] == UInt8(ascii: "(") else {
                throw failure("expected '(' or the end of the comment after '@inngest.\(kind)', found \(describe(position))")
            }
            arguments = try parseArguments()
            skipSpacesInSegment()
            if position < segmentEnd {
                throw failure("expected the end of the comment after the arguments of '@inngest.\(kind)', found \(describe(position))")
            }
        }
        return Marker(kind: kind, arguments: arguments, location: source.location(at: at))
    }

    private func isKindByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    // MARK: - Arguments

    private mutating func parseArguments() throws(Diagnostic) -> [MarkerArgument] {
        position += 1  // "("
        var arguments: [MarkerArgument] = []
        while true {
            try skipWhitespace(closing: "')' to close the arguments of '@inngest.\(kind)'")
            if bytes[position] == UInt8(ascii: ")") {
                position += 1
                return arguments
            }
            arguments.append(try parseArgument())
            try skipWhitespace(closing: "',' or ')' after an argument of '@inngest.\(kind)'")
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: ")"):
                position += 1
                return arguments
            default:
                throw failure("expected ',' or ')' after an argument of '@inngest.\(kind)', found \(describe(position))")
            }
        }
    }

    private mutating func parseArgument() throws(Diagnostic) -> MarkerArgument {
        let start = position
        if isNameStart(bytes[position]) {
            let name = scanName()
            var probe = position
            while probe < segmentEnd && (bytes[probe] == 0x20 || bytes[probe] == 0x09) { probe += 1 }
            if probe < segmentEnd && bytes[probe] == UInt8(ascii: ":") {
                position = probe + 1
                try skipWhitespace(closing: "a value after '\(name):'")
                if bytes[position] == UInt8(ascii: ",") || bytes[position] == UInt8(ascii: ")") {
                    throw failure("expected a value after '\(name):', found \(describe(position))")
                }
                var argument = try parseValue(depth: 0)
                argument.label = name
                argument.location = source.location(at: start)
                return argument
            }
            position = start
        }
        return try parseValue(depth: 0)
    }

    // MARK: - Values

    /// Parses a value at `position` into an unlabeled argument located at its first character.
    private mutating func parseValue(depth: Int) throws(Diagnostic) -> MarkerArgument {
        let start = position
        let location = source.location(at: start)
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "#"):
            let value = try parseString()
            let literal = SourceSpan(text: source.text(start..<position), location: location)
            return MarkerArgument(label: nil, value: .string(value), location: location, literal: literal)
        case UInt8(ascii: "["):
            let elements = try parseArray(depth: depth + 1)
            return MarkerArgument(label: nil, value: .array(elements.map(\.value)), location: location, elements: elements)
        case UInt8(ascii: "("):
            return MarkerArgument(label: nil, value: .record(try parseRecord(depth: depth + 1)), location: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return MarkerArgument(label: nil, value: try parseNumber(), location: location)
        case UInt8(ascii: "."):
            position += 1
            guard position < segmentEnd, isNameStart(bytes[position]) else {
                throw failure("expected a name after '.', found \(describe(position))")
            }
            return MarkerArgument(label: nil, value: .identifier(try parsePath()), location: location)
        default:
            guard isNameStart(byte) else {
                throw failure("expected a value (a string, number, true, false, name, array or (key: value) list), found \(describe(position))")
            }
            let path = try parsePath()
            let bare = !source.text(start..<position).contains(".")
            if !bare, position < segmentEnd, bytes[position] == UInt8(ascii: "(") {
                let text = source.text(start..<position) + (try parseCallArguments(of: path))
                return MarkerArgument(label: nil, value: .call(callee: path, text: text), location: location)
            }
            let value: MarkerValue = bare && path == "true" ? .bool(true) : bare && path == "false" ? .bool(false) : .identifier(path)
            return MarkerArgument(label: nil, value: value, location: location)
        }
    }

    private mutating func parseArray(depth: Int) throws(Diagnostic) -> [MarkerArgument] {
        guard depth <= MarkerParser.maximumArrayDepth else {
            throw failure("arrays in a marker may nest at most \(MarkerParser.maximumArrayDepth) levels deep")
        }
        position += 1  // "["
        var elements: [MarkerArgument] = []
        while true {
            try skipWhitespace(closing: "']' to close the array")
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return elements
            }
            if bytes[position] == UInt8(ascii: ",") {
                throw failure("expected a value or ']' in the array, found ','")
            }
            elements.append(try parseValue(depth: depth))
            try skipWhitespace(closing: "',' or ']' in the array")
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                return elements
            default:
                throw failure("expected ',' or ']' in the array, found \(describe(position))")
            }
        }
    }

    /// Parses `(label: value, …)`; `position` is at the `(`.
    private mutating func parseRecord(depth: Int) throws(Diagnostic) -> [MarkerArgument] {
        guard depth <= MarkerParser.maximumArrayDepth else {
            throw failure("values in a marker may nest at most \(MarkerParser.maximumArrayDepth) levels deep")
        }
        position += 1  // "("
        var entries: [MarkerArgument] = []
        while true {
            try skipWhitespace(closing: "')' to close the list")
            if bytes[position] == UInt8(ascii: ")") {
                position += 1
                return entries
            }
            let start = position
            let name = isNameStart(bytes[position]) ? scanName() : ""
            skipSpacesInSegment()
            guard !name.isEmpty, position < segmentEnd, bytes[position] == UInt8(ascii: ":") else {
                position = start
                throw failure("expected a label such as 'event:' in '(…)', found \(describe(start))")
            }
            position += 1
            try skipWhitespace(closing: "a value after '\(name):'")
            if bytes[position] == UInt8(ascii: ",") || bytes[position] == UInt8(ascii: ")") {
                throw failure("expected a value after '\(name):', found \(describe(position))")
            }
            var entry = try parseValue(depth: depth)
            entry.label = name
            entry.location = source.location(at: start)
            entries.append(entry)
            try skipWhitespace(closing: "',' or ')' in the list")
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: ")"):
                position += 1
                return entries
            default:
                throw failure("expected ',' or ')' in the list, found \(describe(position))")
            }
        }
    }

    /// Reads the balanced `( … )` of a call such as `ConfigModule.forRoot(url: "…")` as written;
    /// `position` is at the `(`. Brackets must match and string literals (whose contents may hold
    /// any bracket) must end on their line; a marker line break becomes one space.
    private mutating func parseCallArguments(of callee: String) throws(Diagnostic) -> String {
        let open = position
        var text: [UInt8] = []
        var closers: [UInt8] = []
        while true {
            if position >= segmentEnd {
                guard advanceSegment() else {
                    throw Diagnostic(.error, "unbalanced parentheses in '\(callee)(…)': expected '\(closers.last.map { String(UnicodeScalar($0)) } ?? ")")' "
                                     + "before the end of the marker; close every '(', '[' and '{' of the call", at: source.location(at: open))
                }
                text.append(0x20)
                continue
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "("): closers.append(UInt8(ascii: ")"))
            case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
            case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard closers.last == byte else {
                    let expected = closers.last.map { "'\(String(UnicodeScalar($0)))'" } ?? "nothing"
                    throw failure("unbalanced parentheses in '\(callee)(…)': expected \(expected), found \(describe(position))")
                }
                closers.removeLast()
            case UInt8(ascii: "\""), UInt8(ascii: "#"):
                let start = position
                var probe = position
                while probe < segmentEnd && bytes[probe] == UInt8(ascii: "#") { probe += 1 }
                if probe < segmentEnd && bytes[probe] == UInt8(ascii: "\"") {
                    _ = try parseString()
                    if let control = (start..<position).first(where: { bytes[$0] < 0x20 && bytes[$0] != 0x09 || bytes[$0] == 0x7F }) {
                        position = control
                        throw failure("a call in a marker cannot contain the control character \(Self.scalarName(bytes[control])); "
                                      + "write it as an escape such as \\u{…} in '\(callee)(…)'")
                    }
                    text += bytes[start..<position]
                    continue
                }
            case 0x00..<0x20 where byte != 0x09, 0x7F:
                throw failure("a call in a marker cannot contain the control character \(Self.scalarName(byte)); remove it from '\(callee)(…)'")
            default:
                break
            }
            text.append(byte)
            position += 1
            if closers.isEmpty { return String(decoding: text, as: UTF8.self) }
        }
    }

    /// Parses a string literal; `position` is at its `"` or first `#`.
    private mutating func parseString() throws(Diagnostic) -> String {
        let start = position
        var hashes = 0
        while position < segmentEnd && bytes[position] == UInt8(ascii: "#") {
            hashes += 1
            position += 1
        }
        guard position < segmentEnd, bytes[position] == UInt8(ascii: "\"") else {
            throw failure("expected '\"' to start a raw string, found \(describe(position))")
        }
        position += 1
        var decoded: [UInt8] = []
        while true {
            guard position < segmentEnd else {
                throw Diagnostic(.error, "unterminated string literal in marker '@inngest.\(kind)'", at: source.location(at: start))
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") && followedByHashes(hashes, at: position + 1) {
                position += 1 + hashes
                return String(decoding: decoded, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") && followedByHashes(hashes, at: position + 1) {
                position += 1 + hashes
                try decodeEscape(into: &decoded)
                continue
            }
            decoded.append(byte)
            position += 1
        }
    }

    private func followedByHashes(_ count: Int, at index: Int) -> Bool {
        guard index + count <= segmentEnd else { return false }
        var offset = 0
        while offset < count {
            if bytes[index + offset] != UInt8(ascii: "#") { return false }
            offset += 1
        }
        return true
    }

    /// Decodes the escape whose character is at `position` (after `\` and any `#`s).
    private mutating func decodeEscape(into decoded: inout [UInt8]) throws(Diagnostic) {
        guard position < segmentEnd else {
            throw failure("expected an escaped character after '\\'")
        }
        let byte = bytes[position]
        position += 1
        if let simple = EscapeSequence.simple(byte) {
            decoded.append(simple)
            return
        }
        switch byte {
        case UInt8(ascii: "u"):
            let braceAt = position
            guard position < segmentEnd, bytes[position] == UInt8(ascii: "{") else {
                throw failure("expected '{' after '\\u', found \(describe(position))")
            }
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while position < segmentEnd, let digit = EscapeSequence.hexValue(bytes[position]) {
                value = value &* 16 &+ UInt32(digit)
                digits += 1
                position += 1
                if digits > 8 { break }
            }
            guard digits >= 1, digits <= 8, position < segmentEnd, bytes[position] == UInt8(ascii: "}") else {
                throw failure("expected 1 to 8 hexadecimal digits and '}' in '\\u{…}', found \(describe(position))")
            }
            position += 1
            guard let scalar = Unicode.Scalar(value) else {
                throw Diagnostic(.error, "'\\u{…}' is not a valid Unicode scalar", at: source.location(at: braceAt))
            }
            decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
        case UInt8(ascii: "("):
            throw Diagnostic(.error, "string interpolation is not allowed in a marker", at: source.location(at: position - 2))
        default:
            throw Diagnostic(
                .error,
                "invalid escape sequence in marker string; expected \\n, \\t, \\r, \\0, \\\", \\', \\\\ or \\u{…}",
                at: source.location(at: position - 2)
            )
        }
    }

    private mutating func parseNumber() throws(Diagnostic) -> MarkerValue {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
            guard position < segmentEnd, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") else {
                throw failure("expected a digit after '-', found \(describe(position))")
            }
        }
        let digitsStart = position
        var radix = 10
        if bytes[position] == UInt8(ascii: "0"), position + 1 < segmentEnd {
            switch bytes[position + 1] {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: break
            }
            if radix != 10 { position += 2 }
        }
        var isDecimal = false
        var text: [UInt8] = []
        while position < segmentEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "_") {
                position += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || radix == 16 && EscapeSequence.hexValue(byte) != nil {
                text.append(byte)
                position += 1
            } else if radix == 10 && byte == UInt8(ascii: "."), position + 1 < segmentEnd,
                      bytes[position + 1] >= UInt8(ascii: "0") && bytes[position + 1] <= UInt8(ascii: "9") {
                isDecimal = true
                text.append(byte)
                position += 1
            } else if radix == 10 && (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) {
                isDecimal = true
                text.append(byte)
                position += 1
                if position < segmentEnd && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                    text.append(bytes[position])
                    position += 1
                }
            } else {
                break
            }
        }
        if position < segmentEnd && isNameByte(bytes[position]) {
            throw failure("expected a digit or the end of the number, found \(describe(position))")
        }
        let written = source.text(start..<position)
        let digits = String(decoding: text, as: UTF8.self)
        guard !digits.isEmpty else {
            throw Diagnostic(.error, "expected digits in number '\(written)'", at: source.location(at: digitsStart))
        }
        if isDecimal {
            guard let value = Double(digits) else {
                throw Diagnostic(.error, "invalid number '\(written)'", at: source.location(at: start))
            }
            return .decimal(negative ? -value : value)
        }
        guard let value = Int(negative ? "-" + digits : digits, radix: radix) else {
            throw Diagnostic(.error, "integer '\(written)' does not fit in Int", at: source.location(at: start))
        }
        return .integer(value)
    }

    // MARK: - Names and paths

    private func isNameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "_"), UInt8(ascii: "`"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    /// Scans a name (backticks stripped) at `position`; empty when none is there.
    private mutating func scanName() -> String {
        if bytes[position] == UInt8(ascii: "`") {
            var end = position + 1
            while end < segmentEnd && bytes[end] != UInt8(ascii: "`") { end += 1 }
            guard end < segmentEnd, end > position + 1 else { return "" }
            let name = source.text(position + 1..<end)
            position = end + 1
            return name
        }
        let start = position
        while position < segmentEnd && isNameByte(bytes[position]) { position += 1 }
        return source.text(start..<position)
    }

    /// Parses `Name<Args>.Name…`, dropping a final `.self`.
    private mutating func parsePath() throws(Diagnostic) -> String {
        var components: [String] = []
        while true {
            let componentStart = position
            var name = scanName()
            if name.isEmpty {
                throw failure("expected a name, found \(describe(componentStart))")
            }
            if position < segmentEnd && bytes[position] == UInt8(ascii: "<") {
                name += try parseGenericArguments()
            }
            components.append(name)
            if position + 1 < segmentEnd && bytes[position] == UInt8(ascii: ".") && isNameStart(bytes[position + 1]) {
                position += 1
                continue
            }
            break
        }
        if components.count > 1 && components.last == "self" { components.removeLast() }
        return components.joined(separator: ".")
    }

    /// Parses `<A, B<C>>` on the current segment, returning it normalised.
    private mutating func parseGenericArguments() throws(Diagnostic) -> String {
        let open = position
        var depth = 0
        var text = ""
        while position < segmentEnd {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "<"):
                depth += 1
                text += "<"
            case UInt8(ascii: ">"):
                depth -= 1
                text += ">"
                if depth == 0 {
                    position += 1
                    return text
                }
            case UInt8(ascii: ","):
                text += ", "
            case UInt8(ascii: ":"):
                text += ": "
            case 0x20, 0x09:
                break
            case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"):
                text.append(Character(Unicode.Scalar(byte)))
            default:
                guard isNameByte(byte) else {
                    throw failure("expected a type name or '>' in generic arguments, found \(describe(position))")
                }
                let name = scanName()
                text += name
                continue
            }
            position += 1
        }
        throw Diagnostic(.error, "expected '>' to close the generic arguments", at: source.location(at: open))
    }

    // MARK: - Whitespace and segments

    private mutating func skipSpacesInSegment() {
        while position < segmentEnd && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
    }

    /// Skips whitespace, moving on to following segments as needed; throws "expected
    /// `closing`" at the end of the last segment when the text runs out.
    private mutating func skipWhitespace(closing expected: String) throws(Diagnostic) {
        while true {
            skipSpacesInSegment()
            if position < segmentEnd { return }
            guard advanceSegment() else {
                throw failure("expected \(expected), found the end of the comment")
            }
        }
    }

    /// Moves to the next segment; false when the marker's text has no more lines.
    private mutating func advanceSegment() -> Bool {
        var index = segmentEnd
        let count = bytes.count
        switch continuation {
        case .lineComments:
            if index < count && bytes[index] == 0x0D { index += 1 }
            if index < count && bytes[index] == 0x0A { index += 1 }
            guard index > segmentEnd else { return false }
            while index < count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            guard index + 1 < count, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") else {
                return false
            }
            index += 2
            if index < count && bytes[index] == UInt8(ascii: "/") { index += 1 }
            var end = index
            while end < count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            position = index
            segmentEnd = end
            return true
        case .blockComment(let limit):
            guard index < limit else { return false }
            if bytes[index] == 0x0D { index += 1 }
            if index < limit && bytes[index] == 0x0A { index += 1 }
            guard index > segmentEnd else { return false }
            var end = index
            while end < limit && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            position = MarkerParser.skipBlockLinePrefix(bytes, from: index, to: end)
            segmentEnd = end
            return true
        }
    }

    // MARK: - Errors

    private func failure(_ message: String) -> Diagnostic {
        Diagnostic(.error, message, at: source.location(at: position))
    }

    /// `U+0000` for a byte below 0x80.
    private static func scalarName(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// `'c'` for the character at `index`, `the control character U+0000`, or `the end of the comment`.
    private func describe(_ index: Int) -> String {
        guard index < segmentEnd else { return "the end of the comment" }
        if bytes[index] < 0x20 && bytes[index] != 0x09 || bytes[index] == 0x7F { return "the control character \(Self.scalarName(bytes[index]))" }
        var end = index + 1
        while end < segmentEnd && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(source.text(index..<end))'"
    }
}
