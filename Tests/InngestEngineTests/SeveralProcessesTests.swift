import Foundation
import Inngest
import InngestTesting
import Testing

/// Two worker processes (`inngest-crash-worker`) on one database: every step runs once; after one
/// is killed with SIGKILL mid-burst, the other takes its runs over once their lease expires, and
/// only steps that were in flight at the kill run twice.
@Suite(.serialized) struct SeveralProcessesTests {
    private static let worker: URL = {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("inngest-crash-worker")
    }()

    private func run(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.worker
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func ledger(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Waits (polling the files, with a generous deadline for loaded machines) until `done` holds.
    private func wait(timeout: Duration = .seconds(240), until done: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if try await done() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await done()
    }

    private func unfinished(_ database: String) async throws -> Int {
        let inspector = try EngineInspector(databasePath: database)
        return try await inspector.runs(status: .queued, limit: 100_000).count + inspector.runs(status: .running, limit: 100_000).count
    }

    private func workspace() throws -> (database: String, ledger: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inngest-processes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (directory.appendingPathComponent("engine.sqlite").path, directory.appendingPathComponent("ledger.txt").path)
    }

    @Test func twoProcessesRunEachStepOnce() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.worker.path), "build the package first: \(Self.worker.path)")
        let (database, ledger) = try workspace()
        let send = try run(["send", "--db", database, "--count", "2000"])
        send.waitUntilExit()
        #expect(send.terminationStatus == 0)
        let workers = try (0..<2).map { _ in try run(["work", "--db", database, "--ledger", ledger]) }
        defer { for worker in workers where worker.isRunning { kill(worker.processIdentifier, SIGKILL) } }
        let finished = try await wait { self.ledger(ledger).count >= 4_000 }
        #expect(finished)
        #expect(try await wait { try await self.unfinished(database) == 0 })
        let lines = self.ledger(ledger)
        #expect(lines.count == 4_000)
        #expect(Set(lines).count == 4_000, "a step ran twice")
    }

    @Test(arguments: [203, 1_201]) func aTerminatedProcessStopsGracefullyAndNoStepRunsTwice(seed: Int) async throws {
        let (database, ledger) = try workspace()
        let send = try run(["send", "--db", database, "--count", "1000"])
        send.waitUntilExit()
        let first = try run(["work", "--db", database, "--ledger", ledger])
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        #expect(try await wait { self.ledger(ledger).count >= seed })
        kill(first.processIdentifier, SIGTERM)
        first.waitUntilExit()
        #expect(first.terminationReason == .exit && first.terminationStatus == 0)
        // Its runs were stopped at step boundaries and queued again: the next process resumes them at once.
        let second = try run(["work", "--db", database, "--ledger", ledger])
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        #expect(try await wait { try await self.unfinished(database) == 0 && self.ledger(ledger).count >= 2_000 })
        let lines = self.ledger(ledger)
        #expect(lines.count == 2_000)
        #expect(Set(lines).count == 2_000, "a step ran twice")
    }

    @Test(arguments: [157, 911, 1_733]) func aKilledProcessesRunsAreTakenOverByTheOther(seed: Int) async throws {
        let (database, ledger) = try workspace()
        let send = try run(["send", "--db", database, "--count", "1000"])
        send.waitUntilExit()
        let victim = try run(["work", "--db", database, "--ledger", ledger, "--lease-ms", "1500"])
        let survivor = try run(["work", "--db", database, "--ledger", ledger, "--lease-ms", "1500"])
        defer { for worker in [victim, survivor] where worker.isRunning { kill(worker.processIdentifier, SIGKILL) } }
        // Kill at a point the seed picks: after that many side effects.
        #expect(try await wait { self.ledger(ledger).count >= seed })
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(try await wait { try await self.unfinished(database) == 0 && self.ledger(ledger).count >= 2_000 })
        let lines = self.ledger(ledger)
        let counts = Dictionary(lines.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(counts.count == 2_000, "every run ran both steps")
        // Only steps in flight at the kill (at most the victim's 8 executing runs) ran twice.
        #expect(counts.values.filter { $0 > 1 }.count <= 8)
        #expect(counts.values.allSatisfy { $0 <= 2 })
    }
}
