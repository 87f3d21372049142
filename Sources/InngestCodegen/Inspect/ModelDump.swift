/// What `inngest-codegen --dump-model` prints: every event, function, module, injectable and
/// inline provider the build found, as pretty JSON with sorted keys. Each entry has its `kind`,
/// qualified `name`, `file` and `line`; an event its `eventName`; a function its `id`, `triggers`
/// and `steps` (tool, id — `null` when computed — and line).
package enum ModelDump {
    /// The JSON text for `model`.
    package static func json(_ model: AppModel) -> String {
        value(model).text
    }

    /// The JSON text for several targets: an object with each target's model under its name.
    package static func json(byTarget models: [String: AppModel]) -> String {
        JSONText.object(models.mapValues(value)).text
    }

    private static func value(_ model: AppModel) -> JSONText {
        JSONText.object([
            "events": .array(model.events.map { event in
                entry("event", event.typeName, event.location, ["eventName": .string(event.eventName)])
            }),
            "functions": .array(model.functions.map(function)),
            "injectables": .array(model.injectables.map { injectable in
                entry("injectable", injectable.typeName, injectable.location, ["scope": .string(injectable.scope)])
            }),
            "modules": .array(model.modules.map { module in
                entry("module", module.typeName, module.location, [:])
            }),
            "providers": .array(model.modules.flatMap(\.inlineProviders).map { provider in
                entry("provider", "\(provider.moduleName).\(provider.memberName)", provider.location,
                      ["module": .string(provider.moduleName), "type": .string(provider.type), "scope": .string(provider.scope)])
            }),
        ])
    }

    private static func function(_ function: FunctionModel) -> JSONText {
        let triggers = function.triggers.map { trigger -> JSONText in
            switch trigger.kind {
            case .event(let type, let name):
                var members: [String: JSONText] = ["event": .string(name), "type": .string(type)]
                if let condition = trigger.condition { members["if"] = .string(condition.value) }
                return .object(members)
            case .cron(let expression):
                return .object(["cron": .string(expression)])
            }
        }
        let steps = function.stepCalls.map { call in
            JSONText.object(["tool": .string(call.name), "id": .string(call.literalId), "line": .integer(call.location.line)])
        }
        return entry("function", LockFile.declaration(of: function), function.location, [
            "id": .string(function.id), "triggers": .array(triggers), "steps": .array(steps),
        ])
    }

    private static func entry(_ kind: String, _ name: String, _ location: SourceLocation, _ members: [String: JSONText]) -> JSONText {
        var object = members
        object["kind"] = .string(kind)
        object["name"] = .string(name)
        object["file"] = .string(location.file)
        object["line"] = .integer(location.line)
        return .object(object)
    }
}
