/// One problem found while validating a module graph, with a message that says what to do.
public struct DependencyProblem: Sendable, Hashable, CustomStringConvertible {
    /// The category of a problem: a struct, so that new categories can be added without breaking
    /// code that compares against the existing ones.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        /// The category's name, as in its static member.
        public let rawValue: String

        private init(_ rawValue: String) { self.rawValue = rawValue }

        /// The name.
        public var description: String { rawValue }

        /// A non-optional dependency that nothing visible to the consumer's module provides.
        public static let missingProvider = Kind("missingProvider")
        /// A module exports a type it neither provides nor imports, or a module it does not import.
        public static let invalidExport = Kind("invalidExport")
        /// The same type is provided twice by one module (or twice in `rootProviders`/`globalProviders`).
        public static let duplicateProvider = Kind("duplicateProvider")
        /// Providers depend on each other in a cycle.
        public static let dependencyCycle = Kind("dependencyCycle")
        /// An override replaces nothing, or two overrides replace the same type.
        public static let invalidOverride = Kind("invalidOverride")
        /// Two different module types have the same name.
        public static let duplicateModuleName = Kind("duplicateModuleName")
        /// A singleton depends directly on a transient or run-scoped provider.
        public static let scopeMismatch = Kind("scopeMismatch")
        /// A module is configured by more than one dynamic import, or a function is listed by two modules.
        public static let invalidModule = Kind("invalidModule")
    }

    /// The category.
    public let kind: Kind
    /// What is wrong and how to fix it.
    public let message: String
    /// `file:line` of the declaration at fault, when known.
    public let location: String?

    /// Creates a problem.
    /// - Parameters:
    ///   - kind: The category.
    ///   - message: What is wrong and how to fix it.
    ///   - location: `file:line` of the declaration at fault, when known.
    public init(_ kind: Kind, _ message: String, location: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// `location: message`, like a compiler diagnostic, or the message alone.
    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}
