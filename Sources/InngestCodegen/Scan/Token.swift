/// One lexical token of a Swift source file: a byte range plus its kind.
///
/// The lexer drops whitespace and comments, remembering only whether some came before a
/// token (`hasLeadingSpace`) and whether a line break did (`isAtLineStart`). A comment that
/// is a marker becomes a ``Kind/marker`` token. A whole string literal, interpolations
/// included, is one ``Kind/string`` token.
public struct Token: Hashable, Sendable {
    /// The byte offset of the first byte.
    public var start: Int
    /// The byte offset just past the last byte.
    public var end: Int
    /// For ``Kind/marker``: the index of the marker in ``Lexer/Output/markers``.
    public var payload: Int
    /// Whether a line break (or the start of the file) comes between the previous token
    /// and this one, comments included.
    public var isAtLineStart: Bool
    /// Whether whitespace, a line break or a comment comes between the previous token and
    /// this one.
    public var hasLeadingSpace: Bool
    /// What kind of token this is.
    public var kind: Kind
    /// For ``Kind/string``: bit 0 set when interpolated, bit 1 set when unterminated.
    var flags: UInt8
    /// The keyword (or significant operator) this token spells, if any.
    var keyword: Keyword

    /// Creates a token.
    public init(
        kind: Kind,
        start: Int,
        end: Int,
        isAtLineStart: Bool = false,
        hasLeadingSpace: Bool = false,
        payload: Int = 0
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.isAtLineStart = isAtLineStart
        self.hasLeadingSpace = hasLeadingSpace
        self.payload = payload
        self.flags = 0
        self.keyword = .none
    }

    /// Whether this string literal contains an interpolation `\( … )`.
    public var isInterpolated: Bool { flags & 1 != 0 }

    /// Whether this string or regex literal runs to the end of its line (or file) without
    /// its closing delimiter.
    public var isUnterminated: Bool { flags & 2 != 0 }

    /// The token's source text.
    public func text(in source: SourceBuffer) -> String {
        source.text(start..<end)
    }
}
