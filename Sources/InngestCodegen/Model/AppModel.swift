/// Everything the generator found in one target, after merging declarations and extensions.
public struct AppModel: Sendable {
    /// Events, sorted by type name.
    public var events: [EventModel] = []
    /// Functions, sorted by id.
    public var functions: [FunctionModel] = []
    /// Injectable types, sorted by type name.
    public var injectables: [InjectableModel] = []
    /// Modules, sorted by type name.
    public var modules: [ModuleModel] = []
    /// The `step.waitForEvent` calls found in function bodies, in source order.
    public var waits: [WaitModel] = []
    /// The declarations of the target by qualified name: what `match:` key paths are checked
    /// against (``storedProperties(of:)``), shared with the model builder rather than copied.
    var declarations: [String: [TypeDecl]] = [:]
    /// The scanned files the model was built from, for the checks that search the target's code.
    var files: [ScannedFile] = []

    /// Creates an empty model.
    public init() {}

    /// The stored instance properties of the struct `name` of the target, name → type as written
    /// (empty when not annotated); `nil` when `name` is not such a struct.
    func storedProperties(of name: String) -> [String: String]? {
        guard let declaration = declarations[name]?.first(where: { $0.kind != .extension }), declaration.kind == .struct else { return nil }
        var properties: [String: String] = [:]
        for property in declaration.properties where property.isStored && !property.isStatic {
            properties[property.name] = property.type ?? ""
        }
        return properties
    }

    /// The injectables that no generated module descriptor lists: the registry provides them in
    /// the root module (a hand-written descriptor's providers are its own business).
    public var rootProvidedInjectables: [InjectableModel] {
        let listed = Set(modules.filter(\.hasGeneratedDescriptor).flatMap(\.providers))
        return injectables.filter { !listed.contains($0.typeName) }
    }
}

/// An event type.
public struct EventModel: Sendable, Hashable {
    /// The Swift type, qualified.
    public var typeName: String
    /// The event name, when written as a literal.
    public var eventName: String?
    /// Declared by marker (the generator adds the `Event` conformance) rather than by conformance.
    public var byMarker: Bool
    /// The type's access level keyword, if any.
    public var accessLevel: String?
    /// Where the type is declared.
    public var location: SourceLocation
    /// Enclosing `#if` conditions.
    public var conditions: [String]
    /// The module of the local target that declares it, when that is not the target being built.
    public var moduleName: String? = nil

    /// Whether a target other than its own can name it.
    var isVisibleToDependents: Bool { ["public", "open", "package"].contains(accessLevel ?? "") }
}

/// A constructor parameter that the wiring resolves.
public struct DependencyModel: Sendable, Hashable {
    /// The external label; `nil` for `_`.
    public var label: String?
    /// The parameter name, for messages.
    public var name: String
    /// The type as written, without a trailing `?`.
    public var type: String
    /// Written `T?`: resolved if visible, `nil` otherwise.
    public var isOptional: Bool
    /// The `ProviderToken` type an `@inngest.inject(name: Token)` marker maps this parameter to:
    /// resolved by token rather than by type.
    public var token: String? = nil
    /// Written `Provider<T>` (`type` is `T`): a handle resolved on demand, so neither a scope
    /// violation nor a cycle edge.
    public var isLazy: Bool = false
    /// Written `ModuleRef` or `Resolver`: receives the resolver of its module, needs no provider.
    public var isResolver: Bool = false
    /// Where the parameter (or the stored property of a memberwise initialiser) is declared.
    public var location: SourceLocation? = nil

    /// What the graph check looks for: the token type, or the type.
    var key: String { token ?? type }
}

/// How the wiring constructs a type.
public struct InitializerModel: Sendable, Hashable {
    /// Parameters to resolve, in order.
    public var dependencies: [DependencyModel]
    /// `init` is `async`.
    public var isAsync: Bool
    /// `init` throws.
    public var isThrows: Bool
    /// The member called: `init`, or the name of a `@inngest.provider` static func.
    public var functionName: String = "init"

