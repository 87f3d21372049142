/// The dependency graph checked at build time, with the same rules `InngestDI` enforces at boot:
/// a provider sees its module's providers (listed and inline), the exports of the modules it
/// imports and of global modules, and every multi-binding collection; a handler resolves in the
/// module that lists it (its type in `functions`, or its method's owner in `providers`), else in
/// the root module, as do unlisted injectables. Reported at the consumer's declaration with what
/// to change.
///
/// The build never guesses. Where a check depends on something it cannot read — a module whose
/// `moduleDescriptor` is written by hand or inherited, static lists that are not literal lists of
/// types, a module declared in another target, what a `forRoot`-style member adds to its module
/// (see ``ModuleGraph``) — that check is left to the boot check, which sees the whole app; every
/// check that does not depend on it still runs.
enum DependencyGraphCheck {
    /// Types the framework provides to every module.
    static let frameworkTypes: Set<String> = [
        "InngestClient", "InngestLogger", "RunIdentity", "Inngest.InngestClient", "Inngest.InngestLogger", "Inngest.RunIdentity",
    ]

    static func check(_ model: AppModel, role: GeneratorOptions.TargetRole = .app) -> [Diagnostic] {
        guard !model.modules.isEmpty else { return [] }
        let graph = ModuleGraph(model, role: role)
        var diagnostics: [Diagnostic] = []

        // A hand-written or inherited descriptor is the user's code: the boot check judges it.
        for module in graph.moduleList where module.hasGeneratedDescriptor {
            diagnostics += exportProblems(module, graph)
            guard module.knows(.providers) else { continue }
            let visible = visibility(in: module, graph)
            for provider in module.providers {
                guard let injectable = graph.injectables[provider] else { continue }
                diagnostics += missing(injectable.initializer, consumer: provider, location: injectable.location,
                                       module: module.typeName, visible: visible, graph)
            }
            for provider in module.inlineProviders {
                switch provider.kind {
                case .value:
                    break
                case .factory(let initializer):
                    diagnostics += missing(initializer, consumer: module.typeName, location: provider.location,
                                           module: module.typeName, visible: visible, graph)
                case .alias(let existing, _):
                    guard visible.lacks(existing) else { continue }
                    diagnostics.append(Diagnostic(.error, "the alias \(provider.consumer) in \(module.typeName) provides \(provider.type) as the existing "
                                                  + "\(existing), but nothing visible to \(module.typeName) provides \(existing). "
                                                  + advice(for: existing, in: module.typeName, graph), at: provider.location))
                }
            }
        }
        if let root = graph.root {
            var visible = graph.visible(from: root)
            visible.types.formUnion(graph.rootProvided)
            for name in graph.rootProvided.sorted() {
                guard let injectable = graph.injectables[name] else { continue }
                diagnostics += missing(injectable.initializer, consumer: name, location: injectable.location,
                                       module: root.typeName, visible: visible, graph)
            }
        }
        let (homes, listingProblems) = homes(model.functions, graph)
        diagnostics += listingProblems
        // Many functions share a home: what it sees is computed once per module.
        var visibilities: [String: (module: ModuleModel, visible: Visibility)] = [:]
        for function in model.functions {
            guard let home = homes[function.typeName] ?? graph.root else { continue }
            let visible: Visibility
            if let cached = visibilities[home.typeName], cached.module == home {
                visible = cached.visible
            } else {
                visible = visibility(in: home, graph)
                visibilities[home.typeName] = (home, visible)
            }
            if case .markedMethod = function.declaration {
                guard visible.lacks(function.typeName) else { continue }
                let place = home.typeName == graph.root?.typeName ? "the root module \(home.typeName)" : home.typeName
                diagnostics.append(Diagnostic(.error, "function \"\(function.id ?? "")\" runs on \(function.typeName), which \(place) cannot see. "
                                              + advice(for: function.typeName, in: home.typeName, graph), at: function.location))
            } else {
                diagnostics += missing(function.initializer, consumer: function.typeName, location: function.location,
                                       module: home.typeName, visible: visible, graph)
            }
        }
        diagnostics += ScopeCheck.check(model, graph)
        diagnostics += cycles(graph)
        return diagnostics
    }

