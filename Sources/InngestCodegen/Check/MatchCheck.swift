/// `match:` key paths name stored properties: of the cancelling or awaited event type, and of the
/// event that triggers the function (whose data is compared with it), when those types are structs
/// of the target. A type declared elsewhere, or a property whose type is, is left to the compiler.
enum MatchCheck {
    /// Every `match:` of the model.
    static func check(_ model: AppModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for function in model.functions {
            var triggerTypes: [String] = []
            for case let type? in function.triggers.map(\.eventTypeName) where !triggerTypes.contains(type) { triggerTypes.append(type) }
            let cronOnly = function.triggers.allSatisfy { if case .cron = $0.kind { true } else { false } }
            for cancel in function.cancels {
                guard let match = cancel.match else { continue }
                if let type = match.root ?? cancel.typeName, let problem = problem(match, of: type, model, role: "the cancelling event") {
                    diagnostics.append(problem)
                    continue
                }
                // The runs' own event must have the property too; with one event type, the build knows it.
                if triggerTypes.count == 1, !cronOnly, function.triggersAreComplete,
                   let problem = problem(match, of: triggerTypes[0], model, role: "the event that triggers function \"\(function.displayId)\"") {
                    diagnostics.append(problem)
                }
            }
        }
        for wait in model.waits {
            guard let match = wait.match, let type = match.root ?? wait.typeName else { continue }
            if let problem = problem(match, of: type, model, role: "the awaited event") { diagnostics.append(problem) }
        }
        return diagnostics
    }

    /// The error for the first property of `match` that `type` (or the type of the property before
    /// it) does not store; `nil` when all are found or a type on the way is not a struct of the target.
    private static func problem(_ match: KeyPathModel, of type: String, _ model: AppModel, role: String) -> Diagnostic? {
        var current = type
        for (position, name) in match.properties.enumerated() {
            guard let properties = model.storedProperties(of: current) else { return nil }
            guard let propertyType = properties[name] else {
                let names = properties.keys.sorted()
                var hint = Spelling.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
                if position == 0 && name == "data" && match.root == nil {
                    hint = "; write the property path without Inngest's 'data.' prefix"
                }
                let listed = names.isEmpty ? "it has none" : "it has \(names.joined(separator: ", "))"
                return Diagnostic(.error, "match \(match.swiftExpression) names no stored property '\(name)' of \(current), \(role) (\(listed))\(hint)",
                                  at: match.location)
            }
            current = propertyType
        }
        return nil
    }
}
