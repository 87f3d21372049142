/// Reads the literal arguments of a `step.waitForEvent(…)` call:
/// `("id", OrderApproved.self, match: \.orderId, if: "…", timeout: .hours(24))` or
/// `("id", event: "shop/order.approved", if: "…", timeout: …)`. Arguments written another way
/// are left out; a call that is not one of these shapes gives nothing.
enum WaitCallReader {
    /// The wait, or `nil` when the call has another shape.
    static func read(_ call: StepCallDecl) -> WaitModel? {
        guard call.name == "waitForEvent" else { return nil }
        var cursor = ExpressionCursor(call.arguments)
        guard let arguments = cursor.arguments(), cursor.atEnd, arguments.count >= 2, arguments[0].label == nil else { return nil }
        var wait = WaitModel(location: call.location)
        var second = arguments[1]
        if second.label == nil {
            guard let type = second.value.typeReference() else { return nil }
            wait.typeName = type
        } else if second.label == "event" {
            wait.eventName = second.value.string()
        } else {
            return nil
        }
        for var argument in arguments.dropFirst(2) {
            switch argument.label {
            case "match": wait.match = argument.value.keyPath()
            case "if": wait.condition = argument.value.string()
            case "timeout": wait.timeout = argument.value.duration()
            default: return nil
            }
        }
        return wait
    }
}
