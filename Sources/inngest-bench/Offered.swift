import Foundation
import Inngest
import Synchronization

/// When each run completed, in completion order.
final class CompletionTimes: Sendable {
    private let times = Mutex<[ContinuousClock.Instant]>([])
    func finished() { times.withLock { $0.append(.now) } }
    var all: [ContinuousClock.Instant] { times.withLock { $0 } }
}

/// 1,000 three-step runs offered at 50 per second (one send every 20 ms, not waiting for the
/// previous run): the latency from each send to its run's completion. Sends are 20 ms apart and a
/// run takes a few, so the k-th completion is the k-th send's run.
func offeredScenario(events: Int, perSecond: Int) async throws {
    print("\noffered — \(events) three-step runs offered at \(perSecond)/s (one send every \(1000 / perSecond) ms), send → completed")
    print("command: swift run -c release inngest-bench offered")
    print("load average before: \(loadAverage())")
    let times = CompletionTimes()
    let (app, folder) = try await bootApp([FunctionDefinition(handler: ThreeStepFunction())]) {
        if $0.entry.kind == .runCompleted { times.finished() }
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let interval = Duration.milliseconds(1000 / perSecond)
    let begin = ContinuousClock.now + .milliseconds(100)
    var sent: [ContinuousClock.Instant] = []
    for n in 0..<events {
        let at = begin + interval * n
        try await Task.sleep(until: at, clock: .continuous)
        sent.append(.now)
        Task { try await app.send(Tick(n: n)) }
    }
    let deadline = ContinuousClock.now + .seconds(30)
    while times.all.count < events && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
    let completed = times.all
    let latencies = zip(sent, completed).map { seconds($1 - $0) * 1000 }.sorted()
    func percentile(_ p: Double) -> Double { latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
    report("send → completed, p50 / p99 / max", String(format: "%.2f / %.2f / %.2f ms (%d of %d completed)", percentile(0.5), percentile(0.99),
           latencies.last ?? .nan, completed.count, events))
    if completed.count < events { failures.append("offered: \(completed.count) of \(events) runs completed") }
    print("load average after: \(loadAverage())")
    await app.shutdown()
}
