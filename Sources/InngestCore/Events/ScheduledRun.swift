/// The payload of a cron-triggered run: Inngest's `inngest/scheduled.timer` event.
public struct ScheduledRun: Event {
    /// `inngest/scheduled.timer`.
    public static let name = "inngest/scheduled.timer"
    /// The cron expression that fired.
    public var cron: String

    /// Creates a payload for the expression that fired.
    public init(cron: String) { self.cron = cron }
}
