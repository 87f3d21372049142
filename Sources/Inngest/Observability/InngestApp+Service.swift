// swift-service-lifecycle, compiled only with the package trait `ServiceLifecycle`.

#if ServiceLifecycle
public import ServiceLifecycle

extension InngestApp: Service {
    /// Runs the app in a `ServiceGroup` until the group shuts down gracefully (on SIGTERM or SIGINT,
    /// as the group is configured) or is cancelled, then shuts the app down: executing runs stop
    /// at their next step boundary, their steps committed, within 10 s, then the shutdown hooks run
    /// (see `shutdown(signal:deadline:)`). Use it instead of `runUntilTerminated()`:
    /// ```swift
    /// let group = ServiceGroup(configuration: .init(services: [app, server], gracefulShutdownSignals: [.sigterm, .sigint],
    ///                                               logger: logger))
    /// try await group.run()
    /// ```
    public func run() async throws {
        // Returns when a graceful shutdown is triggered, throws when the task is cancelled: either way, stop.
        try? await gracefulShutdown()
        await shutdown()
    }
}
#endif