    /// What the providers of `module` see; the root also sees the injectables no module lists.
    static func visibility(in module: ModuleModel, _ graph: ModuleGraph) -> Visibility {
        var visible = graph.visible(from: module)
        if module.typeName == graph.root?.typeName { visible.types.formUnion(graph.rootProvided) }
        return visible
    }

    /// The module each function resolves in, when one module lists it: its type in `functions`, or
    /// (for a method) its owner in `providers`. A function type listed by two modules is an error;
    /// an owner two modules provide goes to the first one booted, which only the boot knows.
    static func homes(_ functions: [FunctionModel], _ graph: ModuleGraph) -> ([String: ModuleModel], [Diagnostic]) {
        var homes: [String: ModuleModel] = [:]
        var diagnostics: [Diagnostic] = []
        for function in functions where homes[function.typeName] == nil {
            let listing: [ModuleModel]
            if case .markedMethod = function.declaration {
                listing = graph.moduleList.filter { $0.providers.contains(function.typeName) }
                if listing.count == 1 { homes[function.typeName] = listing[0] }
                continue
            }
            listing = graph.moduleList.filter { $0.functions.contains(function.typeName) }
            if listing.count > 1 {
                let names = listing.map { "\($0.typeName) (\($0.markerLocation))" }
                diagnostics.append(Diagnostic(.error, "\(function.typeName) is listed by two modules, \(names[0]) and \(names[1]); its handler resolves "
                                              + "in one module: keep it in the providers of one of them", at: function.location))
            }
            if let first = listing.first { homes[function.typeName] = first }
        }
        return (homes, diagnostics)
    }

    /// Dependencies of a constructor that nothing visible provides, when everything visible is known,
    /// each reported at its parameter. An optional parameter is never missing; the resolver itself
    /// needs no provider.
    static func missing(_ initializer: InitializerModel, consumer: String, location: SourceLocation, module: String,
                        visible: Visibility, _ graph: ModuleGraph) -> [Diagnostic] {
        initializer.dependencies.compactMap { dependency in
            guard !dependency.isOptional, !dependency.isResolver, visible.lacks(dependency.key) else { return nil }
            let needed = dependency.token.map { "the token \($0)" } ?? dependency.type
            return Diagnostic(.error, "\(initializer.signature(of: consumer)) in \(module) needs \(needed) for parameter '\(dependency.name)', "
                              + "but nothing visible to \(module) provides it. " + advice(for: dependency.key, in: module, graph, isToken: dependency.token != nil),
                              at: dependency.location ?? location)
        }
    }

    /// What to change so that `module` sees `type`.
    static func advice(for type: String, in module: String, _ graph: ModuleGraph, isToken: Bool = false) -> String {
        let key = TypeKey.normalized(type)
        let providers = graph.moduleList.filter { $0.providedKeys.contains { TypeKey.normalized($0) == key } }.map(\.typeName)
        let imports = graph.modules[module]?.imports ?? []
        if let exporter = providers.first(where: { graph.exports(of: $0).types.contains { TypeKey.normalized($0) == key } }) {
            return "\(exporter) exports \(type): add \(exporter) to \(module)'s imports."
        }
        // Advice never names an import that is already there.
        if let provider = providers.first(where: imports.contains) {
            return "\(provider) provides \(type) and \(module) imports \(provider), but \(provider) does not export it: add \(type) to \(provider)'s exports."
        }
        if let provider = providers.first {
            return "\(provider) provides \(type) but does not export it: add it to \(provider)'s exports and \(provider) to \(module)'s imports."
        }
        if graph.rootProvided.contains(type) {
            return "\(type) is listed in no module, so only the root module sees it: list it in \(module)'s providers or in a module \(module) imports and that exports it."
        }
        if isToken {
            return "Provide it in \(module) with // @inngest.provider(token: \(type)) on a static member, or import a module that exports \(type)."
        }
        return "Add \(type) to \(module)'s providers (mark it // @inngest.injectable), or import a module that exports it."
    }

