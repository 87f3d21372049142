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
///
/// A module replaced by a test override is read from its replacement. A dynamic import adds its
/// providers, exports and imports to the module it configures, wherever that module is imported.
struct ModuleDiscovery {
    /// The modules, root first, in breadth-first discovery order.
    private(set) var modules: [DiscoveredModule] = []
    /// Module index by type identity.
    private(set) var indexByType: [ObjectIdentifier: Int] = [:]
    /// Problems found (duplicate module names, a module configured twice).
    private(set) var problems: [DependencyProblem] = []

    private let replacements: [ObjectIdentifier: any Module.Type]
    private var configured: [ObjectIdentifier: DynamicModule] = [:]
    /// Each module's declared descriptor, read once (a descriptor is computed on every read).
    private var descriptors: [ObjectIdentifier: ModuleDescriptor] = [:]

    /// Discovers every module reachable from `root`.
    /// - Parameters:
    ///   - root: The root module.
    ///   - replacements: Modules to read from another module's descriptor (test overrides).
    init(root: any Module.Type, replacements: [ModuleOverride] = []) {
        self.replacements = Dictionary(replacements.map { (ObjectIdentifier($0.module), $0.replacement) }) { first, _ in first }
        collectConfigurations(from: root)
        _ = add(root, parent: nil)
        var next = 0
        while next < modules.count {
            let current = next
            next += 1
            for imported in modules[current].descriptor.allImports {
                let index = indexByType[ObjectIdentifier(imported)] ?? add(imported, parent: current)
                if !modules[current].imports.contains(index) { modules[current].imports.append(index) }
            }
        }
        checkNames()
    }

    /// The descriptor a module type is read from: its replacement's, if overridden.
    private mutating func declared(_ type: any Module.Type) -> ModuleDescriptor {
        if let known = descriptors[ObjectIdentifier(type)] { return known }
        let descriptor = (replacements[ObjectIdentifier(type)] ?? type).moduleDescriptor
        descriptors[ObjectIdentifier(type)] = descriptor
        return descriptor
    }

    /// Finds every dynamic import in the graph first, so that a module is read with its
    /// configuration wherever the walk meets it.
    private mutating func collectConfigurations(from root: any Module.Type) {
        var seen: Set<ObjectIdentifier> = []
        var pending: [any Module.Type] = [root]
        var importers: [ObjectIdentifier: String] = [:]
        while let type = pending.popLast() {
            guard seen.insert(ObjectIdentifier(type)).inserted else { continue }
            let descriptor = declared(type)
            pending.append(contentsOf: descriptor.imports)
            for dynamic in descriptor.dynamicImports {
                let id = ObjectIdentifier(dynamic.module)
                pending.append(dynamic.module)
                pending.append(contentsOf: dynamic.imports)
                guard replacements[id] == nil else { continue }  // An overridden module is replaced whole.
                if let first = importers[id] {
                    let name = dynamic.module.moduleDescriptor.name
                    problems.append(DependencyProblem(
                        .invalidModule,
                        "\(name) is configured by two dynamic imports, in \(first) and in \(descriptor.name). Import "
                            + "its configured form (e.g. \(name).forRoot(…)) once, usually in the root module, and "
                            + "\(name) plainly everywhere else: every importer shares that configuration.",
                        location: descriptor.location
                    ))
                    continue
                }
                importers[id] = descriptor.name
                configured[id] = dynamic
            }
        }
    }

    private mutating func add(_ type: any Module.Type, parent: Int?) -> Int {
        let index = modules.count
        var descriptor = declared(type)
        if let dynamic = configured[ObjectIdentifier(type)] { descriptor = descriptor.adding(dynamic) }
        modules.append(DiscoveredModule(type: type, descriptor: descriptor, parent: parent))
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
