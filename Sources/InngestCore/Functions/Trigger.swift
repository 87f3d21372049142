/// What starts a function's runs, typed by the payload the handler receives: an event (with an
/// optional `if` filter), a cron schedule, or several of them.
///
/// ```swift
/// static let trigger = Trigger.event(OrderPlaced.self)
/// static let trigger = Trigger.event(OrderPlaced.self, if: "event.data.totalCents > 10000")
/// static let trigger = Trigger.cron("TZ=Europe/Paris 0 2 * * *")
/// // Several events: the payload is an enum (`TriggerPayload`) with a case for each.
/// static let trigger = Trigger<CheckoutEvent>.anyOf(.event(OrderPlaced.self), .event(CartAbandoned.self, if: "event.data.cents > 0"))
/// ```
public struct Trigger<Input: TriggerPayload>: Sendable {
    /// The untyped triggers, as registered with the engine or an Inngest server.
    public let definitions: [TriggerDefinition]

    private init(_ definitions: [TriggerDefinition]) { self.definitions = definitions }

    /// Runs for every event of this type, or only those for which `expression` holds.
    /// - Parameters:
    ///   - type: the event type, which is the payload.
    ///   - expression: an Inngest expression over `event`, e.g. `event.data.plan == "pro"`.
    public static func event(_ type: Input.Type, if expression: String? = nil) -> Trigger<Input> where Input: Event {
        Trigger([.event(name: Input.name, if: expression)])
    }

    /// Runs for every event of type `E` (or those for which `expression` holds), delivered to a
    /// payload that is not `E` itself: one case of a payload enum.
    /// - Parameters:
    ///   - type: the event type.
    ///   - expression: an Inngest expression over `event`.
    public static func event<E: Event>(_ type: E.Type, if expression: String? = nil) -> Trigger<Input> {
        Trigger([.event(name: E.name, if: expression)])
    }

    /// Runs for every event of this name (untyped: the payload decodes it).
    /// - Parameters:
    ///   - name: the event name.
    ///   - expression: an Inngest expression over `event`.
    public static func event(named name: String, if expression: String? = nil) -> Trigger<Input> {
        Trigger([.event(name: name, if: expression)])
    }

    /// Runs on a schedule, delivering `ScheduledRun` (Inngest's `inngest/scheduled.timer`) to a
    /// payload that accepts it. See `cron(_:)` for the expression.
    /// - Parameter expression: five cron fields with an optional `TZ=Zone ` prefix.
    public static func cron(_ expression: String) -> Trigger<Input> {
        Trigger([.cron(expression)])
    }

    /// Runs for any of `triggers`.
    /// - Parameter triggers: event and cron triggers; at least one.
    public static func anyOf(_ triggers: Trigger<Input>...) -> Trigger<Input> {
        Trigger(triggers.flatMap(\.definitions))
    }
}

extension Trigger where Input == ScheduledRun {
    /// Runs on a schedule: five cron fields with an optional `TZ=Zone ` prefix, as Inngest accepts.
    /// The expression is checked at build time by the plugin and again at boot.
    public static func cron(_ expression: String) -> Trigger<ScheduledRun> {
        Trigger([.cron(expression)])
    }
}

/// An untyped trigger: an event name with an optional filter, or a cron expression.
public enum TriggerDefinition: Sendable, Hashable, CustomStringConvertible {
    /// Runs for each event with this name for which the expression (over `event`) holds, or for
    /// each when it is `nil`.
    case event(name: String, if: String?)
    /// Runs on this cron schedule.
    case cron(String)

    /// Runs for each event with this name.
    public static func event(name: String) -> TriggerDefinition { .event(name: name, if: nil) }

    /// `event order/placed`, `event order/placed if …` or `cron 0 * * * *`.
    public var description: String {
        switch self {
        case .event(let name, let expression?): "event \(name) if \(expression)"
        case .event(let name, nil): "event \(name)"
        case .cron(let expression): "cron \(expression)"
        }
    }
}
