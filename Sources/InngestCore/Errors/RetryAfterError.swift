#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Throw this to retry a step or a run no earlier than a given time, e.g. after a rate limit.
///
/// The time is resolved against the clock of whatever runs the function (the engine's, a test's
/// manual clock), never read from the wall clock when the error is made.
public struct RetryAfterError: Error, Sendable, CustomStringConvertible {
    private enum When: Sendable {
        case after(Duration)
        case at(Date)
    }

    /// Why the retry must wait.
    public let message: String
    private let when: When

    /// The shortest wait Inngest honours: 1 second.
    public static let minimumDelay: Duration = .seconds(1)
    /// The longest wait Inngest honours: 24 hours.
    public static let maximumDelay: Duration = .seconds(86_400)

    /// Retries after a delay, counted from when the error reaches the engine.
    /// - Parameters:
    ///   - message: why the retry must wait.
    ///   - delay: how long to wait, clamped to 1 s … 24 h as Inngest does.
    public init(_ message: String, after delay: Duration) {
        self.message = message
        self.when = .after(delay)
    }

    /// Retries at a given time.
    /// - Parameters:
    ///   - message: why the retry must wait.
    ///   - date: when to retry; clamped to 1 s … 24 h from when the error reaches the engine.
    public init(_ message: String, at date: Date) {
        self.message = message
        self.when = .at(date)
    }

    /// When to retry, given the current time of the clock that runs the function.
    /// - Parameter now: the current time.
    /// - Returns: the retry time, between 1 s and 24 h after `now`.
    public func retryDate(after now: Date) -> Date {
        let wanted: TimeInterval
        switch when {
        case .after(let delay): wanted = Self.seconds(delay)
        case .at(let date): wanted = date.timeIntervalSince(now)
        }
        let clamped = min(max(wanted.isNaN ? 0 : wanted, Self.seconds(Self.minimumDelay)), Self.seconds(Self.maximumDelay))
        return now.addingTimeInterval(clamped)
    }

    /// The message and the wait.
    public var description: String {
        switch when {
        case .after(let delay): "\(message) (retry after \(delay))"
        case .at(let date): "\(message) (retry at \(date.formatted(.iso8601)))"
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
