#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore

extension InngestServeHandler {
    /// `PUT`: in-band sync (the body describes the app) or out-of-band sync (the handler posts the
    /// app to `{api}/fn/register`).
    ///
    /// In cloud mode an in-band sync must be signed. An out-of-band sync must be signed too when it
    /// carries a signature header (a bad one is 401, and nothing is registered); without one it is
    /// honoured only as `ServeConfiguration.allowsUnsignedSync` says: when allowed (the default, as
    /// with the JS and Python SDKs, so that `curl -X PUT` after a deploy works) and the public URL is
    /// configured (`INNGEST_SERVE_ORIGIN`), because the URL of an unsigned request's `Host` header
    /// could send Inngest, and the app's events, anywhere. In dev mode nothing is checked.
    func sync(_ request: ServeRequest) async -> ServeResponse {
        let inBand = request.headers["X-Inngest-Sync-Kind"]?.lowercased() == "in_band"
        let syncKind = inBand ? "in_band" : "out_of_band"
        let syncHeader = [("X-Inngest-Sync-Kind", syncKind)]
        let unsigned = (request.headers["X-Inngest-Signature"] ?? "").isEmpty
        if configuration.mode == .cloud, !inBand, unsigned, let reason = unsignedSyncRefusal {
            logger.warning("refused an unsigned sync: \(reason)")
            return respond(401, ["message": .string("Unauthorized"), "error": .string(reason)], headers: syncHeader)
        }
        let sender: Sender
        let body: [UInt8]
        do {
            (sender, body) = try admit(request, to: .sync, acceptsUnsigned: !inBand)
        } catch {
            var response = error.response
            response.headers["X-Inngest-Sync-Kind"] = syncKind
            return response
        }
        let serverKind = request.headers["X-Inngest-Server-Kind"].map { $0.lowercased() }
        if let serverKind, !serverKind.isEmpty, serverKind != configuration.mode.rawValue {
            let message = "a \(serverKind.prefix(20)) server tried to sync an app in \(configuration.mode.rawValue) mode; "
                + (configuration.mode == .cloud ? "set INNGEST_DEV=1 to use the dev server" : "unset INNGEST_DEV to sync with Inngest Cloud")
            return respond(400, ["code": .string("server_kind_mismatch"), "message": .string(message)], headers: syncHeader,
                           signWith: sender.key)
        }
        if let configurationError {
            // Refused before anything is registered: Inngest would store options it refuses or misreads.
            return respond(500, ["code": .string("invalid_function_options"), "message": .string(configurationError.description),
                                 "modified": .bool(false)], headers: syncHeader, signWith: sender.key)
        }
        if inBand {
            return inBandSync(request, body: body, sender: sender)
        }
        return await outOfBandSync(request, serverKind: serverKind, sender: sender)
    }

    /// Why an unsigned out-of-band sync is refused in cloud mode, or `nil` when it is honoured.
    private var unsignedSyncRefusal: String? {
        if !configuration.allowsUnsignedSync {
            return "the sync request is not signed, and INNGEST_ENABLE_UNAUTHED_SYNC=false refuses unsigned syncs; sync from the "
                + "Inngest dashboard or with `inngest` tooling, which sign their requests"
        }
        if configuration.serveOrigin == nil {
            return "the sync request is not signed, so the URL to register cannot be taken from its Host header (anyone could point "
                + "Inngest at another server); set INNGEST_SERVE_ORIGIN to this app's public origin, or sync from the Inngest dashboard, "
                + "which signs its requests"
        }
        return nil
    }

    private func inBandSync(_ request: ServeRequest, body: [UInt8], sender: Sender) -> ServeResponse {
        let syncHeader = [("X-Inngest-Sync-Kind", "in_band")]
        func refuse(_ message: String) -> ServeResponse {
            respond(400, ["code": .string("invalid_request"), "message": .string(message)], headers: syncHeader, signWith: sender.key)
        }
        let json: JSONValue
        do {
            json = try JSONValue(json: body, maximumDepth: 8)
        } catch {
            return refuse("an in-band sync body must be a JSON object with the app's \"url\"; this one is not JSON: \(error)")
        }
        guard case .string(let url)? = json["url"], !url.isEmpty else {
            return refuse("an in-band sync body must be a JSON object with the app's \"url\" as a non-empty string")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            return refuse("the in-band sync \"url\" \(url.prefix(200).debugDescription) is not an http(s) URL")
        }
        let serveURL = publicURL(reported: url)
        let payload = RegisterPayload(appId: configuration.appId, url: serveURL, functions: functions, framework: configuration.framework)
        var members: [String: JSONValue] = [
            "app_id": .string(configuration.appId),
            "capabilities": RegisterPayload.capabilities,
            "functions": payload.functions,
            "inspection": Introspection(configuration: configuration, functionCount: functions.count,
                                        authentication: sender.key == nil ? nil : true,
                                        servePath: URLComponents(string: serveURL)?.path ?? request.path).json,
            "sdk_author": .string("inngest"),
            "sdk_language": .string(ServeSDK.language),
            "sdk_version": .string(ServeSDK.version),
            "url": .string(serveURL),
        ]
        if let env = configuration.env { members["env"] = .string(env) }
        if let framework = configuration.framework { members["framework"] = .string(framework) }
        return respond(200, members, headers: syncHeader, signWith: sender.key)
    }

