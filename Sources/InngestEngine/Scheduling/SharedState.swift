import Synchronization

/// A value behind a lock, held by reference: closures that outlive a call (the store keeps the
/// engine's claim hooks) hold the state itself rather than the engine.
final class SharedState<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    /// Calls `body` with the value, under the lock.
    func withLock<Result: Sendable>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try mutex.withLock { value in try body(&value) }
    }
}
