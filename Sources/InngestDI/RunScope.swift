import Synchronization

/// The run-scoped instances of one function-run invocation.
///
/// The function's body runs inside ``withRunScope(_:)``; every resolve in that task and its child
/// tasks (parallel steps) finds the scope through a task-local, so a run-scoped provider is built
/// once per invocation wherever it is resolved from, including through a singleton's
/// ``Provider``.
package final class RunScope: Sendable {
    /// The scope of the current task, if it runs a function invocation.
    @TaskLocal package static var current: RunScope?

    private let state = Mutex<(instances: [Int: InstanceBox], order: [InstanceBox])>(([:], []))
    /// What the runner attaches to the scope: the run's identity, which a framework provider
    /// hands to run-scoped providers.
    package let attachment: (any Sendable)?

    private init(attachment: (any Sendable)?) {
        self.attachment = attachment
    }

    /// Runs `operation` in a new run scope, then tells each ``OnRunEnd`` instance, newest first.
    /// - Parameters:
    ///   - attachment: what providers of the scope may read through ``current``.
    ///   - operation: the invocation.
    package static func withRunScope<R>(attachment: (any Sendable)? = nil, _ operation: () async throws -> R) async rethrows -> R {
        let scope = RunScope(attachment: attachment)
        do {
            let result = try await $current.withValue(scope) { try await operation() }
            await scope.end()
            return result
        } catch {
            await scope.end()
            throw error
        }
    }

    /// The instance of provider `node` in this scope, if built.
    func instance(of node: Int) -> InstanceBox? {
        state.withLock { $0.instances[node] }
    }

    /// Keeps `instance` for `node`, unless a concurrent resolve kept one first; returns the kept one.
    func keep(_ instance: InstanceBox, for node: Int) -> InstanceBox {
        state.withLock { state in
            if let existing = state.instances[node] { return existing }
            state.instances[node] = instance
            state.order.append(instance)
            return instance
        }
    }

    private func end() async {
        let instances = state.withLock { state in
            defer { state = ([:], []) }
            return state.order.reversed()
        }
        for instance in instances {
            if let hook = instance.anyValue as? any OnRunEnd { await hook.onRunEnd() }
        }
    }
}
