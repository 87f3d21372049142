/// Calls lifecycle hooks on the built singletons: init hooks in instantiation order, shutdown
/// hooks in reverse. Each object is visited once, even when provided under several keys or in
/// several modules.
struct LifecycleRunner: Sendable {
    /// A singleton instance with the names used in error messages.
    struct Entry: Sendable {
        let instance: InstanceBox
        let key: ProviderKey
        let moduleName: String
    }

    /// The hook targets, in instantiation order.
    let entries: [Entry]

    /// Collects the singletons of `graph` whose hooks run, in instantiation order.
    init(graph: ValidatedGraph, table: TypeTable) {
        var seen: Set<ObjectIdentifier> = []
        var entries: [Entry] = []
        for node in graph.singletonOrder where graph.nodes[node].runsHooks {
            let provider = graph.nodes[node]
            guard case .instance(let instance) = table.slot(for: provider.key.id, in: provider.context) else {
                continue
            }
            if let identity = instance.objectIdentity, !seen.insert(identity).inserted { continue }
            entries.append(Entry(
                instance: instance, key: provider.key, moduleName: graph.contexts[provider.context].name
            ))
        }
        self.entries = entries
    }

    /// Runs every `onModuleInit()`, then every `onApplicationBootstrap()`.
    /// - Throws: ``LifecycleHookError`` for the first hook that throws; later hooks do not run.
    func initialize() async throws {
        for entry in entries {
            guard let hook = entry.instance.anyValue as? any OnModuleInit else { continue }
            do {
                try await hook.onModuleInit()
            } catch {
                throw LifecycleHookError(
                    hook: "onModuleInit()", provider: entry.key, moduleName: entry.moduleName, underlying: error
                )
            }
        }
        for entry in entries {
            guard let hook = entry.instance.anyValue as? any OnApplicationBootstrap else { continue }
            do {
                try await hook.onApplicationBootstrap()
            } catch {
                throw LifecycleHookError(
                    hook: "onApplicationBootstrap()", provider: entry.key, moduleName: entry.moduleName,
                    underlying: error
                )
            }
        }
    }

    /// Runs every `onModuleDestroy()`, then `beforeApplicationShutdown(signal:)`, then
    /// `onApplicationShutdown(signal:)`, each phase in reverse instantiation order.
    func shutdown(signal: String?) async {
        let reversed = entries.reversed()
        for entry in reversed {
            if let hook = entry.instance.anyValue as? any OnModuleDestroy { await hook.onModuleDestroy() }
        }
        for entry in reversed {
            if let hook = entry.instance.anyValue as? any BeforeApplicationShutdown {
                await hook.beforeApplicationShutdown(signal: signal)
            }
        }
        for entry in reversed {
            if let hook = entry.instance.anyValue as? any OnApplicationShutdown {
                await hook.onApplicationShutdown(signal: signal)
            }
        }
    }
}
