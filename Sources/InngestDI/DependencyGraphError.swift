/// Thrown by ``Container/boot(_:rootProviders:globalProviders:overrides:)`` when the module graph
/// is invalid. It lists every problem found, and nothing has been instantiated.
public struct DependencyGraphError: Error, Sendable, CustomStringConvertible {
    /// Every problem, in a deterministic order (graph order within each kind of check).
    public let problems: [DependencyProblem]

    /// Wraps the problems found.
    /// - Parameter problems: The problems, at least one.
    public init(problems: [DependencyProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
