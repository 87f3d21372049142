/// The recorded state of one step, in Inngest's memo formats (the `steps` map of an execution request).
public enum StepMemo: Sendable, Hashable {
    /// `{"data": …}`: a successful `step.run`, `sendEvent` or `invoke`.
    case data(JSONValue)
    /// `{"error": …}`: a step that failed for good.
    case error(SerializedError)
    /// Any other value: `null` for a completed sleep or a timed-out wait, an event for a matched wait.
    case value(JSONValue)
    /// `{"input": […]}`: not a result but a step to run again with these arguments instead of the
    /// ones the code passes (Inngest's "rerun step with new input"; `step.run(_:input:_:)`).
    case input([JSONValue])
}

extension StepMemo {
    /// Reads Inngest's memo forms: an object with only `data`, only `error` (a serialised error), only
    /// `input` (an array of arguments), or anything else.
    public init(json: JSONValue) {
        if case .object(let members) = json, members.count == 1 {
            if let data = members["data"] {
                self = .data(data)
                return
            }
            if let error = members["error"], let decoded = SerializedError(json: error) {
                self = .error(decoded)
                return
            }
            if case .array(let arguments)? = members["input"] {
                self = .input(arguments)
                return
            }
        }
        self = .value(json)
    }

    /// Reads a memo from its JSON text, as `init(json:)` reads the parsed value; the compact
    /// `{"data":…}` the engine writes is read without building the object around the value.
    /// - Throws: `JSONSyntaxError` for text that is not JSON.
    package init(jsonText text: String, maximumDepth: Int = JSONValue.maximumDepth) throws(JSONSyntaxError) {
        var text = text
        let data = text.withUTF8 { JSONParser.dataMember($0, maximumDepth: maximumDepth) }
        if let data {
            self = .data(data)
        } else {
            self.init(json: try JSONValue(json: text.utf8, maximumDepth: maximumDepth))
        }
    }

    /// The memo as Inngest stores it.
    public var jsonValue: JSONValue {
        switch self {
        case .data(let value): .object(["data": value])
        case .error(let error): .object(["error": error.jsonValue])
        case .value(let value): value
        case .input(let arguments): .object(["input": .array(arguments)])
        }
    }
}

extension StepMemo: Codable {
    /// Decodes Inngest's memo forms: an object with only `data`, only `error`, only `input`, or anything else.
    public init(from decoder: any Decoder) throws {
        self.init(json: try JSONValue(from: decoder))
    }

    /// Encodes as Inngest stores it.
    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}
