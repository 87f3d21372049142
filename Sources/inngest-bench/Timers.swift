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
    private let state = Mutex<(asleep: Int, woke: [(due: Double, lateness: Double)])>((0, []))
    func fellAsleep() { state.withLock { $0.asleep += 1 } }
    func woke(due: Double, lateness: Double) { state.withLock { $0.woke.append((due, lateness)) } }
    var asleep: Int { state.withLock { $0.asleep } }
    var lateness: [Double] { state.withLock { $0.woke.map(\.lateness) } }
    /// Each sleeper's due time (seconds since 1970) and lateness (ms).
    var woke: [(due: Double, lateness: Double)] { state.withLock { $0.woke } }
}

struct Napper: InngestFunction {
    static let id = "napper"
    static let trigger = Trigger.event(Nap.self)
    let times: NapTimes

    func handle(_ nap: Nap, context: Context) async throws {
        try await context.step.run("plan") { times.fellAsleep() }
        try await context.step.sleep("nap", until: Date(timeIntervalSince1970: nap.wakeAt))
        try await context.step.run("woke") { times.woke(due: nap.wakeAt, lateness: (Date().timeIntervalSince1970 - nap.wakeAt) * 1000) }
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
    let sending = ContinuousClock.now
    let sendingAt = Date().timeIntervalSince1970
    if burst > 0 { try await app.send((0..<burst).map { Order(n: $0, customerId: "c-\($0 % 100)") }) }
    let sent = ContinuousClock.now
    let sentAt = Date().timeIntervalSince1970
    let done = burst == 0 ? true : await completions.wait(for: burst, timeout: .seconds(600))
    let burstSeconds = seconds(ContinuousClock.now - sent)
    while times.lateness.count < sleepers && Date().timeIntervalSince1970 - start < 60 { try await Task.sleep(for: .milliseconds(20)) }
    let lateness = times.lateness.sorted()
    func percentile(_ p: Double) -> Double { lateness.isEmpty ? .nan : lateness[min(lateness.count - 1, Int(Double(lateness.count) * p))] }
    report("sleepers asleep after", burst == 0 ? String(format: "%.2f s; no burst", asleepAfter)
           : String(format: "%.2f s; the burst then took %.2f s (%.0f runs/s)", asleepAfter, burstSeconds, Double(burst) / burstSeconds))
    report("timer lateness p50 / p99 / max", String(format: "%.1f / %.1f / %.1f ms (%d of %d woke)", percentile(0.5), percentile(0.99),
           lateness.last ?? .nan, lateness.count, sleepers))
    if burst > 0 {
        // Where the late ones are: those due while the burst's send was being accepted, and after.
        let woke = times.woke
        func summary(_ group: [(due: Double, lateness: Double)]) -> String {
            let sorted = group.map(\.lateness).sorted()
            guard !sorted.isEmpty else { return "none" }
            return String(format: "%d, p50 %.1f / p99 %.1f ms", sorted.count, sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
        }
        report("the burst's send (\(burst) events, one call)", String(format: "%.0f ms, from %.2f s before the first sleeper was due",
               seconds(sent - sending) * 1000, start + 8 - sendingAt))
        report("sleepers due during the send / after it", summary(woke.filter { $0.due < sentAt }) + "; " + summary(woke.filter { $0.due >= sentAt }))
        var windows: [String] = []
        for window in 0..<6 {
            let low = start + 8 + Double(window) * 0.5
            let group = woke.filter { $0.due >= low && $0.due < low + 0.5 }.map(\.lateness).sorted()
            if !group.isEmpty { windows.append(String(format: "%.1f", group[min(group.count - 1, group.count * 99 / 100)])) }
        }
        report("p99 lateness by half second of due time", windows.joined(separator: " / ") + " ms")
    }
    if !done || lateness.count < sleepers { failures.append("timers: \(lateness.count) of \(sleepers) sleepers woke, burst done: \(done)") }
    print("load average after: \(loadAverage())")
    await app.shutdown()
}
