import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for the process to be asked to stop: SIGTERM (a supervisor, `kill`, a container stop) or
/// SIGINT (Ctrl-C). Once waited for, those signals no longer end the process by themselves: the
/// caller shuts down gracefully, then returns from `main`.
public enum TerminationSignal {
    /// Returns the name of the first of SIGTERM or SIGINT the process receives.
    public static func wait() async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let waiter = Waiter(continuation)
            for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { waiter.fire(name) }
                source.resume()
                waiter.keep(source)
            }
        }
    }

    /// Resumes the waiter once, and keeps the signal sources alive until then.
    private final class Waiter: Sendable {
        private let state: Mutex<(continuation: CheckedContinuation<String, Never>?, sources: [any DispatchSourceSignal])>

        init(_ continuation: CheckedContinuation<String, Never>) { state = Mutex((continuation, [])) }

        func keep(_ source: sending any DispatchSourceSignal) { state.withLock { $0.sources.append(source) } }

        func fire(_ name: String) {
            let continuation = state.withLock { state in
                defer { state.continuation = nil }
                return state.continuation
            }
            continuation?.resume(returning: name)
        }
    }
}
