import Inngest

// Everything declared by marker.

// @inngest.event("shape/ping")
struct Ping: Codable, Sendable {
    var count: Int
}

// @inngest.injectable
final class Counter: Sendable {
    init() {}
    func next(_ value: Int) -> Int { value + 1 }
}

// @inngest.injectable(scope: transient)
final class Stamp: Sendable {
    init(counter: Counter) {}
}

// @inngest.function(id: "count", event: "shape/ping", retries: 2)
struct Count {
    let counter: Counter

    func handle(_ ping: Ping, context: Context) async throws -> Int {
        try await context.step.run("next") { counter.next(ping.count) }
    }
}

// @inngest.function(id: "tick", cron: "*/5 * * * *")
struct Tick {
    func handle(_ run: ScheduledRun, context: Context) async throws {}
}

// @inngest.module(providers: [Counter, Stamp], exports: [Counter])
struct CounterModule {}

// @inngest.module(imports: [CounterModule])
struct MarkersModule {}