    private func outOfBandSync(_ request: ServeRequest, serverKind: String?, sender: Sender) async -> ServeResponse {
        let syncHeader = [("X-Inngest-Sync-Kind", "out_of_band")]
        func failure(_ message: String) -> ServeResponse {
            logger.error("sync failed: \(message)")
            return respond(500, ["message": .string(message), "modified": .bool(false)], headers: syncHeader, signWith: sender.key)
        }
        // An unsigned request is not trusted to say where the app is (see `sync(_:)`).
        guard let serveURL = publicURL(of: request, trustingHeaders: !sender.isUnsigned) else {
            return failure("cannot tell the public URL of this endpoint: the request has no Host header; set INNGEST_SERVE_ORIGIN "
                           + "(e.g. https://app.example.com)")
        }
        var query: [String: String] = [:]
        if let deployId = request.query["deployId"], !deployId.isEmpty { query["deployId"] = deployId }
        guard let registerURL = HTTPClient.url(configuration.apiBaseURL, path: "/fn/register", query: query) else {
            return failure("the API origin \(configuration.apiBaseURL) cannot be joined with /fn/register; check INNGEST_API_BASE_URL")
        }
        let payload = RegisterPayload(appId: configuration.appId, url: serveURL, functions: functions, framework: configuration.framework)
        var headers = HTTPClient.commonHeaders(env: configuration.env)
        if let serverKind, !serverKind.isEmpty { headers["X-Inngest-Expected-Server-Kind"] = serverKind }
        if let framework = configuration.framework { headers["X-Inngest-Framework"] = framework }
        var keys: [SigningKey?] = configuration.verificationKeys
        if keys.isEmpty { keys = [nil] }
        do {
            var response: HTTPClient.Response?
            for key in keys {
                if let key { headers["Authorization"] = "Bearer \(key.hashed)" }
                response = try await http.send("POST", registerURL, headers: headers, body: Array(payload.jsonData))
                if let status = response?.status, status != 401 && status != 403 { break }
            }
            guard let response else { return failure("no response from \(registerURL.absoluteString)") }
            let json = try? JSONValue(json: response.body)
            guard (200..<300).contains(response.status) else {
                let reason = json?["error"]?.stringValue ?? json?["message"]?.stringValue
                    ?? String(decoding: response.body.prefix(500), as: UTF8.self)
                return failure("Inngest refused the sync (HTTP \(response.status)): \(reason)")
            }
            var modified = false
            if case .bool(let flag)? = json?["modified"] { modified = flag }
            return respond(200, ["message": .string("Successfully synced."), "modified": .bool(modified)], headers: syncHeader,
                           signWith: sender.key)
        } catch {
            return failure("could not reach Inngest at \(registerURL.absoluteString): \(error); check that the server is running "
                           + "and INNGEST_BASE_URL / INNGEST_API_BASE_URL")
        }
    }

    /// The public serve URL for an out-of-band sync: the configured origin and path, else (only when
    /// `trustingHeaders`) the request's `Host` (with `X-Forwarded-Proto`/`X-Forwarded-Host` when
    /// present) and path.
    func publicURL(of request: ServeRequest, trustingHeaders: Bool) -> String? {
        let origin: String
        if let configured = configuration.serveOrigin {
            origin = configured
        } else {
            guard trustingHeaders else { return nil }
            guard let host = request.headers["X-Forwarded-Host"] ?? request.headers["Host"], !host.isEmpty else { return nil }
            let scheme = request.headers["X-Forwarded-Proto"]?.split(separator: ",").first.map(String.init) ?? "http"
            origin = "\(scheme.trimmingWhitespace)://\(host)"
        }
        return Self.join(origin: origin, path: configuration.servePath ?? request.path)
    }

    /// The public serve URL for an in-band sync: the URL the server reports, with the configured
    /// origin and path substituted when set.
    func publicURL(reported url: String) -> String {
        guard configuration.serveOrigin != nil || configuration.servePath != nil, let components = URLComponents(string: url) else {
            return url
        }
        var origin = "\(components.scheme ?? "http")://\(components.host ?? "")"
        if let port = components.port { origin += ":\(port)" }
        return Self.join(origin: configuration.serveOrigin ?? origin, path: configuration.servePath ?? components.path)
    }

    private static func join(origin: String, path: String) -> String {
        var origin = origin
        while origin.hasSuffix("/") { origin.removeLast() }
        if path.isEmpty { return origin }
        return origin + (path.hasPrefix("/") ? path : "/" + path)
    }
}
