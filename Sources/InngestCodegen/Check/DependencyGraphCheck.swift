/// The dependency graph checked at build time, with the same rules `InngestDI` enforces at boot:
/// a provider sees its module's providers, the exports of the modules it imports and of global
/// modules; handlers and unlisted injectables resolve in the root module. Reported at the consumer's
/// declaration with what to change.
///
/// The build never guesses. Where a check depends on something it cannot read — a module whose
/// `moduleDescriptor` is written by hand or inherited, static lists that are not literal lists of
/// types, a module declared in another target (see ``ModuleGraph``) — that check is left to the boot
/// check, which sees the whole app; every check that does not depend on it still runs.
enum DependencyGraphCheck {
    /// Types the framework provides to every module.
    static let frameworkTypes: Set<String> = ["InngestClient", "InngestLogger", "Inngest.InngestClient", "Inngest.InngestLogger"]

    static func check(_ model: AppModel) -> [Diagnostic] {
        guard !model.modules.isEmpty else { return [] }
        let graph = ModuleGraph(model)
        var diagnostics: [Diagnostic] = []

        // A hand-written or inherited descriptor is the user's code: the boot check judges it.
        for module in model.modules where module.hasGeneratedDescriptor {
            diagnostics += exportProblems(module, graph)
            guard module.knows(.providers) else { continue }
            var visible = graph.visible(from: module)
            // The registry's root providers belong to the root module's own context.
            if module.typeName == graph.root?.typeName { visible.types.formUnion(graph.rootProvided) }
            for provider in module.providers {
                guard let injectable = graph.injectables[provider] else { continue }
                diagnostics += missing(injectable.initializer, consumer: provider, location: injectable.location,
                                       module: module.typeName, visible: visible, graph)
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
            for function in model.functions {
                if case .markedMethod = function.declaration {
                    guard visible.lacks(function.typeName) else { continue }
                    diagnostics.append(Diagnostic(.error, "function \"\(function.id ?? "")\" runs on \(function.typeName), which the root module \(root.typeName) cannot see. "
                                                  + advice(for: function.typeName, in: root.typeName, graph), at: function.location))
                } else {
                    diagnostics += missing(function.initializer, consumer: function.typeName, location: function.location,
                                           module: root.typeName, visible: visible, graph)
                }
            }
        }
        diagnostics += cycles(graph)
        return diagnostics
    }

    /// Dependencies of a constructor that nothing visible provides, when everything visible is known.
    static func missing(_ initializer: InitializerModel, consumer: String, location: SourceLocation, module: String,
                        visible: Visibility, _ graph: ModuleGraph) -> [Diagnostic] {
        initializer.dependencies.compactMap { dependency in
            guard !dependency.isOptional, visible.lacks(dependency.type) else { return nil }
            return Diagnostic(.error, "\(initializer.signature(of: consumer)) in \(module) needs \(dependency.type) for parameter '\(dependency.name)', "
                              + "but nothing visible to \(module) provides it. " + advice(for: dependency.type, in: module, graph), at: location)
        }
    }

    /// What to change so that `module` sees `type`.
    static func advice(for type: String, in module: String, _ graph: ModuleGraph) -> String {
        let providers = graph.modules.values.filter { $0.providers.contains(type) }.map(\.typeName).sorted()
        if let exporter = providers.first(where: { graph.exports(of: $0).types.contains(type) }) {
            return "\(exporter) exports \(type): add \(exporter) to \(module)'s imports."
        }
        if let provider = providers.first {
            return "\(provider) provides \(type) but does not export it: add it to \(provider)'s exports and \(provider) to \(module)'s imports."
        }
        if graph.rootProvided.contains(type) {
            return "\(type) is listed in no module, so only the root module sees it: list it in \(module)'s providers or in a module \(module) imports and that exports it."
        }
        return "Add \(type) to \(module)'s providers (mark it // @inngest.injectable), or import a module that exports it."
    }

    /// Exports a module neither provides nor imports, when its lists and its imports' exports are known.
    static func exportProblems(_ module: ModuleModel, _ graph: ModuleGraph) -> [Diagnostic] {
        guard module.knows(.exports), module.knows(.imports) else { return [] }
        return module.exports.compactMap { export in
            if graph.modules[export] != nil {
                return module.imports.contains(export) ? nil : Diagnostic(
                    .error, "\(module.typeName) re-exports \(export) without importing it: add \(export) to its imports", at: module.markerLocation)
            }
            guard module.knows(.providers), !module.providers.contains(export), !module.imports.contains(export) else { return nil }
            var reexported = Visibility.empty
            for imported in module.imports { reexported.formUnion(graph.exports(of: imported)) }
            guard reexported.lacks(export) else { return nil }
            return Diagnostic(.error, "\(module.typeName) exports \(export), which it neither provides nor imports: add it to its providers",
                              at: module.markerLocation)
        }
    }

    /// Constructor cycles among injectables, each reported once with its full path. When some
    /// module's providers are unknown, one of them may provide a type of the cycle differently (a
    /// value, a factory), so only cycles whose types are all provided in one known context remain.
    static func cycles(_ graph: ModuleGraph) -> [Diagnostic] {
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
                guard isCertain(cycle), reported.insert(Set(cycle)).inserted, let first = graph.injectables[cycle[0]] else { return }
                diagnostics.append(Diagnostic(.error, "dependency cycle: \(cycle.joined(separator: " → ")); break it by removing one of these constructor parameters",
                                              at: first.location))
                return
            }
            guard !done.contains(name), let injectable = graph.injectables[name] else { return }
            for dependency in injectable.initializer.dependencies where !dependency.isOptional {
                visit(dependency.type, path + [name])
            }
            done.insert(name)
        }
        for name in graph.injectables.keys.sorted() { visit(name, []) }
        return diagnostics
    }
}
