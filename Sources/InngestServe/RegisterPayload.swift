import Foundation
import InngestCore
import InngestTime

/// The app description Inngest receives at sync: the body of `POST {api}/fn/register` and the
/// `functions` of an in-band sync. Optional fields are omitted, never `null`.
public struct RegisterPayload: Sendable, Hashable {
    /// The payload as JSON.
    public let json: JSONValue

    /// The function configs alone (`functions`).
    public let functions: JSONValue

    /// Describes an app.
    /// - Parameters:
    ///   - appId: the app id (`appName`); function ids are prefixed with it.
    ///   - url: the public serve URL, without `deployId`.
    ///   - functions: the functions to register.
    ///   - framework: the web framework's name, if any.
    public init(appId: String, url: String, functions: [FunctionDefinition], framework: String? = nil) {
        let configs = JSONValue.array(functions.map { Self.config(for: $0, appId: appId, url: url) })
        var members: [String: JSONValue] = [
            "url": .string(url),
            "v": .string("0.1"),
            "deployType": .string("ping"),
            "sdk": .string(ServeSDK.registerValue),
            "appName": .string(appId),
            "capabilities": Self.capabilities,
            "functions": configs,
        ]
        if let framework { members["framework"] = .string(framework) }
        self.json = .object(members)
        self.functions = configs
    }

    /// The body bytes: compact JSON, sorted keys.
    public var jsonData: Data { json.jsonData }

    /// What this SDK supports beyond the basics: in-band sync and trust probes.
    public static let capabilities = JSONValue.object(["in_band_sync": .string("v1"), "trust_probe": .string("v1")])

    /// The id Inngest knows a function by: `<appId>-<functionId>`.
    public static func compositeId(appId: String, functionId: String) -> String { "\(appId)-\(functionId)" }

    /// The URL the server calls to execute a function: the serve URL with `fnId` and `stepId=step`.
    public static func stepURL(serveURL: String, compositeId: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        let encoded = compositeId.addingPercentEncoding(withAllowedCharacters: allowed) ?? compositeId
        return serveURL + (serveURL.contains("?") ? "&" : "?") + "fnId=\(encoded)&stepId=step"
    }

    private static func config(for function: FunctionDefinition, appId: String, url: String) -> JSONValue {
        let id = compositeId(appId: appId, functionId: function.id)
        let triggers: [JSONValue] = function.triggers.map { trigger in
            switch trigger {
            case .event(let name, let expression?): .object(["event": .string(name), "expression": .string(expression)])
            case .event(let name, nil): .object(["event": .string(name)])
            case .cron(let expression): .object(["cron": .string(expression)])
            }
        }
        let step: JSONValue = .object([
            "id": .string("step"),
            "name": .string("step"),
            "runtime": .object(["type": .string("http"), "url": .string(stepURL(serveURL: url, compositeId: id))]),
            "retries": .object(["attempts": .integer(Int64(function.options.retries ?? FunctionOptions.defaultRetries))]),
        ])
        var config: [String: JSONValue] = [
            "id": .string(id),
            "name": .string(function.name),
            "triggers": .array(triggers),
            "steps": .object(["step": step]),
        ]
        if !function.options.cancelOn.isEmpty {
            config["cancel"] = .array(function.options.cancelOn.map { cancel in
                var members: [String: JSONValue] = ["event": .string(cancel.event)]
                if let condition = cancel.condition { members["if"] = .string(condition) }
                if let timeout = cancel.timeout { members["timeout"] = .string(TimeString.format(timeout)) }
                return .object(members)
            })
        }
        if let timeouts = function.options.timeouts, timeouts.start != nil || timeouts.finish != nil {
            var members: [String: JSONValue] = [:]
            if let start = timeouts.start { members["start"] = .string(TimeString.format(start)) }
            if let finish = timeouts.finish { members["finish"] = .string(TimeString.format(finish)) }
            config["timeouts"] = .object(members)
        }
        config.merge(flowControl(function.options)) { current, _ in current }
        return .object(config)
    }
}
