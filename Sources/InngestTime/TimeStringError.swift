/// Why an Inngest time string such as `"1h30m"` was rejected.
public struct TimeStringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what to write instead.
    public let message: String

    /// Creates an error with `message`.
    init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String {
        message
    }
}
