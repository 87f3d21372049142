/// What the scanner found in one source file.
public struct ScannedFile: Hashable, Sendable {
    /// The path given to the scanner.
    public var path: String
    /// Every type and extension, nested ones too, in source order (an outer type comes
    /// before the types nested in it).
    public var types: [TypeDecl]
    /// Every `typealias`, nested ones too, in source order.
    public var typeAliases: [TypeAliasDecl]
    /// Every call of a step tool (`step.run(…)`, `step.waitForEvent(…)`, …) in function bodies,
    /// in source order.
    public var stepCalls: [StepCallDecl]
    /// Every `send(…)`/`sendEvent(…)` call in function bodies, in source order.
    public var sends: [SendDecl] = []
    /// The file's bytes as scanned: what the checks that search the target's code read.
    public var bytes: [UInt8] = []
    /// Lexical and marker problems, in the order found.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(path: String, types: [TypeDecl] = [], typeAliases: [TypeAliasDecl] = [], stepCalls: [StepCallDecl] = [],
                diagnostics: [Diagnostic] = []) {
        self.path = path
        self.types = types
        self.typeAliases = typeAliases
        self.stepCalls = stepCalls
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
