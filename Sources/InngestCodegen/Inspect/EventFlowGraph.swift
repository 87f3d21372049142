/// Which function sends which event, and which event triggers, is awaited by or cancels which
/// function (and which function invokes which, and which cron schedule triggers which): the edges
/// the model knows, as text (one edge per line) or as Graphviz DOT, both sorted.
///
/// ```
/// event shop/order.placed triggers function process-order
/// function process-order sends event shop/order.confirmed
/// event shop/order.approved is awaited by function fulfil
/// ```
package struct EventFlowGraph: Sendable, Equatable {
    /// A node: an event (by event name, or type name when the name is not a literal), a function
    /// (by id), or a cron schedule.
    package struct Node: Hashable, Comparable, Sendable {
        /// What it is.
        package enum Kind: String, Sendable {
            case cron, event, function
        }

        /// What it is.
        package var kind: Kind
        /// The event name, function id or cron expression.
        package var name: String

        /// `event shop/order.placed`, `function process-order`, `cron "0 2 * * *"`.
        var text: String { kind == .cron ? "cron \"\(name)\"" : "\(kind.rawValue) \(name)" }

        package static func < (lhs: Node, rhs: Node) -> Bool { lhs.text < rhs.text }
    }

    /// An edge, read `from kind to`.
    package struct Edge: Hashable, Comparable, Sendable {
        /// What the edge says.
        package enum Kind: String, Sendable {
            case triggers
            case isAwaitedBy = "is awaited by"
            case cancels
            case sends
            case invokes
        }

        /// Where it starts.
        package var from: Node
        /// What it says.
        package var kind: Kind
        /// Where it ends.
        package var to: Node

        /// `event shop/order.placed triggers function process-order`.
        var text: String { "\(from.text) \(kind.rawValue) \(to.text)" }

        package static func < (lhs: Edge, rhs: Edge) -> Bool { lhs.text < rhs.text }
    }

    /// Every edge, sorted by its text, without repeats.
    package var edges: [Edge]

    /// The graph of `model`.
    package init(_ model: AppModel) {
        let events = EventNames(model.events)
        var edges = Set<Edge>()
        let functionsByType = Dictionary(model.functions.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        for function in model.functions {
            let node = Node(kind: .function, name: function.displayId)
            for trigger in function.triggers {
                switch trigger.kind {
                case .event(let type, let name):
                    if let event = events.node(type: type, name: name) { edges.insert(Edge(from: event, kind: .triggers, to: node)) }
                case .cron(let expression):
                    edges.insert(Edge(from: Node(kind: .cron, name: expression), kind: .triggers, to: node))
                }
            }
            for cancel in function.cancels {
                if let event = events.node(type: cancel.typeName, name: cancel.eventName) { edges.insert(Edge(from: event, kind: .cancels, to: node)) }
            }
            for send in function.sends {
                for type in send.eventTypes {
                    if let event = events.node(type: type, name: nil) { edges.insert(Edge(from: node, kind: .sends, to: event)) }
                }
            }
            for call in function.stepCalls {
                if let wait = WaitCallReader.read(call), let event = events.node(type: wait.typeName.flatMap(events.resolve), name: wait.eventName?.value) {
                    edges.insert(Edge(from: event, kind: .isAwaitedBy, to: node))
                }
                if call.name == "invoke", let target = Self.invoked(by: call, functionsByType: functionsByType) {
                    edges.insert(Edge(from: node, kind: .invokes, to: Node(kind: .function, name: target)))
                }
            }
        }
        self.edges = edges.sorted()
    }

    /// The id of the function `step.invoke("id", Other.self, …)` or `step.invoke("id", functionId: "…", …)` names.
    private static func invoked(by call: StepCallDecl, functionsByType: [String: FunctionModel]) -> String? {
        var cursor = ExpressionCursor(call.arguments)
        guard let arguments = cursor.arguments(), arguments.count >= 2 else { return nil }
        var second = arguments[1]
        if second.label == "functionId" { return second.value.string()?.value }
        guard second.label == nil, let type = second.value.typeReference() else { return nil }
        return functionsByType[type]?.displayId ?? functionsByType.values.first { $0.typeName.hasSuffix("." + type) }?.displayId ?? type
    }

    /// One edge per line.
    package var text: String {
        edges.map { $0.text + "\n" }.joined()
    }

    /// The graph in Graphviz DOT: events as ellipses, functions as boxes, cron schedules as
    /// notes; waits dashed, cancellations dotted.
    package var dot: String {
        var nodes = Set<Node>()
        for edge in edges {
            nodes.insert(edge.from)
            nodes.insert(edge.to)
        }
        var text = "digraph inngest {\n    rankdir=LR;\n"
        for node in nodes.sorted() {
            let shape = switch node.kind {
            case .event: "ellipse"
            case .function: "box"
            case .cron: "note"
            }
            text += "    \(Self.quoted(node.text)) [shape=\(shape), label=\(Self.quoted(node.name))];\n"
        }
        for edge in edges {
            let style = switch edge.kind {
            case .isAwaitedBy: ", style=dashed"
            case .cancels: ", style=dotted"
            default: ""
            }
            text += "    \(Self.quoted(edge.from.text)) -> \(Self.quoted(edge.to.text)) [label=\(Self.quoted(edge.kind.rawValue))\(style)];\n"
        }
        return text + "}\n"
    }

    /// A DOT string: in double quotes, `"` and `\` escaped, line breaks as `\n`.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// The target's events by type and by name, for naming nodes.
    private struct EventNames {
        var byType: [String: EventModel] = [:]
        var byLastComponent: [String: [EventModel]] = [:]

        init(_ events: [EventModel]) {
            for event in events {
                byType[event.typeName] = byType[event.typeName] ?? event
                byLastComponent[String(event.typeName.split(separator: ".").last ?? ""), default: []].append(event)
            }
        }

        /// The event type `written` names: itself, or the one event whose qualified name ends with it.
        func resolve(_ written: String) -> String? {
            if byType[written] != nil { return written }
            let matches = byLastComponent[String(written.split(separator: ".").last ?? "")] ?? []
            return matches.count == 1 && matches[0].typeName.hasSuffix("." + written) ? matches[0].typeName : written
        }

        /// The node of an event known by type, name or both: named by its event name when known.
        func node(type: String?, name: String?) -> Node? {
            if let name { return Node(kind: .event, name: name) }
            guard let type else { return nil }
            return Node(kind: .event, name: byType[type]?.eventName ?? type)
        }
    }
}
