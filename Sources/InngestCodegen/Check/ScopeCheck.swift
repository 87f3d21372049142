/// Singletons that depend on a transient or run-scoped provider: the singleton would keep one
/// instance of it forever (NestJS bubbles the scope up silently; here it is an error). A
/// `Provider<T>` parameter is resolved when needed, so it is never a violation.
///
/// Reported only when the build is sure which provider the parameter gets: every provider of that
/// type (or token) in the target is transient or run-scoped, and either no module the build cannot
/// read may add another, or the consumer's own module provides it.
enum ScopeCheck {
    /// The violations among the target's singleton injectables and inline factories.
    static func check(_ model: AppModel, _ graph: ModuleGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for injectable in model.injectables where injectable.scope == "singleton" {
            var own = graph.moduleList.filter { $0.knows(.providers) && $0.providers.contains(injectable.typeName) }
            if graph.rootProvided.contains(injectable.typeName), let root = graph.root { own.append(root) }
            diagnostics += violations(injectable.initializer, consumer: injectable.typeName, own: own,
                                      rootProvided: graph.rootProvided.contains(injectable.typeName), at: injectable.location, graph)
        }
        for module in graph.moduleList where module.hasGeneratedDescriptor {
            for provider in module.inlineProviders where provider.scope == "singleton" {
                guard let initializer = provider.initializer else { continue }
                diagnostics += violations(initializer, consumer: provider.consumer, own: [module], rootProvided: false, at: provider.location, graph)
            }
        }
        return diagnostics
    }

    private static func violations(_ initializer: InitializerModel, consumer: String, own: [ModuleModel], rootProvided: Bool,
                                   at location: SourceLocation, _ graph: ModuleGraph) -> [Diagnostic] {
        initializer.dependencies.compactMap { dependency in
            guard !dependency.isLazy, !dependency.isResolver else { return nil }
            let key = TypeKey.normalized(dependency.key)
            guard let scopes = graph.scopes[key], !scopes.isEmpty, !scopes.contains("singleton") else { return nil }
            let ownProvides = own.contains { module in module.providedKeys.contains { TypeKey.normalized($0) == key } }
                || (rootProvided && graph.rootProvided.contains { TypeKey.normalized($0) == key })
            guard !graph.mayContainUnknownProviders || ownProvides else { return nil }
            let scope = scopes.contains("run") ? "run" : "transient"
            let needed = dependency.token ?? dependency.type
            return Diagnostic(.error, "\(consumer) (singleton) depends on \(needed) (\(scope)) for parameter '\(dependency.name)': a singleton keeps one "
                              + "\(needed) forever. Take `Provider<\(dependency.type)>` and call `get()` when needed, or make \(consumer) transient.",
                              at: location)
        }
    }
}
