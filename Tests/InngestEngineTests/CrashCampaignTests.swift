import Foundation
import Inngest
import Testing

/// The crash campaign, in the suite: a worker process runs functions with every kind of durable
/// step (steps, a sleep, a retried step, parallel steps, a wait for an event another function
/// sends, or its timeout) and is killed with SIGKILL at seeded random points, then restarted. A
/// ledger of side effects, checked against what the database had committed at each kill, shows
/// that every accepted event's runs complete, that no step committed before a kill runs again,
/// and that only steps in flight at a kill ran twice.
@Suite(.serialized) struct CrashCampaignTests {
    private static let runs = 120
    private static let kills = 5
    /// The worker executes 8 runs at once, each with at most its 2 parallel steps in flight.
    private static let inFlightPerKill = 16

    /// The ledger lines that the database's committed state forbids from appearing again: a
    /// completed step's body, and the first attempt of `flaky` once its failure was recorded.
    private func committed(_ database: String) async throws -> Set<String> {
        let inspector = try EngineInspector(databasePath: database)
        var lines = Set<String>()
        for run in try await inspector.runs(functionId: "crash-campaign", limit: 100_000) {
            for entry in try await inspector.timeline(of: run.runId) {
                guard let step = entry.step else { continue }
                switch (entry.kind, step) {
                case (.stepCompleted, "flaky"): lines.formUnion(["\(run.runId) flaky@0", "\(run.runId) flaky@1"])
                case (.stepCompleted, _): lines.insert("\(run.runId) \(step)")
                case (.stepRetrying, "flaky"): lines.insert("\(run.runId) flaky@0")
                default: break
                }
            }
        }
        return lines
    }

    @Test(arguments: [11 as UInt64, 2_027]) func killedAtRandomPointsEveryRunCompletesAndNoCommittedStepRunsAgain(seed: UInt64) async throws {
        var random = SeededRandom(seed: seed)
        let worker = try CrashWorker()
        #expect(try worker.send(Self.runs, campaign: true))
        var forbidden = Set<String>()
        var checked = 0
        var repeated: [String] = []
        for _ in 0..<Self.kills {
            let process = try worker.work()
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            // Kill after a seeded number of new side effects, wherever the runs are then (or once
            // every run has finished: the last kills may come after the end).
            let target = worker.lines().count + Int.random(in: 30...240, using: &random)
            let reached = try await CrashWorker.wait {
                if worker.lines().count >= target { return true }
                return try await worker.unfinished() == 0
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let lines = worker.lines()
            repeated += lines[checked...].filter(forbidden.contains)
            checked = lines.count
            forbidden.formUnion(try await committed(worker.database))
            if !reached || lines.count < target { break }
        }
        let last = try worker.work()
        defer { if last.isRunning { kill(last.processIdentifier, SIGKILL) } }
        #expect(try await CrashWorker.wait { try await worker.unfinished() == 0 })
        kill(last.processIdentifier, SIGTERM)
        last.waitUntilExit()
        let lines = worker.lines()
        repeated += lines[checked...].filter(forbidden.contains)
        #expect(repeated.isEmpty, "committed steps ran again: \(repeated.prefix(5))")

        let inspector = try EngineInspector(databasePath: worker.database)
        for function in ["crash-campaign", "crash-releaser"] {
            let runs = try await inspector.runs(functionId: function, limit: 100_000)
            #expect(runs.count == Self.runs, "\(function): one run per event")
            #expect(runs.allSatisfy { $0.status == .completed }, "\(function): \(runs.filter { $0.status != .completed }.prefix(3))")
        }
        let campaignRuns = try await inspector.runs(functionId: "crash-campaign", limit: 100_000)
        let seen = Set(lines)
        for run in campaignRuns {
            for step in ["one", "flaky@0", "flaky@1", "left", "right", "last"] {
                #expect(seen.contains("\(run.runId) \(step)"), "run \(run.runId) never ran \(step)")
            }
        }
        let counts = Dictionary(lines.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(counts.values.filter { $0 > 1 }.count <= Self.kills * Self.inFlightPerKill, "only steps in flight at a kill ran twice")
        #expect(counts.values.allSatisfy { $0 <= 1 + Self.kills })
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed reproduces.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
