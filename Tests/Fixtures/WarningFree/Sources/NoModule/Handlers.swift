import Inngest

// A function and no module: the plugin warns (InngestApp.boot cannot find it), the compiler must not.

// @inngest.function(id: "orphan", cron: "0 5 * * *")
struct Orphan {
    func handle(_ run: ScheduledRun, context: Context) async throws {}
}
