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
    /// The consumer name for messages.
    let displayName: String

    init(key: ProviderKey, context: Int, scope: ProviderScope, kind: ProviderKind, make: @escaping InstanceFactory,
         makeNow: SyncInstanceFactory?, displayName: String) {
        self.makeNow = makeNow
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
