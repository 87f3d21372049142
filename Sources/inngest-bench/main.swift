// inngest-bench: prints the figures of the README's performance table.
//
//   swift run -c release inngest-bench [--runs N]
//
// Every figure is measured here, on this machine, each run; nothing is hard-coded.

import Foundation
import Inngest
import InngestCodegen
import InngestExpression
import Synchronization

var runCount = 1_000
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--runs", let value = arguments.popFirst().flatMap(Int.init) { runCount = value }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func report(_ name: String, _ value: String) {
    print(String(format: "%-58@ %@", name as NSString, value as NSString))
}

struct Tick: Event {
    static let name = "bench/tick"
    var n: Int
}

struct ThreeStepFunction: InngestFunction {
    static let id = "three-steps"
    static let trigger = Trigger.event(Tick.self)

    func handle(_ tick: Tick, context: Context) async throws -> Int {
        let a = try await context.step.run("a") { tick.n }
        let b = try await context.step.run("b") { a + 1 }
        return try await context.step.run("c") { b + 1 }
    }
}

struct BenchModule: Module {
    static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("BenchModule") }
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inngest-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }

// 1. Embedded engine: durable runs of three steps, all on disk with a full fsync per commit.
/// Counts finished runs, so waiting costs no polling delay.
final class Completions: Sendable {
    private let state = Mutex<(count: Int, waiters: [(Int, CheckedContinuation<Void, Never>)])>((0, []))

