import Foundation
import Inngest
import InngestTesting
import Testing

/// A send of more than 100 events is accepted in parts of 100, one transaction each: the ids come
/// back in order, an id repeated across parts is accepted once, and every run starts once, in the
/// order of the send.
@Suite struct LargeSendTests {
    struct Recorder: InngestFunction {
        static let id = "recorder"
        static let trigger = Trigger.event(Keyed.self)
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("record") { journal.add("\(event.n)") }
        }
    }

    /// `count` events numbered from 0; those at `repeats` carry the id "repeated".
    static func events(_ count: Int, repeats: Set<Int> = []) throws -> [InngestEvent] {
        try (0..<count).map { n in
            var event = try InngestEvent(Keyed(key: "k", n: n))
            if repeats.contains(n) { event.id = "repeated" }
            return event
        }
    }

    @Test func partsKeepTheOrderAndAnIdRepeatedAcrossThemIsAcceptedOnce() async throws {
        let journal = Journal()
        let engine = try await makeEngine(path: temporaryDatabase(), clock: ManualClock(),
                                          functions: [FunctionDefinition(handler: Recorder(journal: journal))], concurrency: 16)
        try await engine.start(runLoop: false)
        // Three parts (100, 100, 50); the repeated id is in the first and the third.
        let ids = try await engine.send(Self.events(250, repeats: [7, 207]))
        #expect(ids.count == 250)
        #expect(ids[207] == ids[7])
        #expect(Set(ids).count == 249)
        try await engine.runUntilIdle()
        let recorded = journal.all
        #expect(recorded.count == 249)
        #expect(!recorded.contains("207"))
        // Claims take runs in the order they were queued: the first claim holds the first 16 events.
        #expect(Set(recorded.prefix(16)) == Set((0..<16).map(String.init)))
        #expect(try await engine.runCounts()[.completed] == 249)
    }

    @Test(.timeLimit(.minutes(1))) func everyRunOfALargeSendRunsOnceWithTheLoopRunning() async throws {
        let journal = Journal()
        let engine = try await makeEngine(path: temporaryDatabase(), clock: ManualClock(),
                                          functions: [FunctionDefinition(handler: Recorder(journal: journal))], concurrency: 8)
        try await engine.start()
        // Two sends at once, one in parts: the parts of one go between those of the other.
        async let first = engine.send(Self.events(430))
        async let second = engine.send(Self.events(120))
        let ids = try await first + second
        #expect(Set(ids).count == 550)
        #expect(try await engine.waitUntilAllRunsFinish(timeout: .seconds(50)))
        let recorded = journal.all
        #expect(recorded.count == 550)
        #expect(Set(recorded).count == 430)  // Numbers 0..<120 come from both sends.
        await engine.shutdown()
    }
}
