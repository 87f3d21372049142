/// Inngest's `cancelOn`: an event that cancels a function's unfinished runs (queued, sleeping,
/// waiting, or executing, which stop at their next step boundary).
///
/// ```swift
/// static let options = FunctionOptions(cancelOn: [.event(OrderCancelled.self, match: \.orderId)])
/// static let options = FunctionOptions(cancelOn: [.event(named: "user/deleted", if: "async.data.userId == event.data.userId",
///                                                        timeout: .days(7))])
/// ```
public struct CancelOn: Sendable, Hashable {
    /// The event name that cancels.
    public var event: String
    /// An expression over `event` (the run's triggering event) and `async` (the cancelling one)
    /// that must hold; `nil` cancels every unfinished run on any such event.
    public var condition: String?
    /// How long after a run starts the cancellation applies; `nil` for the whole run.
    public var timeout: Duration?

    /// Cancels on events of this name for which `condition` holds.
    /// - Parameters:
    ///   - name: the event name.
    ///   - condition: an expression over `event` and `async`.
    ///   - timeout: how long after the run starts the cancellation applies.
    public static func event(named name: String, if condition: String? = nil, timeout: Duration? = nil) -> CancelOn {
        CancelOn(event: name, condition: condition, timeout: timeout)
    }

    /// Cancels on events of type `E` whose field at `match` equals the run's event's
    /// (`event.data.<path> == async.data.<path>`), and for which `condition` holds.
    /// - Parameters:
    ///   - type: the cancelling event type.
    ///   - match: a stored property of both events' data, by name.
    ///   - condition: an expression over `event` and `async`.
    ///   - timeout: how long after the run starts the cancellation applies.
    public static func event<E: Event>(_ type: E.Type, match: PartialKeyPath<E>? = nil, if condition: String? = nil,
                                       timeout: Duration? = nil) -> CancelOn {
        var combined = condition
        if let match {
            // A path that is not a stored property makes an expression that does not parse, refused at boot.
            let path = Step.propertyPath(match) ?? "<\(match) is not a stored property>"
            let equality = "event.data.\(path) == async.data.\(path)"
            combined = condition.map { "\(equality) && (\($0))" } ?? equality
        }
        return CancelOn(event: E.name, condition: combined, timeout: timeout)
    }
}
