/// Orders providers so every provider comes after its dependencies; among providers whose
/// dependencies are all placed, the one declared first goes first (Kahn's algorithm with a
/// min-heap), so the order is deterministic.
enum TopologicalSorter {
    /// The order, or only a prefix of it when `dependencies` has a cycle (validation rules that out).
    /// - Parameter dependencies: For each provider, the providers it depends on.
    static func order(_ dependencies: [[Int]]) -> [Int] {
        var remaining = dependencies.map(\.count)
        var dependents = Array(repeating: [Int](), count: dependencies.count)
        for (provider, needs) in dependencies.enumerated() {
            for dependency in needs {
                dependents[dependency].append(provider)
            }
        }
        var ready = MinHeap()
        for provider in dependencies.indices where remaining[provider] == 0 {
            ready.insert(provider)
        }
        var order: [Int] = []
        order.reserveCapacity(dependencies.count)
        while let next = ready.popMin() {
            order.append(next)
            for dependent in dependents[next] {
                remaining[dependent] -= 1
                if remaining[dependent] == 0 {
                    ready.insert(dependent)
                }
            }
        }
        return order
    }
}
