/// The tokens of one expression the scanner kept as text (a static property's value, a call's
/// arguments), for readers that accept only exact literal shapes and give up on anything else.
/// A cursor made from a ``SourceSpan`` knows where each token is in the file.
struct ExpressionCursor {
    /// One argument of a call: its label, if written, and a cursor over its value.
    struct Argument {
        /// The label; `nil` when unlabeled.
        var label: String?
        /// Where the argument starts (its label, or its value).
        var location: SourceLocation
        /// The value's tokens.
        var value: ExpressionCursor
    }

    private let source: SourceBuffer
    private let tokens: [Token]
    private let span: SourceSpan?
    private(set) var position: Int
    private let end: Int

    /// Lexes `text`.
    init(_ text: String) {
        source = SourceBuffer(text, path: "<expression>")
        tokens = Lexer.tokenize(source).tokens
        span = nil
        position = 0
        end = tokens.count - 1
    }

    /// Lexes the text of `span`; locations are the file's.
    init(_ span: SourceSpan) {
        source = SourceBuffer(span.text, path: span.location.file)
        tokens = Lexer.tokenize(source).tokens
        self.span = span
        position = 0
        end = tokens.count - 1
    }

    private init(copying cursor: ExpressionCursor, range: Range<Int>) {
        source = cursor.source
        tokens = cursor.tokens
        span = cursor.span
        position = range.lowerBound
        end = range.upperBound
    }

    /// Whether every token has been read.
    var atEnd: Bool { position >= end }

    /// The current token's kind, `.endOfFile` at the end.
    var kind: Token.Kind { atEnd ? .endOfFile : tokens[position].kind }

    /// The current token's text, empty at the end.
    var text: String { atEnd ? "" : tokens[position].text(in: source) }

    /// Where the current token is (for a cursor made from a span, in the file).
    var location: SourceLocation {
        let offset = atEnd ? (end > 0 ? tokens[end - 1].end : 0) : tokens[position].start
        return span?.location(atByte: offset) ?? source.location(at: offset)
    }

    /// Consumes the current token if it has `kind` (and `text`, when given).
    mutating func take(_ kind: Token.Kind, _ text: String? = nil) -> Bool {
        guard self.kind == kind, text == nil || self.text == text else { return false }
        position += 1
        return true
    }

    /// Consumes a dotted path of names, `A.B.self`, returning its components.
    mutating func path() -> [String]? {
        var components: [String] = []
        repeat {
            guard kind == .identifier else { return nil }
            components.append(text.hasPrefix("`") ? String(text.dropFirst().dropLast()) : text)
            position += 1
        } while take(.period)
        return components
    }

    /// Consumes `<…>` generic arguments if they come next (possibly nested, `>>` included).
    mutating func skipGenericArguments() {
        guard kind == .operator, text.hasPrefix("<") else { return }
        var depth = 0
        while !atEnd {
            if kind == .operator {
                for character in text {
                    if character == "<" { depth += 1 }
                    if character == ">" { depth -= 1 }
                }
            }
            position += 1
            if depth <= 0 { return }
        }
    }

