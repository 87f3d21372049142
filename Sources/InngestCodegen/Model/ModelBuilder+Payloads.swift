/// The payload type of marker functions: the trigger's event, the handler's own type, or a
/// generated enum when the triggers deliver several.
extension ModelBuilder {
    /// Decides the payload type of each marker function from its triggers and its handler's
    /// signature, generating a payload enum when its triggers deliver several types; reports a
    /// handler (or failure handler) that takes the wrong one.
    mutating func resolvePayloads() {
        let eventTypes = Set((model.events + externalEvents).map(\.typeName))
        // A payload type the target names in several ways is left to the compiler.
        let plain = eventTypes.union(["ScheduledRun", "InngestEvent"])
        for index in model.functions.indices where model.functions[index].declaration != .conformance {
            var function = model.functions[index]
            resolvePayload(of: &function, eventTypes: eventTypes)
            model.functions[index] = function
            if let failure = function.failureHandler, let input = function.input, plain.contains(input),
               let type = failure.parameters.first(where: { $0.role == .failure })?.type,
               let argument = Self.genericArgument(of: type), argument != input, plain.contains(argument) {
                diagnostics.append(Diagnostic(.error, "\(function.typeName).\(failure.name) takes \(type), but the function's payload is \(input): take FunctionFailure<\(input)>",
                                              at: function.location))
            }
        }
    }

    private mutating func resolvePayload(of function: inout FunctionModel, eventTypes: Set<String>) {
        // A batch handler takes `[Element]`: every event of the batch, each resolved as a payload
        // of its own, so the checks see the element's event.
        if let declared = function.handlerPayload, let element = Self.arrayElement(of: declared) {
            function.handlerPayload = element
            resolvePayload(of: &function, eventTypes: eventTypes)
            function.handlerPayload = declared
            if let input = function.input { function.input = "[\(input)]" }
            return
        }
        let payloads = function.triggers.map(\.payloadType)
        // An unknown event name is reported on its own.
        guard !payloads.isEmpty, payloads.allSatisfy({ $0 != nil }) else { return }
        var types: [String] = []
        for case let type? in payloads where !types.contains(type) { types.append(type) }
        var method: MethodModel?
        if case .markedMethod(let marked) = function.declaration { method = marked }
        let generatedName = method.map { Self.upperCamel($0.name) + "Payload" } ?? "Payload"
        let parent = function.typeName
        guard let declared = function.handlerPayload else {
            if let method, function.triggers.contains(where: { $0.eventTypeName != nil }) {
                diagnostics.append(Diagnostic(.error, "\(parent).\(method.name) needs an event payload parameter for its event trigger",
                                              at: function.location))
            } else if types.count == 1 {
                function.input = types[0]
            } else {
                generatePayload(&function, parent: parent, name: generatedName, types: types)
            }
            return
        }
        let isEventish = types.contains(declared) || eventTypes.contains(declared) || declared == "ScheduledRun"
        if declared == "InngestEvent" || declared == "Inngest.InngestEvent" {
            function.input = declared
        } else if [generatedName, "Self.\(generatedName)", "\(parent).\(generatedName)"].contains(declared),
                  !declaresType(generatedName, in: parent) {
            generatePayload(&function, parent: parent, name: generatedName, types: types)
        } else if types.count == 1 {
            // A type of the user's that is no event is a payload of their own; the compiler checks
            // a marked type's `handle` against its trigger.
            function.input = isEventish ? types[0] : declared
            guard isEventish, declared != types[0] else { return }
            guard let method else {
                // A marked type's `handle` that takes another event of the target: said here, at
                // the marker, rather than as the compiler's conformance error.
                guard eventTypes.contains(declared), types[0] != "ScheduledRun" else { return }
                let written = function.triggers.compactMap { if case .event(_, let name?) = $0.kind { "\"\(name)\"" } else { nil } }.first ?? types[0]
                diagnostics.append(Diagnostic(.error, "function \"\(function.displayId)\" is triggered by \(written), which is \(types[0]), but "
                                              + "\(parent).handle takes \(declared): take \(types[0])", at: function.location))
                return
            }
            if types[0] == "ScheduledRun" {
                diagnostics.append(Diagnostic(.error, "\(parent).\(method.name) has a cron trigger, so its payload parameter must be ScheduledRun (or be left out), not \(declared)",
                                              at: function.location))
            } else {
                let written = function.triggers.compactMap { if case .event(_, let name?) = $0.kind { "\"\(name)\"" } else { nil } }.first ?? types[0]
                diagnostics.append(Diagnostic(.error, "function \"\(function.displayId)\" is triggered by \(written), which is \(types[0]), but its payload type is \(declared)",
                                              at: function.location))
            }
        } else if isEventish {
            let list = types.map { $0 == "ScheduledRun" ? "cron" : $0 }.joined(separator: ", ")
            diagnostics.append(Diagnostic(.error, "function \"\(function.displayId)\" has triggers of several payload types (\(list)), so its handler must take "
                                          + "an enum of them: \(generatedName) (generated, one case per type) or a TriggerPayload of your own, not \(declared)",
                                          at: function.location))
        } else {
            function.input = declared
        }
    }

    /// Whether the target declares `name` itself, seen from inside `parent`.
    private func declaresType(_ name: String, in parent: String) -> Bool {
        if case .declared = index.resolve(name, in: parent) { return true }
        return false
    }

    private func generatePayload(_ function: inout FunctionModel, parent: String, name: String, types: [String]) {
        var used = Set<String>()
        let cases = types.map { type -> PayloadEnumModel.Case in
            var caseName = type == "ScheduledRun" ? "cron" : Renderer.lowerCamel(type.split(separator: ".").last.map(String.init) ?? type)
            if !used.insert(caseName).inserted {
                caseName = Renderer.lowerCamel(String(type.filter { $0 != "." }))
                used.insert(caseName)
            }
            return PayloadEnumModel.Case(name: caseName, type: type)
        }
        let payload = PayloadEnumModel(parent: parent, name: name, cases: cases)
        function.payloadEnum = payload
        function.input = payload.qualifiedName
    }

    /// `X` of `[X]` (an array, not a dictionary `[K: V]`).
    static func arrayElement(of type: String) -> String? {
        guard type.hasPrefix("["), type.hasSuffix("]") else { return nil }
        let element = String(type.dropFirst().dropLast())
        var depth = 0
        for character in element {
            switch character {
            case "[", "<", "(": depth += 1
            case "]", ">", ")": depth -= 1
            case ":" where depth == 0: return nil
            default: break
            }
        }
        return element.isEmpty ? nil : element
    }

    /// `X` of `FunctionFailure<X>`.
    static func genericArgument(of type: String) -> String? {
        guard let open = type.firstIndex(of: "<"), type.hasSuffix(">") else { return nil }
        return String(type[type.index(after: open)..<type.index(before: type.endIndex)])
    }

    static func upperCamel(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}
