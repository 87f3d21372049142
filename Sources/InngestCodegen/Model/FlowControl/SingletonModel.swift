/// A function's `singleton`: one run at a time per key value; a new one is skipped or cancels it.
public struct SingletonModel: Sendable, Hashable {
    /// The modes Inngest knows.
    public static let modes = ["skip", "cancel"]

    /// The key expression; `nil` when there is none (one run of the function at a time).
    public var key: FlowKeyModel?
    /// `skip` or `cancel`; `nil` when not a literal.
    public var mode: String?
    /// Where `singleton` is written.
    public var location: SourceLocation

    /// Creates a singleton model.
    public init(key: FlowKeyModel?, mode: String?, location: SourceLocation) {
        self.key = key
        self.mode = mode
        self.location = location
    }
}
