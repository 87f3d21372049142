// The shop demo: the README's main job. Runs on the embedded engine (SQLite, in-process).
//
//   swift run demo                     place orders, sign a user up, run the nightly job once
//   swift run demo -- --data-dir DIR   keep the database in DIR (default: .demo-data)
//   swift run demo -- --reset          start from an empty database
//   swift run demo -- --dashboard      then keep running with the web dashboard at http://127.0.0.1:8290/
//                                      (--dashboard-port N picks the port; 0 lets the system choose) until Ctrl-C
//
// Kill it (even with SIGKILL) while runs are in flight and start it again: it resumes the
// interrupted runs from their last completed step and does not run completed steps again.

import Foundation
import Inngest
import Synchronization

var dataDirectory = ".demo-data"
var reset = false
var dashboardPort: Int?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--data-dir": dataDirectory = arguments.popFirst() ?? dataDirectory
    case "--reset": reset = true
    case "--dashboard": dashboardPort = dashboardPort ?? 8290
    case "--dashboard-port": dashboardPort = arguments.popFirst().flatMap { Int($0) } ?? 8290
    default:
        say("usage: demo [--data-dir DIR] [--reset] [--dashboard] [--dashboard-port N]")
        exit(2)
    }
}

let databasePath = URL(fileURLWithPath: dataDirectory).appendingPathComponent("shop.sqlite").path
if reset {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
}

let started = ContinuousClock.now
func elapsed() -> String {
    let duration = ContinuousClock.now - started
    return String(format: "%5.2fs", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}

let configuration = InngestConfiguration(
    appId: "shop-demo",
    engine: EngineConfiguration(
        databasePath: databasePath,
        retryPolicy: RetryPolicy(initialDelay: .seconds(1), jitter: 0.1),
        logger: InngestLogger(minimumLevel: .warning),
        observer: { observation in
            let entry = observation.entry
            let step = entry.step.map { " \($0)" } ?? ""
            say("[\(elapsed())] \(observation.functionId) …\(observation.runId.suffix(6)) \(entry.kind.rawValue)\(step): \(entry.detail)")
            choreography.react(to: observation)
        }))

say("swift-inngest shop demo — database: \(databasePath)")
let app = try await InngestApp.boot(AppModule.self, configuration: configuration)
choreography.start(app)
say("Registered \(app.functions.count) functions:")
for function in app.functions {
    say("  • \(function.id) — \(function.triggers.map(\.description).joined(separator: ", "))")
}

let unfinished = try await app.engine.runs(status: .queued) + app.engine.runs(status: .running)
if !unfinished.isEmpty {
    say("\nResuming \(unfinished.count) unfinished run(s) from a previous start; completed steps will not run again.\n")
} else {
    say("\nPlacing 4 orders (o-1002 needs a manager's approval, o-1004 will be cancelled by its customer) and signing up a customer…\n")
    try await app.send(.orderPlaced(OrderPlaced(orderId: "o-1001", customer: "ada@example.com", items: ["keyboard", "mouse"], totalCents: 12_900)))
    try await app.send(.orderPlaced(OrderPlaced(orderId: "o-1002", customer: "alan@example.com", items: ["monitor"], totalCents: 34_900)))
    try await app.send(.orderPlaced(OrderPlaced(orderId: "o-1003", customer: "grace@example.com", items: ["cable", "cable"], totalCents: 1_800)))
    try await app.send(.orderPlaced(OrderPlaced(orderId: "o-1004", customer: "edsger@example.com", items: ["keyboard"], totalCents: 4_500)))
    try await app.send(.userSignedUp(UserSignedUp(email: "linus@example.com", name: "Linus")))
    try await app.engine.runNow(functionId: "nightly-stock-report")
}

let finished = try await app.engine.waitUntilAllRunsFinish(timeout: .seconds(25))

say("\nStep timelines")
let runs = try await app.engine.runs(limit: 50).reversed()
for run in runs {
    say("\n\(run.functionId) run \(run.runId) (\(run.eventName)) — \(run.status.rawValue)")
    for entry in try await app.engine.timeline(of: run.runId) {
        let offset = entry.at.timeIntervalSince(run.createdAt)
        let step = entry.step.map { " \($0)" } ?? ""
        say(String(format: "  +%6.2fs ", offset) + "\(entry.kind.rawValue)\(step): \(entry.detail)")
    }
}

let completed = runs.filter { $0.status == .completed }.count
let failed = runs.filter { $0.status == .failed }.count
let cancelled = runs.filter { $0.status == .cancelled }.count
var retries = 0
var sleeps = 0
for run in runs {
    let timeline = try await app.engine.timeline(of: run.runId)
    retries += timeline.filter { $0.kind == .stepRetrying || $0.kind == .runRetrying }.count
    sleeps += timeline.filter { $0.kind == .sleeping }.count
}
say("\nSummary: \(runs.count) runs — \(completed) completed, \(failed) failed, \(runs.count - completed - failed - cancelled) unfinished, "
      + "\(cancelled) cancelled; \(retries) retried step(s), \(sleeps) durable sleep(s); \(elapsed()) elapsed.")
if let next = try await app.engine.cronSchedules()["nightly-stock-report"] {
    say("nightly-stock-report next fires at \(next.formatted(.iso8601)).")
}
say("Database kept in \(databasePath): start the demo again to continue, or pass --reset.")
if let dashboardPort {
    // Development: the app keeps running (new events, cron) with its dashboard, until SIGTERM or Ctrl-C.
    let dashboard = try Dashboard.start(engine: app.engine, port: dashboardPort)
    say("Dashboard at \(dashboard.url) — Ctrl-C to stop.")
    await app.runUntilTerminated()
    dashboard.stop()
    exit(0)
}
await app.shutdown()
exit(finished && failed == 0 ? 0 : 1)
