/// Finds dependency cycles: one per strongly connected component (Tarjan's algorithm), each
/// given as the shortest cycle through the component's first-declared provider.
struct CycleDetector {
    private let edges: [[Int]]
    private var index: [Int?]
    private var lowLink: [Int]
    private var onStack: [Bool]
    private var stack: [Int] = []
    private var counter = 0
    private var components: [[Int]] = []

    /// Each cycle as provider indices, starting and ending with the same provider, ordered by that provider.
    /// - Parameter edges: For each provider, the providers it depends on.
    static func cycles(in edges: [[Int]]) -> [[Int]] {
        var detector = CycleDetector(edges: edges)
        for node in edges.indices where detector.index[node] == nil {
            detector.connect(node)
        }
        return detector.components
            .filter { $0.count > 1 || edges[$0[0]].contains($0[0]) }
            .compactMap { detector.shortestCycle(in: Set($0)) }
            .sorted { $0[0] < $1[0] }
    }

    private init(edges: [[Int]]) {
        self.edges = edges
        index = Array(repeating: nil, count: edges.count)
        lowLink = Array(repeating: 0, count: edges.count)
        onStack = Array(repeating: false, count: edges.count)
    }

    private mutating func connect(_ node: Int) {
        index[node] = counter
        lowLink[node] = counter
        counter += 1
        stack.append(node)
        onStack[node] = true
        for next in edges[node] {
            if let nextIndex = index[next] {
                if onStack[next] { lowLink[node] = min(lowLink[node], nextIndex) }
            } else {
                connect(next)
                lowLink[node] = min(lowLink[node], lowLink[next])
            }
        }
        guard lowLink[node] == index[node] else { return }
        var component: [Int] = []
        while let top = stack.popLast() {
            onStack[top] = false
            component.append(top)
            if top == node { break }
        }
        components.append(component)
    }

    /// Breadth-first search from the component's smallest provider back to itself.
    private func shortestCycle(in component: Set<Int>) -> [Int]? {
        guard let start = component.min() else { return nil }
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges[node] where component.contains(next) {
                if next == start {
                    var backwards: [Int] = []
                    var current = node
                    while current != start {
                        backwards.append(current)
                        current = previous[current] ?? start
                    }
                    return [start] + Array(backwards.reversed()) + [start]
                }
                if previous[next] == nil {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return nil
    }
}
