import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Renders the generated files of a target from its model, through the templates. Output is
/// deterministic: sorted, no timestamps, the same bytes for the same sources.
public enum Renderer {
    /// The generated files, by name. Always all of them, even when empty.
    public static let fileNames = ["InngestEvents.generated.swift", "InngestRegistry.generated.swift", "InngestWiring.generated.swift"]

    /// Renders every file.
    /// - Parameters:
    ///   - model: a model that passed the checks.
    ///   - external: the declarations of the local targets the target depends on: their public
    ///     events join the event enum.
    ///   - modules: the module names of those targets, imported by every generated file.
    /// - Returns: file name → contents.
    /// - Throws: `TemplateError` (a generator bug).
    public static func render(_ model: AppModel, external: AppModel = AppModel(), importing modules: [String] = []) throws -> [String: String] {
        let imports = modules.map { ["module": $0] }
        @Sendable func rendered(_ template: Template, _ values: Template.Values) throws -> String {
            var values = values
            values.lists["dependencyImports"] = imports
            return try template.render(values)
        }
        // The files are independent: each is rendered on its own thread, and the first error in
        // the order of `fileNames` is thrown, as if they were rendered one after the other.
        let renderers: [@Sendable () throws -> String] = [
            { try rendered(Templates.inngestEvents, events(model, external: external)) },
            { try rendered(Templates.inngestRegistry, registry(model)) },
            { try rendered(Templates.inngestWiring, wiring(model)) },
        ]
        let results = Mutex([Result<String, any Error>?](repeating: nil, count: renderers.count))
        DispatchQueue.concurrentPerform(iterations: renderers.count) { index in
            let result = Result { try renderers[index]() }
            results.withLock { $0[index] = result }
        }
        var files: [String: String] = [:]
        for (name, result) in zip(fileNames, results.withLock { $0 }) {
            guard let result else { continue }
            files[name] = try result.get()
        }
        return files
    }

    // MARK: Files

    static func events(_ model: AppModel, external: AppModel = AppModel()) -> Template.Values {
        var values = Template.Values()
        values.lists["conformances"] = model.events.filter(\.byMarker).map { event in
            item(located(event.location, event.conditions), [
                "type": event.typeName, "access": access(event.accessLevel), "name": literal(event.eventName ?? ""),
            ])
        }
        var usedCases = Set<String>()
        // The enum covers the app as this target sees it: its events and the public ones of the
        // local targets it depends on.
        let localNames = Set(model.events.map(\.typeName))
        let visible = external.events.filter { $0.isVisibleToDependents && !localNames.contains($0.typeName) }
        let all = (model.events + visible).sorted { $0.typeName < $1.typeName }
        values.lists["cases"] = all.map { event in
            var name = lowerCamel(event.typeName.split(separator: ".").last.map(String.init) ?? event.typeName)
            if !usedCases.insert(name).inserted {
                name = lowerCamel(event.typeName.replacing(".", with: ""))
                usedCases.insert(name)
            }
            return item(conditions(event.conditions), [
                "type": event.typeName, "caseName": name, "eventName": event.eventName ?? "(name not a literal)",
            ])
        }
        values.lists["senders"] = senders(all)
        // `.orderPlaced(…)` where any event is accepted: static members returning `AnyAppEvent`, which
        // `AppEvent`'s own cases do not clash with (members on `Self == AppEvent` would be ambiguous).
        let members = values.lists["cases", default: []].map { item in
            (item["open"] ?? "") + """
                    /// `\(item["eventName"] ?? "")`
                    static func \(item["caseName"] ?? "")(_ event: \(item["type"] ?? "")) -> AnyAppEvent { AnyAppEvent(event: .\(item["caseName"] ?? "")(event)) }
                """ + (item["close"] ?? "")
        }.joined(separator: "\n")
        values.lists["anyEvents"] = values.lists["senders", default: []].map { item($0, ["members": members]) }
        return values
    }

