import Foundation

/// Turns the scanned declarations of one target into an `AppModel`, reporting every problem with
/// the declarations: unknown markers and keys, missing ids or triggers, conflicting declarations.
public struct ModelBuilder {
    /// The marker kinds the generator understands.
    static let markerKinds = Marker.knownKinds

    private var diagnostics: [Diagnostic] = []
    private var types: [String: [TypeDecl]] = [:]
    private var index = TypeIndex(declarations: [:], aliases: [])
    private var model = AppModel()

    /// Builds the model.
    /// - Parameter files: every scanned file of the target.
    /// - Returns: the model and the problems found (errors and warnings), in source order.
    public static func build(_ files: [ScannedFile]) -> (AppModel, [Diagnostic]) {
        var builder = ModelBuilder()
        var aliases: [TypeAliasDecl] = []
        for file in files {
            builder.diagnostics += file.diagnostics
            // Code under `#if false` is not part of the program.
            for type in file.types where !CompilationCondition.isNeverTrue(type.conditions) {
                builder.types[type.name, default: []].append(Self.compiledMembers(of: type))
            }
            aliases += file.typeAliases.filter { !CompilationCondition.isNeverTrue($0.conditions) }
        }
        builder.index = TypeIndex(declarations: builder.types, aliases: aliases)
        builder.mergeExtensionsThroughAliases()
        builder.index = TypeIndex(declarations: builder.types, aliases: aliases)
        builder.collect()
        var seen = Set<Diagnostic>()
        let diagnostics = builder.diagnostics.filter { seen.insert($0).inserted }
        return (builder.model, diagnostics.sorted { ($0.location ?? .zero) < ($1.location ?? .zero) })
    }

    /// The declaration without the members that are under `#if false`.
    private static func compiledMembers(of type: TypeDecl) -> TypeDecl {
        var type = type
        type.methods.removeAll { CompilationCondition.isNeverTrue($0.conditions) }
        type.initializers.removeAll { CompilationCondition.isNeverTrue($0.conditions) }
        type.properties.removeAll { CompilationCondition.isNeverTrue($0.conditions) }
        return type
    }

    /// `extension Alias: Event` after `typealias Alias = Payload` extends `Payload`.
    private mutating func mergeExtensionsThroughAliases() {
        for name in types.keys.sorted() where index.primary(name) == nil {
            guard let alias = index.aliases[name], alias.genericParameters == nil,
                  case let targets = TypeIndex.components(of: alias.aliased), targets.count == 1,
                  case .declared(let target) = index.resolve(targets[0], in: alias.parentName),
                  target != name, index.primary(target) != nil, let moved = types.removeValue(forKey: name) else { continue }
            types[target, default: []] += moved
        }
    }

    private mutating func collect() {
        for name in types.keys.sorted() {
            guard let declarations = types[name] else { continue }
            let primary = declarations.first { $0.kind != .extension } ?? declarations[0]
            var attached: [Marker] = []
            for declaration in declarations {
                attached += declaration.markers
                for member in declaration.methods + declaration.initializers { attached += member.markers }
                for property in declaration.properties {
                    for marker in property.markers {
                        checkKind(marker)
                        diagnostics.append(Diagnostic(.error, "@inngest.\(marker.kind) cannot mark a property; put it above a type or a method",
                                                      at: marker.location))
                    }
                }
            }
            for marker in attached { checkKind(marker) }
            if let blocker = index.registrationBlocker(name) {
                for marker in attached where Self.markerKinds.contains(marker.kind) {
                    diagnostics.append(Diagnostic(.error, "@inngest.\(marker.kind) cannot mark \(name): \(blocker)", at: marker.location))
                }
                continue
            }
            let adopted = index.frameworkProtocols(of: name)
            collectEvent(name, primary, declarations, conforms: adopted.contains(.event))
            collectModule(name, primary, declarations, conforms: adopted.contains(.module))
            collectInjectable(name, primary, declarations, conforms: adopted.contains(.injectable))
            collectFunctions(name, primary, declarations, conforms: adopted.contains(.function))
        }
        resolveEventTriggers()
        model.events.sort { $0.typeName < $1.typeName }
        model.functions.sort { ($0.id ?? "", $0.location) < ($1.id ?? "", $1.location) }
        model.injectables.sort { $0.typeName < $1.typeName }
        model.modules.sort { $0.typeName < $1.typeName }
    }

