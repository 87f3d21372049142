/// What each module exports, including re-exports, and the problems with its `exports` list.
///
/// Re-exports may form cycles (A re-exports B, which re-exports A), so the table is computed as a
/// fixed point: every module's export map grows from its own providers and its imports' current
/// maps until nothing changes. Problems are judged on the final maps.
struct ExportTable {
    /// Per context, the provider each exported key stands for. The `globalProviders` context exports nothing.
    private(set) var exports: [[ProviderKey: Int]]
    /// Invalid exports: types neither provided nor importable, and modules not imported.
    private(set) var problems: [DependencyProblem] = []

    private let modules: [DiscoveredModule]
    private let indexByType: [ObjectIdentifier: Int]
    private let owned: [[ProviderKey: Int]]

    /// Computes the export maps.
    /// - Parameters:
    ///   - modules: The discovered modules.
    ///   - indexByType: Module index by type identity.
    ///   - owned: Per context, the providers it owns.
    init(modules: [DiscoveredModule], indexByType: [ObjectIdentifier: Int], owned: [[ProviderKey: Int]]) {
        self.modules = modules
        self.indexByType = indexByType
        self.owned = owned
        exports = Array(repeating: [:], count: owned.count)
        // A key travels at least one import edge per round, so `modules.count + 1` rounds reach the fixed point.
        var rounds = 0
        var changed = true
        while changed && rounds <= modules.count {
            changed = false
            rounds += 1
            for index in modules.indices {
                let map = exportMap(of: index).map
                if map != exports[index] {
                    exports[index] = map
                    changed = true
                }
            }
        }
        problems = modules.indices.flatMap { exportMap(of: $0).problems }
    }

    /// One module's export map given the current maps of its imports, and the invalid entries.
    private func exportMap(of index: Int) -> (map: [ProviderKey: Int], problems: [DependencyProblem]) {
        let module = modules[index]
        let name = module.descriptor.name
        var map: [ProviderKey: Int] = [:]
        var problems: [DependencyProblem] = []
        for entry in module.descriptor.exports {
            if let moduleType = entry as? any Module.Type {
                let known = indexByType[ObjectIdentifier(moduleType)]
                guard let imported = known, module.imports.contains(imported) else {
                    let exportedName = known.map { modules[$0].descriptor.name } ?? moduleType.moduleDescriptor.name
                    problems.append(DependencyProblem(
                        .invalidExport,
                        "\(name) exports the module \(exportedName), but does not import it. Add \(exportedName) "
                            + "to \(name)'s imports, or remove it from \(name)'s exports.",
                        location: module.descriptor.location
                    ))
                    continue
                }
                map.merge(exports[imported]) { kept, _ in kept }
                continue
            }
            let key = ProviderKey(metatype: entry)
            if let provider = owned[index][key] ?? module.imports.lazy.compactMap({ exports[$0][key] }).first {
                if map[key] == nil { map[key] = provider }
                continue
            }
            problems.append(DependencyProblem(
                .invalidExport,
                "\(name) exports \(key), but neither provides it nor imports a module that exports it. "
                    + "Add \(key) to \(name)'s providers, import a module that exports it, "
                    + "or remove it from \(name)'s exports.",
                location: module.descriptor.location
            ))
        }
        return (map, problems)
    }
}
