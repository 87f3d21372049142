/// `inngest.lock`: the function ids and literal step ids of each target of a package, as last
/// accepted, so that the build can warn when one disappears (renaming either changes what runs
/// already in flight resume into). Human-diffable text: a header comment, then a `[Target]`
/// section per target, sorted, with a `function "id" Declaration` line per function and a
/// `step "id"` line per literal step id under it.
package struct LockFile: Sendable, Equatable {
    /// One function's entry.
    package struct Function: Sendable, Equatable {
        /// The function id.
        package var id: String
        /// The declaration it came from: the type, or `Owner.method` for a marked method.
        package var declaration: String?
        /// Its literal step ids, sorted, each with the line it was read from (when read).
        package var steps: [Step]
        /// Where its line is in the lock file (when read).
        package var location: SourceLocation?

        /// Creates an entry.
        package init(id: String, declaration: String?, steps: [Step], location: SourceLocation? = nil) {
            self.id = id
            self.declaration = declaration
            self.steps = steps
            self.location = location
        }
    }

    /// One literal step id of a function.
    package struct Step: Sendable, Equatable {
        /// The step id.
        package var id: String
        /// Where its line is in the lock file (when read).
        package var location: SourceLocation?

        /// Creates an entry.
        package init(id: String, location: SourceLocation? = nil) {
            self.id = id
            self.location = location
        }
    }

    /// The functions of each target, by target name.
    package var sections: [String: [Function]] = [:]

    /// Creates a lock file.
    package init(sections: [String: [Function]] = [:]) {
        self.sections = sections
    }

    /// The comment at the top of every written lock file.
    static let header = """
        # inngest.lock: the function ids and literal step ids of each target, as last accepted.
        # The build warns when one of them disappears, since renaming a function id or a step id
        # changes what the runs already in flight resume into; new ids are not reported. After a
        # deliberate change, write this file again and commit it:
        #   swift package --allow-writing-to-package-directory inngest lock
        """

    /// The entries for a target's model: every function with a literal id, sorted by id, each with
    /// its literal step ids (those under `#if false` left out), sorted and without repeats.
    package static func functions(of model: AppModel) -> [Function] {
        var byId: [String: Function] = [:]
        for function in model.functions {
            guard let id = function.id else { continue }
            let steps = Set(function.stepCalls.compactMap(\.literalId))
            var entry = byId[id] ?? Function(id: id, declaration: declaration(of: function), steps: [])
            entry.steps = Set(entry.steps.map(\.id)).union(steps).sorted().map { Step(id: $0) }
            byId[id] = entry
        }
        return byId.keys.sorted().compactMap { byId[$0] }
    }

    /// What the lock records as a function's declaration: its type, or `Owner.method`.
    static func declaration(of function: FunctionModel) -> String {
        if case .markedMethod(let method) = function.declaration { return "\(function.typeName).\(method.name)" }
        return function.typeName
    }

    /// The file's text: the header, then the sections sorted by target name.
    package func rendered() -> String {
        var text = Self.header + "\n"
        for target in sections.keys.sorted() {
            text += "\n[\(target)]\n"
            for function in sections[target] ?? [] {
                text += "function \(Self.quoted(function.id))" + (function.declaration.map { " \($0)" } ?? "") + "\n"
                for step in function.steps { text += "    step \(Self.quoted(step.id))\n" }
            }
        }
        return text
    }

    /// `text` in double quotes, with `\`, `"` and control characters escaped as in Swift: the
    /// generated code's string literal.
    static func quoted(_ text: String) -> String { Renderer.literal(text) }
}
