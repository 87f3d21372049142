/// What each function's code does with steps and events: the step calls and sends of its handler's
/// code, attached to the function, with the sends resolved against the target's events.
extension ModelBuilder {
    /// Attaches to every function the step calls and sends of its code: for a marked method, the
    /// method's body; for a type, the bodies of its members and of its extensions' members.
    mutating func attachFlow(_ files: [ScannedFile]) {
        model.files = files
        var callsByType: [String: [StepCallDecl]] = [:]
        var sendsByType: [String: [SendDecl]] = [:]
        for file in files {
            for call in file.stepCalls where !CompilationCondition.isNeverTrue(call.conditions) {
                guard let written = call.typeName else { continue }
                callsByType[canonicalTypeName(written), default: []].append(call)
            }
            for send in file.sends where !CompilationCondition.isNeverTrue(send.conditions) {
                guard let written = send.typeName else { continue }
                sendsByType[canonicalTypeName(written), default: []].append(send)
            }
        }
        guard !callsByType.isEmpty || !sendsByType.isEmpty else { return }
        let resolver = SentEventResolver(events: model.events)
        for index in model.functions.indices {
            let function = model.functions[index]
            var calls = callsByType[function.typeName] ?? []
            var sends = sendsByType[function.typeName] ?? []
            if case .markedMethod(let method) = function.declaration {
                calls.removeAll { $0.memberName != method.name }
                sends.removeAll { $0.memberName != method.name }
            }
            model.functions[index].stepCalls = calls
            model.functions[index].sends = sends.map { SendModel(call: $0, eventTypes: resolver.events(namedBy: $0)) }
        }
    }

    /// The type a call's enclosing type or extension names: itself, or the type an alias names
    /// (`extension Alias { … }` extends the aliased type).
    private func canonicalTypeName(_ written: String) -> String {
        guard index.primary(written) == nil, let alias = index.aliases[written], alias.genericParameters == nil,
              case let targets = TypeIndex.components(of: alias.aliased), targets.count == 1,
              case .declared(let target) = index.resolve(targets[0], in: alias.parentName), index.primary(target) != nil else { return written }
        return target
    }
}
