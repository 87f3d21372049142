/// A failed send to Inngest's event API. Nothing can be assumed sent unless `acceptedIds` says so.
public enum EventAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Cloud mode without an event key.
    case missingEventKey
    /// The event API refused the events (4xx); not retried.
    case rejected(status: Int, message: String, acceptedIds: [String])
    /// The event API kept failing (5xx or no response) after every attempt.
    case unavailable(attempts: Int, lastError: String)
    /// The events could not be encoded, or the response was not the event API's JSON.
    case invalidPayload(String)

    /// What happened and what to do.
    public var description: String {
        switch self {
        case .missingEventKey:
            "no event key: set INNGEST_EVENT_KEY (from the Inngest dashboard, or the --event-key of `inngest start`), "
                + "or INNGEST_DEV=1 to send to the dev server"
        case .rejected(let status, let message, _):
            "the event API refused the events (HTTP \(status)): \(message); check the event key and the events"
        case .unavailable(let attempts, let lastError):
            "the event API did not accept the events after \(attempts) attempts: \(lastError); check that Inngest is reachable "
                + "(INNGEST_EVENT_API_BASE_URL / INNGEST_BASE_URL)"
        case .invalidPayload(let message):
            message
        }
    }
}
