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
    static func validate(
        root: any Module.Type, rootProviders: [ProviderDescriptor],
        globalProviders: [ProviderDescriptor], overrides: [ProviderDescriptor]
    ) throws(DependencyGraphError) -> ValidatedGraph {
        let discovery = ModuleDiscovery(root: root)
        let modules = discovery.modules
        let catalog = ProviderCatalog(
            modules: modules, rootProviders: rootProviders,
            globalProviders: globalProviders, overrides: overrides
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
                    edges[index].append(target)
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
        var scopes = providers.map(\.descriptor.scope)
        for index in order {
            if case .alias = providers[index].descriptor.kind, let target = edges[index].first {
                scopes[index] = scopes[target]
            }
        }
        let nodes = providers.enumerated().map { index, provider in
            ProviderNode(
                key: provider.descriptor.key, context: provider.context, scope: scopes[index],
                kind: provider.descriptor.kind, make: provider.descriptor.make,
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
