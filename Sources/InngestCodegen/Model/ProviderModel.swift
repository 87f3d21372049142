/// A provider a module declares inline, with `// @inngest.provider` on one of its static members
/// (NestJS's `useValue`, `useFactory` and `useExisting`).
public struct ProviderModel: Sendable, Hashable {
    /// How the provider makes its instance.
    public enum Kind: Sendable, Hashable {
        /// `static let name: T = …` (or a computed `static var`): that value, a singleton.
        case value
        /// `static func make(…) -> T`: called with its resolved parameters.
        case factory(InitializerModel)
        /// `static func name(_ existing: E) -> T` marked `alias`: `T` resolves to the provider of `E`,
        /// converted by the function. `label` is the parameter's argument label.
        case alias(existing: String, label: String?)
    }

    /// The module type that declares it.
    public var moduleName: String
    /// The static member: `make`, `currency`.
    public var memberName: String
    /// How it makes its instance.
    public var kind: Kind
    /// The type provided (the return type, or the annotation), as written.
    public var type: String
    /// `singleton`, `transient` or `run`.
    public var scope: String
    /// The `ProviderToken` type it provides under, if any.
    public var token: String?
    /// Whether it contributes to the collection `[type]` rather than providing `type`.
    public var isMulti: Bool
    /// Where the member is declared.
    public var location: SourceLocation
    /// The member's enclosing `#if` conditions, outermost first.
    public var conditions: [String]

    /// What the graph check names it by: the token, the collection, or the type.
    var key: String { token ?? (isMulti ? "[\(type)]" : type) }

    /// `Module.make(a:b:)` or `Module.currency`, for messages.
    public var consumer: String {
        switch kind {
        case .value: return "\(moduleName).\(memberName)"
        case .factory(let initializer): return initializer.signature(of: moduleName)
        case .alias(_, let label): return "\(moduleName).\(memberName)(\(label ?? "_"):)"
        }
    }

    /// The factory's parameters; none for values and aliases (an alias's existing provider is not
    /// resolved through a descriptor).
    var initializer: InitializerModel? {
        if case .factory(let initializer) = kind { return initializer }
        return nil
    }
}
