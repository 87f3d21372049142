/// A module reached from the root while walking imports.
struct DiscoveredModule {
    /// The module type.
    let type: any Module.Type
    /// Its descriptor, read once.
    let descriptor: ModuleDescriptor
    /// Indices of the imported modules, in declaration order.
    var imports: [Int] = []
    /// The module through which it was first reached (breadth-first), `nil` for the root.
    let parent: Int?
}

/// Walks the imports from the root, breadth-first in declaration order, visiting each module once
/// (import cycles are tolerated).
struct ModuleDiscovery {
    /// The modules, root first, in breadth-first discovery order.
    private(set) var modules: [DiscoveredModule] = []
    /// Module index by type identity.
    private(set) var indexByType: [ObjectIdentifier: Int] = [:]
    /// Problems found (duplicate module names).
    private(set) var problems: [DependencyProblem] = []

    /// Discovers every module reachable from `root`.
    init(root: any Module.Type) {
        _ = add(root, parent: nil)
        var next = 0
        while next < modules.count {
            let current = next
            next += 1
            for imported in modules[current].descriptor.imports {
                let index = indexByType[ObjectIdentifier(imported)] ?? add(imported, parent: current)
                modules[current].imports.append(index)
            }
        }
        checkNames()
    }

    private mutating func add(_ type: any Module.Type, parent: Int?) -> Int {
        let index = modules.count
        modules.append(DiscoveredModule(type: type, descriptor: type.moduleDescriptor, parent: parent))
        indexByType[ObjectIdentifier(type)] = index
        return index
    }

    private mutating func checkNames() {
        var firstByName: [String: Int] = [:]
        for (index, module) in modules.enumerated() {
            let name = module.descriptor.name
            guard let first = firstByName[name] else {
                firstByName[name] = index
                continue
            }
            problems.append(DependencyProblem(
                .duplicateModuleName,
                "Two modules are named \(name): \(String(reflecting: modules[first].type)) and "
                    + "\(String(reflecting: module.type)). Rename one; module names identify modules "
                    + "in messages and in resolver(forModule:).",
                location: module.descriptor.location
            ))
        }
    }

    /// Module names from the root to `index` along the discovery tree.
    func importPath(to index: Int) -> [String] {
        var path: [String] = []
        var current: Int? = index
        while let module = current {
            path.append(modules[module].descriptor.name)
            current = modules[module].parent
        }
        return path.reversed()
    }
}
