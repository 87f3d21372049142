/// A failure while resolving at run time (after validation): a factory threw, or a type that no
/// visible provider supplies was requested. It carries the resolution path.
public struct ResolutionError: Error, Sendable, CustomStringConvertible {
    /// The category of a resolution failure.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Nothing visible from the resolving module provides the requested type.
        case notVisible
        /// ``Container/get(_:)`` was asked for a transient provider.
        case notASingleton
        /// During boot, a factory resolved a singleton it did not declare, before it was built.
        case notYetBuilt
        /// A factory threw.
        case factoryFailed
        /// Factories resolve each other in a cycle through undeclared dependencies.
        case cycle
        /// The stored instance is not of the requested type (a factory or cast bug).
        case typeMismatch
        /// A run-scoped provider was resolved outside a function run.
        case outsideRun
        /// ``Resolver/resolveNow(_:)`` reached a provider that only has an asynchronous factory.
        case needsAsync
    }

    /// The category.
    public let kind: Kind
    /// The type being resolved when the failure happened.
    public let requested: ProviderKey
    /// The module whose context the failing resolve ran in.
    public let moduleName: String
    /// Provider names from the outermost resolve to the failing one, e.g. `["OrderService", "PaymentService"]`.
    public let path: [String]
    /// The error a factory threw, for ``Kind/factoryFailed``.
    public let underlying: (any Error)?
    /// What went wrong, where, and what to do.
    public let message: String

    /// The message.
    public var description: String { message }

    init(
        _ kind: Kind, requested: ProviderKey, moduleName: String, path: [String],
        underlying: (any Error)? = nil, message: String
    ) {
        self.kind = kind
        self.requested = requested
        self.moduleName = moduleName
        self.path = path
        self.underlying = underlying
        self.message = message
    }
}
