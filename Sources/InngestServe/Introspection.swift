#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore
import InngestCrypto

/// The body of a `GET` to the serve endpoint (schema `2024-05-24`): counts and flags for anyone,
/// origins and key hashes only for a validly signed request.
public struct Introspection: Sendable, Hashable {
    /// The body as JSON.
    public let json: JSONValue

    /// Builds the body.
    /// - Parameters:
    ///   - configuration: the serve configuration.
    ///   - functionCount: how many functions the endpoint serves.
    ///   - authentication: `nil` when unsigned, `false` when the signature was invalid, `true` when valid.
    ///   - servePath: the path the endpoint is served at.
    public init(configuration: ServeConfiguration, functionCount: Int, authentication: Bool?, servePath: String) {
        var members: [String: JSONValue] = [
            "schema_version": .string(ServeSDK.schemaVersion),
            "authentication_succeeded": authentication.map(JSONValue.bool) ?? .null,
            "function_count": .integer(Int64(functionCount)),
            "has_event_key": .bool(configuration.eventKey != nil),
            "has_signing_key": .bool(configuration.signingKey != nil),
            "has_signing_key_fallback": .bool(configuration.signingKeyFallback != nil),
            "mode": .string(configuration.mode.rawValue),
            "capabilities": RegisterPayload.capabilities,
            "extra": .object([:]),
        ]
        if authentication == true {
            func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
            members["api_origin"] = .string(configuration.apiBaseURL.absoluteString)
            members["app_id"] = .string(configuration.appId)
            members["env"] = optional(configuration.env)
            members["event_api_origin"] = .string(configuration.eventAPIBaseURL.absoluteString)
            members["event_key_hash"] = optional(configuration.eventKey.map { Hex.encode(Digest.sha256(Array($0.utf8))) })
            members["framework"] = optional(configuration.framework)
            members["sdk_language"] = .string(ServeSDK.language)
            members["sdk_version"] = .string(ServeSDK.version)
            members["serve_origin"] = optional(configuration.serveOrigin)
            members["serve_path"] = .string(configuration.servePath ?? servePath)
            members["signing_key_hash"] = optional(configuration.signingKey?.hashed)
            members["signing_key_fallback_hash"] = optional(configuration.signingKeyFallback?.hashed)
        }
        json = .object(members)
    }
}
