/// Stops an executing run that was cancelled, at its next step boundary.
public struct RunCancelledError: Error, Sendable, CustomStringConvertible {
    /// The cancelled run.
    public let runId: String

    /// A readable message.
    public var description: String { "run \(runId) was cancelled" }
}
