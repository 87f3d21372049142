/// Turns runs of tokens back into normalised text: comments dropped, no line breaks.
enum TokenTextFormatter: Sendable {
    /// Expression text: tokens joined with one space wherever the source had whitespace or a
    /// comment between them, nothing otherwise. Marker tokens are skipped.
    static func expression(_ tokens: ArraySlice<Token>, in source: SourceBuffer) -> String {
        var output: [UInt8] = []
        var first = true
        for token in tokens where token.kind != .marker && token.kind != .endOfFile {
            if !first && token.hasLeadingSpace { output.append(0x20) }
            output.append(contentsOf: source.bytes[token.start..<token.end])
            first = false
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Type text: one space after `,` and `:` and around `->`, `&` and `=`; none inside
    /// brackets, parentheses and angle brackets, before `?`, `!`, `...`, or after a prefix
    /// `~`; elsewhere one space where the source had whitespace.
    static func type(_ tokens: ArraySlice<Token>, in source: SourceBuffer) -> String {
        var output: [UInt8] = []
        var previous: Token?
        for token in tokens where token.kind != .marker && token.kind != .endOfFile {
            if let previous, space(between: previous, and: token, in: source.bytes) {
                output.append(0x20)
            }
            output.append(contentsOf: source.bytes[token.start..<token.end])
            previous = token
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func space(between previous: Token, and next: Token, in bytes: [UInt8]) -> Bool {
        switch next.kind {
        case .rightParen, .rightBracket, .comma, .colon, .semicolon, .period:
            return false
        default:
            break
        }
        switch previous.kind {
        case .leftParen, .leftBracket, .period:
            return false
        case .comma, .colon:
            return true
        default:
            break
        }
        if isAngle(next, UInt8(ascii: ">"), in: bytes) || isAngle(next, UInt8(ascii: "<"), in: bytes)
            || isAngle(previous, UInt8(ascii: "<"), in: bytes) {
            return false
        }
        if next.kind == .operator {
            switch next.keyword {
            case .question, .exclamation, .ellipsis: return false
            case .arrow, .ampersand, .equal: return true
            default: break
            }
        }
        if previous.kind == .operator {
            switch previous.keyword {
            case .tilde: return false
            case .arrow, .ampersand, .equal: return true
            default: break
            }
        }
        return next.hasLeadingSpace
    }

    /// Whether `token` is an operator starting with `character` (`<`, `>`, `>>`, `>?`).
    private static func isAngle(_ token: Token, _ character: UInt8, in bytes: [UInt8]) -> Bool {
        token.kind == .operator && bytes[token.start] == character
    }
}
