/// Replaces a whole module in a test: wherever the graph imports `module`, `replacement`'s
/// descriptor is read instead (its providers, imports and exports; a dynamic import of `module`
/// is dropped with it).
///
/// ```swift
/// try await Container.boot(AppModule.self, moduleOverrides: [ModuleOverride(PaymentsModule.self, with: FakePaymentsModule.self)])
/// ```
public struct ModuleOverride: Sendable {
    /// The module replaced.
    public let module: any Module.Type
    /// The module read in its place.
    public let replacement: any Module.Type

    /// Replaces `module` with `replacement`.
    /// - Parameters:
    ///   - module: The module the graph imports.
    ///   - replacement: The module to read instead.
    public init(_ module: any Module.Type, with replacement: any Module.Type) {
        self.module = module
        self.replacement = replacement
    }
}
