/// Inngest's rate algorithm (GCRA, the generic cell rate algorithm) for `rateLimit` and `throttle`:
/// one start every `interval`, and up to `burst` more at once after a quiet spell. The state of a
/// key is one number, its theoretical arrival time (TAT), in microseconds.
struct RateGate: Sendable, Hashable {
    /// Microseconds between starts at the steady rate: period ÷ limit.
    let interval: Int64
    /// Starts allowed at once on top of the first.
    let burst: Int64

    /// A gate for `limit` starts per `periodMilliseconds`, with `burst` more at once.
    init(limit: Int, periodMilliseconds: Int64, burst: Int) {
        interval = max(1, periodMilliseconds * 1000 / Int64(max(1, limit)))
        self.burst = Int64(max(0, burst))
    }

    /// What the gate says about a start at `now` for a key whose TAT is `tat` (`nil` for a key
    /// never seen or forgotten).
    /// - Returns: the new TAT when the start is allowed, or the earliest time it would be.
    func check(now: Int64, tat: Int64?) -> Decision {
        let nowMicros = now * 1000
        let current = max(tat ?? nowMicros, nowMicros)
        let tolerance = interval * burst
        if current - nowMicros <= tolerance {
            return .allowed(newTAT: current + interval)
        }
        // Allowed once the TAT is back within the tolerance; rounded up to the next millisecond.
        let micros = current - tolerance
        return .delayed(until: (micros + 999) / 1000)
    }

    /// What a check decided.
    enum Decision: Sendable, Hashable {
        /// The start may happen; store `newTAT` for the key.
        case allowed(newTAT: Int64)
        /// The start may happen at this time (milliseconds) at the earliest.
        case delayed(until: Int64)
    }

    /// When a stored TAT no longer matters (the key is back to a full burst), in milliseconds.
    func forgetAt(tat: Int64) -> Int64 { tat / 1000 + 1 }
}
