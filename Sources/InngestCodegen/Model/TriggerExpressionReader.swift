/// Reads a conforming function's `static let trigger = …` as far as it is written in literal
/// shapes: `Trigger.event(X.self)`, `.event(X.self, if: "…")`, `Trigger<P>.event(named: "a/b")`,
/// `.cron("…")` and `.anyOf(…)` of those. A trigger written any other way (a helper, a variable) is
/// left out and makes the list incomplete; nothing is guessed.
enum TriggerExpressionReader {
    /// The triggers of the expression, and whether they are all of them.
    static func read(_ span: SourceSpan) -> (triggers: [TriggerModel], complete: Bool) {
        var cursor = ExpressionCursor(span)
        guard let call = call(&cursor), cursor.atEnd else { return ([], false) }
        if call.name == "anyOf" {
            var triggers: [TriggerModel] = []
            var complete = true
            for var argument in call.arguments where argument.label == nil {
                if let inner = Self.call(&argument.value), argument.value.atEnd, let trigger = single(inner) {
                    triggers.append(trigger)
                } else {
                    complete = false
                }
            }
            return (triggers, complete && call.arguments.allSatisfy { $0.label == nil })
        }
        guard let trigger = single(call) else { return ([], false) }
        return ([trigger], true)
    }

    /// `.name(arguments)`, `Trigger.name(…)`, `Trigger<P>.name(…)` or `Inngest.Trigger.name(…)`.
    private struct Call {
        var name: String
        var arguments: [ExpressionCursor.Argument]
    }

    private static func call(_ cursor: inout ExpressionCursor) -> Call? {
        if cursor.take(.identifier, "Inngest") {
            guard cursor.take(.period) else { return nil }
        }
        if cursor.take(.identifier, "Trigger") {
            cursor.skipGenericArguments()
        }
        guard cursor.take(.period) else { return nil }
        let name = cursor.text
        guard cursor.take(.identifier), let arguments = cursor.arguments() else { return nil }
        return Call(name: name, arguments: arguments)
    }

    /// `.event(X.self, if:)`, `.event(named:, if:)` or `.cron("…")`.
    private static func single(_ call: Call) -> TriggerModel? {
        switch call.name {
        case "cron":
            guard call.arguments.count == 1, call.arguments[0].label == nil else { return nil }
            var value = call.arguments[0].value
            guard let text = value.string() else { return nil }
            return TriggerModel(.cron(text.value), location: text.location, literal: text.literal)
        case "event":
            guard var first = call.arguments.first else { return nil }
            var trigger: TriggerModel
            if first.label == nil, let type = first.value.typeReference() {
                trigger = TriggerModel(.event(typeName: type, eventName: nil), location: first.location)
            } else if first.label == "named", let name = first.value.string() {
                trigger = TriggerModel(.event(typeName: nil, eventName: name.value), location: name.location, literal: name.literal)
            } else {
                return nil
            }
            for var argument in call.arguments.dropFirst() {
                // A condition that is not a literal is checked at boot.
                guard argument.label == "if" else { return nil }
                trigger.condition = argument.value.string()
            }
            return trigger
        default:
            return nil
        }
    }
}
