/// A validated provider: where it lives, its effective scope and how to build it. A class, so that
/// reading one while resolving costs one reference, not a copy of its fields.
final class ProviderNode: Sendable {
    /// The provided type.
    let key: ProviderKey
    /// The owning context.
    let context: Int
    /// The effective scope (an alias takes the scope of its target).
    let scope: ProviderScope
    /// How the instance is produced.
    let kind: ProviderKind
    /// Builds the instance.
    let make: InstanceFactory
    /// Builds the instance without suspending; set only when everything it needs can be too.
    let makeNow: SyncInstanceFactory?
    /// The typed form of `makeNow`, for a transient: resolving it needs no instance box.
    let constructor: Constructor?
    /// The consumer name for messages.
    let displayName: String
    /// The resolution path of a resolve that starts at this provider: the same for every such
    /// resolve, so it is made once rather than per transient instance.
    let rootPath: ResolutionPath

    init(index: Int, key: ProviderKey, context: Int, scope: ProviderScope, kind: ProviderKind, make: @escaping InstanceFactory,
         makeNow: SyncInstanceFactory?, constructor: Constructor?, displayName: String) {
        self.makeNow = makeNow
        self.constructor = makeNow == nil || scope != .transient ? nil : constructor
        self.rootPath = ResolutionPath(node: index, name: key.name, parent: nil)
        self.key = key
        self.context = context
        self.scope = scope
        self.kind = kind
        self.make = make
        self.displayName = displayName
    }

    /// Whether lifecycle hooks run on this provider's instance (aliases share their target's instance).
    var runsHooks: Bool {
        if case .alias = kind { return false }
        return scope == .singleton
    }
}
