/// A string literal's value and where it is written: a marker string or a Swift literal that the
/// build checks (an event name, a cron or time string, an expression).
public struct LocatedString: Sendable, Hashable {
    /// The decoded value.
    public var value: String
    /// Where the literal starts (its opening quote or `#`).
    public var location: SourceLocation
    /// The literal as written, to point inside it; `nil` when not known.
    public var literal: SourceSpan?

    /// Creates a located string.
    public init(_ value: String, at location: SourceLocation, literal: SourceSpan? = nil) {
        self.value = value
        self.location = location
        self.literal = literal
    }

    /// The location of the character that decodes to the byte at `utf8Offset` of the value,
    /// escapes accounted for; the literal's location when that cannot be worked out.
    public func location(at utf8Offset: Int) -> SourceLocation {
        literal?.location(inLiteralAt: utf8Offset) ?? location
    }
}
