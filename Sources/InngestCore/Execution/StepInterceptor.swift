import InngestDI

/// How the test engine steps into executions: it runs (or replaces) step bodies, and hears what
/// suspending steps resolved to and what was sent. Production never installs one; the executor
/// reads it from ``StepInterception/current``, a task-local that the test engine sets around the
/// engine's work, so executions of other tests and apps are untouched.
package protocol StepInterceptor: Sendable {
    /// Whether a sleep, wait or invoke is replaced: it then runs as a `step.run` whose body is
    /// ``execute(_:body:)``'s replacement, and is recorded as one.
    func replaces(functionId: String, runId: String, stepId: String) -> Bool
    /// Executes one attempt of a new step: calls `body`, or replaces it (a mock's value, or its
    /// error, which goes through retries as the body's would). A `CancellationError` stops the run
    /// there without recording anything.
    func execute(_ step: InterceptedStep, body: () async throws -> JSONValue) async throws -> JSONValue
    /// A sleep, wait or invoke was reached: `result` is its recorded value, or `nil` when it was
    /// just reported (the run suspends). Called on every replay too.
    func suspended(_ step: InterceptedStep, result: JSONValue?)
    /// Events were accepted on behalf of a run (`step.sendEvent`, or `InngestClient.send` from a
    /// handler or a service it called).
    func sent(_ events: [InngestEvent], runId: String?, stepId: String?)
}

/// Where the executor finds the test engine's ``StepInterceptor``.
package enum StepInterception {
    /// The interceptor of the current task tree, if a test engine installed one.
    @TaskLocal package static var current: (any StepInterceptor)?

    /// The run the current task executes, when it executes one.
    package static var currentRunId: String? { (RunScope.current?.attachment as? RunIdentity)?.runId }
}
