import Foundation
import Inngest
import InngestDI
import Synchronization

/// How the cost of resuming a run grows with the steps it already recorded, in memory (no store):
/// the handler replays n memoized `step.run`s and then reaches a new one. Reading the memo rows
/// (JSON text to `StepMemo`) is timed separately, as the store does it once per claim.
func replayScenario(repetitions: Int) async throws {
    print("\nreplay — resuming over n memoized steps, in memory (median of \(repetitions))")
    print("command: swift run -c release inngest-bench replay")
    let resolver = try await Container.boot(BenchModule.self).rootResolver
    for (kind, integers) in [("integer", true), ("struct", false)] {
        for steps in [1, 100, 1_000, 10_000] {
            let texts = (0..<steps).map { integers ? #"{"data":\#($0)}"# : #"{"data":{"index":\#($0),"label":"step \#($0)"}}"# }
            var parse: [Double] = []
            var replay: [Double] = []
            for _ in 0..<repetitions {
                let start = ContinuousClock.now
                var memo: [String: StepMemo] = [:]
                memo.reserveCapacity(steps)
                for (index, text) in texts.enumerated() {
                    memo[StepIdentifier.hash("s\(index)")] = try StepMemo(jsonText: text)
                }
                parse.append(seconds(ContinuousClock.now - start) * 1000)
                let reached = ContinuousClock.now
                let function = FunctionDefinition(id: "replayer", trigger: .event(name: "bench/replay"), options: FunctionOptions()) { _, context in
                    for index in 0..<steps {
                        if integers {
                            _ = try await context.step.run("s\(index)") { index }
                        } else {
                            _ = try await context.step.run("s\(index)") { ReplayResult(index: index, label: "") }
                        }
                    }
                    try await context.step.run("new") {}
                    return .null
                }
                let request = ExecutionRequest(events: [InngestEvent(name: "bench/replay", data: .object([:]))], memo: memo, runId: "run")
                let stop = ReplayStop()
                let outcome = await Executor.execute(function, request: request, resolver: resolver, checkpoint: { _ in
                    stop.reached = ContinuousClock.now
                    throw ReplayStop.Stopped()
                })
                guard case .failed = outcome, let end = stop.reached else {
                    failures.append("replay over \(steps) steps: \(outcome)")
                    continue
                }
                replay.append(seconds(end - reached) * 1000)
            }
            report("replay \(steps) memoized \(kind) steps: read memo rows", String(format: "%8.3f ms  %6.2f µs/step", median(parse),
                   median(parse) * 1000 / Double(steps)))
            report("replay \(steps) memoized \(kind) steps: to the next new step", String(format: "%8.3f ms  %6.2f µs/step", median(replay),
                   median(replay) * 1000 / Double(steps)))
        }
    }
}

private struct ReplayResult: Codable, Sendable {
    var index: Int
    var label: String
}

/// When the replay reached the new step (its checkpoint), then stops the execution.
private final class ReplayStop: Sendable {
    private let instant = Mutex<ContinuousClock.Instant?>(nil)
    var reached: ContinuousClock.Instant? {
        get { instant.withLock { $0 } }
        set { instant.withLock { $0 = newValue } }
    }
    struct Stopped: Error {}
}
