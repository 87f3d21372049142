/// Source text exactly as written, with the location of its first character: what a reader of
/// the text needs to point at a column inside it (a problem inside a string literal, an argument
/// of a call).
public struct SourceSpan: Hashable, Sendable {
    /// The text as written, comments and line breaks included.
    public var text: String
    /// Where its first character is.
    public var location: SourceLocation

    /// Creates a span.
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }

    /// The location of the byte at `offset` in `text` (clamped to it). Columns count Unicode
    /// scalars, as ``SourceLocation`` does.
    public func location(atByte offset: Int) -> SourceLocation {
        let bytes = Array(text.utf8)
        let end = min(max(offset, 0), bytes.count)
        var line = location.line
        var column = location.column
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A) {
                line += 1
                column = 1
            } else if byte != 0x0D && byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: location.file, line: line, column: column)
    }

    /// For a span that is one single-line string literal (`"…"`, `#"…"#`): the location of the
    /// character that decodes to the UTF-8 byte at `offset` of its value, escapes accounted for
    /// (`\"` is two characters of source for one of value). For a multi-line literal, the
    /// literal's own location.
    public func location(inLiteralAt offset: Int) -> SourceLocation {
        guard let raw = StringLiteralPosition.rawOffset(of: offset, inLiteral: Array(text.utf8)) else { return location }
        return location(atByte: raw)
    }
}
