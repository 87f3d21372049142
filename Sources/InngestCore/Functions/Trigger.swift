/// What starts a function's runs, typed by the payload it delivers.
public struct Trigger<Input: Event>: Sendable {
    /// The untyped form, as registered with the engine or an Inngest server.
    public let definition: TriggerDefinition

    private init(_ definition: TriggerDefinition) { self.definition = definition }

    /// Runs once for every event of this type.
    public static func event(_ type: Input.Type) -> Trigger<Input> {
        Trigger(.event(name: Input.name))
    }
}

extension Trigger where Input == ScheduledRun {
    /// Runs on a schedule: five cron fields with an optional `TZ=Zone ` prefix, as Inngest accepts.
    /// The expression is checked at build time by the plugin and again at boot.
    public static func cron(_ expression: String) -> Trigger<ScheduledRun> {
        Trigger(.cron(expression))
    }
}

/// An untyped trigger: an event name or a cron expression.
public enum TriggerDefinition: Sendable, Hashable, CustomStringConvertible {
    /// Runs for each event with this name.
    case event(name: String)
    /// Runs on this cron schedule.
    case cron(String)

    /// `event order/placed` or `cron 0 * * * *`.
    public var description: String {
        switch self {
        case .event(let name): "event \(name)"
        case .cron(let expression): "cron \(expression)"
        }
    }
}
