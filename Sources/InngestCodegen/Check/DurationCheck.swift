/// Durations written as Swift literals are positive (marker time strings are checked when they are
/// read), and a wait's timeout is at most 366 days, as the engine requires.
enum DurationCheck {
    /// The longest wait the engine accepts.
    static let longestWait: Int64 = 366 * 86_400 * 1_000_000_000

    /// Every literal duration of the model.
    static func check(_ model: AppModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func positive(_ duration: LocatedDuration?, _ what: String) {
            guard let duration, duration.nanoseconds <= 0 else { return }
            diagnostics.append(Diagnostic(.error, "\(what) must be positive, not \(duration.swiftExpression)", at: duration.location))
        }
        for function in model.functions {
            positive(function.timeouts?.start, "the start timeout of function \"\(function.displayId)\"")
            positive(function.timeouts?.finish, "the finish timeout of function \"\(function.displayId)\"")
            for cancel in function.cancels {
                positive(cancel.timeout, "the timeout of a cancelOn of function \"\(function.displayId)\"")
            }
        }
        for wait in model.waits {
            positive(wait.timeout, "the timeout of step.waitForEvent")
            if let timeout = wait.timeout, timeout.nanoseconds > longestWait {
                diagnostics.append(Diagnostic(.error, "the timeout of step.waitForEvent is at most 366 days, not \(timeout.swiftExpression)",
                                              at: timeout.location))
            }
        }
        return diagnostics
    }
}