    func finished() {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.count += 1
            let count = state.count
            let ready = state.waiters.filter { $0.0 <= count }.map(\.1)
            state.waiters.removeAll { $0.0 <= count }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    func wait(for count: Int) async {
        await withCheckedContinuation { continuation in
            let now = state.withLock { state -> Bool in
                if state.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }
}

do {
    let completions = Completions()
    let configuration = InngestConfiguration(
        appId: "bench",
        engine: EngineConfiguration(databasePath: directory.appendingPathComponent("engine.sqlite").path, concurrency: 32,
                                    logger: InngestLogger(sink: InngestLogger.discard),
                                    observer: { if $0.entry.kind == .runCompleted { completions.finished() } }))
    let app = try await InngestApp.boot(BenchModule.self, configuration: configuration,
                                        functions: [FunctionDefinition(handler: ThreeStepFunction())])
    // Latency of one run, sequentially.
    var latencies: [Double] = []
    for n in 0..<100 {
        let start = ContinuousClock.now
        try await app.send(Tick(n: n))
        await completions.wait(for: n + 1)
        latencies.append(seconds(ContinuousClock.now - start) * 1000)
    }
    latencies.sort()
    report("engine: one 3-step run, send → completed (p50 / p95)",
           String(format: "%.1f ms / %.1f ms", latencies[latencies.count / 2], latencies[latencies.count * 95 / 100]))

    // Durable sends, one transaction each (their runs execute meanwhile).
    var start = ContinuousClock.now
    for n in 0..<runCount { try await app.send(Tick(n: n)) }
    report("engine: send, one durable transaction per event", String(format: "%.0f events/s", Double(runCount) / seconds(ContinuousClock.now - start)))
    await completions.wait(for: 100 + runCount)

    // Run throughput: a batch accepted in one transaction, then every run executed.
    start = ContinuousClock.now
    try await app.send((0..<runCount).map { Tick(n: $0) })
    await completions.wait(for: 100 + 2 * runCount)
    let total = seconds(ContinuousClock.now - start)
    let finished = try await app.engine.waitUntilAllRunsFinish(timeout: .seconds(1))
    report("engine: \(runCount) runs × 3 steps (batch send → all completed)", String(format: "%.2f s = %.0f runs/s, %.0f steps/s%@", total,
           Double(runCount) / total, Double(runCount * 3) / total, finished ? "" : " (NOT all finished)"))
    await app.shutdown()
}

// 2. Dependency injection: resolving a built singleton (off the main actor, as handlers do).
final class Service: Sendable { init() {} }
struct ServiceModule: Module {
    static var moduleDescriptor: ModuleDescriptor {
        ModuleDescriptor("ServiceModule", providers: [ProviderDescriptor(Service.self) { _ in Service() }])
    }
}

nonisolated func measureResolution() async throws {
    let container = try await Container.boot(ServiceModule.self)
    let iterations = 5_000_000
    var start = ContinuousClock.now
    for _ in 0..<iterations { _ = try container.get(Service.self) }
    report("DI: Container.get(singleton)", String(format: "%.1f ns/op", seconds(ContinuousClock.now - start) * 1e9 / Double(iterations)))
    start = ContinuousClock.now
    for _ in 0..<iterations { _ = try await container.resolve(Service.self) }
    report("DI: await container.resolve(singleton)", String(format: "%.1f ns/op", seconds(ContinuousClock.now - start) * 1e9 / Double(iterations)))
}
try await measureResolution()

// 3. Step id hashing.
do {
    let iterations = 1_000_000
    let start = ContinuousClock.now
    var sink = 0
    for index in 0..<iterations { sink &+= StepIdentifier.hash("charge-payment", occurrence: index & 3).utf8.count }
    report("executor: step id hash (SHA-1 hex)", String(format: "%.0f ns/op%@", seconds(ContinuousClock.now - start) * 1e9 / Double(iterations), sink == 0 ? "!" : ""))
}

// 4. Code generation: scanning and generating a large target.
do {
    let handler = """
        import Inngest

        /// An event.
        // @inngest.event("bench/event-N")
        struct EventN: Codable, Sendable { var id: String; var total: Int }

        // @inngest.injectable
        final class ServiceN: Sendable {
            init(log: ShopLog) {}
            func work(_ text: String) -> String { "value: \\(text) /* not a comment */ // nor this" }
        }

        // @inngest.function(id: "function-N", event: "bench/event-N", retries: 3)
        struct FunctionN {
            let service: ServiceN
            func handle(_ event: EventN, context: Context) async throws -> String {
                try await context.step.run("work") { service.work(event.id) }
            }
        }

        """
    var sources: [(path: String, bytes: [UInt8])] = [("Sources/App/App.swift", Array("// @inngest.module()\nstruct AppModule {}\n// @inngest.injectable\nfinal class ShopLog: Sendable { init() {} }\n".utf8))]
    for index in 0..<500 {
        let text = handler.replacingOccurrences(of: "N", with: String(index)) + String(repeating: "// padding line of an ordinary source file\nlet constant\(index) = [1, 2, 3].map { $0 * 2 }\n", count: 60)
        sources.append(("Sources/App/File\(index).swift", Array(text.utf8)))
    }
    let bytes = sources.reduce(0) { $0 + $1.bytes.count }
    var best = Double.infinity
    var output: Generator.Output?
    for _ in 0..<3 {
        let start = ContinuousClock.now
        output = Generator.generate(sources)
        best = min(best, seconds(ContinuousClock.now - start))
    }
    let diagnostics = output?.diagnostics.count ?? -1
    report("codegen: 500-file target (\(bytes / 1024) KiB, 500 functions), full generation",
           String(format: "%.0f ms (%.1f MB/s)%@", best * 1000, Double(bytes) / best / 1e6, diagnostics == 0 ? "" : " [\(diagnostics) diagnostics]"))
}

// 5. Expressions: a wait's condition, parsed once, evaluated against two events' JSON.
do {
    let text = "async.data.orderId == event.data.orderId && async.data.total > 100"
    let expression = try Expression.parse(text, variables: ["event", "async"])
    let placed = try JSONValue(json: Array(#"{"id":"e-1","name":"shop/order.placed","ts":1700000000000,"data":{"orderId":"o-123456","total":250,"customer":{"id":"c-9","plan":"pro"},"items":[{"sku":"s-1","qty":2}]}}"#.utf8))
    let paid = try JSONValue(json: Array(#"{"id":"e-2","name":"shop/order.paid","ts":1700000060000,"data":{"orderId":"o-123456","total":250.5,"method":"card"}}"#.utf8))
    let bindings = ["event": placed, "async": paid]
    let iterations = 2_000_000
    var matched = 0
    var start = ContinuousClock.now
    for _ in 0..<iterations where expression.matches(bindings) { matched += 1 }
    report("expressions: `\(text)`", String(format: "%.0f ns/evaluation%@", seconds(ContinuousClock.now - start) * 1e9 / Double(iterations),
                                              matched == iterations ? "" : " (WRONG RESULT)"))
    // The yardstick: the same test written by hand in Swift over the same JSON (the dictionary
    // look-ups, which hash every key, are most of both).
    func handWritten(_ event: JSONValue, _ async: JSONValue) -> Bool {
        guard let orderId = async["data"]?["orderId"], orderId == event["data"]?["orderId"] else { return false }
        switch async["data"]?["total"] {
        case .integer(let total): return total > 100
        case .double(let total): return total > 100
        default: return false
        }
    }
    var handMatched = 0
    start = ContinuousClock.now
    for _ in 0..<iterations where handWritten(placed, paid) { handMatched += 1 }
    report("expressions: the same, hand-written Swift on the JSON", String(format: "%.0f ns/evaluation%@",
           seconds(ContinuousClock.now - start) * 1e9 / Double(iterations), handMatched == iterations ? "" : " (WRONG RESULT)"))
    let parses = 100_000
    var nodes = 0
    start = ContinuousClock.now
    for _ in 0..<parses { nodes &+= try Expression.parse(text, variables: ["event", "async"]).paths.count }
    report("expressions: parse the same (once, at registration)", String(format: "%.1f µs/parse%@", seconds(ContinuousClock.now - start) * 1e6 / Double(parses), nodes == 0 ? "!" : ""))
}
