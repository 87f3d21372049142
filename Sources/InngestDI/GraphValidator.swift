/// Validates the graph reachable from a root module and produces a ``ValidatedGraph``, reporting
/// every problem at once.
enum GraphValidator {
    /// Validates and orders the graph.
    /// - Parameters:
    ///   - root: The root module.
    ///   - rootProviders: Extra providers of the root module.
    ///   - globalProviders: Providers visible from every module.
    ///   - overrides: Replacements for providers with the same key.
    /// - Throws: ``DependencyGraphError`` listing every problem.
    ///   - hosted: Handler providers placed in the module that lists their home type.
    ///   - moduleOverrides: Modules read from another module's descriptor.
    static func validate(
        root: any Module.Type, rootProviders: [ProviderDescriptor],
        globalProviders: [ProviderDescriptor], overrides: [ProviderDescriptor],
        hosted: [HostedProvider] = [], moduleOverrides: [ModuleOverride] = []
    ) throws(DependencyGraphError) -> ValidatedGraph {
        let discovery = ModuleDiscovery(root: root, replacements: moduleOverrides)
        let modules = discovery.modules
        let catalog = ProviderCatalog(
            modules: modules, rootProviders: rootProviders,
            globalProviders: globalProviders, overrides: overrides, hosted: hosted
        )
        let contexts = makeContexts(discovery)
        let exportTable = ExportTable(modules: modules, indexByType: discovery.indexByType, owned: catalog.owned)
        let visibility = VisibilityTable(contexts: contexts, owned: catalog.owned, exports: exportTable.exports)
        let advice = MissingProviderAdvice(contexts: contexts, owned: catalog.owned, exports: exportTable.exports)

        var problems = discovery.problems + catalog.problems + exportTable.problems
        let providers = catalog.providers
        var edges = Array(repeating: [Int](), count: providers.count)
        for (index, provider) in providers.enumerated() {
            let context = contexts[provider.context]
            for dependency in provider.descriptor.dependencies {
                if let target = visibility.visible[provider.context][dependency.key] {
                    if !dependency.isLazy { edges[index].append(target) }
                } else if !dependency.isOptional {
                    let path = (context.importPath + [provider.descriptor.key.name]).joined(separator: " → ")
                    problems.append(DependencyProblem(
                        .missingProvider,
                        "\(provider.descriptor.displayName) in \(context.name) needs \(dependency.key) for parameter "
                            + "'\(dependency.parameter)', but nothing visible to \(context.name) provides it "
                            + "(path: \(path)). \(advice.advice(for: dependency.key, in: provider.context))",
                        location: provider.descriptor.location ?? context.location
                    ))
                }
            }
        }
        for (collection, members) in catalog.collectionMembers {
            edges[collection] = members
        }
        let scopes = effectiveScopes(providers, edges: edges)
        problems += scopeProblems(providers, contexts: contexts, visibility: visibility, scopes: scopes)
        for cycle in CycleDetector.cycles(in: edges) {
            let path = cycle.map { providers[$0].descriptor.key.name }.joined(separator: " → ")
            let first = providers[cycle[0]]
            problems.append(DependencyProblem(
                .dependencyCycle,
                "Dependency cycle: \(path). Break it by moving the shared logic into a new provider that both "
                    + "sides depend on, or by resolving one side later through the Resolver its factory receives.",
                location: first.descriptor.location ?? contexts[first.context].location
            ))
        }
        guard problems.isEmpty else { throw DependencyGraphError(problems: problems) }

        let order = TopologicalSorter.order(edges)
        let synchronous = synchronousProviders(providers, edges: edges, scopes: scopes)
        let nodes = providers.enumerated().map { index, provider in
            ProviderNode(
                index: index, key: provider.descriptor.key, context: provider.context, scope: scopes[index],
                kind: provider.descriptor.kind, make: provider.descriptor.make,
                makeNow: synchronous[index] ? provider.descriptor.makeNow : nil,
                constructor: provider.descriptor.constructor,
                displayName: provider.descriptor.displayName
            )
        }
        let visible = visibility.visible.map { map in
            Dictionary(uniqueKeysWithValues: map.map { ($0.key.id, $0.value) })
        }
        return ValidatedGraph(
            contexts: contexts, nodes: nodes, visible: visible,
            singletonOrder: order.filter { scopes[$0] == .singleton }, advice: advice
        )
    }

