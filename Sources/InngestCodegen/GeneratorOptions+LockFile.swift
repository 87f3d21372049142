extension GeneratorOptions {
    /// The package's `inngest.lock`, as the build read it, and the target whose section applies.
    public struct LockFileInput: Sendable {
        /// The lock file's path, for locations in messages.
        public var path: String
        /// Its bytes.
        public var bytes: [UInt8]
        /// The name of the target being generated: its `[Target]` section is compared.
        public var targetName: String

        /// Creates an input.
        public init(path: String, bytes: [UInt8], targetName: String) {
            self.path = path
            self.bytes = bytes
            self.targetName = targetName
        }
    }
}