    /// A cursor over one argument or element: the tokens up to the next `,` or closing bracket at
    /// depth zero, which this cursor then stands on.
    mutating func element() -> ExpressionCursor {
        let start = position
        var depth = 0
        while !atEnd {
            switch kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace:
                if depth == 0 { return ExpressionCursor(copying: self, range: start..<position) }
                depth -= 1
            case .comma where depth == 0:
                return ExpressionCursor(copying: self, range: start..<position)
            default: break
            }
            position += 1
        }
        return ExpressionCursor(copying: self, range: start..<position)
    }

    /// Reads `(label: value, value, …)` at the current `(`: the arguments, or `nil` when the
    /// parentheses are not balanced.
    mutating func arguments() -> [Argument]? {
        guard take(.leftParen) else { return nil }
        var arguments: [Argument] = []
        while !take(.rightParen) {
            let location = self.location
            var value = element()
            var label: String?
            var labeled = value
            let word = labeled.text
            if labeled.take(.identifier), labeled.take(.colon) {
                label = word.hasPrefix("`") ? String(word.dropFirst().dropLast()) : word
                value = labeled
            }
            guard !value.atEnd else { return nil }
            arguments.append(Argument(label: label, location: location, value: value))
            if !take(.comma) {
                guard take(.rightParen) else { return nil }
                break
            }
        }
        return arguments
    }

    /// Reads `[A.suffix, B.C.suffix]` filling the whole cursor: the names before `.suffix`, or
    /// `nil` for any other shape.
    mutating func literalList(suffix: String) -> [String]? {
        guard take(.leftBracket) else { return nil }
        var names: [String] = []
        while !take(.rightBracket) {
            guard var components = path(), components.count >= 2, components.last == suffix else { return nil }
            components.removeLast()
            names.append(components.joined(separator: "."))
            if !take(.comma) {
                guard take(.rightBracket) else { return nil }
                break
            }
        }
        return atEnd ? names : nil
    }

    /// The cursors over the elements of `[a, b]` filling the whole cursor; `nil` for any other shape.
    mutating func arrayElements() -> [ExpressionCursor]? {
        guard take(.leftBracket) else { return nil }
        var elements: [ExpressionCursor] = []
        while !take(.rightBracket) {
            let element = element()
            guard !element.atEnd else { return nil }
            elements.append(element)
            if !take(.comma) {
                guard take(.rightBracket) else { return nil }
                break
            }
        }
        return atEnd ? elements : nil
    }

    // MARK: Literal values, each filling the whole cursor

    /// `Name.self` (or `A.B.self`): the type name.
    mutating func typeReference() -> String? {
        guard var components = path(), components.count >= 2, components.last == "self", atEnd else { return nil }
        components.removeLast()
        return components.joined(separator: ".")
    }

    /// One plain string literal: its value, location and text as written.
    mutating func string() -> LocatedString? {
        guard kind == .string, position + 1 == end else { return nil }
        let token = tokens[position]
        guard let value = StringLiteralDecoder.decode(token, in: source) else { return nil }
        let location = self.location
        position += 1
        return LocatedString(value, at: location, literal: SourceSpan(text: token.text(in: source), location: location))
    }

    /// An integer literal, optionally negative.
    mutating func integer() -> Int? {
        let negative = kind == .operator && text == "-"
        if negative { position += 1 }
        guard kind == .integer, let value = Int(String(text.filter { $0 != "_" })), position + 1 == end else { return nil }
        position += 1
        return negative ? -value : value
    }

    /// An integer literal, optionally negative, with where it is written.
    mutating func locatedInteger() -> LocatedInteger? {
        let location = self.location
        return integer().map { LocatedInteger($0, at: location) }
    }

    /// An enum case written `.name` or `Type.name` (`Type` one of `types`, optionally after
    /// `Inngest.`), filling the whole cursor: its name.
    mutating func enumCase(in types: Set<String>) -> String? {
        if take(.period) {
            guard kind == .identifier else { return nil }
            let name = text
            position += 1
            return atEnd ? name : nil
        }
        guard var components = path(), atEnd, components.count >= 2 else { return nil }
        let name = components.removeLast()
        if components.first == "Inngest" { components.removeFirst() }
        return types.contains(components.joined(separator: ".")) ? name : nil
    }

    /// A duration literal: `.seconds(30)`, `.milliseconds(500)`, `.minutes(5)`, `.hours(1)`,
    /// `.days(7)` (also `Duration.seconds(30)`), with an integer (optionally negative) argument.
    mutating func duration() -> LocatedDuration? {
        let location = self.location
        if !take(.period) {
            guard take(.identifier, "Duration"), take(.period) else { return nil }
        }
        let unit = text
        let nanoseconds: Int64
        switch unit {
        case "nanoseconds": nanoseconds = 1
        case "microseconds": nanoseconds = 1_000
        case "milliseconds": nanoseconds = 1_000_000
        case "seconds": nanoseconds = 1_000_000_000
        case "minutes": nanoseconds = 60_000_000_000
        case "hours": nanoseconds = 3_600_000_000_000
        case "days": nanoseconds = 86_400_000_000_000
        default: return nil
        }
        guard take(.identifier), var arguments = self.arguments(), atEnd, arguments.count == 1, arguments[0].label == nil,
              let count = arguments[0].value.integer() else { return nil }
        let (total, overflow) = Int64(count).multipliedReportingOverflow(by: nanoseconds)
        guard !overflow else { return nil }
        return LocatedDuration(nanoseconds: total, location: location)
    }

    /// A key path, `\.a.b` or `\Root.a.b`: its root (when written) and property names.
    mutating func keyPath() -> KeyPathModel? {
        let location = self.location
        guard kind == .unknown, text == "\\" else { return nil }
        position += 1
        let rootless = take(.period)
        guard let components = path(), atEnd else { return nil }
        if rootless { return KeyPathModel(root: nil, properties: components, location: location) }
        let root = components.prefix { $0.first?.isUppercase == true }
        guard !root.isEmpty, root.count < components.count else { return nil }
        return KeyPathModel(root: root.joined(separator: "."), properties: Array(components.dropFirst(root.count)), location: location)
    }
}
