import Synchronization

/// A thread-safe, append-only log that tests inject (via `globalProviders`) to record build and
/// hook order.
final class EventLog: Sendable {
    private let entries = Mutex<[String]>([])

    /// Appends `entry`.
    func record(_ entry: String) {
        entries.withLock { $0.append(entry) }
    }

    /// Every entry, in order.
    var all: [String] {
        entries.withLock { $0 }
    }
}
