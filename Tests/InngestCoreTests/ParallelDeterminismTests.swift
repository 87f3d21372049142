import Foundation
import InngestCore
import Synchronization
import Testing

/// The same parallel handler, run many times, several at once (and, when run by hand, on a machine
/// kept busy): protocol mode reports the same ops in the same order on every run, repeated ids get
/// the same `id:N` whichever branch the scheduler happens to run first, and inline mode records the
/// same results under the same ids.
@Suite struct ParallelDeterminismTests {
    private static let iterations = 200
    private static let concurrentRuns = 8

    /// A default actor: its jobs run on the execution's executor too, so a hop to it before a step
    /// does not make the step late for its round.
    private actor Ledger {
        private var entries = 0
        func note() -> Int {
            entries += 1
            return entries
        }
    }

    /// Work on the CPU before a step, long enough for a sibling on another thread to have reached its
    /// own step several times over.
    private static func burn() -> Int {
        var total = 0
        for index in 0..<200_000 { total &+= index &* 31 }
        return total
    }

    /// Six same-id steps from a loop in a task group, then branches of uneven depth that reach the
    /// same id `z`, one of them after CPU work, one after yields, one after an actor call, beside a
    /// sleep.
    private static func handler(ran: Counter? = nil) -> FunctionDefinition {
        function { context in
            let ledger = Ledger()
            let items = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for item in 0..<6 {
                    group.addTask { (item, try await context.step.run("item") { ran?.hit("item"); return item * 10 }) }
                }
                var values = [Int](repeating: -1, count: 6)
                for try await (item, value) in group { values[item] = value }
                return values
            }
            async let deep: String = {
                _ = try await context.step.run("a1") { "a1" }
                _ = try await context.step.run("a2") { "a2" }
                return try await context.step.run("z") { "deep" }
            }()
            async let shallow: String = {
                _ = burn()
                return try await context.step.run("z") { "shallow" }
            }()
            async let yielding: String = {
                for _ in 0..<3 { await Task.yield() }
                return try await context.step.run("y") { "yielded" }
            }()
            async let hopping: Int = {
                _ = await ledger.note()
                return try await context.step.run("h") { 7 }
            }()
            async let nap: Void = context.step.sleep("nap", for: .seconds(1))
            let (d, s, y, h) = try await (deep, shallow, yielding, hopping)
            try await nap
            return .object(["items": .array(items.map { .integer(Int64($0)) }), "deep": .string(d), "shallow": .string(s),
                            "yielded": .string(y), "hopped": .integer(Int64(h))])
        }
    }

    private static let expectedOutput: JSONValue = .object([
        "items": .array([0, 10, 20, 30, 40, 50].map { .integer($0) }), "deep": .string("deep"), "shallow": .string("shallow"),
        "yielded": .string("yielded"), "hopped": .integer(7),
    ])

    /// Plays Inngest's server: discovery calls, a targeted call per planned step, sleeps and waits
    /// resolved at once, immediate execution disabled while a parallel group is in flight.
    /// - Returns: each call's ops (or output) as text, and the output.
    private static func playServer(_ function: FunctionDefinition) async throws -> (trace: [String], output: JSONValue?) {
        let resolver = try await emptyResolver()
        var memo: [String: StepMemo] = [:]
        var trace: [String] = []
        for _ in 0..<50 {
            let outcome = await Executor.execute(function, request: request(memo: memo), resolver: resolver)
            guard case .ops(let ops, _) = outcome else {
                if case .completed(let output) = outcome {
                    trace.append("completed \(output.jsonString)")
                    return (trace, output)
                }
                trace.append("\(outcome)")
                return (trace, nil)
            }
            trace.append(ops.map { "\($0.op.rawValue) \($0.name) \($0.id.prefix(8))" }.joined(separator: ", "))
            for op in ops {
                switch op.op {
                case .stepRun: memo[op.id] = .data(op.data ?? .null)
                case .sleep, .waitForEvent: memo[op.id] = .value(.null)
                case .stepPlanned:
                    var targeted = request(memo: memo, target: op.id)
                    targeted.immediateExecution = false
                    let result = await Executor.execute(function, request: targeted, resolver: resolver)
                    guard case .ops(let ran, _) = result, ran.count == 1, ran[0].op == .stepRun, ran[0].id == op.id else {
                        trace.append("targeted \(op.name): \(result)")
                        return (trace, nil)
                    }
                    trace.append("ran \(op.name) \(ran[0].data?.jsonString ?? "")")
                    memo[op.id] = .data(ran[0].data ?? .null)
                default:
                    trace.append("unexpected \(op.op.rawValue)")
                    return (trace, nil)
                }
            }
        }
        return (trace, nil)
    }

    /// Runs `body` `iterations` times, `concurrentRuns` at a time.
    private static func repeatedly<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: [T].self) { group in
            for worker in 0..<concurrentRuns {
                group.addTask {
                    var results: [T] = []
                    for _ in stride(from: worker, to: iterations, by: concurrentRuns) { results.append(try await body()) }
                    return results
                }
            }
            var all: [T] = []
            for try await results in group { all += results }
            return all
        }
    }

    @Test func theFirstDiscoveryPlansEveryBranchOfTheGroup() async throws {
        let hashes = (0..<6).map { StepIdentifier.hash("item", occurrence: $0) }
        let results = try await Self.repeatedly {
            let ran = Counter()
            let outcome = await Executor.execute(Self.handler(ran: ran), request: request(), resolver: try await emptyResolver())
            return (outcome, ran["item"])
        }
        for (outcome, ran) in results {
            #expect(outcome == .ops(hashes.map { GeneratorOp(op: .stepPlanned, id: $0, name: "item") }, retryAfter: nil))
            #expect(ran == 0)
        }
    }

    @Test func theWholeProtocolSequenceIsTheSameOnEveryRun() async throws {
        let traces = try await Self.repeatedly { try await Self.playServer(Self.handler()) }
        let first = try #require(traces.first)
        #expect(first.output == Self.expectedOutput, "\(first.trace.joined(separator: "\n"))")
        // The round after the group, in claim order: a1, z (the shallow branch claims it first, after
        // its CPU work), the sleep, then h (after one actor hop) and y (after three yields).
        let round = "StepPlanned a1 \(StepIdentifier.hash("a1").prefix(8)), StepPlanned z \(StepIdentifier.hash("z").prefix(8)), "
            + "Sleep nap \(StepIdentifier.hash("nap").prefix(8)), StepPlanned h \(StepIdentifier.hash("h").prefix(8)), "
            + "StepPlanned y \(StepIdentifier.hash("y").prefix(8))"
        #expect(first.trace.contains(round), "\(first.trace.joined(separator: "\n"))")
        #expect(first.trace.contains("ran z \"shallow\""))
        for trace in traces {
            #expect(trace.trace == first.trace)
            #expect(trace.output == Self.expectedOutput)
        }
    }

    @Test func aTargetedCallRunsTheBodyOfTheBranchThatClaimedThatNumber() async throws {
        let results = try await Self.repeatedly {
            let outcome = await Executor.execute(Self.handler(), request: request(target: StepIdentifier.hash("item", occurrence: 4)),
                                                 resolver: try await emptyResolver())
            return outcome
        }
        for outcome in results {
            #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("item:4"), name: "item", data: .integer(40))],
                                    retryAfter: nil))
        }
    }

    /// Inline, with bodies of uneven length: every run records the same result under each id, and
    /// a replay from the records (after the sleep) finishes with the same output.
    @Test func inlineRecordsTheSameResultsUnderTheSameIds() async throws {
        let results = try await Self.repeatedly { () async throws -> [String: JSONValue] in
            let resolver = try await emptyResolver()
            let saved = Mutex([String: JSONValue]())
            let checkpoint: Checkpoint = { op in saved.withLock { $0[op.id] = op.data ?? .null } }
            var memo: [String: StepMemo] = [:]
            for _ in 0..<10 {
                let outcome = await Executor.execute(Self.handler(), request: request(memo: memo), resolver: resolver, checkpoint: checkpoint)
                for (id, value) in saved.withLock({ $0 }) { memo[id] = .data(value) }
                switch outcome {
                case .completed(let output):
                    #expect(output == Self.expectedOutput)
                    return saved.withLock { $0 }
                case .ops(let ops, _):
                    for op in ops where op.op == .sleep { memo[op.id] = .value(.null) }
                case .failed(let error, _, _):
                    Issue.record("inline run failed: \(error)")
                    return [:]
                }
            }
            Issue.record("inline run did not finish")
            return [:]
        }
        let expected: [String: JSONValue] = Dictionary(uniqueKeysWithValues: (0..<6).map { (StepIdentifier.hash("item", occurrence: $0), JSONValue.integer(Int64($0 * 10))) })
            .merging([StepIdentifier.hash("a1"): .string("a1"), StepIdentifier.hash("a2"): .string("a2"),
                      StepIdentifier.hash("z"): .string("shallow"), StepIdentifier.hash("z:1"): .string("deep"),
                      StepIdentifier.hash("y"): .string("yielded"), StepIdentifier.hash("h"): .integer(7)]) { $1 }
        for recorded in results { #expect(recorded == expected) }
    }
}
