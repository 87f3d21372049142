/// A test asked the test engine for something that is not there: a run an event did not start, a
/// result a run does not have, a run that does not settle.
public struct TestRunError: Error, Sendable, CustomStringConvertible, Hashable {
    /// What is missing, and what was found instead.
    public let message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
