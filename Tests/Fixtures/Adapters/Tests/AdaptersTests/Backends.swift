// The process-wide backends of swift-metrics and swift-distributed-tracing can be bootstrapped once:
// every test that reads them goes through these, and filters what it reads by its own ids.
import InMemoryTracing
import Instrumentation
import Metrics
import MetricsTestKit

enum Backends {
    /// The metrics factory, bootstrapped on first use.
    static let metrics: TestMetrics = {
        let metrics = TestMetrics()
        MetricsSystem.bootstrap(metrics)
        return metrics
    }()

    /// The tracer, bootstrapped on first use.
    static let tracer: InMemoryTracer = {
        let tracer = InMemoryTracer()
        InstrumentationSystem.bootstrap(tracer)
        return tracer
    }()
}
