import Foundation
import Inngest
import Synchronization

/// A clock that moves only when told to: sleeps, backoffs and cron schedules become instant and
/// deterministic in tests.
public final class ManualClock: EngineClock {
    private struct Sleeper {
        let deadline: Date
        let continuation: CheckedContinuation<Void, Never>
    }

    private let state: Mutex<(now: Date, sleepers: [Sleeper])>

    /// Creates a clock reading `start`.
    public init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Mutex((start, []))
    }

    /// The current virtual time.
    public func now() -> Date { state.withLock { $0.now } }

    /// Suspends until the clock is advanced past `deadline`.
    public func sleep(until deadline: Date) async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if deadline <= state.now { return true }
                state.sleepers.append(Sleeper(deadline: deadline, continuation: continuation))
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has passed.
    public func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let interval = Double(seconds) + Double(attoseconds) / 1e18
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.addingTimeInterval(interval)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}
