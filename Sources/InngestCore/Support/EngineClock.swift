#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The framework's one source of time: the engine, the executor (sleep dates, `RetryAfterError`)
/// and the serve handler read it and nothing else. `SystemClock` in production; tests use a manual
/// clock so that sleeps, backoffs and cron schedules advance without waiting.
public protocol EngineClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Suspends until `deadline` (or returns early when cancelled).
    func sleep(until deadline: Date) async
}

/// Wall-clock time.
public struct SystemClock: EngineClock {
    /// Creates the clock.
    public init() {}

    /// `Date()`.
    public func now() -> Date { Date() }

    /// Sleeps with `Task.sleep`; returns early on cancellation.
    public func sleep(until deadline: Date) async {
        let seconds = deadline.timeIntervalSinceNow
        guard seconds > 0 else { return }
        try? await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }
}
