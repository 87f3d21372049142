#if SwiftLog
import Logging
#endif

extension InngestConfiguration {
    /// What the enabled traits set up: with `SwiftLog`, a logger that writes to standard error goes
    /// to `Logger(label: "inngest")` instead (its level and metadata kept); with `Metrics` and
    /// `Tracing`, the instrumentation emits through swift-metrics and swift-distributed-tracing.
    /// Without traits, nothing changes.
    static func applyTraits(to engine: inout EngineConfiguration, appId: String) {
        #if SwiftLog
        if engine.logger.format != nil {
            let level = engine.logger.minimumLevel
            engine.logger = InngestLogger(swiftLog: Logger(label: "inngest"), metadata: engine.logger.metadata)
            engine.logger.minimumLevel = level
        }
        #endif
        var instrumentations: [any RunInstrumentation] = []
        #if Tracing
        // Outermost: the run's span is current while the metrics of its execution are taken.
        instrumentations.append(TracingInstrumentation())
        #endif
        #if Metrics
        instrumentations.append(MetricsInstrumentation(appId: appId))
        #endif
        if engine.instrumentation == nil, let first = instrumentations.first {
            engine.instrumentation = instrumentations.dropFirst().reduce(first) { InstrumentationPair(outer: $0, inner: $1) }
        }
    }
}
