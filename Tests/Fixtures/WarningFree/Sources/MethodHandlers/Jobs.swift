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
}

// @inngest.module(providers: [Jobs])
struct JobsModule {}
