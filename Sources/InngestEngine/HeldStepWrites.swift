import InngestCore
import Synchronization

/// One execution's results of steps executed alone, held back until the run writes again
/// (`HeldCheckpoints`): before the next step body starts they are committed on their own, and as
/// soon as the handler waits on anything else; at the execution's end they go into the
/// transaction of its outcome, which saves a commit per execution.
final class HeldStepWrites: HeldCheckpoints {
    private struct State {
        var held: [(StepWrite, TimelineWrite)] = []
        var received = false
        var committing = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var failure: (any Error)?
    }

    private enum Next {
        case done
        case wait
        case write([(StepWrite, TimelineWrite)])
    }

    private let state = Mutex(State())
    /// Commits held writes (and may throw to stop the execution once they are committed).
    private let write: @Sendable (_ steps: [StepWrite], _ timeline: [TimelineWrite]) async throws -> Void

    /// Held writes are committed by `write`.
    init(write: @escaping @Sendable (_ steps: [StepWrite], _ timeline: [TimelineWrite]) async throws -> Void) {
        self.write = write
    }

    /// Whether any step result was handed over: the execution made progress.
    var received: Bool { state.withLock { $0.received } }

    func hold(_ op: GeneratorOp) -> Bool {
        guard let result = OutcomePlanner.result(of: op) else { return false }
        state.withLock { state in
            state.held.append(result)
            state.received = true
        }
        return true
    }

    func commitHeld() async throws {
        while true {
            let next: Next = try state.withLock { state in
                if let failure = state.failure { throw failure }
                if state.committing { return .wait }
                guard !state.held.isEmpty else { return .done }
                state.committing = true
                defer { state.held = [] }
                return .write(state.held)
            }
            switch next {
            case .done:
                return
            case .wait:
                // Parallel bodies of one round: one commits, the others wait for it.
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let waits = state.withLock { state in
                        guard state.committing else { return false }
                        state.waiters.append(continuation)
                        return true
                    }
                    if !waits { continuation.resume() }
                }
            case .write(let entries):
                var failure: (any Error)?
                do {
                    try await write(entries.map(\.0), entries.map(\.1))
                } catch {
                    failure = error
                }
                let waiters = state.withLock { state in
                    state.committing = false
                    state.failure = failure
                    defer { state.waiters = [] }
                    return state.waiters
                }
                for waiter in waiters { waiter.resume() }
                if let failure { throw failure }
                return
            }
        }
    }

    func commitSoon() {
        guard state.withLock({ !$0.held.isEmpty && !$0.committing && $0.failure == nil }) else { return }
        Task { try? await self.commitHeld() }
    }

    /// Takes what is still held, for the transaction of the execution's outcome.
    func take() -> (steps: [StepWrite], timeline: [TimelineWrite]) {
        state.withLock { state in
            defer { state.held = [] }
            return (state.held.map(\.0), state.held.map(\.1))
        }
    }
}
