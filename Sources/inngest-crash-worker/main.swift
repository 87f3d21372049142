// inngest-crash-worker: a process for the crash and several-process tests of the embedded engine.
//
//   inngest-crash-worker send --db PATH --count N [--campaign]
//                                                            accepts N events (one transaction) and exits;
//                                                            with --campaign, events of the campaign function
//   inngest-crash-worker work --db PATH --ledger PATH [--lease-ms N]
//                                                            executes runs until killed (or, on SIGTERM,
//                                                            shuts down gracefully); every step body
//                                                            appends "<run id> <step>\n" to the ledger
//
// A step's line is written before its result is committed, so a step that ran twice shows twice.
// The campaign function has every kind of durable step: two steps, a sleep, a step that fails its
// first attempt and is retried, two parallel steps, a wait for an event that another function
// sends for odd `n` (even ones time out), and a last step.

import Foundation
import InngestCore
import InngestDI
import InngestEngine

/// The root module: the worker registers its one function directly.
struct WorkerModule: Module {
    static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("WorkerModule") }
}

/// Appends lines to the ledger with one `write` each (O_APPEND), so that lines of two processes
/// never interleave and a SIGKILL loses none that were written.
final class Ledger: Sendable {
    private let descriptor: Int32

    init(path: String) {
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { fatalError("cannot open the ledger \(path)") }
    }

    func append(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}

func option(_ name: String) -> String? {
    guard let index = CommandLine.arguments.firstIndex(of: "--\(name)"), index + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[index + 1]
}

func function(ledger: Ledger?) -> FunctionDefinition {
    FunctionDefinition(id: "crash-steps", trigger: .event(name: "crash/test")) { _, context in
        let runId = context.runId
        _ = try await context.step.run("one") { ledger?.append("\(runId) one"); return 1 }
        try await context.step.sleep("pause", for: .milliseconds(20))
        _ = try await context.step.run("two") { ledger?.append("\(runId) two"); return 2 }
        return .null
    }
}

/// What the releaser sends to the campaign run of the same `n`.
struct Release: Event {
    static let name = "crash/release"
    var n: Int64
}

/// A step body's failure on its first attempt, retried.
struct FirstAttemptFails: Error {}

func campaign(ledger: Ledger?) -> [FunctionDefinition] {
    let steps = FunctionDefinition(id: "crash-campaign", trigger: .event(name: "crash/campaign")) { _, context in
        let runId = context.runId
        let n = context.event.data["n"] ?? .null
        _ = try await context.step.run("one") { ledger?.append("\(runId) one"); return 1 }
        try await context.step.sleep("nap", for: .milliseconds(30))
        _ = try await context.step.run("flaky") {
            ledger?.append("\(runId) flaky@\(context.attempt)")
            if context.attempt == 0 { throw FirstAttemptFails() }
            return 2
        }
        async let left = context.step.run("left") { ledger?.append("\(runId) left"); return 3 }
        async let right = context.step.run("right") { ledger?.append("\(runId) right"); return 4 }
        _ = try await (left, right)
        let released = try await context.step.waitForEvent("release", event: "crash/release", if: "async.data.n == event.data.n",
                                                           timeout: .milliseconds(400))
        _ = try await context.step.run("last") { ledger?.append("\(runId) last"); return released != nil }
        return n
    }
    let releaser = FunctionDefinition(id: "crash-releaser", trigger: .event(name: "crash/campaign")) { _, context in
        guard case .integer(let n)? = context.event.data["n"], n % 2 == 1 else { return .null }
        try await context.step.sleep("settle", for: .milliseconds(60))
        try await context.step.sendEvent("release", Release(n: n))
        return .null
    }
    return [steps, releaser]
}

guard let mode = CommandLine.arguments.dropFirst().first, let path = option("db") else {
    FileHandle.standardError.write(Data("usage: inngest-crash-worker send|work --db PATH …\n".utf8))
    exit(2)
}
let ledger = option("ledger").map(Ledger.init(path:))
let lease = Int(option("lease-ms") ?? "") ?? 30_000
let definition = function(ledger: ledger)
let resolver = try await Container.boot(WorkerModule.self, rootProviders: []).rootResolver
let engine = try EmbeddedEngine(
    functions: [definition] + campaign(ledger: ledger),
    configuration: EngineConfiguration(databasePath: path, concurrency: 8,
                                       retryPolicy: RetryPolicy(initialDelay: .milliseconds(50), jitter: 0),
                                       logger: InngestLogger(sink: InngestLogger.discard),
                                       leaseDuration: .milliseconds(lease))) { _ in resolver }
switch mode {
case "send":
    let count = Int(option("count") ?? "") ?? 100
    let name = CommandLine.arguments.contains("--campaign") ? "crash/campaign" : "crash/test"
    _ = try await engine.send((0..<count).map { InngestEvent(name: name, data: .object(["n": .integer(Int64($0))])) })
case "work":
    try await engine.start()
    FileHandle.standardOutput.write(Data("working \(ProcessInfo.processInfo.processIdentifier)\n".utf8))
    // SIGKILL ends it anywhere; SIGTERM and SIGINT shut it down gracefully.
    _ = await TerminationSignal.wait()
    await engine.shutdown(deadline: .seconds(10))
default:
    FileHandle.standardError.write(Data("unknown mode \(mode)\n".utf8))
    exit(2)
}