    static func wiring(_ model: AppModel) -> Template.Values {
        var values = Template.Values()
        values.lists["modules"] = model.modules.filter(\.hasGeneratedDescriptor).map { module in
            // A static list the scanner could not read is used as the user wrote it.
            func list(_ part: ModuleModel.Part, _ names: [String], _ suffix: String) -> String {
                module.knows(part) ? "[" + names.map { "\($0).\(suffix)" }.joined(separator: ", ") + "]" : "Self.\(part.rawValue)"
            }
            let inline = module.inlineProviders.isEmpty ? "" : " + Self.inngestModuleProviders"
            return item(located(module.location, module.conditions), [
                "type": module.typeName, "conformance": module.byMarker ? ": Module" : "", "access": access(module.accessLevel),
                "imports": list(.imports, module.imports, "self"),
                "dynamicImports": dynamicImportsArgument(module),
                "providers": list(.providers, module.providers, "inngestProvider") + inline,
                "exports": list(.exports, module.exports, "self"),
                "functions": module.functions.isEmpty ? "" : "\n            functions: [" + module.functions.map { "\($0).self" }.joined(separator: ", ") + "],",
                "members": moduleMembers(module),
                "isGlobal": module.knows(.isGlobal) ? (module.isGlobal ? "true" : "false") : "Self.isGlobal",
                "location": literal("\(module.location.file):\(module.location.line)"),
            ])
        }
        let checksSendable = model.modules.contains { module in
            module.hasGeneratedDescriptor && module.inlineProviders.contains { $0.scope == "singleton" && ($0.token != nil || $0.isMulti) && $0.kind != .value }
                || module.inlineProviders.contains { $0.isMulti && $0.kind == .value }
        }
        values.lists["sendableCheck"] = checksSendable ? [[:]] : []
        values.lists["injectables"] = model.injectables.map { injectable in
            item(located(injectable.location, injectable.conditions), [
                "type": injectable.typeName, "conformance": "", "access": access(injectable.accessLevel),
                "descriptor": injectable.scope == "singleton" ? "ProviderDescriptor.singleton" : "ProviderDescriptor",
                "scopeArgument": injectable.scope == "singleton" ? "" : ", scope: .\(injectable.scope)",
                "location": literal("\(injectable.location.file):\(injectable.location.line)"),
                "construct": injectable.scope == "singleton" ? "" : constructArgument(injectable.typeName, injectable.initializer, at: injectable.location),
            ], construction(injectable.typeName, injectable.initializer))
        }
        return values
    }

    static func registry(_ model: AppModel) -> Template.Values {
        var values = Template.Values()
        var conformances: [[String: String]] = []
        var wrappers: [[String: String]] = []
        var payloads: [[String: String]] = []
        var failureConformances: [[String: String]] = []
        var failureForwarders: [[String: String]] = []
        var functions: [[String: String]] = []
        var stepIds: [[String: String]] = []
        for function in model.functions {
            let location = literal("\(function.location.file):\(function.location.line)")
            var shared: [String: String] = ["location": location]
            if function.declaration != .conformance {
                // A conforming type states its id, trigger and options itself; the generator writes them for markers.
                guard let id = function.id, let input = function.input, let trigger = triggerExpression(function.triggers) else { continue }
                shared.merge([
                    "id": literal(id), "name": literal(function.name ?? id), "input": input,
                    "trigger": trigger, "options": optionsExpression(function),
                ]) { $1 }
            }
            let placed = located(function.location, function.conditions)
            if let payload = function.payloadEnum {
                payloads.append(item(placed, shared, payloadValues(payload, access: access(function.accessLevel))))
            }
            var registered = function.typeName
            var initializer = function.initializer
            var home = ""
            switch function.declaration {
            case .conformance:
                break
            case .markedType:
                conformances.append(item(placed, shared, ["type": function.typeName, "access": access(function.accessLevel)]))
            case .markedMethod(let method):
                registered = "__InngestFunction_" + function.typeName.replacing(".", with: "_") + "_" + method.name
                home = ", home: \(function.typeName).self"
                initializer = InitializerModel(dependencies: [DependencyModel(label: "owner", name: "owner", type: function.typeName, isOptional: false)],
                                               isAsync: false, isThrows: false)
                wrappers.append(item(placed, shared, [
                    "wrapper": registered, "owner": function.typeName, "method": method.name,
                    "returns": method.returnType.map { " -> \($0)" } ?? "", "call": call(method, on: "owner."),
                ]))
            }
            if let failure = function.failureHandler {
                let isWrapper = registered != function.typeName
                let forwarder = item(placed, shared, [
                    "type": registered, "method": failure.name, "access": isWrapper ? "" : access(function.accessLevel),
                    "call": call(failure, on: isWrapper ? "owner." : ""),
                ])
                if !isWrapper && witnessesOnFailure(failure) { failureConformances.append(forwarder) } else { failureForwarders.append(forwarder) }
            }
            if let stepId = stepIdEnum(function) { stepIds.append(stepId) }
            functions.append(item(placed, ["type": registered], construction(registered, initializer), ["location": location, "home": home]))
        }
        values.lists["payloads"] = payloads
        values.lists["conformances"] = conformances
        values.lists["wrappers"] = wrappers
        values.lists["failureConformances"] = failureConformances
        values.lists["failureForwarders"] = failureForwarders
        values.lists["functions"] = functions
        values.lists["stepIds"] = stepIds
        // `var` only when something is appended: an unmutated `var` is a warning in the user's build
        // (appends under an inactive `#if` do not warn).
        values.strings["functionsBinding"] = functions.isEmpty ? "let" : "var"
        values.strings["providersBinding"] = model.rootProvidedInjectables.isEmpty ? "let" : "var"
        values.lists["rootProviders"] = model.rootProvidedInjectables.map { injectable in
            item(conditions(injectable.conditions), ["type": injectable.typeName])
        }
        // A subclass of a module class inherits the generated registration.
        values.lists["registered"] = model.modules.filter { if case .inherited = $0.descriptorSource { false } else { true } }.map { module in
            item(conditions(module.conditions), ["type": module.typeName, "access": access(module.accessLevel)])
        }
        return values
    }

