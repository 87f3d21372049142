/// What a handler receives besides its payload.
public struct Context: Sendable {
    /// The triggering event.
    public let event: InngestEvent
    /// All triggering events (several for batches; one otherwise).
    public let events: [InngestEvent]
    /// The run id.
    public let runId: String
    /// The function id.
    public let functionId: String
    /// 0-based attempt of the current step or body.
    public var attempt: Int { session.currentAttempt }
    /// The step tools.
    public let step: Step
    /// A logger whose records carry the run's metadata (`run`, `function`, `attempt`, and `step` in
    /// a step's body), silent while completed steps are replayed, so each line is written once.
    public let logger: InngestLogger

    let session: ExecutionSession

    init(functionId: String, session: ExecutionSession, logger: InngestLogger) {
        self.event = session.request.events.first ?? InngestEvent(name: "")
        self.events = session.request.events
        self.runId = session.request.runId
        self.functionId = functionId
        self.step = Step(session: session)
        self.session = session
        var logger = logger
        logger.run = RunLogContext(runId: session.request.runId, functionId: functionId, session: session)
        self.logger = logger
    }
}
