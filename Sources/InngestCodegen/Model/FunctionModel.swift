/// A function.
public struct FunctionModel: Sendable, Hashable {
    /// How the function is declared.
    public enum Declaration: Sendable, Hashable {
        /// A type conforming to `InngestFunction`.
        case conformance
        /// A type with a function marker: the generator adds the conformance.
        case markedType
        /// A method with a function marker on an injectable type: the generator adds a wrapper.
        case markedMethod(MethodModel)
    }

    /// The function id, when written as a literal.
    public var id: String?
    /// A display name from the marker.
    public var name: String?
    /// The Swift type (the owner type for methods).
    public var typeName: String
    /// How it is declared.
    public var declaration: Declaration
    /// Its triggers, as far as they could be read.
    public var triggers: [TriggerModel]
    /// Whether `triggers` is every trigger (a conformance's `trigger` may be computed).
    public var triggersAreComplete: Bool
    /// Retries from the marker or a literal `FunctionOptions(retries:)`.
    public var retries: Int?
    /// Start and finish timeouts, as far as they could be read.
    public var timeouts: TimeoutsModel?
    /// `cancelOn` entries, as far as they could be read.
    public var cancels: [CancelModel]
    /// Flow-control options (concurrency, throttle, …), as far as they could be read.
    public var flowControl: FlowControlModel
    /// A marker's `onFailure:` method, on the function type (or the marked method's owner).
    public var failureHandler: MethodModel?
    /// The payload type the handler's signature names, when the scanner found it: a marked
    /// method's payload parameter, or the first parameter of a marked type's `handle`.
    public var handlerPayload: String?
    /// The payload type the handler receives (marker functions; conformances state it themselves).
    public var input: String?
    /// The payload enum the generator writes for it, if any.
    public var payloadEnum: PayloadEnumModel?
    /// How to construct the handler (or the method's owner).
    public var initializer: InitializerModel
    /// The type's access level keyword.
    public var accessLevel: String?
    /// Where it is declared (the type, or the method).
    public var location: SourceLocation
    /// Where the id is written (marker argument or `static let id`), for messages.
    public var idLocation: SourceLocation
    /// Enclosing `#if` conditions.
    public var conditions: [String]
    /// The step tool calls of its code, in source order: a marked method's body; for a type, the
    /// bodies of its members, its extensions' included. Calls under `#if false` are left out.
    public var stepCalls: [StepCallDecl] = []
    /// The `send(…)`/`sendEvent(…)` calls of the same code, with the events they name.
    public var sends: [SendModel] = []

    /// Creates a function with nothing but its identity and location; the readers fill in the rest.
    public init(id: String?, name: String? = nil, typeName: String, declaration: Declaration, location: SourceLocation,
                idLocation: SourceLocation) {
        self.id = id
        self.name = name
        self.typeName = typeName
        self.declaration = declaration
        self.triggers = []
        self.triggersAreComplete = false
        self.retries = nil
        self.timeouts = nil
        self.cancels = []
        self.flowControl = FlowControlModel()
        self.failureHandler = nil
        self.handlerPayload = nil
        self.input = nil
        self.payloadEnum = nil
        self.initializer = InitializerModel(dependencies: [], isAsync: false, isThrows: false)
        self.accessLevel = nil
        self.location = location
        self.idLocation = idLocation
        self.conditions = []
    }

    /// The id for messages: the id, or the type name.
    public var displayId: String { id ?? typeName }
}

/// A method declared as a function by marker, or named by a marker's `onFailure:`.
public struct MethodModel: Sendable, Hashable {
    /// The method name.
    public var name: String
    /// Its parameters: at most one payload (or failure) parameter and one `Context`.
    public var parameters: [MethodParameter]
    /// `async`.
    public var isAsync: Bool
    /// `throws`.
    public var isThrows: Bool
    /// The return type; `nil` for `Void`.
    public var returnType: String?

    /// The type of the payload (or failure) parameter, if there is one.
    public var payloadType: String? {
        parameters.first { $0.role != .context }?.type
    }
}

/// A parameter of a marked method.
public struct MethodParameter: Sendable, Hashable {
    /// What the wrapper passes.
    public enum Role: Sendable, Hashable {
        /// The event payload.
        case payload
        /// The `FunctionFailure` of a failure handler.
        case failure
        /// The `Context`.
        case context
    }

    /// The external label; `nil` for `_`.
    public var label: String?
    /// The type as written.
    public var type: String
    /// What it receives.
    public var role: Role
}
