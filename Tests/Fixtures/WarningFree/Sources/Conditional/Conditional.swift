import Inngest

// Declarations under #if: in this (debug) build every event is compiled out, so AppEvent has no
// case; the functions and injectables under !DEBUG are compiled out too.

#if NEVER_DEFINED
// @inngest.event("shape/never")
struct Never1: Codable, Sendable {}
#elseif false
struct Never2: Event { static let name = "shape/never-2" }
#endif

#if !DEBUG
// @inngest.injectable
final class ReleaseOnly: Sendable { init() {} }

// @inngest.function(id: "release-only", cron: "0 3 * * *")
struct ReleaseJob {
    let service: ReleaseOnly
    func handle(_ run: ScheduledRun, context: Context) async throws {}
}
#endif

#if false
// @inngest.function(id: "never", cron: "0 4 * * *")
struct NeverJob {}
#endif

// @inngest.module()
struct ConditionalModule {}
