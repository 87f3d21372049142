/// One lexical token of a Swift source file: a byte range plus its kind.
///
/// The lexer drops whitespace and comments, remembering only whether some came before a
/// token (`hasLeadingSpace`) and whether a line break did (`isAtLineStart`). A comment that
/// is a marker becomes a ``Kind/marker`` token. A whole string literal, interpolations
/// included, is one ``Kind/string`` token.
public struct Token: Hashable, Sendable {
    // Sixteen bytes a token (a 6 MB target has about a million): offsets as `UInt32`, which
    // `Scanner` guarantees by refusing larger files, and the two trivia flags as bits of `bits`.
    private var startOffset: UInt32
    private var endOffset: UInt32
    private var payloadValue: UInt32
    /// What kind of token this is.
    public var kind: Kind
    /// Bit 0: an interpolated string; bit 1: an unterminated string; bit 2: at a line start;
    /// bit 3: after whitespace.
    private var bits: UInt8
    /// The keyword (or significant operator) this token spells, if any.
    var keyword: Keyword

    /// The largest byte offset a token can hold: ``Scanner`` refuses files longer than this.
    package static let maximumOffset = Int(UInt32.max)

    private static let lineStartBit: UInt8 = 4
    private static let leadingSpaceBit: UInt8 = 8

    /// The byte offset of the first byte.
    public var start: Int {
        get { Int(startOffset) }
        set { startOffset = UInt32(newValue) }
    }

    /// The byte offset just past the last byte.
    public var end: Int {
        get { Int(endOffset) }
        set { endOffset = UInt32(newValue) }
    }

    /// For ``Kind/marker``: the index of the marker in ``Lexer/Output/markers``.
    public var payload: Int {
        get { Int(payloadValue) }
        set { payloadValue = UInt32(newValue) }
    }

    /// Whether a line break (or the start of the file) comes between the previous token
    /// and this one, comments included.
    public var isAtLineStart: Bool {
        get { bits & Self.lineStartBit != 0 }
        set { bits = newValue ? bits | Self.lineStartBit : bits & ~Self.lineStartBit }
    }

    /// Whether whitespace, a line break or a comment comes between the previous token and
    /// this one.
    public var hasLeadingSpace: Bool {
        get { bits & Self.leadingSpaceBit != 0 }
        set { bits = newValue ? bits | Self.leadingSpaceBit : bits & ~Self.leadingSpaceBit }
    }

    /// For ``Kind/string``: bit 0 set when interpolated, bit 1 set when unterminated.
    var flags: UInt8 {
        get { bits & 3 }
        set { bits = bits & ~3 | newValue & 3 }
    }

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
        self.startOffset = UInt32(start)
        self.endOffset = UInt32(end)
        self.payloadValue = UInt32(payload)
        self.bits = (isAtLineStart ? Self.lineStartBit : 0) | (hasLeadingSpace ? Self.leadingSpaceBit : 0)
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
