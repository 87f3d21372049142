/// The recorded state of one step, in Inngest's memo formats (the `steps` map of an execution request).
public enum StepMemo: Sendable, Hashable {
    /// `{"data": …}`: a successful `step.run`, `sendEvent` or `invoke`.
    case data(JSONValue)
    /// `{"error": …}`: a step that failed for good.
    case error(SerializedError)
    /// Any other value: `null` for a completed sleep or a timed-out wait, an event for a matched wait.
    case value(JSONValue)
}

extension StepMemo: Codable {
    private enum Keys: String, CodingKey { case data, error }

    /// Decodes Inngest's memo forms: an object with only `data`, only `error`, or anything else.
    public init(from decoder: any Decoder) throws {
        let raw = try JSONValue(from: decoder)
        if case .object(let members) = raw, members.count == 1 {
            if let data = members["data"] {
                self = .data(data)
                return
            }
            if let error = members["error"], let decoded = try? error.decode(SerializedError.self) {
                self = .error(decoded)
                return
            }
        }
        self = .value(raw)
    }

    /// Encodes as Inngest stores it.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .data(let value): try JSONValue.object(["data": value]).encode(to: encoder)
        case .error(let error): try JSONValue.object(["error": try JSONValue(encoding: error)]).encode(to: encoder)
        case .value(let value): try value.encode(to: encoder)
        }
    }
}
