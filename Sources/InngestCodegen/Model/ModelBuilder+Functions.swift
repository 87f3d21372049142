/// Functions: by conformance, by marker on a type or a method, and what refers to events.
extension ModelBuilder {
    /// The functions `name` declares: itself (by conformance or marker) and its marked methods.
    mutating func collectFunctions(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], conforms: Bool) {
        let markers = declarations.flatMap { $0.markers.filter { $0.kind == "function" } }
        if conforms {
            if let marker = markers.first {
                let throughFailure = declarations.flatMap(\.inheritance).contains { TypeIndex.components(of: $0).contains { $0.hasSuffix("OnFailure") } }
                let hint = throughFailure ? " (OnFailure refines InngestFunction: with a marker, name the failure handler with onFailure: <method> instead)" : ""
                diagnostics.append(Diagnostic(.error, "\(name) both conforms to InngestFunction and has an @inngest.function marker; keep one of the two\(hint)",
                                              at: marker.location))
            }
            collectConformingFunction(name, primary, declarations)
        } else if let marker = markers.first {
            collectMarkedType(name, primary, declarations, marker)
        }
        for position in declarations.indices where declarations[position].membersMayHaveMarkers {
            let methods = declarations[position].methods
            for member in methods.indices where !methods[member].markers.isEmpty {
                for marker in methods[member].markers where marker.kind == "function" {
                    collectMarkedMethod(name, primary, declarations, methods[member], marker)
                }
            }
        }
    }

    private mutating func collectConformingFunction(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl]) {
        // A subclass inherits its superclass's static requirements.
        let lineage = inheritedDeclarations(name)
        let id = staticString("id", in: lineage)
        var function = FunctionModel(id: id?.value, typeName: name, declaration: .conformance, location: primary.location,
                                     idLocation: id?.location ?? primary.location)
        if let span = staticProperty("trigger", in: lineage)?.initializerSpan {
            (function.triggers, function.triggersAreComplete) = TriggerExpressionReader.read(span)
        }
        if let span = staticProperty("options", in: lineage)?.initializerSpan {
            let (options, problems) = OptionsExpressionReader.read(span)
            diagnostics += problems
            function.retries = options.retries
            function.timeouts = options.timeouts
            function.cancels = options.cancels
            function.flowControl = options.flowControl
        }
        guard let initializer = initializer(of: name, primary, declarations) else { return }
        function.initializer = initializer
        function.accessLevel = primary.accessLevel
        function.conditions = primary.conditions
        model.functions.append(function)
    }

    /// Standard-library protocols, which give a type no `handle`.
    static let standardProtocols: Set<String> = ["Sendable", "Hashable", "Equatable", "Codable", "CustomStringConvertible", "Swift.Sendable"]

    private mutating func collectMarkedType(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], _ marker: Marker) {
        let handle = declarations.flatMap(\.methods).first { $0.name == "handle" && !$0.isStatic }
        // `handle` may come from a superclass or a protocol extension: only when everything the
        // type inherits is declared in the target (or is a standard protocol) is its absence certain.
        let lineage = index.lineage(of: name)
        let inheritsHandle = lineage.ancestors.contains { ancestor in
            (types[ancestor] ?? []).contains { $0.methods.contains { $0.name == "handle" && !$0.isStatic } }
        }
        if handle == nil, !inheritsHandle, lineage.externals.allSatisfy(Self.standardProtocols.contains) {
            diagnostics.append(Diagnostic(.error, "\(name) is marked @inngest.function but has no handle method: add "
                                          + "`func handle(_ event: <its event type>, context: Context) async throws` (returning a Codable value, or nothing)",
                                          at: marker.location))
        }
        let payload = handle?.parameters.first { !Self.isContext($0.type) }?.type
        guard var function = readFunctionMarker(marker, typeName: name, declaration: .markedType, location: primary.location,
                                                handlerPayload: payload, methods: declarations.flatMap(\.methods)) else { return }
        guard let initializer = initializer(of: name, primary, declarations) else { return }
        function.initializer = initializer
        function.accessLevel = primary.accessLevel
        function.conditions = primary.conditions
        model.functions.append(function)
    }

    private mutating func collectMarkedMethod(_ owner: String, _ primary: TypeDecl, _ declarations: [TypeDecl],
                                              _ method: FunctionDecl, _ marker: Marker) {
        var parameters: [MethodParameter] = []
        for parameter in method.parameters {
            let role: MethodParameter.Role = Self.isContext(parameter.type) ? .context : .payload
            if parameters.contains(where: { $0.role == role }) {
                diagnostics.append(Diagnostic(.error, "\(owner).\(method.name) has more than one \(role == .context ? "Context" : "payload") parameter; "
                                              + "a function method takes (_ event: SomeEvent, context: Context), either, or neither", at: method.location))
                return
            }
            parameters.append(MethodParameter(label: parameter.label, type: parameter.type, role: role))
        }
        if method.isStatic {
            diagnostics.append(Diagnostic(.error, "@inngest.function cannot mark a static method; make \(method.name) an instance method",
                                          at: marker.location))
            return
        }
        let model = MethodModel(name: method.name, parameters: parameters, isAsync: method.isAsync, isThrows: method.isThrows,
                                returnType: method.returnType.flatMap { $0 == "Void" || $0 == "()" ? nil : $0 })
        guard var function = readFunctionMarker(marker, typeName: owner, declaration: .markedMethod(model), location: method.location,
                                                handlerPayload: model.payloadType, methods: declarations.flatMap(\.methods)) else { return }
        function.accessLevel = primary.accessLevel
        function.conditions = primary.conditions + method.conditions.dropFirst(primary.conditions.count)
        // The owner's construction comes from the injectable model.
        function.initializer = InitializerModel(dependencies: [], isAsync: false, isThrows: false)
        self.model.functions.append(function)
    }

    static func isContext(_ type: String) -> Bool {
        type == "Context" || type == "Inngest.Context"
    }

    /// Reads an `@inngest.function` marker into a function; `nil` without an id.
    private mutating func readFunctionMarker(_ marker: Marker, typeName: String, declaration: FunctionModel.Declaration,
                                             location: SourceLocation, handlerPayload: String?, methods: [FunctionDecl]) -> FunctionModel? {
        let (contents, problems) = FunctionMarkerReader.read(marker)
        diagnostics += problems
        guard let id = contents.id else { return nil }
        var function = FunctionModel(id: id.value, name: contents.name, typeName: typeName, declaration: declaration, location: location,
                                     idLocation: id.location)
        function.triggers = contents.triggers
        function.triggersAreComplete = true
        function.retries = contents.retries
        function.timeouts = contents.timeouts
        function.cancels = contents.cancels
        function.flowControl = contents.flowControl
        function.handlerPayload = handlerPayload
        if let failure = contents.onFailure {
            function.failureHandler = failureHandler(named: failure.name, at: failure.location, of: typeName, among: methods)
        }
        return function
    }

    /// The method an `onFailure:` key names: an instance method of `owner` taking a
    /// `FunctionFailure<…>` and optionally the `Context`, returning nothing.
    private mutating func failureHandler(named name: String, at location: SourceLocation, of owner: String,
                                         among methods: [FunctionDecl]) -> MethodModel? {
        let candidates = methods.filter { $0.name == name && !$0.isStatic }
        let shape = "(_ failure: FunctionFailure<Payload>, context: Context) async throws"
        guard !candidates.isEmpty else {
            let hint = Spelling.suggestion(for: name, among: methods.filter { !$0.isStatic }.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(Diagnostic(.error, "onFailure names '\(name)', but \(owner) has no instance method \(name)\(shape)\(hint)", at: location))
            return nil
        }
        let method = candidates.first { $0.parameters.contains { Self.isFailure($0.type) } } ?? candidates[0]
        var parameters: [MethodParameter] = []
        var valid = method.returnType.map { $0 == "Void" || $0 == "()" } ?? true
        for parameter in method.parameters {
            let role: MethodParameter.Role = Self.isContext(parameter.type) ? .context : Self.isFailure(parameter.type) ? .failure : .payload
            if role == .payload || parameters.contains(where: { $0.role == role }) { valid = false }
            parameters.append(MethodParameter(label: parameter.label, type: parameter.type, role: role))
        }
        guard valid, parameters.contains(where: { $0.role == .failure }) else {
            diagnostics.append(Diagnostic(.error, "\(owner).\(name), the failure handler named by onFailure, must be \(name)\(shape)", at: method.location))
            return nil
        }
        return MethodModel(name: method.name, parameters: parameters, isAsync: method.isAsync, isThrows: method.isThrows, returnType: nil)
    }

    static func isFailure(_ type: String) -> Bool {
        type.hasPrefix("FunctionFailure<") || type.hasPrefix("Inngest.FunctionFailure<")
    }

    /// Fills in the event type of triggers and cancellations written by event name, and the name of
    /// those written by type, from the target's events.
    mutating func resolveEventReferences() {
        let events = model.events + externalEvents
        let byName = Dictionary(events.compactMap { event in event.eventName.map { ($0, event) } }, uniquingKeysWith: { first, _ in first })
        let byType = Dictionary(events.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        func resolve(typeName: String?, eventName: String?) -> (String?, String?) {
            if let eventName, let event = byName[eventName] { return (event.typeName, eventName) }
            if let typeName, let event = byType[typeName] { return (typeName, event.eventName) }
            return (typeName, eventName)
        }
        for index in model.functions.indices {
            for trigger in model.functions[index].triggers.indices {
                guard case .event(let typeName, let eventName) = model.functions[index].triggers[trigger].kind else { continue }
                let (type, name) = resolve(typeName: typeName, eventName: eventName)
                model.functions[index].triggers[trigger].kind = .event(typeName: type, eventName: name)
            }
            for cancel in model.functions[index].cancels.indices {
                let entry = model.functions[index].cancels[cancel]
                (model.functions[index].cancels[cancel].typeName, model.functions[index].cancels[cancel].eventName) =
                    resolve(typeName: entry.typeName, eventName: entry.eventName)
            }
        }
    }

    /// The `step.waitForEvent` calls of every file, as far as their arguments are literal.
    mutating func collectWaits(_ files: [ScannedFile]) {
        for file in files {
            for call in file.stepCalls where !CompilationCondition.isNeverTrue(call.conditions) {
                if let wait = WaitCallReader.read(call) { model.waits.append(wait) }
            }
        }
    }
}