    /// Each provider's scope in effect: an alias has its target's; a multi-binding's collection the
    /// narrowest of its contributions' (run, then transient, then singleton).
    private static func effectiveScopes(_ providers: [PlacedProvider], edges: [[Int]]) -> [ProviderScope] {
        var scopes: [ProviderScope?] = Array(repeating: nil, count: providers.count)
        func scope(of index: Int, depth: Int) -> ProviderScope {
            if let known = scopes[index] { return known }
            let declared = providers[index].descriptor.scope
            // An alias or collection cycle is reported as a cycle; stop following it here.
            guard depth < providers.count else { return declared }
            let result: ProviderScope
            switch providers[index].descriptor.kind {
            case .alias:
                result = edges[index].first.map { scope(of: $0, depth: depth + 1) } ?? declared
            case .collection:
                let members = edges[index].map { scope(of: $0, depth: depth + 1) }
                result = members.contains(.run) ? .run : members.contains(.transient) ? .transient : .singleton
            case .factory, .value, .contribution:
                result = declared
            }
            scopes[index] = result
            return result
        }
        return providers.indices.map { scope(of: $0, depth: 0) }
    }

    /// Which providers can be built without suspending: those with a synchronous constructor whose
    /// dependencies are singletons (built at boot, before anything resolves them) or can be too.
    /// Called on an acyclic graph.
    private static func synchronousProviders(_ providers: [PlacedProvider], edges: [[Int]], scopes: [ProviderScope]) -> [Bool] {
        var known: [Bool?] = Array(repeating: nil, count: providers.count)
        for index in TopologicalSorter.order(edges) {
            guard providers[index].descriptor.makeNow != nil else {
                known[index] = false
                continue
            }
            known[index] = edges[index].allSatisfy { scopes[$0] == .singleton || known[$0] == true }
        }
        return known.map { $0 ?? false }
    }

    /// A singleton that depends directly on a transient or run-scoped provider would keep one
    /// instance of it forever: NestJS bubbles the scope up silently; here it is a problem.
    private static func scopeProblems(
        _ providers: [PlacedProvider], contexts: [GraphContext], visibility: VisibilityTable, scopes: [ProviderScope]
    ) -> [DependencyProblem] {
        var problems: [DependencyProblem] = []
        for (index, provider) in providers.enumerated() where scopes[index] == .singleton {
            switch provider.descriptor.kind {
            case .alias, .collection: continue
            case .factory, .value, .contribution: break
            }
            for dependency in provider.descriptor.dependencies where !dependency.isLazy {
                guard let target = visibility.visible[provider.context][dependency.key],
                      scopes[target] != .singleton else { continue }
                let name = provider.descriptor.displayName
                let scope = scopes[target].rawValue
                problems.append(DependencyProblem(
                    .scopeMismatch,
                    "\(name) in \(contexts[provider.context].name) is a singleton but depends on \(dependency.key) (\(scope)) "
                        + "for parameter '\(dependency.parameter)': it would keep one \(dependency.key) forever. Take "
                        + "Provider<\(dependency.key)> and call get() where one is needed, or make \(name) \(scope) too.",
                    location: provider.descriptor.location ?? contexts[provider.context].location
                ))
            }
        }
        return problems
    }

    /// One context per discovered module, then the `globalProviders` context.
    private static func makeContexts(_ discovery: ModuleDiscovery) -> [GraphContext] {
        let modules = discovery.modules.enumerated().map { index, module in
            GraphContext(
                name: module.descriptor.name, isGlobalProviders: false, isGlobal: module.descriptor.isGlobal,
                importPath: discovery.importPath(to: index), imports: module.imports,
                location: module.descriptor.location
            )
        }
        let global = GraphContext(
            name: GraphContext.globalProvidersName, isGlobalProviders: true, isGlobal: false,
            importPath: [GraphContext.globalProvidersName], imports: [], location: nil
        )
        return modules + [global]
    }
}
