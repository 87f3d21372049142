import Inngest

// Functions as methods of an injectable class, in every signature a method may have.

// @inngest.event("shape/job")
struct Job: Codable, Sendable {
    var name: String
}

// @inngest.injectable
final class Jobs: Sendable {
    init() {}

    // @inngest.function(id: "async-throws-void", event: "shape/job")
    func asyncThrowsVoid(_ job: Job, context: Context) async throws {}

    // @inngest.function(id: "sync-returning", event: Job)
    func syncReturning(_ job: Job) -> Int { job.name.count }

    // @inngest.function(id: "no-parameters", cron: "0 * * * *")
    func noParameters() {}

    // @inngest.function(id: "context-only", cron: "0 1 * * *")
    func contextOnly(context: Context) throws -> String { "" }

    // @inngest.function(id: "explicit-void", event: "shape/job")
    func explicitVoid(_ job: Job) async -> Void {}

    // @inngest.function(id: "empty-tuple", cron: "0 2 * * *")
    func emptyTuple(_ run: ScheduledRun, context: Context) async throws -> () {}

    // Flow control: the generated options compile as written.
    // @inngest.function(id: "flow-controlled", event: Job,
    //                   concurrency: [(limit: 2, key: "event.data.name"), (limit: 10, key: "\"jobs\"", scope: "env")],
    //                   throttle: (limit: 5, period: "1m", burst: 1), debounce: (period: "1500ms", key: "event.data.name", timeout: "1m"),
    //                   priority: (run: "event.data.name == 'urgent' ? 60 : 0"), idempotency: "event.data.name",
    //                   singleton: (key: "event.data.name", mode: "cancel"), timeouts: (finish: "10m"))
    func flowControlled(_ job: Job, context: Context) async throws {}

    // A batch handler: every event of the batch, as an array.
    // @inngest.function(id: "batched", event: "shape/job", concurrency: 1,
    //                   batchEvents: (maxSize: 10, timeout: "2s", key: "event.data.name", if: "event.data.name != ''"))
    func batched(_ jobs: [Job], context: Context) async throws -> Int { jobs.count }

    // @inngest.function(id: "rate-limited", event: Job, rateLimit: (limit: 1, period: "1h", key: "event.data.name"), singleton: (mode: skip))
    func rateLimited(_ job: Job) {}
}

// @inngest.module(providers: [Jobs])
struct JobsModule {}
