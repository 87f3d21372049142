/// A function that sends the event that triggers it, through a trigger with no `if:` filter: a
/// warning at the send, since each run that reaches it starts another run, forever.
///
/// Sends in the function's failure handler are left out (it runs once, after a run failed for good),
/// and so are events the send's arguments do not name (a variable, an untyped `InngestEvent`).
enum SelfTriggerCheck {
    /// The warnings, one per send and trigger event.
    static func check(_ model: AppModel) -> [Diagnostic] {
        let names = Dictionary(model.events.map { ($0.typeName, $0.eventName) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        for function in model.functions {
            let unfiltered = Set(function.triggers.filter { $0.condition == nil }.compactMap(\.eventTypeName))
            guard !unfiltered.isEmpty else { continue }
            let failureHandler = failureHandlerName(of: function)
            for send in function.sends where failureHandler == nil || send.call.memberName != failureHandler {
                for type in send.eventTypes where unfiltered.contains(type) {
                    let event = (names[type] ?? nil).map { "\(type) (\"\($0)\")" } ?? type
                    diagnostics.append(Diagnostic(
                        .warning,
                        "function \"\(function.displayId)\" is triggered by \(event) with no if: filter and sends \(type) here, so each run "
                            + "that gets here starts another run of it, and that one another, forever; add an if: to the trigger that the "
                            + "events sent here fail (e.g. if: \"event.data.resent != true\"), or send a different event",
                        at: send.call.location
                    ))
                }
            }
        }
        return diagnostics
    }

    /// The member that handles the function's final failure, when it has one in its type.
    private static func failureHandlerName(of function: FunctionModel) -> String? {
        if let handler = function.failureHandler { return handler.name }
        if case .conformance = function.declaration { return "onFailure" }
        return nil
    }
}
