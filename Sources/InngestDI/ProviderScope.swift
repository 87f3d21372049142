/// How often a provider's factory runs.
public enum ProviderScope: String, Sendable, Hashable, CaseIterable {
    /// Built once at boot, in dependency order, then shared by every consumer that sees it.
    case singleton
    /// Built anew on every resolve; lifecycle hooks are not called on transient instances.
    case transient
}
