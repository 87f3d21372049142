/// A call of a step tool found in a function body — `step.run(…)`, `step.sleep(…)`,
/// `step.sendEvent(…)`, `step.waitForEvent(…)`, `step.invoke(…)` (also `context.step.run(…)`) —
/// as written, with where it stands: its type and member, and the loops and branches around it.
public struct StepCallDecl: Hashable, Sendable {
    /// One arm of an `if … else`, a `switch` or a `#if` that encloses a call.
    public struct Branch: Hashable, Sendable {
        /// Which branch statement: the byte offset of its `if`, `switch` or `#if` in the file.
        public var group: Int
        /// Which of its arms, from 0.
        public var arm: Int

        /// Creates an arm.
        public init(group: Int, arm: Int) {
            self.group = group
            self.arm = arm
        }
    }

    /// The tool: `run`, `sleep`, `sendEvent`, `waitForEvent` or `invoke`.
    public var name: String
    /// The parenthesised argument list as written, `(` to `)`.
    public var arguments: SourceSpan
    /// The `#if` conditions in force, outermost first (the enclosing declaration's, then those
    /// inside the body).
    public var conditions: [String]
    /// Where the tool's name is.
    public var location: SourceLocation
    /// The step id, when the first argument is a plain string literal without interpolation;
    /// `nil` when it is computed (dynamic).
    public var literalId: String?
    /// Where the first argument starts.
    public var idLocation: SourceLocation?
    /// The type or extended type (as written, qualified when nested) whose member's body holds the
    /// call; `nil` at file scope.
    public var typeName: String?
    /// The member whose body holds the call: a method's name, `init`, or a property's name.
    public var memberName: String?
    /// The byte offset of the `{` opening the body that holds the call: calls of one file with the
    /// same offset are in one body.
    public var bodyOffset: Int = -1
    /// Whether the call is inside a loop of the member body: `for … in`, `while`, `repeat`, or a
    /// closure passed to `forEach`, `map`, `reduce` and the like.
    public var isInLoop: Bool
    /// The arms of the branches (`if`/`else`, `switch` cases, `#if` clauses) around the call,
    /// outermost first.
    public var branches: [Branch]

    /// Creates a call.
    public init(name: String, arguments: SourceSpan, conditions: [String] = [], location: SourceLocation,
                literalId: String? = nil, idLocation: SourceLocation? = nil, typeName: String? = nil, memberName: String? = nil,
                isInLoop: Bool = false, branches: [Branch] = []) {
        self.name = name
        self.arguments = arguments
        self.conditions = conditions
        self.location = location
        self.literalId = literalId
        self.idLocation = idLocation
        self.typeName = typeName
        self.memberName = memberName
        self.isInLoop = isInLoop
        self.branches = branches
    }

    /// Whether this call and `other` can never both run in one execution: they sit in different
    /// arms of one branch statement.
    public func excludes(_ other: StepCallDecl) -> Bool {
        branches.contains { mine in other.branches.contains { $0.group == mine.group && $0.arm != mine.arm } }
    }
}
