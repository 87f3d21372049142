import Foundation

/// Throw this to retry a step or a run no earlier than a given time, e.g. after a rate limit.
public struct RetryAfterError: Error, Sendable, CustomStringConvertible {
    /// Why the retry must wait.
    public let message: String
    /// When to retry.
    public let retryAt: Date

    /// Retries after a delay.
    /// - Parameters:
    ///   - message: why the retry must wait.
    ///   - delay: how long to wait, clamped to 1 s … 24 h as Inngest does.
    public init(_ message: String, after delay: Duration) {
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        self.init(message, at: Date().addingTimeInterval(min(max(seconds, 1), 86_400)))
    }

    /// Retries at a given time.
    /// - Parameters:
    ///   - message: why the retry must wait.
    ///   - date: when to retry.
    public init(_ message: String, at date: Date) {
        self.message = message
        self.retryAt = date
    }

    /// The message and the time.
    public var description: String { "\(message) (retry at \(retryAt))" }
}