    // MARK: Pieces

    /// The step id enum of a function with literal step ids (the ids the duplicate check and
    /// inngest.lock read): `StepID` nested in a function type, `<Method>StepID` in a marked method's owner.
    static func stepIdEnum(_ function: FunctionModel) -> [String: String]? {
        let ids = Set(function.stepCalls.compactMap(\.literalId)).sorted()
        guard !ids.isEmpty else { return nil }
        let name: String, functionId: String
        switch function.declaration {
        case .conformance:
            name = "StepID"
            functionId = "\(function.typeName).id"
        case .markedType:
            guard let id = function.id else { return nil }
            name = "StepID"
            functionId = literal(id)
        case .markedMethod(let method):
            guard let id = function.id else { return nil }
            name = method.name.prefix(1).uppercased() + method.name.dropFirst() + "StepID"
            functionId = literal(id)
        }
        let cases = StepIdCaseNames.of(ids).map { "        case \($0.caseName) = \(literal($0.id))" }.joined(separator: "\n")
        return item(conditions(function.conditions), [
            "type": function.typeName, "enum": name, "access": access(function.accessLevel), "cases": cases,
            "functionId": functionId, "id": literal(function.id ?? function.typeName),
        ])
    }

    /// The `send(_: AppEvent)` overloads exist only where `AppEvent` has a case: a function taking
    /// an uninhabited enum is "will never be executed" in the user's build. No events, no
    /// overloads (an `AppEvent` value would still go to the generic `send`); events all under
    /// `#if`, overloads under the disjunction of their conditions.
    static func senders(_ events: [EventModel]) -> [[String: String]] {
        guard !events.isEmpty else { return [] }
        if events.contains(where: { $0.conditions.isEmpty }) { return [["open": "", "close": ""]] }
        var seen = Set<String>()
        let alternatives = events.map { "(" + $0.conditions.map { "(\($0))" }.joined(separator: " && ") + ")" }.filter { seen.insert($0).inserted }
        return [["open": "#if \(alternatives.joined(separator: " || "))\n", "close": "\n#endif"]]
    }

    /// `.event(A.self, if: "…")`, `.cron("…")`, or `.anyOf(…)` of several; `nil` while an event
    /// trigger has no known type (an unknown event, reported by the checks).
    static func triggerExpression(_ triggers: [TriggerModel]) -> String? {
        var parts: [String] = []
        for trigger in triggers {
            switch trigger.kind {
            case .cron(let expression):
                parts.append(".cron(\(literal(expression)))")
            case .event(let typeName?, _):
                parts.append(".event(\(typeName).self\(trigger.condition.map { ", if: \(literal($0.value))" } ?? ""))")
            case .event(nil, _):
                return nil
            }
        }
        guard !parts.isEmpty else { return nil }
        return parts.count == 1 ? parts[0] : ".anyOf(\(parts.joined(separator: ", ")))"
    }

