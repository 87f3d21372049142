#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// - Throws: an encoding error when the payload cannot be represented as JSON; `InvalidEventError`
    ///   when `at` is outside the times an event may carry (see `timestamp(of:)`).
    public init(_ event: some EventConvertible, id: String? = nil, at: Date? = nil, user: JSONValue? = nil) throws {
        self = try event.eventEnvelope()
        if let id { self.id = id }
        if let at { self.ts = try Self.timestamp(of: at) }
        if let user { self.user = user }
    }

    /// The latest `ts` an event may carry: 9999-12-31T23:59:59.999Z, in milliseconds.
    public static let latestTimestamp: Int64 = 253_402_300_799_999

    /// How far in the future an event's `ts` may delay its runs: 366 days, as for a sleep.
    public static let maximumDelay: Duration = .seconds(366 * 86_400)

    /// A date as an event timestamp, milliseconds since the epoch.
    /// - Throws: `InvalidEventError` for NaN, infinite dates and dates outside 1970 … 9999.
    public static func timestamp(of date: Date) throws(InvalidEventError) -> Int64 {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite, milliseconds >= 0, milliseconds <= Double(latestTimestamp) else {
            throw InvalidEventError("the event time \(date.timeIntervalSince1970) s since 1970 is outside the times an event may carry "
                                    + "(1970-01-01 … 9999-12-31)")
        }
        return Int64(milliseconds)
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

    /// Checks the envelope as Inngest's event API does, and refuses what could not be stored and read
    /// back exactly.
    /// - Parameter now: the current time, when known: a `ts` more than `maximumDelay` ahead of it is
    ///   refused (the runs would wait longer than any sleep may).
    /// - Throws: `InvalidEventError` naming the problem.
    public func validate(now: Date? = nil) throws(InvalidEventError) {
        if name.isEmpty { throw InvalidEventError("event name is empty; give every event a name such as \"app/user.created\"") }
        if name.utf8.count > 255 { throw InvalidEventError("event name is longer than 255 bytes") }
        if let problem = Self.controlCharacter(in: name) {
            throw InvalidEventError("event name \(name.debugDescription) contains \(problem); names are printable text")
        }
        guard case .object = data else {
            throw InvalidEventError("event \(name): data must be a JSON object, not \(data.jsonString.prefix(40))")
        }
        if let id {
            if id.isEmpty { throw InvalidEventError("event \(name): id is empty; leave it out to have one assigned") }
            if id.utf8.count > 255 { throw InvalidEventError("event \(name): id is longer than 255 bytes") }
            if let problem = Self.controlCharacter(in: id) {
                throw InvalidEventError("event \(name): id \(id.debugDescription) contains \(problem); ids are printable text")
            }
        }
        if let v, let problem = Self.controlCharacter(in: v) {
            throw InvalidEventError("event \(name): v \(v.debugDescription) contains \(problem)")
        }
        if let ts {
            guard ts >= 0, ts <= Self.latestTimestamp else {
                throw InvalidEventError("event \(name): ts \(ts) is outside 0 … \(Self.latestTimestamp) (1970-01-01 … 9999-12-31, in milliseconds)")
            }
            if let now {
                let latest = (now.timeIntervalSince1970 + 366 * 86_400) * 1000
                if Double(ts) > latest {
                    throw InvalidEventError("event \(name): ts \(ts) is more than 366 days in the future; an event can delay its runs "
                                            + "at most as long as a sleep (366 days)")
                }
            }
        }
        if let problem = data.payloadProblem(path: "data") { throw InvalidEventError("event \(name): \(problem)") }
        if let user, let problem = user.payloadProblem(path: "user") { throw InvalidEventError("event \(name): \(problem)") }
        let size = encodedSize
        if size > Self.maximumSize {
            throw InvalidEventError("event \(name) is \(size) bytes as JSON; Inngest accepts at most \(Self.maximumSize) (512 KiB). "
                                    + "Store large payloads elsewhere and send a reference.")
        }
    }

    /// Inngest's default limit on one event's JSON size.
    public static let maximumSize = 512 * 1024

    /// The size of the envelope as JSON, in bytes.
    var encodedSize: Int { (JSONWriter.write(jsonValue) ?? []).count }

    private static func controlCharacter(in text: String) -> String? {
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F {
            return scalar.value == 0 ? "a NUL character" : "the control character U+\(String(scalar.value, radix: 16, uppercase: true))"
        }
        return nil
    }
}

extension InngestEvent {
    /// The envelope as a JSON object, with only the fields that are set.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["name": .string(name), "data": data]
        if let id { members["id"] = .string(id) }
        if let ts { members["ts"] = .integer(ts) }
        if let user { members["user"] = user }
        if let v { members["v"] = .string(v) }
        return .object(members)
    }

    /// Reads an envelope from its JSON object, as Inngest's server and the engine's store write it:
    /// `name` is required; `data` defaults to `{}`; unknown fields are ignored.
    /// - Throws: `InvalidEventError` when the value is not an event envelope.
    public init(json: JSONValue) throws(InvalidEventError) {
        guard case .object(let members) = json else {
            throw InvalidEventError("an event must be a JSON object, not \(json.jsonString.prefix(40))")
        }
        guard case .string(let name)? = members["name"] else { throw InvalidEventError("an event needs a string \"name\"") }
        func text(_ key: String) throws(InvalidEventError) -> String? {
            switch members[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            case let other?: throw InvalidEventError("event \(name): \(key) must be a string, not \(other.jsonString.prefix(40))")
            }
        }
        var ts: Int64?
        switch members["ts"] {
        case nil, .null?: ts = nil
        case .integer(let value)?: ts = value
        case .double(let value)? where value.rounded() == value && abs(value) < 9e15: ts = Int64(value)
        case let other?: throw InvalidEventError("event \(name): ts must be milliseconds since 1970, not \(other.jsonString.prefix(40))")
        }
        let data = members["data"].flatMap { $0 == .null ? nil : $0 } ?? .object([:])
        self.init(name: name, data: data, id: try text("id"), ts: ts, user: members["user"].flatMap { $0 == .null ? nil : $0 },
                  v: try text("v"))
    }
}

/// An event envelope that Inngest would refuse.
public struct InvalidEventError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let description: String
    package init(_ description: String) { self.description = description }
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
