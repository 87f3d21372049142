/// A function's `priority`: the `run` expression giving seconds a run may jump the queue by.
public struct PriorityModel: Sendable, Hashable {
    /// The `run` expression.
    public var run: FlowKeyModel
    /// Where `priority` is written.
    public var location: SourceLocation

    /// Creates a priority model.
    public init(run: FlowKeyModel, location: SourceLocation) {
        self.run = run
        self.location = location
    }
}
