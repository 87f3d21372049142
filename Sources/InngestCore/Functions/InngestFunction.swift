/// A durable function, declared by conformance.
///
/// ```swift
/// struct ProcessOrder: InngestFunction {
///     static let id = "process-order"
///     static let trigger = Trigger.event(OrderPlaced.self)
///     static let options = FunctionOptions(retries: 3)
///     let payments: PaymentService            // injected through the generated wiring
///
///     func handle(_ order: OrderPlaced, context: Context) async throws -> String {
///         try await context.step.run("charge") { try await payments.charge(order) }
///     }
/// }
/// ```
/// The build plugin finds every conforming type in the target and registers it; its stored
/// properties (or the parameters of its only initialiser) are resolved from the module graph.
/// A handler instance is built for each execution and used by one task, so it need not be
/// `Sendable` (its services, shared between runs, must be).
public protocol InngestFunction: SendableMetatype {
    /// The payload type the trigger delivers: an `Event`, `ScheduledRun` for cron triggers, or a
    /// `TriggerPayload` enum for several triggers.
    associatedtype Input: TriggerPayload
    /// What the function returns: any `Encodable` type, or `Void`.
    associatedtype Output = Void

    /// The function id, unique in the app (Inngest's function slug).
    static var id: String { get }
    /// The display name. Defaults to the id.
    static var name: String { get }
    /// What starts a run.
    static var trigger: Trigger<Input> { get }
    /// Retries and other options. Defaults to `FunctionOptions()`.
    static var options: FunctionOptions { get }

    /// Runs the function. Called again after every suspension (sleep) or crash, with every completed
    /// step answered from its recorded result.
    func handle(_ input: Input, context: Context) async throws -> Output
}

extension InngestFunction {
    /// The id.
    public static var name: String { id }
    /// Default options.
    public static var options: FunctionOptions { FunctionOptions() }
}
