#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore

/// How the serve endpoint identifies itself and reaches Inngest: app id, keys, mode and origins.
///
/// Build it from the `INNGEST_*` environment variables with `fromEnvironment(appId:)`, or directly.
public struct ServeConfiguration: Sendable {
    /// The app id (`appName` at registration); function ids are prefixed with it.
    public var appId: String
    /// Dev (no signatures) or cloud (signatures required).
    public var mode: ServeMode
    /// The signing key; required in cloud mode.
    public var signingKey: SigningKey?
    /// A second signing key accepted during rotation.
    public var signingKeyFallback: SigningKey?
    /// The event key for sending events.
    public var eventKey: String?
    /// The Inngest API origin (`/fn/register`…).
    public var apiBaseURL: URL
    /// The event API origin (`/e/{key}`).
    public var eventAPIBaseURL: URL
    /// The public origin of the serve endpoint (`https://app.example.com`), when requests do not show it.
    public var serveOrigin: String?
    /// The public path of the serve endpoint, when it differs from the request path.
    public var servePath: String?
    /// The branch environment name, sent as `X-Inngest-Env`.
    public var env: String?
    /// The web framework's name, reported informationally (`X-Inngest-Framework`).
    public var framework: String?
    /// Whether, in cloud mode, an unsigned out-of-band sync `PUT` (`curl -X PUT <serve url>` after a
    /// deploy, as with the official SDKs) makes the app register itself with Inngest. Such a request
    /// proves nothing about its sender, so it is honoured only when the URL to register comes from
    /// `serveOrigin`, never from the request's `Host` or `X-Forwarded-*` headers (which would let
    /// anyone point Inngest at another server). `INNGEST_ENABLE_UNAUTHED_SYNC=false` turns it off;
    /// signed syncs, and every sync in dev mode, are not affected.
    public var allowsUnsignedSync: Bool = true

    /// Inngest Cloud's API origin.
    public static let cloudAPIBaseURL = URL(string: "https://api.inngest.com")
    /// Inngest Cloud's event API origin.
    public static let cloudEventAPIBaseURL = URL(string: "https://inn.gs")
    /// The dev server's default origin.
    public static let devServerURL = URL(string: "http://127.0.0.1:8288")

    /// Creates a configuration.
    /// - Parameters:
    ///   - appId: the app id; must not be empty.
    ///   - mode: dev or cloud.
    ///   - signingKey: the signing key; required in cloud mode.
    ///   - signingKeyFallback: a second key for rotation.
    ///   - eventKey: the event key.
    ///   - apiBaseURL: the API origin; defaults to Cloud's, or the dev server's in dev mode.
    ///   - eventAPIBaseURL: the event API origin; same defaults.
    ///   - serveOrigin: the public origin of the serve endpoint.
    ///   - servePath: the public path of the serve endpoint.
    ///   - env: the branch environment.
    ///   - framework: the web framework's name.
    /// - Throws: `ServeConfigurationError` for an empty app id, a malformed key, or cloud mode without a key.
    public init(appId: String, mode: ServeMode, signingKey: String? = nil, signingKeyFallback: String? = nil,
                eventKey: String? = nil, apiBaseURL: URL? = nil, eventAPIBaseURL: URL? = nil, serveOrigin: String? = nil,
                servePath: String? = nil, env: String? = nil, framework: String? = nil) throws(ServeConfigurationError) {
        guard !appId.isEmpty else {
            throw ServeConfigurationError("the app id is empty; give the app a stable id such as \"shop\" (Inngest uses it to group functions)")
        }
        self.appId = appId
        self.mode = mode
        self.signingKey = try Self.key(signingKey)
        self.signingKeyFallback = try Self.key(signingKeyFallback)
        if mode == .cloud && self.signingKey == nil {
            throw ServeConfigurationError("cloud mode needs a signing key to verify that requests come from Inngest: set INNGEST_SIGNING_KEY "
                                          + "(from the Inngest dashboard, or the --signing-key of `inngest start`), or set INNGEST_DEV=1 "
                                          + "to use the dev server")
        }
        self.eventKey = eventKey.flatMap { $0.isEmpty ? nil : $0 }
        let fallback = (mode == .dev ? Self.devServerURL : nil)
        guard let api = apiBaseURL ?? fallback ?? Self.cloudAPIBaseURL,
              let events = eventAPIBaseURL ?? fallback ?? Self.cloudEventAPIBaseURL else {
            throw ServeConfigurationError("no API origin; set INNGEST_BASE_URL")
        }
        self.apiBaseURL = api
        self.eventAPIBaseURL = events
        self.serveOrigin = serveOrigin.flatMap { $0.isEmpty ? nil : $0 }
        self.servePath = servePath.flatMap { $0.isEmpty ? nil : $0 }
        self.env = env.flatMap { $0.isEmpty ? nil : $0 }
        self.framework = framework
    }

