import InngestExpression

/// Literal expressions parse with the rules Inngest applies to them: a trigger's `if` over
/// `event`; a wait's `if` over `event` and `async`; a cancellation's `if` over both, with the
/// restrictive rules Inngest enforces at sync (no `has()`, no function calls). Each error points
/// at the column inside the string literal where the problem is.
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
        for wait in model.waits {
            guard let condition = wait.condition else { continue }
            diagnostics += problem(condition, variables: ["event", "async"], rules: .standard, in: "the if expression of step.waitForEvent")
        }
        return diagnostics
    }

    private static func problem(_ text: LocatedString, variables: Set<String>, rules: ExpressionRules, in what: String) -> [Diagnostic] {
        do throws(ExpressionError) {
            _ = try Expression.parse(text.value, variables: variables, rules: rules)
            return []
        } catch {
            return [Diagnostic(.error, "\(what) is not an expression Inngest accepts: \(error.message)", at: text.location(at: error.utf8Offset))]
        }
    }
}
