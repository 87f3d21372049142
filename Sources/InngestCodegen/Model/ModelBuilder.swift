#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns the scanned declarations of one target into an `AppModel`, reporting every problem with
/// the declarations: unknown markers and keys, missing ids or triggers, conflicting declarations.
public struct ModelBuilder {
    /// The marker kinds the generator understands.
    static let markerKinds = Marker.knownKinds

    var diagnostics: [Diagnostic] = []
    var types: [String: [TypeDecl]] = [:]
    var index = TypeIndex(declarations: [:], aliases: [])
    var model = AppModel()
    /// Types whose module marker did not parse: still modules for their members' provider markers.
    var malformedModules = Set<String>()
    /// The events of the local targets this one depends on: triggers and payloads may name them.
    var externalEvents: [EventModel] = []

    /// Builds the model.
    /// - Parameters:
    ///   - files: every scanned file of the target.
    ///   - external: the declarations of the local targets it depends on; their public events may
    ///     trigger the target's functions. They are not part of the returned model.
    /// - Returns: the model and the problems found (errors and warnings), in source order.
    public static func build(_ files: [ScannedFile], external: AppModel = AppModel()) -> (AppModel, [Diagnostic]) {
        var builder = ModelBuilder()
        builder.externalEvents = external.events.filter(\.isVisibleToDependents)
        var aliases: [TypeAliasDecl] = []
        var candidates = NameCandidates()
        builder.types.reserveCapacity(files.reduce(0) { $0 + $1.types.count })
        for file in files {
            builder.diagnostics += file.diagnostics
            // Code under `#if false` is not part of the program.
            for position in file.types.indices where !CompilationCondition.isNeverTrue(file.types[position].conditions) {
                let name = file.types[position].name
                candidates.note(file.types[position], named: name)
                builder.types[name, default: []].append(Self.compiledMembers(of: file.types[position]))
            }
            aliases += file.typeAliases.filter { !CompilationCondition.isNeverTrue($0.conditions) }
        }
        builder.index = TypeIndex(declarations: builder.types, aliases: aliases)
        let merged = builder.mergeExtensionsThroughAliases()
        builder.index = TypeIndex(declarations: builder.types, aliases: aliases)
        // Declarations moved between names: the candidates noted by name no longer hold.
        builder.collect(candidates: merged ? nil : candidates.names(index: builder.index, declarations: builder.types))
        builder.collectWaits(files)
        builder.attachFlow(files)
        var seen = Set<Diagnostic>()
        let diagnostics = builder.diagnostics.filter { seen.insert($0).inserted }
        return (builder.model, diagnostics.sorted { ($0.location ?? .zero) < ($1.location ?? .zero) })
    }

    /// The declaration without the members that are under `#if false`. A list is rewritten only
    /// when it loses a member: `removeAll` copies the scanned file's shared array even when it
    /// removes nothing. The lists are searched by index, reading only each member's conditions:
    /// `contains(where:)` would copy every member into its closure.
    private static func compiledMembers(of type: TypeDecl) -> TypeDecl {
        guard type.membersMayBeConditional else { return type }
        var type = type
        if type.methods.indices.contains(where: { CompilationCondition.isNeverTrue(type.methods[$0].conditions) }) {
            type.methods.removeAll { CompilationCondition.isNeverTrue($0.conditions) }
        }
        if type.initializers.indices.contains(where: { CompilationCondition.isNeverTrue(type.initializers[$0].conditions) }) {
            type.initializers.removeAll { CompilationCondition.isNeverTrue($0.conditions) }
        }
        if type.properties.indices.contains(where: { CompilationCondition.isNeverTrue(type.properties[$0].conditions) }) {
            type.properties.removeAll { CompilationCondition.isNeverTrue($0.conditions) }
        }
        return type
    }

    /// `extension Alias: Event` after `typealias Alias = Payload` extends `Payload`.
    /// - Returns: whether a declaration moved.
    private mutating func mergeExtensionsThroughAliases() -> Bool {
        guard !index.aliases.isEmpty else { return false }
        var moved = false
        for name in types.keys.filter({ index.primary($0) == nil }).sorted() {
            guard let alias = index.aliases[name], alias.genericParameters == nil,
                  case let targets = TypeIndex.components(of: alias.aliased), targets.count == 1,
                  case .declared(let target) = index.resolve(targets[0], in: alias.parentName),
                  target != name, index.primary(target) != nil, let declarations = types.removeValue(forKey: name) else { continue }
            types[target, default: []] += declarations
            moved = true
        }
        return moved
    }

