import Foundation
import Inngest

/// Child processes of `inngest-crash-worker` (built with the package) for the tests that kill or
/// stop an engine's process, and the files they share with the test: a database and a ledger of
/// side effects, one line per step body executed.
struct CrashWorker {
    /// The worker executable, next to the test bundle.
    static let executable: URL = {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("inngest-crash-worker")
    }()

    /// The database of this workspace.
    let database: String
    /// The ledger of this workspace.
    let ledger: String

    /// A fresh directory with the database and the ledger's paths (neither exists yet).
    init() throws {
        let directory = TestScratch.path("processes")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = directory.appendingPathComponent("engine.sqlite").path
        ledger = directory.appendingPathComponent("ledger.txt").path
    }

    /// Starts the worker with `arguments`.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Accepts `count` events (of the campaign function with `campaign`) and waits for the sender to exit.
    /// - Returns: whether it exited normally.
    func send(_ count: Int, campaign: Bool = false) throws -> Bool {
        let sender = try start(["send", "--db", database, "--count", String(count)] + (campaign ? ["--campaign"] : []))
        sender.waitUntilExit()
        return sender.terminationReason == .exit && sender.terminationStatus == 0
    }

    /// Starts a worker that executes runs, with leases of `leaseMilliseconds` when given.
    func work(leaseMilliseconds: Int? = nil) throws -> Process {
        try start(["work", "--db", database, "--ledger", ledger] + (leaseMilliseconds.map { ["--lease-ms", String($0)] } ?? []))
    }

    /// The ledger's lines so far.
    func lines() -> [String] {
        ((try? String(contentsOfFile: ledger, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Queued and running runs in the database.
    func unfinished() async throws -> Int {
        let inspector = try EngineInspector(databasePath: database)
        return try await inspector.runs(status: .queued, limit: 100_000).count + inspector.runs(status: .running, limit: 100_000).count
    }

    /// Waits (polling the files, with a generous deadline for loaded machines) until `done` holds.
    /// The workers are other processes that no manual clock drives, so this polls real time.
    static func wait(timeout: Duration = .seconds(240), until done: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if try await done() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await done()
    }
}
