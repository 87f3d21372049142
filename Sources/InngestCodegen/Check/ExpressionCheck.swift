import InngestExpression

/// Literal expressions parse with the rules Inngest applies to them: a trigger's `if` over
/// `event`; a wait's `if` over `event` and `async`; a cancellation's `if` over both, with the
/// restrictive rules Inngest enforces at sync (no `has()`, no function calls); flow-control keys,
/// a batch's `if` and a priority's `run` over `event`. Each error points at the column inside the
/// string literal where the problem is.
enum ExpressionCheck {
    /// Every literal expression of the model.
    static func check(_ model: AppModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for function in model.functions {
            for trigger in function.triggers {
                guard let condition = trigger.condition else { continue }
                diagnostics += problem(condition, variables: ["event"], rules: .standard,
                                       in: "the if expression of a trigger of function \"\(function.displayId)\"")
            }
            for cancel in function.cancels {
                guard let condition = cancel.condition else { continue }
                diagnostics += problem(condition, variables: ["event", "async"], rules: .restrictive,
                                       in: "the if expression of a cancelOn of function \"\(function.displayId)\"")
            }
        }
        for function in model.functions {
            for (expression, what) in flowControlExpressions(function.flowControl) {
                diagnostics += problem(expression, variables: ["event"], rules: .standard, in: "\(what) of function \"\(function.displayId)\"",
                                       suggestsEvent: true)
            }
        }
        for wait in model.waits {
            guard let condition = wait.condition else { continue }
            diagnostics += problem(condition, variables: ["event", "async"], rules: .standard, in: "the if expression of step.waitForEvent")
        }
        return diagnostics
    }

    /// The literal expressions of flow control, each with what it is for messages.
    static func flowControlExpressions(_ flow: FlowControlModel) -> [(LocatedString, String)] {
        var expressions: [(LocatedString?, String)] = []
        for limit in flow.concurrency?.limits ?? [] { expressions.append((limit.key?.expression, "the concurrency key")) }
        expressions.append((flow.throttle?.key?.expression, "the throttle key"))
        expressions.append((flow.rateLimit?.key?.expression, "the rateLimit key"))
        expressions.append((flow.debounce?.key?.expression, "the debounce key"))
        expressions.append((flow.batchEvents?.key?.expression, "the batchEvents key"))
        expressions.append((flow.batchEvents?.condition, "the batchEvents if expression"))
        expressions.append((flow.priority?.run.expression, "the priority run expression"))
        expressions.append((flow.idempotency?.key.expression, "the idempotency key"))
        expressions.append((flow.singleton?.key?.expression, "the singleton key"))
        return expressions.compactMap { text, what in text.map { ($0, what) } }
    }

    private static func problem(_ text: LocatedString, variables: Set<String>, rules: ExpressionRules, in what: String,
                                suggestsEvent: Bool = false) -> [Diagnostic] {
        do throws(ExpressionError) {
            _ = try Expression.parse(text.value, variables: variables, rules: rules)
            return []
        } catch {
            let hint = suggestsEvent ? eventSuggestion(for: text.value, error) : ""
            return [Diagnostic(.error, "\(what) is not an expression Inngest accepts: \(error.message)\(hint)", at: text.location(at: error.utf8Offset))]
        }
    }

    /// For a key written as a path without its `event` root (`data.customerId`, `customerId`):
    /// what to write instead.
    static func eventSuggestion(for text: String, _ error: ExpressionError) -> String {
        let path = text
        let names = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard error.message.hasPrefix("unknown variable"), !names.isEmpty, names.allSatisfy(FunctionMarkerReader.isPropertyName) else { return "" }
        if names[0] == "data" { return "; write event.\(path)" }
        // A misspelt root (`evnt.data.id`) is not a property path: the message names the variable.
        return names.contains("data") ? "" : "; write event.data.\(path)"
    }
}
