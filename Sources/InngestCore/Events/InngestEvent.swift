import Foundation

/// The event envelope, exactly as Inngest defines it: `name`, `data`, `id`, `ts`, `user`, `v`.
///
/// `id` is an idempotency key: a second event with the same id within 24 hours is accepted but
/// triggers nothing. `ts` is milliseconds since the epoch; a time in the future delays the runs the
/// event triggers until then.
public struct InngestEvent: Codable, Sendable, Hashable {
    /// The event name.
    public var name: String
    /// The payload, a JSON object.
    public var data: JSONValue
    /// Idempotency key, or the id assigned when the event was accepted.
    public var id: String?
    /// Milliseconds since the epoch.
    public var ts: Int64?
    /// User context (deprecated by Inngest, still carried).
    public var user: JSONValue?
    /// Payload schema version.
    public var v: String?

    /// Creates an envelope.
    public init(name: String, data: JSONValue = .object([:]), id: String? = nil, ts: Int64? = nil,
                user: JSONValue? = nil, v: String? = nil) {
        self.name = name
        self.data = data
        self.id = id
        self.ts = ts
        self.user = user
        self.v = v
    }

    /// Creates an envelope for a typed event with the options of Inngest's `send`.
    /// - Parameters:
    ///   - event: the payload.
    ///   - id: idempotency key.
    ///   - at: deliver later: runs triggered by the event start no earlier than this.
    ///   - user: user context.
    /// - Throws: an encoding error when the payload cannot be represented as JSON.
    public init(_ event: some EventConvertible, id: String? = nil, at: Date? = nil, user: JSONValue? = nil) throws {
        self = try event.eventEnvelope()
        if let id { self.id = id }
        if let at { self.ts = Int64((at.timeIntervalSince1970 * 1000).rounded()) }
        if let user { self.user = user }
    }

    /// Decodes the payload into an event type.
    /// - Throws: `EventDecodingError` when the payload does not match the type.
    public func payload<E: Decodable>(as type: E.Type) throws -> E {
        do {
            return try data.decode(E.self)
        } catch {
            throw EventDecodingError(eventName: name, type: String(describing: E.self), underlying: "\(error)")
        }
    }

    /// Checks the envelope as Inngest's event API does.
    /// - Throws: `InvalidEventError` naming the problem.
    public func validate() throws {
        if name.isEmpty { throw InvalidEventError("event name is empty; give every event a name such as \"app/user.created\"") }
        if name.utf8.count > 255 { throw InvalidEventError("event name is longer than 255 bytes") }
        guard case .object = data else {
            throw InvalidEventError("event \(name): data must be a JSON object, not \(data.jsonString.prefix(40))")
        }
        if let id, id.utf8.count > 255 { throw InvalidEventError("event \(name): id is longer than 255 bytes") }
        let size = encodedSize
        if size > Self.maximumSize {
            throw InvalidEventError("event \(name) is \(size) bytes as JSON; Inngest accepts at most \(Self.maximumSize) (512 KiB). "
                                    + "Store large payloads elsewhere and send a reference.")
        }
    }

    /// Inngest's default limit on one event's JSON size.
    public static let maximumSize = 512 * 1024

    /// The size of the envelope as JSON, in bytes.
    var encodedSize: Int { (try? JSONCoding.encoder.encode(self).count) ?? 0 }
}

/// An event envelope that Inngest would refuse.
public struct InvalidEventError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// An event payload that does not decode into the type a handler expects. Never retried.
public struct EventDecodingError: Error, Sendable, CustomStringConvertible {
    /// The event name.
    public let eventName: String
    /// The Swift type it was decoded into.
    public let type: String
    /// The decoder's message.
    public let underlying: String
    /// A readable message.
    public var description: String {
        "event \(eventName) does not decode into \(type): \(underlying). Fix the sender or the payload type; this run will not be retried."
    }
}
