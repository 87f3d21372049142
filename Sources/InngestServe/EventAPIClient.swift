#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestCore

/// Sends events to Inngest's event API, `POST {eventApi}/e/{eventKey}`: the transport of an
/// `InngestClient` and of `step.sendEvent` when the app is served to an Inngest server.
///
/// Server errors (5xx) and network failures are retried with exponential backoff; a refusal (4xx)
/// is not. A retried send may deliver events twice unless they carry an `id`.
public struct EventAPIClient: EventSending {
    /// The event API origin.
    public let baseURL: URL
    /// The event key (`NO_EVENT_KEY_SET` against a dev server without one).
    public let eventKey: String
    /// The branch environment, sent as `X-Inngest-Env`.
    public let env: String?
    /// Attempts in all, at least 1.
    public let maxAttempts: Int
    /// The wait before the first retry; doubled for each further one.
    public let initialBackoff: Duration
    private let http: HTTPClient
    private let clock: any EngineClock

    /// The key the dev server accepts when none is configured.
    public static let devEventKey = "NO_EVENT_KEY_SET"

    /// Creates a client.
    /// - Parameters:
    ///   - baseURL: the event API origin.
    ///   - eventKey: the event key.
    ///   - env: the branch environment.
    ///   - maxAttempts: attempts in all (default 5).
    ///   - initialBackoff: the first retry's wait (default 200 ms).
    ///   - timeout: the longest wait, in seconds, for each step of an attempt: connecting, the TLS
    ///     handshake, each read and write.
    ///   - clock: the time source the backoff waits on.
    public init(baseURL: URL, eventKey: String, env: String? = nil, maxAttempts: Int = 5,
                initialBackoff: Duration = .milliseconds(200), timeout: TimeInterval = 30, clock: any EngineClock = SystemClock()) {
        self.baseURL = baseURL
        self.eventKey = eventKey
        self.env = env
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.http = HTTPClient(timeout: .milliseconds(Int64((max(0.001, timeout) * 1000).rounded())))
        self.clock = clock
    }

    /// Creates a client from a serve configuration: its event origin, key and environment.
    /// - Throws: `EventAPIError.missingEventKey` in cloud mode without an event key.
    public init(configuration: ServeConfiguration, maxAttempts: Int = 5, initialBackoff: Duration = .milliseconds(200),
                timeout: TimeInterval = 30, clock: any EngineClock = SystemClock()) throws(EventAPIError) {
        guard let key = configuration.eventKey ?? (configuration.mode == .dev ? Self.devEventKey : nil) else {
            throw EventAPIError.missingEventKey
        }
        self.init(baseURL: configuration.eventAPIBaseURL, eventKey: key, env: configuration.env, maxAttempts: maxAttempts,
                  initialBackoff: initialBackoff, timeout: timeout, clock: clock)
    }

    /// Sends events as one JSON array.
    /// - Returns: the ids Inngest assigned, in order.
    /// - Throws: `EventAPIError`; `CancellationError` when the task is cancelled while waiting to retry.
    public func send(_ events: [InngestEvent]) async throws -> [String] {
        guard !events.isEmpty else { return [] }
        let body: [UInt8]
        do {
            body = Array(try JSONCoding.encoder.encode(events))
        } catch {
            throw EventAPIError.invalidPayload("the events could not be encoded as JSON: \(error)")
        }
        // A path segment: what RFC 3986 allows in one (no "/").
        let key = eventKey.percentEncoded(keeping: "!$&'()*+,;=:@")
        guard let url = HTTPClient.url(baseURL, path: "/e/\(key)") else {
            throw EventAPIError.invalidPayload("the event API origin \(baseURL) cannot be joined with /e/<key>; check INNGEST_EVENT_API_BASE_URL")
        }
        var lastError = ""
        for attempt in 0..<maxAttempts {
            if attempt > 0 {
                let wait = initialBackoff * (1 << min(attempt - 1, 10))
                let (seconds, attoseconds) = wait.components
                await clock.sleep(until: clock.now().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18))
                try Task.checkCancellation()
            }
            let response: HTTPClient.Response
            do {
                response = try await http.send("POST", url, headers: HTTPClient.commonHeaders(env: env), body: body)
            } catch {
                lastError = "no response from \(url.host ?? "the event API"): \(error)"
                continue
            }
            let json = try? JSONValue(json: response.body, maximumDepth: 8)
            let ids = (try? json?["ids"]?.decode([String].self)) ?? nil
            switch response.status {
            case 200..<300:
                guard let ids else {
                    throw EventAPIError.invalidPayload("the event API answered HTTP \(response.status) without an \"ids\" array: "
                                                       + String(decoding: response.body.prefix(300), as: UTF8.self))
                }
                return ids
            case 500...:
                lastError = "HTTP \(response.status) " + String(decoding: response.body.prefix(300), as: UTF8.self)
            default:
                let message = json?["error"]?.stringValue ?? String(decoding: response.body.prefix(300), as: UTF8.self)
                throw EventAPIError.rejected(status: response.status, message: message, acceptedIds: ids ?? [])
            }
        }
        throw EventAPIError.unavailable(attempts: maxAttempts, lastError: lastError)
    }
}
