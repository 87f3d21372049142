/// One argument of a marker: `label: value`, or a bare `value`.
public struct MarkerArgument: Hashable, Sendable {
    /// The label before the colon; `nil` for an unlabeled argument.
    public var label: String?
    /// The value after the colon (or the whole argument when unlabeled).
    public var value: MarkerValue
    /// The location of the label, or of the value when unlabeled.
    public var location: SourceLocation
    /// The location of the first character of the value.
    public var valueLocation: SourceLocation

    /// Creates an argument; `location` defaults to `valueLocation`.
    public init(label: String?, value: MarkerValue, location: SourceLocation, valueLocation: SourceLocation? = nil) {
        self.label = label
        self.value = value
        self.location = location
        self.valueLocation = valueLocation ?? location
    }
}
