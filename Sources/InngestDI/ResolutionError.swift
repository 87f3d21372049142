/// A failure while resolving at run time (after validation): a factory threw, or a type that no
/// visible provider supplies was requested. It carries the resolution path.
public struct ResolutionError: Error, Sendable, CustomStringConvertible {
    /// The category of a resolution failure: a struct, so that new categories can be added without breaking
    /// code that compares against the existing ones.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        /// The category's name, as in its static member.
        public let rawValue: String

        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The name.
        public var description: String { rawValue }

        /// Nothing visible from the resolving module provides the requested type.
        public static let notVisible = Kind("notVisible")
        /// ``Container/get(_:)`` was asked for a transient provider.
        public static let notASingleton = Kind("notASingleton")
        /// During boot, a factory resolved a singleton it did not declare, before it was built.
        public static let notYetBuilt = Kind("notYetBuilt")
        /// A factory threw.
        public static let factoryFailed = Kind("factoryFailed")
        /// Factories resolve each other in a cycle through undeclared dependencies.
        public static let cycle = Kind("cycle")
        /// The stored instance is not of the requested type (a factory or cast bug).
        public static let typeMismatch = Kind("typeMismatch")
        /// A run-scoped provider was resolved outside a function run.
        public static let outsideRun = Kind("outsideRun")
        /// ``Resolver/resolveNow(_:)`` reached a provider that only has an asynchronous factory.
        public static let needsAsync = Kind("needsAsync")
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
