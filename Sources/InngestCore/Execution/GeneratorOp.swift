/// One op of a generator response (HTTP 206), shaped exactly as Inngest's server and conformance
/// runner expect: `data: null` is present on ops without data, `opts` only when set.
public struct GeneratorOp: Sendable, Hashable {
    /// The op code.
    public var op: Opcode
    /// The hashed step id (SHA-1 hex, `id:N` for repeats).
    public var id: String
    /// The step id as written by the user.
    public var name: String
    /// What UIs show; the user id.
    public var displayName: String
    /// Op options, e.g. `{"duration": "30s"}` for `Sleep`, `{"type": "step.sendEvent"}`.
    public var opts: JSONValue?
    /// Output of a `StepRun`.
    public var data: JSONValue?
    /// Error of a `StepError`/`StepFailed`.
    public var error: SerializedError?

    /// Creates an op.
    public init(op: Opcode, id: String, name: String, opts: JSONValue? = nil, data: JSONValue? = nil,
                error: SerializedError? = nil) {
        self.op = op
        self.id = id
        self.name = name
        self.displayName = name
        self.opts = opts
        self.data = data
        self.error = error
    }
}

extension GeneratorOp: Codable {
    private enum Keys: String, CodingKey { case op, id, name, displayName, opts, data, error }

    /// Decodes an op.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        op = try container.decode(Opcode.self, forKey: .op)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        displayName = try container.decodeIfPresent(String.self, forKey: .displayName) ?? name
        opts = try container.decodeIfPresent(JSONValue.self, forKey: .opts)
        data = try container.decodeIfPresent(JSONValue.self, forKey: .data)
        error = try container.decodeIfPresent(SerializedError.self, forKey: .error)
    }

    /// Encodes the op: `data` is always present (`null` when absent), `opts` and `error` only when set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(op, forKey: .op)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(displayName, forKey: .displayName)
        try container.encodeIfPresent(opts, forKey: .opts)
        try container.encode(data ?? .null, forKey: .data)
        try container.encodeIfPresent(error, forKey: .error)
    }
}
