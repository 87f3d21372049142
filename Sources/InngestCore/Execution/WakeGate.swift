import Synchronization

/// Holds back what a run does past its sleep until the sleep ends, for a run claimed just before:
/// the engine loads it and replays its recorded steps ahead of time (replaying a thousand steps
/// takes about a millisecond), and only the woken sleep's return waits for the time.
///
/// The gate also holds the first new step and the handler's return, whichever comes first, so
/// that a replay that never reaches the woken sleep (its code changed) does nothing new early.
package final class WakeGate: Sendable {
    /// The hashed ids of the sleeps that end at the gate's time.
    private let sleeps: Set<String>
    private let open: @Sendable () async -> Bool
    /// nil until the gate opened or closed.
    private let outcome = Mutex<Bool?>(nil)

    /// A gate for `sleeps`; `open` waits for their end and returns false when the engine stops first.
    package init(sleeps: Set<String>, open: @escaping @Sendable () async -> Bool) {
        self.sleeps = sleeps
        self.open = open
    }

    /// Whether the step with hashed id `step` waits for the gate even when its result is recorded.
    func holds(_ step: String) -> Bool { sleeps.contains(step) }

    /// Whether the gate was passed or closed (nothing waits for it any more).
    var isDecided: Bool { outcome.withLock { $0 != nil } }

    /// Whether the gate closed: the engine stopped before the sleep ended.
    package var isClosed: Bool { outcome.withLock { $0 == false } }

    /// Waits until the sleep ends; false when the engine stopped first. Every later call returns
    /// at once with the same answer.
    func pass() async -> Bool {
        if let decided = outcome.withLock({ $0 }) { return decided }
        let opened = await open()
        return outcome.withLock { outcome in
            if outcome == nil { outcome = opened }
            return outcome ?? opened
        }
    }
}