    /// `FunctionOptions(retries:timeouts:cancelOn:concurrency:…:singleton:)` with what the marker states.
    static func optionsExpression(_ function: FunctionModel) -> String {
        var arguments: [String] = []
        if let retries = function.retries { arguments.append("retries: \(retries)") }
        if let timeouts = function.timeouts {
            let parts = [("start", timeouts.start), ("finish", timeouts.finish)].compactMap { label, duration in
                duration.map { "\(label): \($0.swiftExpression)" }
            }
            arguments.append("timeouts: Timeouts(\(parts.joined(separator: ", ")))")
        }
        if !function.cancels.isEmpty {
            let entries = function.cancels.map { cancel in
                var parts = [cancel.typeName.map { "\($0).self" } ?? "named: \(literal(cancel.eventName ?? ""))"]
                if let match = cancel.match { parts.append("match: \(match.swiftExpression)") }
                if let condition = cancel.condition { parts.append("if: \(literal(condition.value))") }
                if let timeout = cancel.timeout { parts.append("timeout: \(timeout.swiftExpression)") }
                return ".event(\(parts.joined(separator: ", ")))"
            }
            arguments.append("cancelOn: [\(entries.joined(separator: ", "))]")
        }
        arguments += flowControlArguments(function.flowControl)
        return "FunctionOptions(\(arguments.joined(separator: ", ")))"
    }

    /// The values of a generated payload enum: its cases and their decoding, one line each.
    static func payloadValues(_ payload: PayloadEnumModel, access: String) -> [String: String] {
        let cases = payload.cases.map { item in
            "        /// A run triggered by \(item.type == "ScheduledRun" ? "its cron schedule" : "`\(item.type)`").\n        case \(item.name)(\(item.type))"
        }
        let decoders = payload.cases.map { item in
            "            case \(item.type).name: self = .\(item.name)(try event.payload(as: \(item.type).self))"
        }
        return ["parent": payload.parent, "payload": payload.name, "access": access,
                "cases": cases.joined(separator: "\n"), "decoders": decoders.joined(separator: "\n")]
    }

    /// Whether `method` is itself `onFailure(_:context:)`, so that declaring the conformance is enough.
    static func witnessesOnFailure(_ method: MethodModel) -> Bool {
        method.name == "onFailure" && method.parameters.map(\.role) == [.failure, .context]
            && method.parameters.map(\.label) == [nil, "context"]
    }

    /// `dependencies`, `consumer`, `resolverName` and `construction` for a type's initialiser (or a
    /// module's provider function, called on `typeName`).
    static func construction(_ typeName: String, _ initializer: InitializerModel) -> [String: String] {
        let arguments = initializer.dependencies.map { dependency in
            let value = argument(dependency)
            return dependency.label.map { "\($0): \(value)" } ?? value
        }
        let callee = initializer.functionName == "init" ? typeName : "\(typeName).\(initializer.functionName)"
        let call = (initializer.isThrows ? "try " : "") + (initializer.isAsync ? "await " : "") + "\(callee)(\(arguments.joined(separator: ", ")))"
        return [
            "dependencies": initializer.dependencies.compactMap(dependencyDescriptor).joined(separator: ", "),
            "consumer": literal(initializer.signature(of: typeName)),
            "resolverName": arguments.isEmpty ? "_" : "resolver", "construction": call,
        ]
    }

