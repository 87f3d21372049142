/// Inngest's `priority`: an expression over `event` giving seconds of head start (−600 … 600) over
/// other queued runs of the function. A run with 120 starts before runs queued up to two minutes
/// before it; a negative value lets later runs pass it. With nothing else queued a run starts at once.
///
/// ```swift
/// static let options = FunctionOptions(priority: .run("event.data.plan == \"enterprise\" ? 120 : 0"))
/// ```
public struct Priority: Sendable, Hashable {
    /// The expression, whose integer value is the head start in seconds.
    public var run: String

    /// Creates a priority.
    /// - Parameter run: an Inngest expression over `event` giving −600 … 600.
    public init(run: String) { self.run = run }

    /// A priority computed by `expression`.
    public static func run(_ expression: String) -> Priority { Priority(run: expression) }

    /// A priority read from a numeric field of the event's data.
    public static func run<E: Event, V: Numeric>(_ keyPath: KeyPath<E, V>) -> Priority {
        Priority(run: EventDataPath.expression(keyPath))
    }
}
