import Foundation
import Inngest
import InngestTesting
import Testing

/// Two worker processes (`inngest-crash-worker`) on one database: every step runs once; after one
/// is killed with SIGKILL mid-burst, the other takes its runs over once their lease expires, and
/// only steps that were in flight at the kill run twice.
@Suite(.serialized) struct SeveralProcessesTests {
    @Test func twoProcessesRunEachStepOnce() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: CrashWorker.executable.path), "build the package first: \(CrashWorker.executable.path)")
        let worker = try CrashWorker()
        #expect(try worker.send(2_000))
        let workers = try (0..<2).map { _ in try worker.work() }
        defer { for process in workers where process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let finished = try await CrashWorker.wait { worker.lines().count >= 4_000 }
        #expect(finished)
        #expect(try await CrashWorker.wait { try await worker.unfinished() == 0 })
        let lines = worker.lines()
        #expect(lines.count == 4_000)
        #expect(Set(lines).count == 4_000, "a step ran twice")
    }

    @Test(arguments: [203, 1_201]) func aTerminatedProcessStopsGracefullyAndNoStepRunsTwice(seed: Int) async throws {
        let worker = try CrashWorker()
        #expect(try worker.send(1_000))
        let first = try worker.work()
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        #expect(try await CrashWorker.wait { worker.lines().count >= seed })
        kill(first.processIdentifier, SIGTERM)
        first.waitUntilExit()
        #expect(first.terminationReason == .exit && first.terminationStatus == 0)
        // Its runs were stopped at step boundaries and queued again: the next process resumes them at once.
        let second = try worker.work()
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        #expect(try await CrashWorker.wait { try await worker.unfinished() == 0 && worker.lines().count >= 2_000 })
        let lines = worker.lines()
        #expect(lines.count == 2_000)
        #expect(Set(lines).count == 2_000, "a step ran twice")
    }

    @Test(arguments: [157, 911, 1_733]) func aKilledProcessesRunsAreTakenOverByTheOther(seed: Int) async throws {
        let worker = try CrashWorker()
        #expect(try worker.send(1_000))
        let victim = try worker.work(leaseMilliseconds: 1_500)
        let survivor = try worker.work(leaseMilliseconds: 1_500)
        defer { for process in [victim, survivor] where process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Kill at a point the seed picks: after that many side effects.
        #expect(try await CrashWorker.wait { worker.lines().count >= seed })
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(try await CrashWorker.wait { try await worker.unfinished() == 0 && worker.lines().count >= 2_000 })
        let lines = worker.lines()
        let counts = Dictionary(lines.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(counts.count == 2_000, "every run ran both steps")
        // Only steps in flight at the kill (at most the victim's 8 executing runs) ran twice.
        #expect(counts.values.filter { $0 > 1 }.count <= 8)
        #expect(counts.values.allSatisfy { $0 <= 2 })
    }
}
