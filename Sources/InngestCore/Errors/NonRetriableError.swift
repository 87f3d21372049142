/// Throw this to fail a step or a whole run at once, without retrying.
///
/// Thrown from a `step.run` body, the step fails on this attempt and the `StepError` surfaces in the
/// handler; thrown from the handler, the run fails.
public struct NonRetriableError: Error, Sendable, CustomStringConvertible {
    /// Why retrying cannot help.
    public let message: String
    /// The error that caused it, if any.
    public let cause: SerializedError?

    /// Creates the error.
    /// - Parameters:
    ///   - message: why retrying cannot help.
    ///   - cause: the underlying error, if any.
    public init(_ message: String, cause: (any Error)? = nil) {
        self.message = message
        self.cause = cause.map(SerializedError.init)
    }

    /// The message.
    public var description: String { message }
}
