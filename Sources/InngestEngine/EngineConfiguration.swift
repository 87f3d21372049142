import InngestCore

/// Settings of the embedded engine.
public struct EngineConfiguration: Sendable {
    /// The SQLite file; its directory is created if needed. `":memory:"` keeps nothing on disk.
    public var databasePath: String
    /// The app id: `step.invoke` names this app's functions `<appId>-<function id>`, as Inngest
    /// does. `InngestApp.boot` sets it from `InngestConfiguration.appId`.
    public var appId: String
    /// How many runs execute at once.
    public var concurrency: Int
    /// Backoff between retries.
    public var retryPolicy: RetryPolicy
    /// The engine's logger; handlers get it with run metadata as `context.logger`.
    public var logger: InngestLogger
    /// Called for every timeline entry as it is recorded (live progress output).
    public var observer: (@Sendable (RunObservation) -> Void)?
    /// How long a run this engine executes stays leased to it without renewal (it renews every
    /// third of it). Another process on the same database takes a run over only once its lease
    /// expired, or at once when the process holding it is gone. At least 1 s.
    public var leaseDuration: Duration
    /// How long finished runs (with their steps and timelines) and the events no unfinished run
    /// needs are kept; `nil` keeps everything. At least one day (event ids deduplicate for 24 h).
    /// The running engine prunes once an hour; `EmbeddedEngine.prune()` does it at once.
    public var retention: Duration?
    /// When commits reach the disk: `.full` (every commit fsynced, the default) or `.normal`.
    public var durability: Durability
    /// Told about each execution, step body, finished run and queue measurement, here and in the
    /// serve handler (metrics, tracing); `nil` (the default) costs nothing. With the `Metrics` or
    /// `Tracing` trait, `InngestConfiguration` sets it to emit through swift-metrics and
    /// swift-distributed-tracing.
    public var instrumentation: (any RunInstrumentation)?

    /// Creates a configuration.
    /// - Parameters:
    ///   - databasePath: the SQLite file (default `.inngest/inngest.sqlite` in the working directory).
    ///   - appId: the app id.
    ///   - concurrency: runs executing at once, at least 1 (default 256: a run waiting on I/O or on
    ///     the disk costs a task, and more runs in flight share each fsync).
    ///   - retryPolicy: backoff between retries.
    ///   - logger: the logger.
    ///   - observer: receives timeline entries as they are recorded.
    ///   - leaseDuration: how long a run stays leased to this engine without renewal.
    ///   - retention: how long finished runs and their events are kept (default 7 days); `nil` for ever.
    ///   - durability: when commits reach the disk (default `.full`).
    public init(databasePath: String = ".inngest/inngest.sqlite", appId: String = "", concurrency: Int = 256, retryPolicy: RetryPolicy = RetryPolicy(),
                logger: InngestLogger = InngestLogger(), observer: (@Sendable (RunObservation) -> Void)? = nil,
                leaseDuration: Duration = .seconds(30), retention: Duration? = .seconds(7 * 86_400), durability: Durability = .full) {
        self.durability = durability
        self.retention = retention.map { max($0, .seconds(86_400)) }
        self.leaseDuration = leaseDuration
        self.databasePath = databasePath
        self.appId = appId
        self.concurrency = max(1, concurrency)
        self.retryPolicy = retryPolicy
        self.logger = logger
        self.observer = observer
    }
}

/// A timeline entry with the run it belongs to.
public struct RunObservation: Sendable {
    /// The run id.
    public let runId: String
    /// The function id.
    public let functionId: String
    /// What happened.
    public let entry: TimelineEntry
}
