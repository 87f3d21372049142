/// One argument of a marker: `label: value`, or a bare `value`; also an element of an array
/// value or an entry of a record value, which have their own locations.
public struct MarkerArgument: Hashable, Sendable {
    /// The label before the colon; `nil` for an unlabeled argument.
    public var label: String?
    /// The value after the colon (or the whole argument when unlabeled).
    public var value: MarkerValue
    /// The location of the label, or of the value when unlabeled.
    public var location: SourceLocation
    /// The location of the first character of the value.
    public var valueLocation: SourceLocation
    /// For a string value: the literal as written, to point at a column inside it.
    public var literal: SourceSpan?
    /// For an array value: its elements, in order, each with its location.
    public var elements: [MarkerArgument]

    /// Creates an argument; `location` defaults to `valueLocation`.
    public init(label: String?, value: MarkerValue, location: SourceLocation, valueLocation: SourceLocation? = nil,
                literal: SourceSpan? = nil, elements: [MarkerArgument] = []) {
        self.label = label
        self.value = value
        self.location = location
        self.valueLocation = valueLocation ?? location
        self.literal = literal
        self.elements = elements
    }

    /// The location of the byte at `offset` of a string value, inside its literal (escapes
    /// accounted for); the value's location for other values.
    public func location(inValueAt offset: Int) -> SourceLocation {
        literal?.location(inLiteralAt: offset) ?? valueLocation
    }
}
