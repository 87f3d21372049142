/// An error as Inngest serialises it: `{"name", "message", "stack"?}`.
public struct SerializedError: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The error's type name, e.g. `PaymentDeclined`.
    public var name: String
    /// The error's message.
    public var message: String
    /// A stack or other detail, when known.
    public var stack: String?

    /// Creates a serialised error.
    public init(name: String, message: String, stack: String? = nil) {
        self.name = name
        self.message = message
        self.stack = stack
    }

    /// Serialises any Swift error: its type name and its description.
    public init(_ error: any Error) {
        switch error {
        case let error as StepError:
            self = error.error
        case let error as NonRetriableError:
            self.init(name: "NonRetriableError", message: error.message)
        case let error as RetryAfterError:
            self.init(name: "RetryAfterError", message: error.message)
        default:
            self.init(name: String(describing: type(of: error)), message: String(describing: error))
        }
    }

    /// Reads `{"name", "message", "stack"?}`; `nil` unless `name` and `message` are strings. Other
    /// fields (`cause`, Python's `code`, JS's `__serialized`) are ignored.
    public init?(json: JSONValue) {
        guard case .string(let name)? = json["name"], case .string(let message)? = json["message"] else { return nil }
        self.init(name: name, message: message, stack: json["stack"]?.stringValue)
    }

    /// The error as a JSON object.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["name": .string(name), "message": .string(message)]
        if let stack { members["stack"] = .string(stack) }
        return .object(members)
    }

    /// `Name: message`.
    public var description: String { "\(name): \(message)" }
}
