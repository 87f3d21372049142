/// One `Name.forRoot(…)` entry of a module marker's `imports`: a dynamic module, configured by the
/// call (NestJS's `ConfigModule.forRoot({ … })`).
public struct DynamicImportModel: Sendable, Hashable {
    /// The module the call configures: the callee without its last component (`ConfigModule`).
    public var moduleName: String
    /// The call as written, copied into the generated descriptor.
    public var text: String
    /// Where the call is written in the marker.
    public var location: SourceLocation
}
