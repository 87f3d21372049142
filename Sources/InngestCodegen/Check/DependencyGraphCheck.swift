/// The dependency graph checked at build time, with the same rules `InngestDI` enforces at boot:
/// a provider sees its module's providers, the exports of the modules it imports and of global
/// modules; handlers and unlisted injectables resolve in the root module. Reported at the consumer's
/// declaration with what to change.
///
/// The check runs only when the whole graph is in this target: if a module imports one declared
/// elsewhere, what that module exports is unknown here, and the graph is left to the boot check.
enum DependencyGraphCheck {
    /// Types the framework provides to every module.
    static let frameworkTypes: Set<String> = ["InngestClient", "InngestLogger", "Inngest.InngestClient", "Inngest.InngestLogger"]

    static func check(_ model: AppModel) -> [Diagnostic] {
        let modules = Dictionary(model.modules.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        guard !modules.isEmpty, model.modules.allSatisfy({ $0.imports.allSatisfy { modules[$0] != nil } }) else { return [] }
        let injectables = Dictionary(model.injectables.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        let graph = Graph(modules: modules, injectables: injectables, model: model)
        var diagnostics: [Diagnostic] = []

        for module in model.modules {
            diagnostics += graph.exportProblems(module)
            let visible = graph.visible(from: module)
            for provider in module.providers {
                guard let injectable = injectables[provider] else { continue }
                diagnostics += graph.missing(injectable.initializer, consumer: provider, location: injectable.location,
                                             module: module.typeName, visible: visible)
            }
        }
        let imported = Set(model.modules.flatMap(\.imports))
        let roots = model.modules.filter { !imported.contains($0.typeName) }
        if roots.count == 1, let root = roots.first {
            let visible = graph.visible(from: root).union(graph.rootProvided)
            for name in graph.rootProvided.sorted() {
                guard let injectable = injectables[name] else { continue }
                diagnostics += graph.missing(injectable.initializer, consumer: name, location: injectable.location,
                                             module: root.typeName, visible: visible)
            }
            for function in model.functions {
                if case .markedMethod = function.declaration {
                    guard !visible.contains(function.typeName) else { continue }
                    diagnostics.append(Diagnostic(.error, "function \"\(function.id ?? "")\" runs on \(function.typeName), which the root module \(root.typeName) cannot see. "
                                                  + graph.advice(for: function.typeName, in: root.typeName), at: function.location))
                } else {
                    diagnostics += graph.missing(function.initializer, consumer: function.typeName, location: function.location,
                                                 module: root.typeName, visible: visible)
                }
            }
        }
        diagnostics += graph.cycles()
        return diagnostics
    }

    /// The modules and injectables of one target.
    struct Graph {
        let modules: [String: ModuleModel]
        let injectables: [String: InjectableModel]
        /// Injectables no module lists: provided in the root module.
        let rootProvided: Set<String>

        init(modules: [String: ModuleModel], injectables: [String: InjectableModel], model: AppModel) {
            self.modules = modules
            self.injectables = injectables
            let listed = Set(model.modules.flatMap(\.providers))
            rootProvided = Set(model.injectables.map(\.typeName).filter { !listed.contains($0) })
        }

        /// What a module makes visible to its importers, following re-exported modules.
        func exports(of name: String, seen: Set<String> = []) -> Set<String> {
            guard let module = modules[name], !seen.contains(name) else { return [] }
            var result = Set<String>()
            for export in module.exports {
                if modules[export] != nil {
                    result.formUnion(exports(of: export, seen: seen.union([name])))
                } else {
                    result.insert(export)
                }
            }
            return result
        }

        func visible(from module: ModuleModel) -> Set<String> {
            var result = Set(module.providers).union(DependencyGraphCheck.frameworkTypes)
            for imported in module.imports { result.formUnion(exports(of: imported)) }
            for global in modules.values where global.isGlobal { result.formUnion(exports(of: global.typeName)) }
            return result
        }

        /// Dependencies of a constructor that nothing visible provides.
        func missing(_ initializer: InitializerModel, consumer: String, location: SourceLocation, module: String,
                     visible: Set<String>) -> [Diagnostic] {
            initializer.dependencies.compactMap { dependency in
                guard !dependency.isOptional, !visible.contains(dependency.type) else { return nil }
                return Diagnostic(.error, "\(initializer.signature(of: consumer)) in \(module) needs \(dependency.type) for parameter '\(dependency.name)', "
                                  + "but nothing visible to \(module) provides it. " + advice(for: dependency.type, in: module), at: location)
            }
        }

        /// What to change so that `module` sees `type`.
        func advice(for type: String, in module: String) -> String {
            let providers = modules.values.filter { $0.providers.contains(type) }.map(\.typeName).sorted()
            if let exporter = providers.first(where: { exports(of: $0).contains(type) }) {
                return "\(exporter) exports \(type): add \(exporter) to \(module)'s imports."
            }
            if let provider = providers.first {
                return "\(provider) provides \(type) but does not export it: add it to \(provider)'s exports and \(provider) to \(module)'s imports."
            }
            if rootProvided.contains(type) {
                return "\(type) is listed in no module, so only the root module sees it: list it in \(module)'s providers or in a module \(module) imports and that exports it."
            }
            return "Add \(type) to \(module)'s providers (mark it // @inngest.injectable), or import a module that exports it."
        }

        /// Exports a module neither provides nor imports.
        func exportProblems(_ module: ModuleModel) -> [Diagnostic] {
            module.exports.compactMap { export in
                if modules[export] != nil {
                    return module.imports.contains(export) ? nil : Diagnostic(
                        .error, "\(module.typeName) re-exports \(export) without importing it: add \(export) to its imports", at: module.markerLocation)
                }
                let reexported = module.imports.contains { exports(of: $0).contains(export) }
                return module.providers.contains(export) || reexported ? nil : Diagnostic(
                    .error, "\(module.typeName) exports \(export), which it neither provides nor imports: add it to its providers", at: module.markerLocation)
            }
        }

        /// Constructor cycles among injectables, each reported once with its full path.
        func cycles() -> [Diagnostic] {
            var diagnostics: [Diagnostic] = []
            var done = Set<String>()
            var reported = Set<Set<String>>()
            func visit(_ name: String, _ path: [String]) {
                if let start = path.firstIndex(of: name) {
                    let cycle = Array(path[start...]) + [name]
                    guard reported.insert(Set(cycle)).inserted, let first = injectables[cycle[0]] else { return }
                    diagnostics.append(Diagnostic(.error, "dependency cycle: \(cycle.joined(separator: " → ")); break it by removing one of these constructor parameters",
                                                  at: first.location))
                    return
                }
                guard !done.contains(name), let injectable = injectables[name] else { return }
                for dependency in injectable.initializer.dependencies where !dependency.isOptional {
                    visit(dependency.type, path + [name])
                }
                done.insert(name)
            }
            for name in injectables.keys.sorted() { visit(name, []) }
            return diagnostics
        }
    }
}
