/// The modules and injectables of one target as the build-time graph check sees them: exactly
/// where every list is known, and with the unknowns marked where not.
///
/// Unknown are the lists of a module whose `moduleDescriptor` is hand-written (beyond what a single
/// `ModuleDescriptor(…)` expression states) or inherited, static lists that are not literal lists of
/// types, and everything about a module declared in a target the build does not see (another
/// package's, or a dependent's when the target is a library). An unknown module may be global, so
/// while one may be in the graph, no module's visibility is complete.
struct ModuleGraph {
    /// Modules of this target by type name, as the check sees them: the modules a conformance's
    /// `dynamicImports` names count as imports, and an unreadable `dynamicImports` makes the
    /// imports unknown.
    let modules: [String: ModuleModel]
    /// The same modules, sorted by type name.
    let moduleList: [ModuleModel]
    /// The providers of each key (type or token, normalised), with their scopes: injectables and
    /// inline providers of every module of the target, and `[T]` for multi-bindings (with the
    /// narrowest scope of their contributions).
    let scopes: [String: [String]]
    /// The collections `[T]` (normalised) that multi-bindings of the target contribute to.
    let multiCollections: Set<String>
    /// The inline factories by the key they provide (normalised), for the cycle check.
    let factories: [String: [ProviderModel]]
    /// Injectables of this target by type name.
    let injectables: [String: InjectableModel]
    /// Injectables the registry provides in the root module.
    let rootProvided: Set<String>
    /// The root: the only module that no module with a known import list imports.
    let root: ModuleModel?
    /// Modules that may be in the booted graph and may be global.
    private let possiblyGlobal: [String]
    /// Whether a module this build cannot see into may be in the booted graph.
    let mayContainUnknownModules: Bool
    /// Whether a module that may be in the booted graph has providers the build does not know.
    let mayContainUnknownProviders: Bool

    /// Builds the graph of a model.
    /// - Parameters:
    ///   - model: the target's model, with the declarations of the local targets it depends on.
    ///   - role: a library's dependents may import its modules and add global ones, so in a
    ///     library no module is known to be the root and the visible providers are never complete.
    init(_ model: AppModel, role: GeneratorOptions.TargetRole = .app) {
        let adjusted = model.modules.map { module -> ModuleModel in
            var module = module
            if let named = module.dynamicImportModules {
                module.imports += named.filter { !module.imports.contains($0) }
            } else {
                module.unreadable.insert(.imports)
            }
            return module
        }
        moduleList = adjusted
        let modules = Dictionary(adjusted.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        self.modules = modules
        var scopes: [String: [String]] = [:]
        var factories: [String: [ProviderModel]] = [:]
        for injectable in model.injectables { scopes[TypeKey.normalized(injectable.typeName), default: []].append(injectable.scope) }
        for module in adjusted {
            for provider in module.inlineProviders {
                let key = TypeKey.normalized(provider.key)
                if case .alias = provider.kind { continue }
                scopes[key, default: []].append(provider.scope)
                if case .factory = provider.kind { factories[key, default: []].append(provider) }
            }
        }
        // A multi-binding's collection has the narrowest scope of its contributions.
        let multiCollections = Set(adjusted.flatMap(\.inlineProviders).filter(\.isMulti).map { TypeKey.normalized($0.key) })
        self.multiCollections = multiCollections
        for (key, found) in scopes where multiCollections.contains(key) {
            scopes[key] = [found.contains("run") ? "run" : found.contains("transient") ? "transient" : "singleton"]
        }
        // The framework provides the run's identity with run scope.
        for name in ["RunIdentity", "Inngest.RunIdentity"] where scopes[name] == nil { scopes[name] = ["run"] }
        self.scopes = scopes
        self.factories = factories
        injectables = Dictionary(model.injectables.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        rootProvided = Set(model.rootProvidedInjectables.map(\.typeName))
        let imported = Set(adjusted.filter { $0.knows(.imports) }.flatMap(\.imports))
        let candidates = adjusted.filter { !imported.contains($0.typeName) }
        root = role == .app && candidates.count == 1 ? candidates.first : nil

        // With a root whose reachable modules all have known imports, only those modules can be
        // in the graph; otherwise any module may be.
        var reachable: Set<String>?
        if let root {
            var seen: Set<String> = [root.typeName]
            var queue = [root.typeName]
            var complete = true
            while complete, let name = queue.popLast() {
                guard let module = modules[name] else { continue }
                guard module.knows(.imports) else {
                    complete = false
                    break
                }
                for next in module.imports where seen.insert(next).inserted { queue.append(next) }
            }
            if complete { reachable = seen }
        }
        let inGraph = adjusted.filter { reachable?.contains($0.typeName) ?? true }
        possiblyGlobal = inGraph.filter { !$0.knows(.isGlobal) || $0.isGlobal }.map(\.typeName)
        mayContainUnknownModules = role == .library || inGraph.contains { module in
            !module.knows(.imports) || module.imports.contains { modules[$0] == nil }
        }
        mayContainUnknownProviders = mayContainUnknownModules || inGraph.contains { !$0.knows(.providers) || $0.declaresDynamicModule }
    }

    /// What a module makes visible to its importers, following re-exported modules.
    func exports(of name: String, seen: Set<String> = []) -> Visibility {
        guard let module = modules[name] else { return .unknown }
        guard !seen.contains(name) else { return .empty }
        guard module.knows(.exports) else { return .unknown }
        // What a `forRoot` call adds to the module's exports is known only at boot.
        var result = Visibility(types: [], isComplete: !module.declaresDynamicModule)
        for export in module.exports {
            if modules[export] != nil {
                result.formUnion(exports(of: export, seen: seen.union([name])))
            } else if !module.knows(.imports) {
                // A type, or a module of another target.
                result.types.insert(export)
                result.isComplete = false
            } else if module.imports.contains(export) {
                // Re-exports a module of another target.
                result.isComplete = false
            } else {
                result.types.insert(export)
            }
        }
        return result
    }

    /// What the providers of `module` can depend on: its providers, its imports' exports, the
    /// exports of global modules and the framework's types.
    func visible(from module: ModuleModel) -> Visibility {
        var result = Visibility(types: DependencyGraphCheck.frameworkTypes, isComplete: !mayContainUnknownModules)
        if module.knows(.providers) && !module.declaresDynamicModule {
            result.types.formUnion(module.providedKeys)
        } else {
            result.types.formUnion(module.providedKeys)
            result.isComplete = false
        }
        // Multi-bindings are app-wide: every contribution of the target is in every collection.
        result.types.formUnion(multiCollections)
        if module.knows(.imports) {
            for imported in module.imports { result.formUnion(exports(of: imported)) }
        } else {
            result.isComplete = false
        }
        // A module whose `isGlobal` is unknown counts as global: the check then reports less, never more.
        for global in possiblyGlobal { result.formUnion(exports(of: global)) }
        return result
    }

    /// The modules whose known provider lists include `type`, and the root for root-provided types.
    func owners(of type: String) -> Set<String> {
        let key = TypeKey.normalized(type)
        var owners = Set(modules.values.filter { $0.knows(.providers) && $0.providedKeys.contains { TypeKey.normalized($0) == key } }.map(\.typeName))
        if rootProvided.contains(type) { owners.insert(root?.typeName ?? "") }
        return owners
    }
}
