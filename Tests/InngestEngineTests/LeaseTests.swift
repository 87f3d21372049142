import Foundation
import Inngest
@testable import InngestEngine
import InngestTesting
import Testing

/// Several engines on one database: each run executes in one of them; a run whose engine stopped
/// is taken over once its lease expires, never while the engine renews it.
@Suite struct LeaseTests {
    struct Counted: InngestFunction {
        static let id = "counted"
        static let trigger = Trigger.event(Keyed.self)
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("one") { journal.add("one \(event.n)") }
            try await context.step.run("two") { journal.add("two \(event.n)") }
        }
    }

    @Test func twoEnginesOnOneFileRunEachStepOnce() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let first = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Counted(journal: journal))])
        let second = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Counted(journal: journal))])
        try await first.start(runLoop: false)
        try await second.start(runLoop: false)
        _ = try await first.send(try (0..<200).map { try InngestEvent(Keyed(key: "", n: $0)) })
        async let a: Void = first.runUntilIdle()
        async let b: Void = second.runUntilIdle()
        _ = try await (a, b)
        // A third engine starting meanwhile takes over nothing: every run is finished or leased.
        let third = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Counted(journal: journal))])
        #expect(try await third.start(runLoop: false) == 0)
        #expect(journal.all.count == 400)
        #expect(Set(journal.all).count == 400)
        #expect(try await first.runs(limit: 1_000).allSatisfy { $0.status == .completed })
    }

    struct Stuck: InngestFunction {
        static let id = "stuck"
        static let trigger = Trigger.event(Keyed.self)
        let journal: Journal
        let entered: Latch?

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("work") {
                journal.add("work")
                if let entered {
                    entered.open()
                    await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
                }
            }
        }
    }

    @Test func aRunIsTakenOverOnlyOnceItsLeaseExpired() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let entered = Latch()
        let first = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Stuck(journal: journal, entered: entered))])
        try await first.start(runLoop: false)
        _ = try await first.send([try InngestEvent(Keyed(key: "", n: 0))])
        Task { try await first.runUntilIdle() }
        await entered.wait()
        let second = try await makeEngine(path: path, clock: clock, functions: [FunctionDefinition(handler: Stuck(journal: journal, entered: nil))])
        #expect(try await second.start(runLoop: false) == 0)
        clock.advance(by: .seconds(29))
        try await second.runUntilIdle()
        #expect(journal.all == ["work"])
        clock.advance(by: .seconds(2))
        try await second.runUntilIdle()
        #expect(journal.all == ["work", "work"])
        let run = try #require(try await second.runs().first)
        #expect(run.status == .completed)
        #expect(try await second.timeline(of: run.runId).contains { $0.detail.contains("stopped renewing its lease") })
    }

    @Test func aHolderWhoseProcessIsGoneIsTakenOverAtOnce() throws {
        let mine = LeaseOwner.current().text.split(separator: "#", omittingEmptySubsequences: false).map(String.init)
        #expect(mine.count == 4 && mine[2] != "?")
        #expect(LeaseOwner.isGone("\(mine[0])#999999999#1#x"), "no such process")
        #expect(LeaseOwner.isGone("\(mine[0])#\(mine[1])#1#x"), "this process id, but a process that started at another time")
        #expect(!LeaseOwner.isGone(LeaseOwner.current().text), "this process")
        #expect(!LeaseOwner.isGone("another-host#1#1#x"))
        #expect(!LeaseOwner.isGone("garbage"))
    }
}
