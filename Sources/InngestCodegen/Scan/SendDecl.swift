/// A call of `send(…)` or `sendEvent(…)` found in a function body, with the names in its
/// arguments that may say which events it sends: implicit members `.orderPlaced(…)` (an
/// `AppEvent` case) and constructions `OrderPlaced(…)`. The model keeps the ones that name an event
/// of the target.
public struct SendDecl: Hashable, Sendable {
    /// `send` or `sendEvent`.
    public var name: String
    /// The implicit members called in the arguments, `.orderPlaced(…)` → `orderPlaced`.
    public var caseNames: [String]
    /// The types constructed in the arguments, as written: `OrderPlaced(…)` → `OrderPlaced`,
    /// `Shop.OrderPlaced(…)` → `Shop.OrderPlaced`.
    public var typeNames: [String]
    /// Where the call's name is.
    public var location: SourceLocation
    /// The `#if` conditions in force, outermost first.
    public var conditions: [String]
    /// The type or extended type whose member's body holds the call; `nil` at file scope.
    public var typeName: String?
    /// The member whose body holds the call.
    public var memberName: String?

    /// Creates a send.
    public init(name: String, caseNames: [String], typeNames: [String], location: SourceLocation, conditions: [String] = [],
                typeName: String? = nil, memberName: String? = nil) {
        self.name = name
        self.caseNames = caseNames
        self.typeNames = typeNames
        self.location = location
        self.conditions = conditions
        self.typeName = typeName
        self.memberName = memberName
    }
}
