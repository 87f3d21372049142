/// What a ``Module`` contains: its name, imports, providers and exports.
public struct ModuleDescriptor: Sendable {
    /// The module's name, used in messages and by ``Container/resolver(forModule:)``. Unique per graph.
    public let name: String
    /// Modules whose exports become visible to this module's providers.
    public let imports: [any Module.Type]
    /// Modules imported with configuration (`DatabaseModule.forRoot(…)`); each is imported too.
    public let dynamicImports: [DynamicModule]
    /// The providers this module owns; each singleton among them is built once, for this module.
    public let providers: [ProviderDescriptor]
    /// Provided types, or imported module types (re-export), that importers of this module can see.
    public let exports: [Any.Type]
    /// Function types (and classes whose methods are functions) whose handlers resolve in this
    /// module, as NestJS controllers do: they see what this module sees, with nothing exported.
    public let functions: [Any.Type]
    /// Whether the exports are visible to every module in the graph (NestJS `@Global`). As in
    /// NestJS, a global module must still be imported once (usually by the root) to be in the graph.
    public let isGlobal: Bool
    /// `file:line` of the module declaration, when known.
    public let location: String?

    /// Describes a module.
    /// - Parameters:
    ///   - name: The module's name, unique in the graph.
    ///   - imports: Modules whose exports this module's providers may depend on. Cycles are tolerated.
    ///   - dynamicImports: Modules imported with configuration, e.g. `DatabaseModule.forRoot(config)`.
    ///   - providers: The providers this module owns.
    ///   - exports: Provided types, or imported `Module` types whose exports are re-exported.
    ///   - functions: Function types, or classes whose methods are functions, whose handlers resolve here.
    ///   - isGlobal: Makes the exports visible to every module (NestJS `@Global`).
    ///   - location: `file:line` of the declaration, shown in front of validation messages.
    public init(
        _ name: String,
        imports: [any Module.Type] = [],
        dynamicImports: [DynamicModule] = [],
        providers: [ProviderDescriptor] = [],
        exports: [Any.Type] = [],
        functions: [Any.Type] = [],
        isGlobal: Bool = false,
        location: String? = nil
    ) {
        self.name = name
        self.imports = imports
        self.dynamicImports = dynamicImports
        self.providers = providers
        self.exports = exports
        self.functions = functions
        self.isGlobal = isGlobal
        self.location = location
    }
}

extension ModuleDescriptor {
    /// This descriptor with a dynamic import's additions.
    func adding(_ dynamic: DynamicModule) -> ModuleDescriptor {
        ModuleDescriptor(
            name, imports: imports + dynamic.imports, dynamicImports: dynamicImports,
            providers: providers + dynamic.providers, exports: exports + dynamic.exports,
            functions: functions, isGlobal: isGlobal, location: location
        )
    }

    /// Every module this one imports, plainly or dynamically, in declaration order.
    package var allImports: [any Module.Type] {
        imports + dynamicImports.map(\.module)
    }
}
