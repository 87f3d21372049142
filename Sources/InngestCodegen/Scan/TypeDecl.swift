/// A type declaration or an extension, at file scope or nested in another type.
public struct TypeDecl: Hashable, Sendable {
    /// Which keyword declared it.
    public enum Kind: String, Sendable {
        /// `struct`
        case `struct`
        /// `class`
        case `class`
        /// `enum`
        case `enum`
        /// `actor`
        case actor
        /// `extension`
        case `extension`
        /// `protocol`
        case `protocol`
    }

    /// Which keyword declared it.
    public var kind: Kind
    /// The name qualified by nesting (`Outer.Inner`); for an extension, the extended type as
    /// written and normalised (`Foo`, `Foo.Bar`, `Array<Int>`), qualified the same way when
    /// nested types are declared inside it.
    public var name: String
    /// The normalised text inside `<…>` after the name, if any.
    public var genericParameters: String?
    /// The inheritance clause, one normalised entry each, generic arguments kept
    /// (`Foo<Bar>`), `@unchecked Sendable` and `~Copyable` kept as written.
    public var inheritance: [String]
    /// The normalised requirements of a generic `where` clause after the inheritance clause, if
    /// written (`Element: Event` for `extension Array: Event where Element: Event`).
    public var whereClause: String?
    /// `public`, `package`, `internal`, `fileprivate`, `private` or `open`, if written.
    public var accessLevel: String?
    /// Other modifiers as written: `final`, `indirect`, `distributed`, …
    public var modifiers: [String]
    /// Attributes written before the declaration, as written.
    public var attributes: [String]
    /// The markers attached to this declaration, in order.
    public var markers: [Marker]
    /// The conditions of the enclosing `#if` blocks, outermost first: `X` inside `#if X`,
    /// `!(X)` in its `#else`, `!(X) && (Y)` in `#elseif Y`, `!(X) && !(Y)` in a following
    /// `#else`. Conditions are the directive's tokens joined with single spaces.
    public var conditions: [String]
    /// The location of the name (for an extension, of the extended type's first token).
    public var location: SourceLocation
    /// The initialisers declared directly in the body, in order.
    public var initializers: [FunctionDecl]
    /// The methods declared directly in the body, in order.
    public var methods: [FunctionDecl]
    /// The properties declared directly in the body, in order.
    public var properties: [PropertyDecl]
    /// The names of the enum cases declared directly in the body, in order.
    public var enumCases: [String]
    /// The name of the type whose body contains this one (qualified), or `nil` at file scope.
    public var parentName: String?

    /// Creates a type declaration.
    public init(
        kind: Kind,
        name: String,
        genericParameters: String? = nil,
        inheritance: [String] = [],
        whereClause: String? = nil,
        accessLevel: String? = nil,
        modifiers: [String] = [],
        attributes: [String] = [],
        markers: [Marker] = [],
        conditions: [String] = [],
        location: SourceLocation,
        initializers: [FunctionDecl] = [],
        methods: [FunctionDecl] = [],
        properties: [PropertyDecl] = [],
        enumCases: [String] = [],
        parentName: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.genericParameters = genericParameters
        self.inheritance = inheritance
        self.whereClause = whereClause
        self.accessLevel = accessLevel
        self.modifiers = modifiers
        self.attributes = attributes
        self.markers = markers
        self.conditions = conditions
        self.location = location
        self.initializers = initializers
        self.methods = methods
        self.properties = properties
        self.enumCases = enumCases
        self.parentName = parentName
    }

    /// The last component of `name` (`Inner` for `Outer.Inner`).
    public var simpleName: String {
        guard parentName != nil, let dot = name.lastIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }
}
