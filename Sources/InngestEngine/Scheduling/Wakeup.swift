import Synchronization

/// A one-slot signal: `signal()` wakes the waiter, or the next `wait()` if nobody waits yet.
///
/// The engine's loop also learns from it why it woke: `signal()` asks for a pass over the queue,
/// `signal(dueAt:)` only says that a run became due at that time (a pass if that is now, else a
/// later wake), and `wake()` (its own timer) asks for nothing. `take()` collects what was asked.
final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        var passAsked = false
        var dueAt = Int64.max
    }

    private let state = Mutex(State())

    /// Wakes the current or next waiter and asks it for a pass.
    func signal() {
        resume { $0.passAsked = true }
    }

    /// Wakes the current or next waiter and tells it that a run is due at `time` (milliseconds).
    func signal(dueAt time: Int64) {
        resume { $0.dueAt = min($0.dueAt, time) }
    }

    /// Wakes the current or next waiter, asking for nothing.
    func wake() {
        resume { _ in }
    }

    /// What the signals since the last call asked for: a pass, and the earliest time a run became
    /// due (`Int64.max` for none).
    func take() -> (pass: Bool, dueAt: Int64) {
        state.withLock { state in
            defer { state.passAsked = false; state.dueAt = .max }
            return (state.passAsked, state.dueAt)
        }
    }

    private func resume(_ note: (inout State) -> Void) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            note(&state)
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Waits for a signal. One waiter at a time.
    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.pending {
                    state.pending = false
                    return true
                }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}
