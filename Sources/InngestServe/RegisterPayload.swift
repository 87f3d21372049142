#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
        // A query value: what RFC 3986 allows in a query, less the separators `&`, `=`, `+`, `?`.
        let encoded = compositeId.percentEncoded(keeping: "!$'()*,;:@/")
        return serveURL + (serveURL.contains("?") ? "&" : "?") + "fnId=\(encoded)&stepId=step"
    }

    private static func config(for function: FunctionDefinition, appId: String, url: String) -> JSONValue {
        let id = compositeId(appId: appId, functionId: function.id)
        let step: JSONValue = .object([
            "id": .string("step"),
            "name": .string("step"),
            "runtime": .object(["type": .string("http"), "url": .string(stepURL(serveURL: url, compositeId: id))]),
            "retries": .object(["attempts": .integer(Int64(function.options.retries ?? FunctionOptions.defaultRetries))]),
        ])
        var config: [String: JSONValue] = [
            "id": .string(id),
            "name": .string(function.name),
            "triggers": FunctionConfig.triggers(function.triggers),
            "steps": .object(["step": step]),
        ]
        config.merge(FunctionConfig.options(function.options)) { current, _ in current }
        return .object(config)
    }
}
