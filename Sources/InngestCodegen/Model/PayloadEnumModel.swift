/// The payload enum the generator writes for a marker function whose triggers deliver more than
/// one payload type: a case per event type (named after it) and `cron(ScheduledRun)` for cron
/// triggers, decoded from the triggering event's name.
public struct PayloadEnumModel: Sendable, Hashable {
    /// One case.
    public struct Case: Sendable, Hashable {
        /// The case name: `orderPlaced`, or `cron`.
        public var name: String
        /// The payload type: an event type, or `ScheduledRun`.
        public var type: String
    }

    /// The type it is nested in: the function type, or a marked method's owner.
    public var parent: String
    /// Its name inside `parent`: `Payload`, or `<Method>Payload` for a method.
    public var name: String
    /// The cases, in trigger order.
    public var cases: [Case]

    /// Creates the model.
    public init(parent: String, name: String, cases: [Case]) {
        self.parent = parent
        self.name = name
        self.cases = cases
    }

    /// The qualified name, `Checkout.Payload`.
    public var qualifiedName: String { "\(parent).\(name)" }
}
