import Foundation
import InngestCore
import InngestDI

/// The serve endpoint: lets an Inngest server (Cloud, `inngest dev`, `inngest start`) inspect, sync
/// and execute the app's functions over HTTP, independently of any web framework.
///
/// Mount it at one path (conventionally `/api/inngest`) for `GET`, `PUT` and `POST`, convert the
/// framework's request into a `ServeRequest` and copy the `ServeResponse` back:
/// ```swift
/// let handler = InngestServeHandler(functions: functions,
///                                   configuration: try .fromEnvironment(appId: "shop"),
///                                   resolver: { _ in container.rootResolver }, events: nil)
/// let response = await handler.handle(request)
/// ```
public struct InngestServeHandler: Sendable {
    /// The functions served.
    public let functions: [FunctionDefinition]
    /// The configuration.
    public let configuration: ServeConfiguration
    let resolver: @Sendable (FunctionDefinition) -> Resolver
    let events: (any EventSending)?
    let logger: InngestLogger
    let clock: any EngineClock
    let http: HTTPClient

    /// Creates a handler.
    /// - Parameters:
    ///   - functions: the functions to serve.
    ///   - configuration: keys, mode and origins.
    ///   - resolver: the resolver that builds a function's handler and its dependencies.
    ///   - events: sends events for `step.sendEvent`, e.g. an `EventAPIClient`; `nil` makes it throw.
    ///   - logger: where the handler logs failures.
    ///   - clock: the time source for signature windows, sleep dates and retry times.
    ///   - requestTimeout: the timeout of the handler's own calls to Inngest (sync), in seconds.
    public init(functions: [FunctionDefinition], configuration: ServeConfiguration,
                resolver: @escaping @Sendable (FunctionDefinition) -> Resolver, events: (any EventSending)?,
                logger: InngestLogger = InngestLogger(), clock: any EngineClock = SystemClock(),
                requestTimeout: TimeInterval = 30) {
        self.functions = functions
        self.configuration = configuration
        self.resolver = resolver
        self.events = events
        self.logger = logger
        self.clock = clock
        self.http = HTTPClient(timeout: requestTimeout)
    }

    /// Answers one request to the serve endpoint. Never throws: every failure is an HTTP response
    /// with a JSON body saying what went wrong.
    public func handle(_ request: ServeRequest) async -> ServeResponse {
        switch request.method.uppercased() {
        case "GET": introspect(request)
        case "PUT": await sync(request)
        case "POST": await execute(request)
        default:
            respond(405, ["message": .string("method \(request.method) is not allowed: the serve endpoint answers GET, PUT and POST")])
        }
    }

    // MARK: - GET

    private func introspect(_ request: ServeRequest) -> ServeResponse {
        var authentication: Bool?
        var matched: SigningKey?
        if let header = request.headers["X-Inngest-Signature"], !header.isEmpty, !configuration.verificationKeys.isEmpty {
            do {
                matched = try RequestSignature.verify(header: header, body: request.body, keys: configuration.verificationKeys, now: clock.now())
                authentication = true
            } catch {
                authentication = false
            }
        }
        if configuration.mode == .cloud && authentication != true {
            return respond(401, ["message": .string("Unauthorized")])
        }
        let body = Introspection(configuration: configuration, functionCount: functions.count, authentication: authentication,
                                 servePath: request.path)
        return respond(200, body.json, signWith: matched)
    }

    // MARK: - Shared

    /// Verifies the request's signature with the configured keys.
    func verify(_ request: ServeRequest) throws(SignatureError) -> SigningKey {
        try RequestSignature.verify(header: request.headers["X-Inngest-Signature"], body: request.body,
                                    keys: configuration.verificationKeys, now: clock.now())
    }

    /// A 401 naming the reason.
    func unauthorized(_ error: SignatureError) -> ServeResponse {
        logger.warning("rejected an unsigned or badly signed request: \(error)")
        return respond(401, ["message": .string("Unauthorized"), "error": .string(error.description)])
    }

    /// A JSON response with the SDK headers, signed when a key is configured.
    func respond(_ status: Int, _ json: JSONValue, headers extra: [(String, String)] = [], signWith key: SigningKey? = nil) -> ServeResponse {
        respond(status, bytes: Array(json.jsonData), headers: extra, signWith: key)
    }

    /// A response with the SDK headers around `bytes`, signed when a key is configured.
    func respond(_ status: Int, bytes: [UInt8], headers extra: [(String, String)] = [], signWith key: SigningKey? = nil) -> ServeResponse {
        var headers = ServeHeaders([
            ("Content-Type", "application/json"),
            ("X-Inngest-SDK", ServeSDK.headerValue),
            ("X-Inngest-Req-Version", ServeSDK.requestVersion),
        ])
        if let framework = configuration.framework { headers["X-Inngest-Framework"] = framework }
        for (name, value) in extra { headers[name] = value }
        if let key = key ?? configuration.signingKey {
            let now = Int64(clock.now().timeIntervalSince1970.rounded(.down))
            headers["X-Inngest-Signature"] = RequestSignature.sign(bytes, key: key, timestamp: now).headerValue
        }
        return ServeResponse(status: status, headers: headers, body: bytes)
    }

    /// A JSON object response.
    func respond(_ status: Int, _ members: [String: JSONValue], headers extra: [(String, String)] = [],
                 signWith key: SigningKey? = nil) -> ServeResponse {
        respond(status, JSONValue.object(members), headers: extra, signWith: key)
    }
}
