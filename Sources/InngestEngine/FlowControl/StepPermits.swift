import InngestCore
import Synchronization

/// Counts the step bodies executing under each concurrency key in this process, so that a run's
/// parallel steps take a slot each, as Inngest counts them. Claims already keep the runs executing
/// per key within the limit, so a run's first body always finds a permit; a parallel body waits
/// for one (first come, first served) when the key's other slots are busy.
final class StepPermits: Sendable {
    private struct Key: Sendable {
        var inUse = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let keys = Mutex<[String: Key]>([:])

    /// The admission of a run holding these keys, each with its limit. Keys are entered in one
    /// global order, so two runs never wait for each other.
    func admission(for keys: [(key: String, limit: Int)]) -> (any StepAdmission)? {
        guard !keys.isEmpty else { return nil }
        return Admission(permits: self, keys: keys.sorted { $0.key < $1.key })
    }

    fileprivate func enter(_ key: String, limit: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = keys.withLock { keys in
                if keys[key, default: Key()].inUse < limit {
                    keys[key, default: Key()].inUse += 1
                    return true
                }
                keys[key, default: Key()].waiters.append(continuation)
                return false
            }
            if admitted { continuation.resume() }
        }
    }

    fileprivate func leave(_ key: String) {
        let next: CheckedContinuation<Void, Never>? = keys.withLock { keys in
            guard var state = keys[key] else { return nil }
            if state.waiters.isEmpty {
                state.inUse -= 1
                keys[key] = state.inUse == 0 ? nil : state
                return nil
            }
            // The permit passes straight to the first waiter.
            let first = state.waiters.removeFirst()
            keys[key] = state
            return first
        }
        next?.resume()
    }

    private struct Admission: StepAdmission {
        let permits: StepPermits
        let keys: [(key: String, limit: Int)]

        func enter() async {
            for (key, limit) in keys { await permits.enter(key, limit: limit) }
        }

        func leave() {
            for (key, _) in keys.reversed() { permits.leave(key) }
        }
    }
}
