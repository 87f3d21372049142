/// A call of a step tool whose literal arguments the build checks, found in a function body:
/// `step.waitForEvent(…)` (also `context.step.waitForEvent(…)`), as written.
public struct StepCallDecl: Hashable, Sendable {
    /// The tool: `waitForEvent`.
    public var name: String
    /// The parenthesised argument list as written, `(` to `)`.
    public var arguments: SourceSpan
    /// The `#if` conditions in force, outermost first (the enclosing declaration's, then those
    /// inside the body).
    public var conditions: [String]
    /// Where the tool's name is.
    public var location: SourceLocation

    /// Creates a call.
    public init(name: String, arguments: SourceSpan, conditions: [String] = [], location: SourceLocation) {
        self.name = name
        self.arguments = arguments
        self.conditions = conditions
        self.location = location
    }
}
