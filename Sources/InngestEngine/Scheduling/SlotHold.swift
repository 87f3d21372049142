import Synchronization

/// How long an execution of a new run holds its slot, as a moving average: how far ahead the
/// engine keeps slots for runs about to wake. A new run claimed now holds its slot about this
/// long, so a run that wakes within that time would otherwise find every slot taken by the burst
/// it came due behind (measured with a 20,000-run burst: keeping slots for the runs due in the
/// next 25 ms left timers 68–134 ms late at p99, for the next 150 ms 31–52 ms).
final class SlotHold: Sendable {
    /// The average, in milliseconds, and whether a sample has been taken.
    private let state = Mutex<(average: Double, sampled: Bool)>((0, false))

    /// The shortest look-ahead, whatever executions take: about two group commits of a burst.
    static let minimum: Int64 = 25
    /// The longest: a run that sleeps longer than this does not keep a slot free.
    static let maximum: Int64 = 1_000

    /// Notes an execution of a new run that held its slot `milliseconds`.
    func record(_ milliseconds: Int64) {
        let sample = Double(max(0, milliseconds))
        state.withLock { state in
            // A sixteenth of each sample: a few hundred executions follow a change of load.
            state.average = state.sampled ? state.average + (sample - state.average) / 16 : sample
            state.sampled = true
        }
    }

    /// How far ahead, in milliseconds, slots are kept for runs about to wake.
    var lookAhead: Int64 {
        let average = state.withLock { $0.average }
        return min(Self.maximum, max(Self.minimum, Int64(average.rounded(.up))))
    }
}
