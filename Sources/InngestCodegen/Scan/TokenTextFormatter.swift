/// Turns runs of tokens back into normalised text: comments dropped, no line breaks.
enum TokenTextFormatter: Sendable {
    /// Expression text: tokens joined with one space wherever the source had whitespace or a
    /// comment between them, nothing otherwise. Marker tokens are skipped.
    static func expression(_ tokens: ArraySlice<Token>, in source: SourceBuffer) -> String {
        joined(tokens, in: source) { previous, token in previous != nil && token.hasLeadingSpace }
    }

    /// Type text: one space after `,` and `:` and around `->`, `&` and `=`; none inside
    /// brackets, parentheses and angle brackets, before `?`, `!`, `...`, or after a prefix
    /// `~`; elsewhere one space where the source had whitespace.
    static func type(_ tokens: ArraySlice<Token>, in source: SourceBuffer) -> String {
        joined(tokens, in: source) { previous, token in
            guard let previous else { return false }
            return space(between: previous, and: token, in: source.bytes)
        }
    }

    /// The tokens' bytes (markers skipped) with a space before each token for which `spaced(previous, token)`
    /// holds, written straight into the string: one pass measures, one copies (no buffer in between).
    @inline(__always)
    private static func joined(_ tokens: ArraySlice<Token>, in source: SourceBuffer, spaced: (Token?, Token) -> Bool) -> String {
        var count = 0
        var previous: Token?
        for token in tokens where token.kind != .marker && token.kind != .endOfFile {
            if spaced(previous, token) { count += 1 }
            count += token.end - token.start
            previous = token
        }
        guard count > 0 else { return "" }
        return source.bytes.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: count) { output in
                var written = 0
                var previous: Token?
                for token in tokens where token.kind != .marker && token.kind != .endOfFile {
                    if spaced(previous, token) {
                        output[written] = 0x20
                        written += 1
                    }
                    let length = token.end - token.start
                    _ = UnsafeMutableBufferPointer(rebasing: output[written..<(written + length)])
                        .update(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
                    written += length
                    previous = token
                }
                return written
            }
        }
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