    /// Reads the `INNGEST_*` variables: `INNGEST_DEV` (`1`/`true` or a URL ⇒ dev mode, `0`/`false`/unset
    /// ⇒ cloud), `INNGEST_SIGNING_KEY`, `INNGEST_SIGNING_KEY_FALLBACK`, `INNGEST_EVENT_KEY`,
    /// `INNGEST_BASE_URL`, `INNGEST_API_BASE_URL`, `INNGEST_EVENT_API_BASE_URL`, `INNGEST_SERVE_ORIGIN`,
    /// `INNGEST_SERVE_PATH`, `INNGEST_ENV`, `INNGEST_ENABLE_UNAUTHED_SYNC` (`false` ⇒ refuse unsigned syncs).
    ///
    /// Origins are chosen in this order: the specific `*_API_BASE_URL`, `INNGEST_BASE_URL`, the
    /// `INNGEST_DEV` URL, the mode's default.
    /// - Parameters:
    ///   - appId: the app id.
    ///   - framework: the web framework's name.
    ///   - environment: the variables; the process environment by default.
    /// - Throws: `ServeConfigurationError` naming the variable to fix.
    public static func fromEnvironment(appId: String, framework: String? = nil,
                                       environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ServeConfigurationError) -> ServeConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingWhitespace, !raw.isEmpty else { return nil }
            return raw
        }
        func url(_ name: String) throws(ServeConfigurationError) -> URL? {
            guard let text = value(name) else { return nil }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  url.host != nil else {
                throw ServeConfigurationError("\(name)=\(text) is not an http(s) URL; write it like http://127.0.0.1:8288")
            }
            return url
        }
        var mode = ServeMode.cloud
        var devURL: URL?
        if let dev = value("INNGEST_DEV") {
            switch dev.lowercased() {
            case "1", "true", "yes", "on": mode = .dev
            case "0", "false", "no", "off": mode = .cloud
            default:
                guard dev.lowercased().hasPrefix("http://") || dev.lowercased().hasPrefix("https://") else {
                    throw ServeConfigurationError("INNGEST_DEV=\(dev) is neither a boolean nor a URL; use 1 for the local dev server, "
                                                  + "a URL such as http://127.0.0.1:8288 for another one, or 0 for cloud mode")
                }
                mode = .dev
                devURL = try url("INNGEST_DEV")
            }
        }
        let base = try url("INNGEST_BASE_URL") ?? devURL
        var configuration = try ServeConfiguration(
            appId: appId, mode: mode, signingKey: value("INNGEST_SIGNING_KEY"),
            signingKeyFallback: value("INNGEST_SIGNING_KEY_FALLBACK"), eventKey: value("INNGEST_EVENT_KEY"),
            apiBaseURL: try url("INNGEST_API_BASE_URL") ?? base, eventAPIBaseURL: try url("INNGEST_EVENT_API_BASE_URL") ?? base,
            serveOrigin: value("INNGEST_SERVE_ORIGIN"), servePath: value("INNGEST_SERVE_PATH"), env: value("INNGEST_ENV"),
            framework: framework)
        if let unsigned = value("INNGEST_ENABLE_UNAUTHED_SYNC") {
            switch unsigned.lowercased() {
            case "1", "true", "yes", "on": configuration.allowsUnsignedSync = true
            case "0", "false", "no", "off": configuration.allowsUnsignedSync = false
            default:
                throw ServeConfigurationError("INNGEST_ENABLE_UNAUTHED_SYNC=\(unsigned) is not a boolean; use false to refuse unsigned "
                                              + "sync requests, true (the default) to accept them")
            }
        }
        return configuration
    }

    /// The keys to verify with, primary first.
    var verificationKeys: [SigningKey] { [signingKey, signingKeyFallback].compactMap { $0 } }

    private static func key(_ text: String?) throws(ServeConfigurationError) -> SigningKey? {
        guard let text, !text.isEmpty else { return nil }
        return try SigningKey(text)
    }
}
