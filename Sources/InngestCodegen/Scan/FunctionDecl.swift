/// A method or an initialiser declared directly in a type's body.
public struct FunctionDecl: Hashable, Sendable {
    /// The name: `handle`, `init` for initialisers, or an operator such as `==`.
    public var name: String
    /// The parameters in order.
    public var parameters: [Parameter]
    /// Whether `static` or `class` is written.
    public var isStatic: Bool
    /// Whether `async` (or `reasync`) is written.
    public var isAsync: Bool
    /// Whether `throws`, `throws(E)` or `rethrows` is written.
    public var isThrows: Bool
    /// Whether this is `init?` or `init!`.
    public var isFailable: Bool
    /// The normalised return type after `->`, if written.
    public var returnType: String?
    /// The normalised text inside `<…>` after the name, if any.
    public var genericParameters: String?
    /// `public`, `package`, `internal`, `fileprivate`, `private` or `open`, if written.
    public var accessLevel: String?
    /// Attributes written before the declaration, as written (`@MainActor`,
    /// `@available(macOS 15, *)`), one entry each.
    public var attributes: [String]
    /// The markers attached to this declaration, in order.
    public var markers: [Marker]
    /// The enclosing `#if` conditions, outermost first (see ``TypeDecl/conditions``).
    public var conditions: [String]
    /// The location of the name (or of `init`).
    public var location: SourceLocation
    /// Modifiers other than the access level, as written: `static`, `mutating`,
    /// `nonisolated`, `override`, `convenience`, `required`, `private(set)`, …
    public var modifiers: [String]
    /// The error type of typed throws, `throws(E)`, if written.
    public var thrownType: String?
    /// Whether `rethrows` (rather than `throws`) is written.
    public var isRethrows: Bool
    /// Whether a body `{ … }` follows (false for protocol requirements).
    public var hasBody: Bool

    /// Creates a function declaration.
    public init(
        name: String,
        parameters: [Parameter] = [],
        isStatic: Bool = false,
        isAsync: Bool = false,
        isThrows: Bool = false,
        isFailable: Bool = false,
        returnType: String? = nil,
        genericParameters: String? = nil,
        accessLevel: String? = nil,
        attributes: [String] = [],
        markers: [Marker] = [],
        conditions: [String] = [],
        location: SourceLocation,
        modifiers: [String] = [],
        thrownType: String? = nil,
        isRethrows: Bool = false,
        hasBody: Bool = true
    ) {
        self.name = name
        self.parameters = parameters
        self.isStatic = isStatic
        self.isAsync = isAsync
        self.isThrows = isThrows
        self.isFailable = isFailable
        self.returnType = returnType
        self.genericParameters = genericParameters
        self.accessLevel = accessLevel
        self.attributes = attributes
        self.markers = markers
        self.conditions = conditions
        self.location = location
        self.modifiers = modifiers
        self.thrownType = thrownType
        self.isRethrows = isRethrows
        self.hasBody = hasBody
    }
}