    /// - Parameter candidates: the names that may come to something (``NameCandidates``); nil to
    ///   find them here, reading every name's declarations.
    private mutating func collect(candidates: [String]?) {
        // Most names of a target are ordinary code: no marker, and nothing inherited that could be
        // a framework protocol or a superclass here. Nothing below would come of them, so they are
        // left out before the sort (a target may have tens of thousands).
        var names = candidates ?? []
        if candidates == nil {
            var verdicts: [String: Bool] = [:]
            for (name, declarations) in types {
                if declarations.contains(where: \.mayHaveMarkers)
                    || !index.inheritsOnlyForeignNames(name, declarations, verdicts: &verdicts) {
                    names.append(name)
                }
            }
        }
        for name in names.sorted() {
            guard let declarations = types[name] else { continue }
            let primary = declarations.first { $0.kind != .extension } ?? declarations[0]
            var attached: [Marker] = []
            // By index, reading only the markers: a name may have thousands of declarations, and a
            // `for … in` would copy each declaration and member.
            for position in declarations.indices {
                attached += declarations[position].markers
                guard declarations[position].membersMayHaveMarkers else { continue }
                let methods = declarations[position].methods, initializers = declarations[position].initializers
                for member in methods.indices { attached += methods[member].markers }
                for member in initializers.indices { attached += initializers[member].markers }
                let properties = declarations[position].properties
                for member in properties.indices where !properties[member].markers.isEmpty {
                    let markers = properties[member].markers
                    attached += markers.filter { $0.kind == "provider" }
                    for marker in markers where marker.kind != "provider" {
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
            collectProviders(name, declarations, isModule: model.modules.last?.typeName == name || malformedModules.contains(name))
        }
        assignListedFunctions()
        resolveEventReferences()
        resolvePayloads()
        // For the checks of `match:` key paths, which read a struct's properties only when one names it.
        model.declarations = types
        model.events.sort { $0.typeName < $1.typeName }
        model.functions.sort { ($0.id ?? "", $0.location) < ($1.id ?? "", $1.location) }
        model.injectables.sort { $0.typeName < $1.typeName }
        model.modules.sort { $0.typeName < $1.typeName }
    }

    /// The declarations of `name` and of its superclasses declared in the target, nearest first:
    /// where an inherited static requirement (`id`, `trigger`, `name`) is found.
    func inheritedDeclarations(_ name: String) -> [TypeDecl] {
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
        if !conforms, let marker = markers.first, isCertainlyNotCodable(name) {
            diagnostics.append(Diagnostic(.error, "\(name) is marked @inngest.event but is not Codable: an event's payload is sent and stored as JSON. "
                                          + "Declare it `\(primary.kind.rawValue) \(primary.simpleName): Codable, Sendable`", at: marker.location))
        }
        model.events.append(EventModel(typeName: name, eventName: eventName, byMarker: !conforms && !markers.isEmpty,
                                       accessLevel: primary.accessLevel, location: primary.location, conditions: primary.conditions))
    }

    /// Protocols of the standard library that do not make a type Codable.
    private static let nonCodableProtocols: Set<String> = [
        "Sendable", "Hashable", "Equatable", "Comparable", "Identifiable", "CaseIterable", "CustomStringConvertible",
        "CustomDebugStringConvertible", "Swift.Sendable", "Swift.Hashable", "Swift.Equatable",
    ]

    /// Whether every protocol `name` adopts is known, and none of them is `Codable` (or both
    /// halves of it): only then is it certain. A protocol of another module might refine Codable.
    private func isCertainlyNotCodable(_ name: String) -> Bool {
        let externals = index.lineage(of: name).externals
        if externals.contains("Codable") || externals.contains("Swift.Codable") { return false }
        return externals.allSatisfy(Self.nonCodableProtocols.contains)
    }

    // MARK: Modules

    private mutating func collectModule(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], conforms: Bool) {
        let markers = declarations.flatMap { $0.markers.filter { $0.kind == "module" } }
        let superModule = index.classChain(from: name).dropFirst().first { isModuleDeclaration($0) }
        guard conforms || !markers.isEmpty || superModule != nil else { return }
        if !conforms, superModule == nil, markers.first?.isMalformed == true {
            // Its marker did not parse (reported by the scanner). The build fails anyway; leave the
            // module out of the graph, so that the other modules are still checked.
            malformedModules.insert(name)
            return
        }
        var module = ModuleModel(typeName: name, imports: [], providers: [], exports: [], isGlobal: false, byMarker: !conforms && superModule == nil,
                                 descriptorSource: .generated, unreadable: [],
                                 accessLevel: primary.accessLevel, location: primary.location,
                                 markerLocation: markers.first?.location ?? primary.location, conditions: primary.conditions)
        if let marker = markers.first {
            var reader = MarkerReader(marker)
            (module.imports, module.dynamicImports) = importList(&reader)
            module.providers = reader.typeList("providers")
            module.exports = reader.typeList("exports")
            module.isGlobal = reader.flag("global")
            let listing = "list function types (and the classes whose methods are functions) in 'providers', where NestJS has 'controllers'"
            reader.finish(allowed: ["imports", "providers", "exports", "global"],
                          instead: ["controllers": listing, "functions": listing, "handlers": listing])
            diagnostics += reader.diagnostics
            let lists = ["imports", "providers", "exports"].filter { staticProperty($0, in: declarations) != nil }
            if let property = staticProperty("dynamicImports", in: declarations) {
                if module.dynamicImports.isEmpty {
                    module.hasDynamicImportsProperty = true
                    module.dynamicImportModules = property.initializer.flatMap(ModuleListReader.dynamicImportModules)
                } else {
                    diagnostics.append(Diagnostic(.error, "\(name) lists dynamic imports both in its @inngest.module marker and in static dynamicImports; keep one of the two",
                                                  at: property.location))
                }
            }
            if !lists.isEmpty {
                diagnostics.append(Diagnostic(.error, "\(name) lists its \(lists.joined(separator: " and ")) both in its @inngest.module marker and in static properties; keep one of the two",
                                              at: marker.location))
            }
        } else {
            readStaticLists(of: &module, declarations)
        }
        module.declaresDynamicModule = declarations.contains { declaration in
            declaration.methods.contains { $0.isStatic && $0.returnType.map(Self.dynamicModuleTypes.contains) == true }
                || declaration.properties.contains { $0.isStatic && $0.type.map(Self.dynamicModuleTypes.contains) == true }
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
        if let property = declarations.flatMap(\.properties).first(where: { $0.isStatic && $0.name == "dynamicImports" }) {
            module.hasDynamicImportsProperty = true
            module.dynamicImportModules = property.initializer.flatMap(ModuleListReader.dynamicImportModules)
        }
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
            module.dynamicImportModules = nil
            return
        }
        module.imports = lists.imports
        module.providers = lists.providers
        module.exports = lists.exports
        module.functions = lists.functions
        module.dynamicImportModules = lists.dynamicImportModules
        module.isGlobal = lists.isGlobal
        module.unreadable = lists.unreadable
    }

    // MARK: Injectables

    private mutating func collectInjectable(_ name: String, _ primary: TypeDecl, _ declarations: [TypeDecl], conforms: Bool) {
        let markers = declarations.flatMap { $0.markers.filter { $0.kind == "injectable" } }
        let ownsMethodFunctions = declarations.contains { $0.membersMayHaveMarkers && $0.methods.contains { $0.markers.contains { $0.kind == "function" } } }
        guard conforms || !markers.isEmpty || ownsMethodFunctions else { return }
        var scope = "singleton"
        if let marker = markers.first {
            var reader = MarkerReader(marker)
            if let (value, location) = reader.identifier("scope") {
                switch value {
                case "singleton", "transient", "run": scope = value
                default:
                    let hint = Spelling.suggestion(for: value, among: Self.scopes).map { "; did you mean '\($0)'?" } ?? ""
                    reader.fail(location, "unknown scope '\(value)'; expected singleton, transient or run\(hint)")
                }
            }
            reader.finish(allowed: ["scope"])
            diagnostics += reader.diagnostics
        }
        guard let initializer = initializer(of: name, primary, declarations) else { return }
        model.injectables.append(InjectableModel(typeName: name, scope: scope, initializer: initializer, accessLevel: primary.accessLevel,
                                                 location: primary.location, conditions: primary.conditions))
    }

    // MARK: Helpers

    /// How the wiring constructs `name`: the init marked `@inngest.inject`, else the only init, else
    /// (for structs) the memberwise initialiser, else `init()`.
    mutating func initializer(of name: String, _ primary: TypeDecl, _ declarations: [TypeDecl],
                                      visited: Set<String> = []) -> InitializerModel? {
        let inits = declarations.flatMap(\.initializers)
        // A subclass that declares no initialiser inherits its superclass's.
        if inits.isEmpty, primary.kind == .class, let parent = index.superclass(of: name), !visited.contains(parent),
           let parentPrimary = index.primary(parent) {
            return initializer(of: parent, parentPrimary, types[parent] ?? [], visited: visited.union([name]))
        }
        let marked = inits.filter { $0.markers.contains { $0.kind == "inject" } }
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
            let signature = "\(name).init(\(chosen.parameters.map { "\($0.label ?? "_"):" }.joined()))"
            let tokens = tokenMap(chosen.markers, chosen.parameters, of: signature)
            guard let dependencies = self.dependencies(chosen.parameters, tokens: tokens, of: signature, at: chosen.location) else { return nil }
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
            var dependency = Self.dependency(label: property.name, name: property.name, type: type)
            dependency.location = property.location
            dependencies.append(dependency)
        }
        return InitializerModel(dependencies: dependencies, isAsync: false, isThrows: false)
    }

    func staticProperty(_ name: String, in declarations: [TypeDecl]) -> PropertyDecl? {
        declarations.lazy.flatMap(\.properties).first { $0.isStatic && $0.name == name }
    }

    func staticString(_ name: String, in declarations: [TypeDecl]) -> (value: String, location: SourceLocation)? {
        guard let property = staticProperty(name, in: declarations), let value = property.stringLiteralValue else { return nil }
        return (value, property.location)
    }
}

extension SourceLocation {
    /// Sorts before every real location.
    static let zero = SourceLocation(file: "", line: 0, column: 0)
}
