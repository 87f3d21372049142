#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
    /// The functions served, with the `-failure` companion of each that has a failure handler.
    public let functions: [FunctionDefinition]
    /// The configuration.
    public internal(set) var configuration: ServeConfiguration
    let resolver: @Sendable (FunctionDefinition) -> Resolver
    let events: (any EventSending)?
    let logger: InngestLogger
    let clock: any EngineClock
    let instrumentation: (any RunInstrumentation)?
    let http: HTTPClient
    /// What is wrong with the functions' options (`validate(_:)`), or `nil`; a sync is refused with it.
    let configurationError: ServeConfigurationError?

    /// Creates a handler. Functions whose options Inngest would refuse or misread
    /// (`validate(_:)`) are reported at once as an error on `logger`, and every sync is then refused
    /// with the same message; call `validate(_:)` first to stop at boot instead.
    /// - Parameters:
    ///   - functions: the functions to serve.
    ///   - configuration: keys, mode and origins.
    ///   - resolver: the resolver that builds a function's handler and its dependencies.
    ///   - events: sends events for `step.sendEvent`, e.g. an `EventAPIClient`; `nil` makes it throw.
    ///   - logger: where the handler logs failures.
    ///   - clock: the time source for signature windows, sleep dates and retry times.
    ///   - requestTimeout: the longest wait, in seconds, for each step of the handler's own calls to
    ///     Inngest (sync): connecting, the TLS handshake, each read and write.
    ///   - instrumentation: told about each execution, step body and finished run (metrics,
    ///     tracing); `nil` costs nothing.
    public init(functions: [FunctionDefinition], configuration: ServeConfiguration,
                resolver: @escaping @Sendable (FunctionDefinition) -> Resolver, events: (any EventSending)?,
                logger: InngestLogger = InngestLogger(), clock: any EngineClock = SystemClock(),
                requestTimeout: TimeInterval = 30, instrumentation: (any RunInstrumentation)? = nil) {
        self.functions = FunctionDefinition.withFailureCompanions(functions, appId: configuration.appId)
        self.configuration = configuration
        self.resolver = resolver
        self.events = events
        self.logger = logger
        self.clock = clock
        self.instrumentation = instrumentation
        self.http = HTTPClient(timeout: .milliseconds(Int64((max(0.001, requestTimeout) * 1000).rounded())))
        self.configurationError = Self.optionsError(functions)
        if let configurationError {
            logger.error("this app cannot be synced: \(configurationError.description)")
        }
    }

    /// Answers one request to the serve endpoint. Never throws: every failure is an HTTP response
    /// with a JSON body saying what went wrong.
    ///
    /// Nothing in the body is parsed before the request is admitted (`admit(_:to:)`): in cloud mode
    /// a missing, malformed, stale or wrong signature is answered 401 and an oversized body 413, on
    /// every method; in dev mode signatures are not checked at all.
    public func handle(_ request: ServeRequest) async -> ServeResponse {
        guard let route = ServeRoute(method: request.method, query: request.query) else {
            return respond(405, ["message": .string("method \(request.method.prefix(20)) is not allowed: the serve endpoint answers "
                                                    + "GET, PUT and POST")])
        }
        switch route {
        case .introspection: return introspect(request)
        case .sync: return await sync(request)
        case .probe: return probe(request)
        case .execution: return await execute(request)
        }
    }

    /// The same handler, reporting `name` as the web framework that serves it
    /// (`X-Inngest-Framework`, the sync payload and introspection), unless the configuration
    /// already names one. The adapters call it with `"hummingbird"` and `"vapor"`.
    /// - Parameter name: the framework's name, lowercase, as the official SDKs report theirs.
    /// - Returns: the handler with the name set.
    public func servedBy(framework name: String) -> InngestServeHandler {
        guard configuration.framework == nil else { return self }
        var handler = self
        handler.configuration.framework = name
        return handler
    }

    /// A JSON response with the SDK headers, signed when a key is configured.
    func respond(_ status: Int, _ json: JSONValue, headers extra: [(String, String)] = [], signWith key: SigningKey? = nil) -> ServeResponse {
        respond(status, bytes: json.jsonBytes, headers: extra, signWith: key)
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