    /// The declarations of `name` and of its superclasses declared in the target, nearest first:
    /// where an inherited static requirement (`id`, `trigger`, `name`) is found.
    private func inheritedDeclarations(_ name: String) -> [TypeDecl] {
        index.classChain(from: name).flatMap { types[$0] ?? [] }
    }

    private mutating func checkKind(_ marker: Marker) {
        guard !Self.markerKinds.contains(marker.kind) else { return }
        let closest = Spelling.suggestion(for: marker.kind, among: Self.markerKinds) ?? NearMissMarker.closestKind(to: marker.kind.lowercased())
        let hint = closest.map { "; did you mean @inngest.\($0)?" } ?? ""
        diagnostics.append(Diagnostic(.error, "unknown marker @inngest.\(marker.kind) (expected one of \(Self.markerKinds.joined(separator: ", ")))\(hint)",
                                      at: marker.location))
    }

    // MARK: Events

    private mutating func collectEvent(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], conforms: Bool) {
        let markers = declarations.flatMap { $0.markers.filter { $0.kind == "event" } }
        guard conforms || !markers.isEmpty else { return }
        var eventName = staticString("name", in: conforms ? inheritedDeclarations(name) : declarations)?.value
        if let marker = markers.first {
            var reader = MarkerReader(marker)
            let value = reader.positional() ?? nil
            if case .string(let text)? = value?.value {
                eventName = text
            } else if let (text, _) = reader.string("name") {
                eventName = text
            } else {
                reader.fail(marker.location, "@inngest.event needs the event name: // @inngest.event(\"domain/resource.action\")")
            }
            reader.finish(allowed: ["name"])
            diagnostics += reader.diagnostics
            if conforms {
                diagnostics.append(Diagnostic(.error, "\(name) both conforms to Event and has an @inngest.event marker; keep one of the two",
                                              at: marker.location))
            }
            if markers.count > 1 {
                diagnostics.append(Diagnostic(.error, "\(name) has more than one @inngest.event marker", at: markers[1].location))
            }
        }
        if let eventName, eventName.isEmpty {
            diagnostics.append(Diagnostic(.error, "event \(name) has an empty name", at: primary.location))
        }
        model.events.append(EventModel(typeName: name, eventName: eventName, byMarker: !conforms && !markers.isEmpty,
                                       accessLevel: primary.accessLevel, location: primary.location, conditions: primary.conditions))
    }

    // MARK: Modules

    private mutating func collectModule(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], conforms: Bool) {
        let markers = declarations.flatMap { $0.markers.filter { $0.kind == "module" } }
        let superModule = index.classChain(from: name).dropFirst().first { isModuleDeclaration($0) }
        guard conforms || !markers.isEmpty || superModule != nil else { return }
        var module = ModuleModel(typeName: name, imports: [], providers: [], exports: [], isGlobal: false, byMarker: !conforms && superModule == nil,
                                 descriptorSource: .generated, unreadable: [],
                                 accessLevel: primary.accessLevel, location: primary.location,
                                 markerLocation: markers.first?.location ?? primary.location, conditions: primary.conditions)
        if let marker = markers.first {
            var reader = MarkerReader(marker)
            module.imports = reader.typeList("imports")
            module.providers = reader.typeList("providers")
            module.exports = reader.typeList("exports")
            module.isGlobal = reader.flag("global")
            reader.finish(allowed: ["imports", "providers", "exports", "global"])
            diagnostics += reader.diagnostics
            let lists = ["imports", "providers", "exports"].filter { staticProperty($0, in: declarations) != nil }
            if !lists.isEmpty {
                diagnostics.append(Diagnostic(.error, "\(name) lists its \(lists.joined(separator: " and ")) both in its @inngest.module marker and in static properties; keep one of the two",
                                              at: marker.location))
            }
        } else {
            readStaticLists(of: &module, declarations)
        }
        if let superModule {
            module.descriptorSource = .inherited(from: superModule)
            module.unreadable = Set(ModuleModel.Part.allCases)
        } else if let descriptors = handwrittenDescriptors(of: name, declarations) {
            if let marker = markers.first, !marker.arguments.isEmpty {
                diagnostics.append(Diagnostic(.warning, "\(name) declares moduleDescriptor itself, so the lists in its @inngest.module marker are not used "
                                              + "(neither by the generated code nor by the build-time graph check): move them into moduleDescriptor "
                                              + "and write the marker without arguments, or remove moduleDescriptor", at: marker.location))
            }
            module.descriptorSource = .handwritten
            readHandwrittenDescriptor(descriptors, into: &module)
        } else if !module.knows(.providers), let property = staticProperty("providers", in: declarations),
                  let type = property.type, !type.contains("ProviderDescriptor") {
            // The generated descriptor uses an unreadable list as written, so it must be providers.
            diagnostics.append(Diagnostic(.error, "\(name).providers is not a literal list of types, so the plugin cannot wire it: write it as "
                                          + "[A.self, B.self] (each wired by its initialiser), or declare it as [ProviderDescriptor] to use it as written",
                                          at: property.location))
        }
        model.modules.append(module)
    }

    /// Whether `name` is a module of this target, by conformance or marker.
    private func isModuleDeclaration(_ name: String) -> Bool {
        index.adopts(name, .module) || (types[name] ?? []).contains { $0.markers.contains { $0.kind == "module" } }
    }

    /// The static `imports`, `providers`, `exports` and `isGlobal` of a module by conformance. A
    /// list written other than as a literal list of types is unreadable.
    private func readStaticLists(of module: inout ModuleModel, _ declarations: [TypeDecl]) {
        func list(_ part: ModuleModel.Part) -> [String] {
            let properties = declarations.flatMap(\.properties).filter { $0.isStatic && $0.name == part.rawValue }
            guard let property = properties.first else { return [] }
            guard properties.count == 1, let text = property.initializer, let names = ModuleListReader.typeList(text) else {
                module.unreadable.insert(part)
                return []
            }
            return names
        }
        module.imports = list(.imports)
        module.providers = list(.providers)
        module.exports = list(.exports)
        let globals = declarations.flatMap(\.properties).filter { $0.isStatic && $0.name == "isGlobal" }
        if let global = globals.first {
            if globals.count == 1, let text = global.initializer, let value = ModuleListReader.bool(text) {
                module.isGlobal = value
            } else {
                module.unreadable.insert(.isGlobal)
            }
        }
    }

    /// The `moduleDescriptor` members written for `name`: in its declaration, its extensions, or an
    /// extension of a protocol of the target it adopts. `nil` when there is none.
    private func handwrittenDescriptors(of name: String, _ declarations: [TypeDecl]) -> (own: [PropertyDecl], other: Int)? {
        let own = declarations.flatMap(\.properties).filter { $0.isStatic && $0.name == "moduleDescriptor" }
        var other = declarations.flatMap(\.methods).filter { $0.isStatic && $0.name == "moduleDescriptor" }.count
        for ancestor in index.lineage(of: name).ancestors where index.primary(ancestor)?.kind == .protocol {
            for extensionDecl in (types[ancestor] ?? []) where extensionDecl.kind == .extension {
                other += extensionDecl.properties.filter { $0.isStatic && $0.name == "moduleDescriptor" }.count
                other += extensionDecl.methods.filter { $0.isStatic && $0.name == "moduleDescriptor" }.count
            }
        }
        return own.isEmpty && other == 0 ? nil : (own, other)
    }

    /// What a hand-written descriptor states, when it is a single `ModuleDescriptor(…)` expression;
    /// otherwise every list is unreadable.
    private func readHandwrittenDescriptor(_ descriptors: (own: [PropertyDecl], other: Int), into module: inout ModuleModel) {
        module.imports = []
        module.providers = []
        module.exports = []
        module.isGlobal = false
        guard descriptors.own.count == 1, descriptors.other == 0, let text = descriptors.own[0].initializer,
              let lists = ModuleListReader.descriptor(text) else {
            module.unreadable = Set(ModuleModel.Part.allCases)
            return
        }
        module.imports = lists.imports
        module.providers = lists.providers
        module.exports = lists.exports
        module.isGlobal = lists.isGlobal
        module.unreadable = lists.unreadable
    }

    // MARK: Injectables

    private mutating func collectInjectable(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], conforms: Bool) {
        let markers = declarations.flatMap { $0.markers.filter { $0.kind == "injectable" } }
        let ownsMethodFunctions = declarations.contains { $0.methods.contains { $0.markers.contains { $0.kind == "function" } } }
        guard conforms || !markers.isEmpty || ownsMethodFunctions else { return }
        var scope = "singleton"
        if let marker = markers.first {
            var reader = MarkerReader(marker)
            if let (value, location) = reader.identifier("scope") {
                switch value {
                case "singleton", "transient": scope = value
                case "run": reader.fail(location, "scope 'run' is not supported yet; use singleton or transient")
                default: reader.fail(location, "unknown scope '\(value)'; expected singleton or transient")
                }
            }
            reader.finish(allowed: ["scope"])
            diagnostics += reader.diagnostics
        }
        guard let initializer = initializer(of: name, primary, declarations) else { return }
        model.injectables.append(InjectableModel(typeName: name, scope: scope, initializer: initializer, accessLevel: primary.accessLevel,
                                                 location: primary.location, conditions: primary.conditions))
    }

    // MARK: Functions

    private mutating func collectFunctions(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], conforms: Bool) {
        let markers = declarations.flatMap { $0.markers.filter { $0.kind == "function" } }
        if conforms {
            if let marker = markers.first {
                diagnostics.append(Diagnostic(.error, "\(name) both conforms to InngestFunction and has an @inngest.function marker; keep one of the two",
                                              at: marker.location))
            }
            collectConformingFunction(name, primary, declarations)
        } else if let marker = markers.first {
            collectMarkedType(name, primary, declarations, marker)
        }
        for declaration in declarations {
            for method in declaration.methods {
                for marker in method.markers where marker.kind == "function" {
                    collectMarkedMethod(name, primary, declarations, method, marker)
                }
            }
        }
    }

    private mutating func collectConformingFunction(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl]) {
        // A subclass inherits its superclass's static requirements.
        let lineage = inheritedDeclarations(name)
        let id = staticString("id", in: lineage)
        var trigger: FunctionModel.TriggerModel?
        var triggerLocation = primary.location
        if let property = staticProperty("trigger", in: lineage), let text = property.initializer {
            triggerLocation = property.location
            trigger = Self.parseTrigger(text)
        }
        var retries: Int?
        if let text = staticProperty("options", in: lineage)?.initializer,
           let match = text.firstMatch(of: #/retries\s*:\s*(-?\d+)/#) {
            retries = Int(match.1)
        }
        guard let initializer = initializer(of: name, primary, declarations) else { return }
        model.functions.append(FunctionModel(
            id: id?.value, name: nil, typeName: name, declaration: .conformance, trigger: trigger, retries: retries,
            initializer: initializer, accessLevel: primary.accessLevel, location: primary.location,
            idLocation: id?.location ?? primary.location, triggerLocation: triggerLocation, conditions: primary.conditions))
    }

    private mutating func collectMarkedType(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], _ marker: Marker) {
        guard var function = readFunctionMarker(marker, typeName: name, location: primary.location) else { return }
        guard let initializer = initializer(of: name, primary, declarations) else { return }
        function.initializer = initializer
        function.accessLevel = primary.accessLevel
        function.conditions = primary.conditions
        model.functions.append(function)
    }

    private mutating func collectMarkedMethod(_ owner: String, _ primary: TypeDecl, _ declarations: [TypeDecl],
                                              _ method: FunctionDecl, _ marker: Marker) {
        guard var function = readFunctionMarker(marker, typeName: owner, location: method.location) else { return }
        var parameters: [MethodParameter] = []
        for parameter in method.parameters {
            let role: MethodParameter.Role = parameter.type == "Context" || parameter.type == "Inngest.Context" ? .context : .payload
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
        let payload = parameters.first { $0.role == .payload }
        if case .cron? = function.trigger, let payload, payload.type != "ScheduledRun" {
            diagnostics.append(Diagnostic(.error, "\(owner).\(method.name) has a cron trigger, so its payload parameter must be ScheduledRun (or be left out), not \(payload.type)",
                                          at: method.location))
        }
        if case .event(nil, let eventName)? = function.trigger, eventName == nil, payload == nil {
            diagnostics.append(Diagnostic(.error, "\(owner).\(method.name) needs an event payload parameter for its event trigger", at: method.location))
        }
        function.declaration = .markedMethod(MethodModel(name: method.name, parameters: parameters, isAsync: method.isAsync,
                                                         isThrows: method.isThrows, returnType: method.returnType.flatMap { $0 == "Void" || $0 == "()" ? nil : $0 }))
        if case .event(let typeName, let eventName)? = function.trigger, typeName == nil, let payload {
            function.trigger = .event(typeName: payload.type, eventName: eventName)
        }
        function.accessLevel = primary.accessLevel
        function.conditions = primary.conditions + method.conditions.dropFirst(primary.conditions.count)
        // The owner's construction comes from the injectable model.
        function.initializer = InitializerModel(dependencies: [], isAsync: false, isThrows: false)
        model.functions.append(function)
    }

    /// Reads `@inngest.function(id:, name:, event:|cron:, retries:)`.
    private mutating func readFunctionMarker(_ marker: Marker, typeName: String, location: SourceLocation) -> FunctionModel? {
        var reader = MarkerReader(marker)
        let id = reader.string("id")
        let name = reader.string("name")
        let event = reader.stringOrIdentifier("event")
        let cron = reader.string("cron")
        let retries = reader.integer("retries")
        reader.finish(allowed: ["id", "name", "event", "cron", "retries"])
        if id == nil { reader.fail(marker.location, "@inngest.function needs an id: // @inngest.function(id: \"my-function\", event: \"app/thing.happened\")") }
        var trigger: FunctionModel.TriggerModel?
        var triggerLocation = marker.location
        switch (event, cron) {
        case (nil, nil):
            reader.fail(marker.location, "@inngest.function needs a trigger: add event: \"domain/name\" or cron: \"0 * * * *\"")
        case (.some, .some(let cron)):
            reader.fail(cron.1, "@inngest.function takes one trigger: event or cron, not both")
        case (.some(let event), nil):
            triggerLocation = event.1
            if case .string(let eventName) = event.0 {
                trigger = .event(typeName: nil, eventName: eventName)
            } else if case .identifier(let typeName) = event.0 {
                trigger = .event(typeName: typeName, eventName: nil)
            }
        case (nil, .some(let cron)):
            triggerLocation = cron.1
            trigger = .cron(cron.0)
        }
        diagnostics += reader.diagnostics
        guard let id else { return nil }
        return FunctionModel(id: id.0, name: name?.0, typeName: typeName, declaration: .markedType, trigger: trigger, retries: retries?.0,
                             initializer: InitializerModel(dependencies: [], isAsync: false, isThrows: false), accessLevel: nil,
                             location: location, idLocation: id.1, triggerLocation: triggerLocation, conditions: [])
    }

    /// Fills in event type names of marker triggers written as event names, and event names of
    /// triggers written as types.
    private mutating func resolveEventTriggers() {
        let byName = Dictionary(model.events.compactMap { event in event.eventName.map { ($0, event) } }, uniquingKeysWith: { first, _ in first })
        let byType = Dictionary(model.events.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        for index in model.functions.indices {
            guard case .event(let typeName, let eventName)? = model.functions[index].trigger else { continue }
            if let eventName, let event = byName[eventName] {
                if let typeName, typeName != event.typeName {
                    let function = model.functions[index]
                    diagnostics.append(Diagnostic(.error, "function \"\(function.id ?? function.typeName)\" is triggered by \"\(eventName)\", which is \(event.typeName), but its payload type is \(typeName)",
                                                  at: function.location))
                }
                model.functions[index].trigger = .event(typeName: event.typeName, eventName: eventName)
            } else if let eventName {
                let function = model.functions[index]
                if function.declaration != .conformance {
                    let hint = Spelling.suggestion(for: eventName, among: Array(byName.keys)).map { " Did you mean \"\($0)\"?" } ?? ""
                    diagnostics.append(Diagnostic(.error, "unknown event \"\(eventName)\": no type in this target declares it. "
                                                  + "Declare one with // @inngest.event(\"\(eventName)\") or conform a type to Event.\(hint)",
                                                  at: function.triggerLocation))
                }
            } else if let typeName, let event = byType[typeName] {
                model.functions[index].trigger = .event(typeName: typeName, eventName: event.eventName)
            }
        }
    }

    // MARK: Helpers

    /// How the wiring constructs `name`: the init marked `@inngest.inject`, else the only init, else
    /// (for structs) the memberwise initialiser, else `init()`.
    private mutating func initializer(of name: String, _ primary: TypeDecl, _ declarations: [TypeDecl],
                                      visited: Set<String> = []) -> InitializerModel? {
        let inits = declarations.flatMap(\.initializers)
        // A subclass that declares no initialiser inherits its superclass's.
        if inits.isEmpty, primary.kind == .class, let parent = index.superclass(of: name), !visited.contains(parent),
           let parentPrimary = index.primary(parent) {
            return initializer(of: parent, parentPrimary, types[parent] ?? [], visited: visited.union([name]))
        }
        let marked = inits.filter { $0.markers.contains { $0.kind == "inject" } }
        for declaration in inits where declaration.markers.contains(where: { $0.kind == "inject" }) {
            for marker in declaration.markers where marker.kind == "inject" {
                var reader = MarkerReader(marker)
                reader.finish(allowed: [])
                diagnostics += reader.diagnostics
            }
        }
        let chosen: FunctionDecl?
        if marked.count > 1 {
            diagnostics.append(Diagnostic(.error, "\(name) marks \(marked.count) initialisers with @inngest.inject; mark one", at: marked[1].location))
            return nil
        } else if let only = marked.first ?? (inits.count == 1 ? inits.first : nil) {
            chosen = only
        } else if inits.count > 1 {
            diagnostics.append(Diagnostic(.error, "\(name) has \(inits.count) initialisers; mark the one to inject with // @inngest.inject",
                                          at: primary.location))
            return nil
        } else {
            chosen = nil
        }
        if let chosen {
            if chosen.isFailable {
                diagnostics.append(Diagnostic(.error, "\(name).init is failable; the wiring needs an initialiser that always returns an instance",
                                              at: chosen.location))
                return nil
            }
            let dependencies = chosen.parameters.filter { !$0.hasDefault }.map {
                Self.dependency(label: $0.label, name: $0.name, type: $0.type)
            }
            return InitializerModel(dependencies: dependencies, isAsync: chosen.isAsync, isThrows: chosen.isThrows)
        }
        guard primary.kind == .struct else { return InitializerModel(dependencies: [], isAsync: false, isThrows: false) }
        let stored = primary.properties.filter { $0.isStored && !$0.isStatic && !$0.hasInitializer }
        var dependencies: [DependencyModel] = []
        for property in stored {
            guard let type = property.type else {
                diagnostics.append(Diagnostic(.error, "\(name).\(property.name) needs a type annotation to be injected", at: property.location))
                return nil
            }
            dependencies.append(Self.dependency(label: property.name, name: property.name, type: type))
        }
        return InitializerModel(dependencies: dependencies, isAsync: false, isThrows: false)
    }

    private static func dependency(label: String?, name: String, type: String) -> DependencyModel {
        var type = type.trimmingCharacters(in: .whitespaces)
        var optional = false
        if type.hasSuffix("?") {
            type.removeLast()
            optional = true
        } else if type.hasPrefix("Optional<"), type.hasSuffix(">") {
            type = String(type.dropFirst("Optional<".count).dropLast())
            optional = true
        }
        return DependencyModel(label: label, name: name, type: type, isOptional: optional)
    }

    private func staticProperty(_ name: String, in declarations: [TypeDecl]) -> PropertyDecl? {
        declarations.lazy.flatMap(\.properties).first { $0.isStatic && $0.name == name }
    }

    private func staticString(_ name: String, in declarations: [TypeDecl]) -> (value: String, location: SourceLocation)? {
        guard let property = staticProperty(name, in: declarations), let value = property.stringLiteralValue else { return nil }
        return (value, property.location)
    }

    /// Reads `Trigger.event(X.self)` and `.cron("…")` initialisers.
    static func parseTrigger(_ text: String) -> FunctionModel.TriggerModel? {
        let compact = text.replacingOccurrences(of: " ", with: "")
        if let match = compact.firstMatch(of: #/\.event\(([A-Za-z_][A-Za-z0-9_.]*?)\.self\)/#) {
            return .event(typeName: String(match.1), eventName: nil)
        }
        if let match = text.firstMatch(of: #/\.cron\(\s*"((?:[^"\\]|\\.)*)"\s*\)/#) {
            return .cron(String(match.1))
        }
        return nil
    }
}

extension SourceLocation {
    /// Sorts before every real location.
    static let zero = SourceLocation(file: "", line: 0, column: 0)
}
