import InngestDI

/// Which run an invocation belongs to: injectable into run-scoped providers (and handlers), like
/// a request object in a request-scoped NestJS provider.
///
/// ```swift
/// // @inngest.injectable(scope: run)
/// final class AuditTrail: Sendable {
///     init(run: RunIdentity, log: InngestLogger) { … "run \(run.runId), attempt \(run.attempt)" … }
/// }
/// ```
///
/// It is provided in every module, with run scope: a singleton that needs it must take
/// `Provider<RunIdentity>` (the scope rule), and resolving it outside a run fails.
public struct RunIdentity: Sendable, Hashable {
    /// The run's id (a ULID).
    public let runId: String
    /// The id of the function being run.
    public let functionId: String
    /// The attempt, from 0: it grows with each retry of the step being run.
    public let attempt: Int
    /// The app's id.
    public let appId: String

    /// Creates an identity (tests construct one to build run-scoped types by hand).
    public init(runId: String, functionId: String, attempt: Int, appId: String) {
        self.runId = runId
        self.functionId = functionId
        self.attempt = attempt
        self.appId = appId
    }

    /// The framework's provider of the current run's identity, registered by `InngestApp.boot`.
    package static let provider = ProviderDescriptor(
        RunIdentity.self, scope: .run, consumer: "RunIdentity (the current run, provided by the framework)",
        construct: { _ in try current() }, factory: { _ in try current() }
    )

    private static func current() throws -> RunIdentity {
        guard let identity = RunScope.current?.attachment as? RunIdentity else {
            throw RunIdentityUnavailableError()
        }
        return identity
    }
}

/// `RunIdentity` was resolved in a run scope that no function invocation opened.
public struct RunIdentityUnavailableError: Error, CustomStringConvertible {
    /// What happened and what to do.
    public var description: String {
        "RunIdentity is only available while a function runs: resolve it from a run-scoped provider or a handler"
    }
}
