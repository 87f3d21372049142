/// How often a provider's factory runs.
public enum ProviderScope: String, Sendable, Hashable, CaseIterable {
    /// Built once at boot, in dependency order, then shared by every consumer that sees it.
    case singleton
    /// Built anew on every resolve; lifecycle hooks are not called on transient instances.
    case transient
    /// Built once per function-run invocation and shared by everything resolved during it (NestJS's
    /// `REQUEST` scope); instances adopting ``OnRunEnd`` are told when the invocation ends.
    /// Resolving one outside a run is a ``ResolutionError``.
    case run
}
