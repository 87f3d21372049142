/// The tokens of one expression the scanner kept as text (a static property's value), for readers
/// that accept only exact literal shapes and give up on anything else.
struct ExpressionCursor {
    private let source: SourceBuffer
    private let tokens: [Token]
    private(set) var position: Int
    private let end: Int

    /// Lexes `text`.
    init(_ text: String) {
        source = SourceBuffer(text, path: "<expression>")
        tokens = Lexer.tokenize(source).tokens
        position = 0
        end = tokens.count - 1
    }

    private init(source: SourceBuffer, tokens: [Token], range: Range<Int>) {
        self.source = source
        self.tokens = tokens
        position = range.lowerBound
        end = range.upperBound
    }

    /// Whether every token has been read.
    var atEnd: Bool { position >= end }

    /// The current token's kind, `.endOfFile` at the end.
    var kind: Token.Kind { atEnd ? .endOfFile : tokens[position].kind }

    /// The current token's text, empty at the end.
    var text: String { atEnd ? "" : tokens[position].text(in: source) }

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

    /// A cursor over one argument or element: the tokens up to the next `,` or closing bracket at
    /// depth zero, which this cursor then stands on.
    mutating func element() -> ExpressionCursor {
        let start = position
        var depth = 0
        while !atEnd {
            switch kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace:
                if depth == 0 { return ExpressionCursor(source: source, tokens: tokens, range: start..<position) }
                depth -= 1
            case .comma where depth == 0:
                return ExpressionCursor(source: source, tokens: tokens, range: start..<position)
            default: break
            }
            position += 1
        }
        return ExpressionCursor(source: source, tokens: tokens, range: start..<position)
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
}