    /// `, construct: { … }`, the synchronous constructor `InngestDI` runs instead of the factory
    /// when everything the provider needs can be built without suspending (the form for transient
    /// and run-scoped providers); nothing when the initialiser is `async` or takes a token.
    static func constructArgument(_ typeName: String, _ initializer: InitializerModel, at location: SourceLocation) -> String {
        guard !initializer.isAsync, !initializer.dependencies.contains(where: { $0.token != nil }) else { return "" }
        let arguments = initializer.dependencies.map { dependency in
            let value: String
            if dependency.isResolver {
                value = "resolver"
            } else if dependency.isLazy {
                value = "resolver.provider((\(dependency.type)).self)"
            } else {
                value = "try resolver.\(dependency.isOptional ? "resolveOptionalNow" : "resolveNow")((\(dependency.type)).self)"
            }
            return dependency.label.map { "\($0): \(value)" } ?? value
        }
        let callee = initializer.functionName == "init" ? typeName : "\(typeName).\(initializer.functionName)"
        let call = (initializer.isThrows ? "try " : "") + "\(callee)(\(arguments.joined(separator: ", ")))"
        return ", construct: { \(arguments.isEmpty ? "_" : "resolver") in\n#sourceLocation(file: \(literal(location.file)), line: \(location.line))\n"
            + "            \(call)\n        }"
    }

    /// The `DependencyDescriptor` of a parameter; none for the resolver itself.
    static func dependencyDescriptor(_ dependency: DependencyModel) -> String? {
        let optional = dependency.isOptional ? ", optional: true" : ""
        if dependency.isResolver { return nil }
        if dependency.isLazy { return ".init(\(literal(dependency.name)), lazy: (\(dependency.type)).self)" }
        if let token = dependency.token { return ".init(\(literal(dependency.name)), token: \(token).self\(optional))" }
        return ".init(\(literal(dependency.name)), (\(dependency.type)).self\(optional))"
    }

    /// The expression that resolves a parameter.
    static func argument(_ dependency: DependencyModel) -> String {
        if dependency.isResolver { return "resolver" }
        if dependency.isLazy { return "resolver.provider((\(dependency.type)).self)" }
        let resolve = dependency.isOptional ? "resolveOptional" : "resolve"
        if let token = dependency.token { return "try await resolver.\(resolve)(token: \(token).self)" }
        return "try await resolver.\(resolve)((\(dependency.type)).self)"
    }

    /// The call of a marked method (by its wrapper) or of a failure handler, on `receiver`.
    static func call(_ method: MethodModel, on receiver: String) -> String {
        let arguments = method.parameters.map { parameter in
            let value = switch parameter.role {
            case .context: "context"
            case .failure: "failure"
            case .payload: "input"
            }
            return parameter.label.map { "\($0): \(value)" } ?? value
        }
        var call = "\(receiver)\(method.name)(\(arguments.joined(separator: ", ")))"
        if method.isAsync { call = "await " + call }
        if method.isThrows { call = "try " + call }
        return (method.returnType == nil ? "" : "return ") + call
    }

    /// `file`, `line`, `open` and `close` for a `#sourceLocation`-wrapped, `#if`-guarded item.
    static func located(_ location: SourceLocation, _ conditions: [String]) -> [String: String] {
        item(self.conditions(conditions), ["file": literal(location.file), "line": String(location.line)])
    }

    /// One template item of `parts`, a later part's value winning for a key: built in one
    /// dictionary sized for all of them (a chain of `merging` copied and regrew it at each step,
    /// a third of the registry's time).
    static func item(_ parts: [String: String]...) -> [String: String] {
        var item: [String: String] = [:]
        item.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts {
            for (key, value) in part { item[key] = value }
        }
        return item
    }

    static func conditions(_ conditions: [String]) -> [String: String] {
        guard !conditions.isEmpty else { return ["open": "", "close": ""] }
        return ["open": conditions.map { "#if \($0)\n" }.joined(), "close": String(repeating: "\n#endif", count: conditions.count)]
    }

    /// The access of a generated member of a type: public for a public type, package for a
    /// package one (so other targets of the package see it), internal otherwise.
    static func access(_ level: String?) -> String {
        switch level {
        case "public", "open": "public "
        case "package": "package "
        default: ""
        }
    }

    /// A Swift string literal.
    static func literal(_ text: String) -> String {
        // Only ASCII scalars are escaped: text without one of their bytes is quoted as it is.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { result += "\\u{\(String(scalar.value, radix: 16))}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    static func lowerCamel(_ name: String) -> String {
        guard let first = name.first else { return name }
        let prefix = name.prefix { $0.isUppercase }
        if prefix.count > 1 && prefix.count < name.count {
            return prefix.dropLast().lowercased() + name.dropFirst(prefix.count - 1)
        }
        return first.lowercased() + name.dropFirst()
    }
}
