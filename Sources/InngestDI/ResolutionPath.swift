/// The chain of providers being built, innermost last, for error messages and loop detection.
/// A persistent linked list: each step shares its parent.
final class ResolutionPath: Sendable {
    /// The provider being built at this step.
    let node: Int
    /// Its name.
    let name: String
    /// The step that resolved it, `nil` at the outermost resolve.
    let parent: ResolutionPath?

    init(node: Int, name: String, parent: ResolutionPath?) {
        self.node = node
        self.name = name
        self.parent = parent
    }

    /// Whether `node` is already being built on this path.
    func contains(_ node: Int) -> Bool {
        var step: ResolutionPath? = self
        while let current = step {
            if current.node == node { return true }
            step = current.parent
        }
        return false
    }

    /// Provider names from the outermost resolve to this step.
    var names: [String] {
        var names: [String] = []
        var step: ResolutionPath? = self
        while let current = step {
            names.append(current.name)
            step = current.parent
        }
        return names.reversed()
    }
}
