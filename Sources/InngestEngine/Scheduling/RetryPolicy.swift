#if canImport(Glibc)
import func Glibc.pow
#elseif canImport(Musl)
import func Musl.pow
#elseif canImport(Darwin)
import func Darwin.pow
#endif

/// How long to wait before retrying a failed step or function body: exponential backoff with jitter.
public struct RetryPolicy: Sendable, Hashable {
    /// The delay before the first retry.
    public var initialDelay: Duration
    /// The largest delay.
    public var maximumDelay: Duration
    /// Each retry waits this many times longer than the previous one.
    public var multiplier: Double
    /// Random spread, as a fraction of the delay: 0.2 means ±20 %. 0 makes delays exact.
    public var jitter: Double

    /// Creates a policy.
    public init(initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(3_600), multiplier: Double = 2, jitter: Double = 0.2) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
        self.jitter = jitter
    }

    /// The delay after the failure of 0-based attempt `attempt`, in milliseconds.
    public func delayMilliseconds(afterAttempt attempt: Int) -> Int64 {
        let initial = Self.milliseconds(initialDelay)
        let maximum = Self.milliseconds(maximumDelay)
        var delay = initial * pow(multiplier, Double(min(attempt, 60)))
        delay = min(delay, maximum)
        if jitter > 0 { delay *= 1 + Double.random(in: -jitter...jitter) }
        return Int64(max(0, delay).rounded())
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

