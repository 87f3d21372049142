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

    /// Creates an empty model.
    public init() {}
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
}

/// How the wiring constructs a type.
public struct InitializerModel: Sendable, Hashable {
    /// Parameters to resolve, in order.
    public var dependencies: [DependencyModel]
    /// `init` is `async`.
    public var isAsync: Bool
    /// `init` throws.
    public var isThrows: Bool

    /// `Type.init(a:b:)` for messages.
    public func signature(of typeName: String) -> String {
        "\(typeName).init(\(dependencies.map { "\($0.label ?? "_"):" }.joined()))"
    }
}

/// A function.
public struct FunctionModel: Sendable, Hashable {
    /// How the function is declared.
    public enum Declaration: Sendable, Hashable {
        /// A type conforming to `InngestFunction`.
        case conformance
        /// A type with a function marker: the generator adds the conformance.
        case markedType
        /// A method with a function marker on an injectable type: the generator adds a wrapper.
        case markedMethod(MethodModel)
    }

    /// What starts it.
    public enum TriggerModel: Sendable, Hashable {
        /// An event, by Swift type (and name when known).
        case event(typeName: String?, eventName: String?)
        /// A cron expression.
        case cron(String)
    }

    /// The function id, when written as a literal.
    public var id: String?
    /// A display name from the marker.
    public var name: String?
    /// The Swift type (the owner type for methods).
    public var typeName: String
    /// How it is declared.
    public var declaration: Declaration
    /// Its trigger, when it could be read.
    public var trigger: TriggerModel?
    /// Retries from the marker or a literal `FunctionOptions(retries:)`.
    public var retries: Int?
    /// How to construct the handler (or the method's owner).
    public var initializer: InitializerModel
    /// The type's access level keyword.
    public var accessLevel: String?
    /// Where it is declared (the type, or the method).
    public var location: SourceLocation
    /// Where the id is written (marker argument or `static let id`), for messages.
    public var idLocation: SourceLocation
    /// Where the trigger is written, for messages.
    public var triggerLocation: SourceLocation
    /// Enclosing `#if` conditions.
    public var conditions: [String]
}

/// A method declared as a function by marker.
public struct MethodModel: Sendable, Hashable {
    /// The method name.
    public var name: String
    /// Its parameters: at most one payload parameter and one `Context`.
    public var parameters: [MethodParameter]
    /// `async`.
    public var isAsync: Bool
    /// `throws`.
    public var isThrows: Bool
    /// The return type; `nil` for `Void`.
    public var returnType: String?
}

/// A parameter of a marked method.
public struct MethodParameter: Sendable, Hashable {
    /// What the wrapper passes.
    public enum Role: Sendable, Hashable {
        /// The event payload.
        case payload
        /// The `Context`.
        case context
    }

    /// The external label; `nil` for `_`.
    public var label: String?
    /// The type as written.
    public var type: String
    /// What it receives.
    public var role: Role
}

/// An injectable type.
public struct InjectableModel: Sendable, Hashable {
    /// The Swift type.
    public var typeName: String
    /// `singleton` or `transient`.
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
    /// Declares `moduleDescriptor` itself: the generator only registers its functions.
    public var hasHandwrittenDescriptor: Bool
    /// The type's access level keyword.
    public var accessLevel: String?
    /// Where it is declared.
    public var location: SourceLocation
    /// Where the marker or the conformance is, for messages about its lists.
    public var markerLocation: SourceLocation
    /// Enclosing `#if` conditions.
    public var conditions: [String]
}
