/// Event names written as literals — in triggers, `cancelOn` and `step.waitForEvent(…, event:)` —
/// are declared by an event type of the target or a public one of a local target it depends on, or
/// are Inngest's own (`inngest/…`). An event of another package is named by its type, which the
/// compiler checks.
enum EventReferenceCheck {
    /// Every literal event name of the model.
    static func check(_ model: AppModel) -> [Diagnostic] {
        let nameable = model.events.filter { $0.moduleName == nil || $0.isVisibleToDependents }
        let declared = nameable.compactMap(\.eventName)
        let known = Set(declared)
        let hidden = Dictionary(model.events.filter { $0.moduleName != nil && !$0.isVisibleToDependents }.compactMap { event in
            event.eventName.map { ($0, event) }
        }, uniquingKeysWith: { first, _ in first })
        func unknown(_ name: String, at location: SourceLocation, in what: String) -> Diagnostic? {
            guard !known.contains(name), !name.hasPrefix("inngest/") else { return nil }
            if let event = hidden[name], let module = event.moduleName {
                return Diagnostic(.error, "event \"\(name)\" in \(what) is declared by \(event.typeName) in the target \(module) (\(event.location)), "
                                  + "which is \(event.accessLevel ?? "internal") there, so this target cannot name it: make \(event.typeName) public", at: location)
            }
            let hint = Spelling.suggestion(for: name, among: declared).map { " Did you mean \"\($0)\"?" } ?? ""
            return Diagnostic(.error, "unknown event \"\(name)\" in \(what): no type in this target or the targets it depends on declares it. "
                              + "Declare one with // @inngest.event(\"\(name)\") or conform a type to Event.\(hint)", at: location)
        }
        var diagnostics: [Diagnostic] = []
        for function in model.functions {
            for trigger in function.triggers {
                guard case .event(nil, let name?) = trigger.kind else { continue }
                diagnostics += [unknown(name, at: trigger.location, in: "the triggers of function \"\(function.displayId)\"")].compactMap { $0 }
            }
            for cancel in function.cancels where cancel.typeName == nil {
                guard let name = cancel.eventName else { continue }
                diagnostics += [unknown(name, at: cancel.location, in: "the cancelOn of function \"\(function.displayId)\"")].compactMap { $0 }
            }
        }
        for wait in model.waits {
            guard let name = wait.eventName else { continue }
            diagnostics += [unknown(name.value, at: name.location, in: "step.waitForEvent")].compactMap { $0 }
        }
        return diagnostics
    }
}
