/// A `typealias`, at file scope or in a type's body.
///
/// Conformance is resolved through aliases: after `typealias Handler = InngestFunction & Sendable`,
/// `struct X: Handler` conforms to `InngestFunction`.
public struct TypeAliasDecl: Hashable, Sendable {
    /// The name qualified by nesting (`Outer.Alias`).
    public var name: String
    /// The aliased type, normalised (`InngestFunction & Sendable`, `[String: Int]`).
    public var aliased: String
    /// The normalised text inside `<…>` after the name, if any.
    public var genericParameters: String?
    /// The conditions of the enclosing `#if` blocks, outermost first (see ``TypeDecl/conditions``).
    public var conditions: [String]
    /// The location of the name.
    public var location: SourceLocation
    /// The name of the type whose body contains it (qualified), or `nil` at file scope.
    public var parentName: String?

    /// Creates a type alias declaration.
    public init(name: String, aliased: String, genericParameters: String? = nil, conditions: [String] = [],
                location: SourceLocation, parentName: String? = nil) {
        self.name = name
        self.aliased = aliased
        self.genericParameters = genericParameters
        self.conditions = conditions
        self.location = location
        self.parentName = parentName
    }
}
