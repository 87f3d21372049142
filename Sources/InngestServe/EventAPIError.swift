/// A failed send to Inngest's event API: a `code` to branch on and a `description` that says what
/// to do. Nothing can be assumed sent unless `acceptedIds` says so. A struct rather than an enum, so
/// that new reasons can be added without breaking callers.
public struct EventAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// A short stable name, e.g. `rejected`.
        public let description: String
        private init(_ description: String) { self.description = description }

        /// Cloud mode without an event key.
        public static let missingEventKey = Code("missing_event_key")
        /// The event API refused the events (4xx); not retried.
        public static let rejected = Code("rejected")
        /// The event API kept failing (5xx or no response) after every attempt.
        public static let unavailable = Code("unavailable")
        /// The events could not be encoded, or the response was not the event API's JSON.
        public static let invalidPayload = Code("invalid_payload")
    }

    /// The kind of failure.
    public let code: Code
    /// What happened and what to do.
    public let description: String
    /// The HTTP status of a refusal.
    public let status: Int?
    /// The ids of the events the API accepted before refusing the rest.
    public let acceptedIds: [String]
    /// How many attempts were made, when the API was unavailable.
    public let attempts: Int?

    private init(_ code: Code, _ description: String, status: Int? = nil, acceptedIds: [String] = [], attempts: Int? = nil) {
        self.code = code
        self.description = description
        self.status = status
        self.acceptedIds = acceptedIds
        self.attempts = attempts
    }

    /// Cloud mode without an event key.
    public static let missingEventKey = EventAPIError(
        .missingEventKey, "no event key: set INNGEST_EVENT_KEY (from the Inngest dashboard, or the --event-key of `inngest start`), "
            + "or INNGEST_DEV=1 to send to the dev server")

    /// The event API refused the events (4xx).
    public static func rejected(status: Int, message: String, acceptedIds: [String]) -> EventAPIError {
        EventAPIError(.rejected, "the event API refused the events (HTTP \(status)): \(message); check the event key and the events",
                      status: status, acceptedIds: acceptedIds)
    }

    /// The event API kept failing after `attempts` attempts.
    public static func unavailable(attempts: Int, lastError: String) -> EventAPIError {
        EventAPIError(.unavailable, "the event API did not accept the events after \(attempts) attempts: \(lastError); check that Inngest "
                      + "is reachable (INNGEST_EVENT_API_BASE_URL / INNGEST_BASE_URL)", attempts: attempts)
    }

    /// The events could not be encoded, or the response was not the event API's JSON.
    public static func invalidPayload(_ message: String) -> EventAPIError {
        EventAPIError(.invalidPayload, message)
    }
}
