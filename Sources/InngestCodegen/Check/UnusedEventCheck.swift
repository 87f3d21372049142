/// An event declared in the target that nothing in the target triggers, waits for, cancels on or
/// sends: a warning at its declaration.
///
/// It never guesses. An event is used when the model refers to it (a trigger, a `cancelOn`, a
/// `step.waitForEvent`, a send anywhere that names it), and also, to be safe, whenever its type
/// name, its `AppEvent` case name or its event name (as a string literal) appears in the target's
/// code outside its own declaration: passed to a generic helper, built into a variable that is
/// sent later, compared with an untyped event's name. When the code builds untyped events with a name the scanner
/// cannot read (`InngestEvent(name: someVariable, …)`, `InngestEvent(json:)`), or an event's name is
/// not a literal, nothing is reported for them. In a library (``GeneratorOptions/TargetRole/library``),
/// `public`, `open` and `package` events are left alone: other targets may send them.
enum UnusedEventCheck {
    /// The warnings, one per unused event.
    static func check(_ model: AppModel, role: GeneratorOptions.TargetRole) -> [Diagnostic] {
        var candidates = model.events.filter { event in
            event.eventName != nil && (role != .library || !["public", "open", "package"].contains(event.accessLevel ?? ""))
        }
        guard !candidates.isEmpty else { return [] }
        var referenced = Set<String>()
        var referencedNames = Set<String>()
        for function in model.functions {
            for trigger in function.triggers {
                if case .event(let type, let name) = trigger.kind {
                    if let type { referenced.insert(type) }
                    if let name { referencedNames.insert(name) }
                }
            }
            for cancel in function.cancels {
                if let type = cancel.typeName { referenced.insert(type) }
                if let name = cancel.eventName { referencedNames.insert(name) }
            }
            for send in function.sends { referenced.formUnion(send.eventTypes) }
        }
        for wait in model.waits {
            if let name = wait.eventName?.value { referencedNames.insert(name) }
        }
        // Sends outside functions (a route handler, a service) count too.
        let resolver = SentEventResolver(events: model.events)
        for file in model.files {
            for send in file.sends where !CompilationCondition.isNeverTrue(send.conditions) {
                referenced.formUnion(resolver.events(namedBy: send))
            }
        }
        candidates.removeAll { referenced.contains($0.typeName) || $0.eventName.map(referencedNames.contains) == true }
        guard !candidates.isEmpty else { return [] }

        let caseNames = AppEventCaseNames.of(model.events)
        let queries = candidates.map { event in
            CodeMentionSearch.Query(
                key: event.typeName,
                words: [String(event.typeName.split(separator: ".").last ?? ""), caseNames[event.typeName] ?? ""].filter { !$0.isEmpty },
                literal: event.eventName,
                excluded: ownDeclarations(of: event.typeName, in: model.files)
            )
        }
        let answer = CodeMentionSearch.search(queries, in: model.files)
        if answer.buildsDynamicEvents { return [] }
        return candidates.filter { !answer.mentioned.contains($0.typeName) }.map { event in
            let caseName = caseNames[event.typeName] ?? "…"
            let visibility = role == .library ? " (it is not public, so no other target can send it either)" : ""
            return Diagnostic(
                .warning,
                "event \(event.typeName) (\"\(event.eventName ?? "")\") is declared, but nothing in this target triggers it, waits for it, "
                    + "cancels on it or sends it\(visibility), and its names appear nowhere else in the code; use it (a function's trigger, "
                    + "step.waitForEvent, cancelOn, or app.send(.\(caseName)(…))) or remove it",
                at: event.location
            )
        }
    }

    /// Where the event's own declarations name it: its type and extension names, its `name` literal.
    private static func ownDeclarations(of typeName: String, in files: [ScannedFile]) -> Set<SourceLocation> {
        var locations = Set<SourceLocation>()
        for file in files {
            for type in file.types where type.name == typeName {
                locations.insert(type.location)
                for property in type.properties where property.isStatic && property.name == "name" {
                    if let span = property.initializerSpan { locations.insert(span.location) }
                }
            }
        }
        return locations
    }
}