    /// `Type.init(a:b:)` (or `Module.make(a:b:)`) for messages.
    public func signature(of typeName: String) -> String {
        "\(typeName).\(functionName)(\(dependencies.map { "\($0.label ?? "_"):" }.joined()))"
    }
}

/// An injectable type.
public struct InjectableModel: Sendable, Hashable {
    /// The Swift type.
    public var typeName: String
    /// `singleton`, `transient` or `run`.
    public var scope: String
    /// How to construct it.
    public var initializer: InitializerModel
    /// The type's access level keyword.
    public var accessLevel: String?
    /// Where it is declared.
    public var location: SourceLocation
    /// Enclosing `#if` conditions.
    public var conditions: [String]
}

/// A module.
public struct ModuleModel: Sendable, Hashable {
    /// One of the lists that make up a module.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        /// The imported modules.
        case imports
        /// The provided types.
        case providers
        /// The exported types and modules.
        case exports
        /// Whether the exports are visible everywhere.
        case isGlobal
    }

    /// Where the module's `moduleDescriptor` comes from.
    public enum DescriptorSource: Sendable, Hashable {
        /// The generator writes it from the marker or the static lists.
        case generated
        /// The user wrote it: in the type, in an extension, or in an extension of a protocol the
        /// module adopts. The generator writes none, and the build check reads only what a single
        /// `ModuleDescriptor(…)` expression states.
        case handwritten
        /// The module is a subclass of the module class named here, declared in this target, and
        /// inherits its descriptor and registration.
        case inherited(from: String)
    }

    /// The Swift type.
    public var typeName: String
    /// Imported module types.
    public var imports: [String]
    /// Provided types.
    public var providers: [String]
    /// Exported types or modules.
    public var exports: [String]
    /// Exports visible everywhere.
    public var isGlobal: Bool
    /// Declared by marker (the generator adds the `Module` conformance).
    public var byMarker: Bool
    /// Where `moduleDescriptor` comes from.
    public var descriptorSource: DescriptorSource
    /// The lists the scanner could not read (written in a shape other than a literal list of
    /// types): the build-time graph check assumes nothing about them and leaves them to the boot
    /// check; a generated descriptor refers to the static property itself.
    public var unreadable: Set<Part>
    /// The type's access level keyword.
    public var accessLevel: String?
    /// Where it is declared.
    public var location: SourceLocation
    /// Where the marker or the conformance is, for messages about its lists.
    public var markerLocation: SourceLocation
    /// Enclosing `#if` conditions.
    public var conditions: [String]
    /// The providers its static members declare with `@inngest.provider`, in source order.
    public var inlineProviders: [ProviderModel] = []
    /// The function types its `providers` list names: their handlers resolve in this module.
    public var functions: [String] = []
    /// The `Name.forRoot(…)` entries of its marker's `imports`, in order.
    public var dynamicImports: [DynamicImportModel] = []
    /// Whether it declares `static … dynamicImports` itself (a conformance module): used as written.
    public var hasDynamicImportsProperty = false
    /// The modules its own `dynamicImports` property names, when the scanner could read them all;
    /// `nil` when it could not (the graph check then assumes nothing about its imports).
    public var dynamicImportModules: [String]? = []
    /// Whether it declares a static member returning `DynamicModule` (`forRoot`): what such a call
    /// adds to it is known only at boot.
    public var declaresDynamicModule = false

    /// What it provides, as the graph check names them: the listed types and the inline
    /// providers' types or tokens (a `multi` contribution is visible everywhere instead).
    var providedKeys: [String] {
        providers + inlineProviders.filter { !$0.isMulti }.map(\.key)
    }

    /// Whether the generator writes the descriptor (it does not for hand-written or inherited ones).
    public var hasGeneratedDescriptor: Bool { descriptorSource == .generated }

    /// Whether the build knows `part` exactly.
    public func knows(_ part: Part) -> Bool { !unreadable.contains(part) }
}
