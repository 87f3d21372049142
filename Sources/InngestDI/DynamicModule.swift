/// A module with configuration added where it is imported: NestJS's dynamic module, the value a
/// `forRoot(…)` returns.
///
/// ```swift
/// // @inngest.module(providers: [DatabasePool], exports: [DatabasePool])
/// struct DatabaseModule {
///     static func forRoot(_ config: DatabaseConfig) -> DynamicModule {
///         DynamicModule(DatabaseModule.self, providers: [.value(config)])
///     }
///     static func forRootAsync() -> DynamicModule {
///         DynamicModule(DatabaseModule.self, providers: [
///             .factory(DatabaseConfig.self, inject: Settings.self) { settings in try await settings.database() },
///         ], imports: [SettingsModule.self])
///     }
/// }
/// ```
///
/// Importing it imports `module` with `providers`, `exports` and `imports` added to its own. A
/// module is configured by one dynamic import in a graph (usually in the root module); other
/// modules import it plainly and share that configuration.
public struct DynamicModule: Sendable {
    /// The module being configured.
    public let module: any Module.Type
    /// Providers added to the module.
    public let providers: [ProviderDescriptor]
    /// Exports added to the module.
    public let exports: [Any.Type]
    /// Imports added to the module (e.g. what an async configuration factory injects).
    public let imports: [any Module.Type]

    /// Describes a dynamic import of `module`.
    /// - Parameters:
    ///   - module: The module being configured.
    ///   - providers: Providers added to the module (its configuration).
    ///   - exports: Exports added to the module.
    ///   - imports: Imports added to the module.
    public init(
        _ module: any Module.Type, providers: [ProviderDescriptor] = [], exports: [Any.Type] = [],
        imports: [any Module.Type] = []
    ) {
        self.module = module
        self.providers = providers
        self.exports = exports
        self.imports = imports
    }
}
