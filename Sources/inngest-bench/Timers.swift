import Foundation
import Inngest
import Synchronization

/// A run that sleeps until the time its event names, then records how late its next step started.
struct Nap: Event {
    static let name = "bench/nap"
    var token: Int
    /// Seconds since 1970.
    var wakeAt: Double
}

/// How late each nap's step after the sleep started, by token, and how many naps went to sleep.
final class NapTimes: Sendable {
    private let state = Mutex<(asleep: Int, lateness: [Double])>((0, []))
    func fellAsleep() { state.withLock { $0.asleep += 1 } }
    func woke(lateness: Double) { state.withLock { $0.lateness.append(lateness) } }
    var asleep: Int { state.withLock { $0.asleep } }
    var lateness: [Double] { state.withLock { $0.lateness } }
}

struct Napper: InngestFunction {
    static let id = "napper"
    static let trigger = Trigger.event(Nap.self)
    let times: NapTimes

    func handle(_ nap: Nap, context: Context) async throws {
        try await context.step.run("plan") { times.fellAsleep() }
        try await context.step.sleep("nap", until: Date(timeIntervalSince1970: nap.wakeAt))
        try await context.step.run("woke") { times.woke(lateness: (Date().timeIntervalSince1970 - nap.wakeAt) * 1000) }
    }
}

/// 10,000 runs sleep until times spread over three seconds, while a burst of 20,000 three-step
/// runs executes: how late each sleeper's next step starts (due timers go before new work).
func timersScenario(sleepers: Int, burst: Int) async throws {
    print(burst == 0 ? "\ntimers-idle — \(sleepers) runs asleep until times spread over 3 s, woken with nothing else to do"
                     : "\ntimers — \(sleepers) runs asleep until times spread over 3 s, woken while a \(burst)-run burst executes")
    print("command: swift run -c release inngest-bench timers")
    print("load average before: \(loadAverage())")
    let times = NapTimes()
    let completions = Completions()
    let functions = [FunctionDefinition(handler: Napper(times: times)), FunctionDefinition(handler: PlainOrderFunction())]
    let (app, folder) = try await bootApp(functions) {
        if $0.entry.kind == .runCompleted && $0.functionId == PlainOrderFunction.id { completions.finished() }
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let start = Date().timeIntervalSince1970
    // Wake times from 8 s to 11 s after now: every sleeper is asleep before the burst is sent.
    try await app.send((0..<sleepers).map { Nap(token: $0, wakeAt: start + 8 + 3 * Double($0) / Double(sleepers)) })
    while times.asleep < sleepers { try await Task.sleep(for: .milliseconds(20)) }
    let asleepAfter = Date().timeIntervalSince1970 - start
    // The burst starts half a second before the first sleeper is due, so that it still runs while
    // they wake however fast the machine runs it (at 6,000 runs/s it takes 3 s). Without a burst
    // (`timers-idle`) they wake on an engine with nothing else to do.
    let burstAt = start + 7.5
    if burst > 0, Date().timeIntervalSince1970 < burstAt {
        try await Task.sleep(for: .milliseconds(Int((burstAt - Date().timeIntervalSince1970) * 1000)))
    }
    if burst > 0 { try await app.send((0..<burst).map { Order(n: $0, customerId: "c-\($0 % 100)") }) }
    let sent = ContinuousClock.now
    let done = burst == 0 ? true : await completions.wait(for: burst, timeout: .seconds(600))
    let burstSeconds = seconds(ContinuousClock.now - sent)
    while times.lateness.count < sleepers && Date().timeIntervalSince1970 - start < 60 { try await Task.sleep(for: .milliseconds(20)) }
    let lateness = times.lateness.sorted()
    func percentile(_ p: Double) -> Double { lateness.isEmpty ? .nan : lateness[min(lateness.count - 1, Int(Double(lateness.count) * p))] }
    report("sleepers asleep after", burst == 0 ? String(format: "%.2f s; no burst", asleepAfter)
           : String(format: "%.2f s; the burst then took %.2f s (%.0f runs/s)", asleepAfter, burstSeconds, Double(burst) / burstSeconds))
    report("timer lateness p50 / p99 / max", String(format: "%.1f / %.1f / %.1f ms (%d of %d woke)", percentile(0.5), percentile(0.99),
           lateness.last ?? .nan, lateness.count, sleepers))
    if !done || lateness.count < sleepers { failures.append("timers: \(lateness.count) of \(sleepers) sleepers woke, burst done: \(done)") }
    print("load average after: \(loadAverage())")
    await app.shutdown()
}