    /// Exports a module neither provides nor imports, when its lists and its imports' exports are known.
    static func exportProblems(_ module: ModuleModel, _ graph: ModuleGraph) -> [Diagnostic] {
        guard module.knows(.exports), module.knows(.imports) else { return [] }
        let provided = Set(module.providedKeys.map(TypeKey.normalized))
        return module.exports.compactMap { export in
            if graph.modules[export] != nil {
                return module.imports.contains(export) ? nil : Diagnostic(
                    .error, "\(module.typeName) re-exports \(export) without importing it: add \(export) to its imports", at: module.markerLocation)
            }
            guard module.knows(.providers), !module.declaresDynamicModule, !provided.contains(TypeKey.normalized(export)),
                  !module.imports.contains(export) else { return nil }
            var reexported = Visibility.empty
            for imported in module.imports { reexported.formUnion(graph.exports(of: imported)) }
            guard reexported.lacks(export) else { return nil }
            return Diagnostic(.error, "\(module.typeName) exports \(export), which it neither provides nor imports: add it to its providers",
                              at: module.markerLocation)
        }
    }

    /// Constructor cycles among injectables and inline factories, each reported once with its full
    /// path; a `Provider<T>`, optional or resolver parameter is no edge. When some module's providers
    /// are unknown, one of them may provide a type of the cycle differently (a value, a factory), so
    /// only cycles whose types are all provided in one known context remain.
    static func cycles(_ graph: ModuleGraph) -> [Diagnostic] {
        // One node per key that exactly one constructor provides.
        var nodes: [String: (edges: [String], location: SourceLocation)] = [:]
        var ambiguous = Set<String>()
        func edges(_ initializer: InitializerModel) -> [String] {
            initializer.dependencies.filter { !$0.isOptional && !$0.isLazy && !$0.isResolver }.map { TypeKey.normalized($0.key) }
        }
        func add(_ key: String, _ edges: [String], _ location: SourceLocation) {
            if nodes[key] != nil || ambiguous.contains(key) {
                nodes[key] = nil
                ambiguous.insert(key)
            } else {
                nodes[key] = (edges, location)
            }
        }
        for (name, injectable) in graph.injectables { add(TypeKey.normalized(name), edges(injectable.initializer), injectable.location) }
        for (key, providers) in graph.factories {
            for provider in providers where !provider.isMulti {
                if let initializer = provider.initializer { add(key, edges(initializer), provider.location) }
            }
        }
        var diagnostics: [Diagnostic] = []
        var done = Set<String>()
        var reported = Set<Set<String>>()
        func isCertain(_ cycle: [String]) -> Bool {
            guard graph.mayContainUnknownProviders else { return true }
            let shared = cycle.dropFirst().reduce(graph.owners(of: cycle[0])) { $0.intersection(graph.owners(of: $1)) }
            return !shared.isEmpty
        }
        func visit(_ name: String, _ path: [String]) {
            if let start = path.firstIndex(of: name) {
                let cycle = Array(path[start...]) + [name]
                guard isCertain(cycle), reported.insert(Set(cycle)).inserted, let first = nodes[cycle[0]] else { return }
                diagnostics.append(Diagnostic(.error, "dependency cycle: \(cycle.joined(separator: " → ")); break it by removing one of these constructor "
                                              + "parameters, or take one of them as Provider<T> and call get() when it is needed", at: first.location))
                return
            }
            guard !done.contains(name), let node = nodes[name] else { return }
            for dependency in node.edges { visit(dependency, path + [name]) }
            done.insert(name)
        }
        for name in nodes.keys.sorted() { visit(name, []) }
        return diagnostics
    }
}
