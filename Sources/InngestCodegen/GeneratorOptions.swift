/// How ``Generator`` treats a target: what else the build knows, and what the target is.
public struct GeneratorOptions: Sendable {
    /// What a target is to the app: it decides what the build may assume it sees.
    public struct TargetRole: Hashable, Sendable {
        let name: String
        /// An executable (or a single-target app): nothing else can add a module to its graph, so
        /// the build checks it as the whole app.
        public static let app = TargetRole(name: "app")
        /// A library or test target: targets that depend on it may add global modules and
        /// providers, so checks that such an addition could satisfy are left to those targets'
        /// builds and to the boot check.
        public static let library = TargetRole(name: "library")
    }

    /// A local target this one depends on: its module name and its Swift files.
    public struct Dependency: Sendable {
        /// The module name (`import` name) of the target.
        public var moduleName: String
        /// Every `.swift` file of the target: path and contents.
        public var sources: [(path: String, bytes: [UInt8])]

        /// Creates a dependency.
        public init(moduleName: String, sources: [(path: String, bytes: [UInt8])]) {
            self.moduleName = moduleName
            self.sources = sources
        }
    }

    /// What the target is; `.app` unless the plugin says otherwise.
    public var role: TargetRole
    /// The local targets this one depends on (directly or not) that use Inngest, in dependency order.
    public var dependencies: [Dependency]
    /// The package's `inngest.lock`, when it has one: the build warns about locked ids that are gone.
    public var lockFile: LockFileInput? = nil

    /// Creates options.
    public init(role: TargetRole = .app, dependencies: [Dependency] = []) {
        self.role = role
        self.dependencies = dependencies
    }
}
