/// Why an evaluation produced no value: a type error (`"abc" < 5`), an index out of range, an
/// integer overflow. Inngest treats such an error as "does not match" for triggers, waits and
/// cancellations; the message is for logs.
public struct ExpressionEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// Creates the error.
    /// - Parameter message: what went wrong.
    @inlinable package init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
