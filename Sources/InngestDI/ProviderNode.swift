/// A validated provider: where it lives, its effective scope and how to build it.
struct ProviderNode: Sendable {
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
    /// The consumer name for messages.
    let displayName: String

    /// Whether lifecycle hooks run on this provider's instance (aliases share their target's instance).
    var runsHooks: Bool {
        if case .alias = kind { return false }
        return scope == .singleton
    }
}
