#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import Synchronization

/// Runs claimed just before their sleep ends, each waiting on the engine's clock for the time it
/// starts; a stop ends every wait at once, so that shutting down never waits for a timer.
final class EarlyStarts: Sendable {
    private struct State {
        var stopped = false
        var waits: [Int: Task<Void, Never>] = [:]
        var next = 0
    }

    private let state = Mutex(State())

    /// Waits until `time` on `clock`.
    /// - Returns: false when the engine stops first (the run is queued again, not executed).
    func wait(until time: Date, on clock: any EngineClock) async -> Bool {
        let sleep = Task { await clock.sleep(until: time) }
        let id = state.withLock { state -> Int? in
            guard !state.stopped else { return nil }
            state.next += 1
            state.waits[state.next] = sleep
            return state.next
        }
        guard let id else {
            sleep.cancel()
            return false
        }
        await sleep.value
        return state.withLock { state in
            state.waits[id] = nil
            return !state.stopped && clock.now() >= time
        }
    }

    /// Ends every wait, and every later one at once.
    func stop() {
        let waits = state.withLock { state in
            state.stopped = true
            defer { state.waits = [:] }
            return Array(state.waits.values)
        }
        for wait in waits { wait.cancel() }
    }
}
