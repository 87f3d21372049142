import Foundation
import Inngest
import InngestTesting
import Testing

/// `batchEvents`: one run receives up to `maxSize` events, typed as an array, when the batch is
/// full or `timeout` after its first event; events its `if` rejects run alone at once.
@Suite struct BatchTests {
    struct Batched: InngestFunction {
        static let id = "batched"
        static let trigger = Trigger<[Keyed]>.event(Keyed.self)
        static let options = FunctionOptions(batchEvents: .maxSize(3, timeout: .seconds(10), key: \Keyed.key, if: "event.data.n < 100"))
        let journal: Journal

        func handle(_ events: [Keyed], context: Context) async throws {
            try await context.step.run("work") {
                journal.add(events.map { "\($0.key)\($0.n)" }.joined(separator: " "))
            }
        }
    }

    @Test func fullBatchesStartAtOnceAndTheRestAtTheTimeout() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Batched(journal: journal))])
        for n in 0..<7 { try await app.send(Keyed(key: "a", n: n)) }
        try await app.send(Keyed(key: "b", n: 0))
        try await app.runUntilIdle()
        #expect(Set(journal.all) == ["a0 a1 a2", "a3 a4 a5"])
        let waiting = try await app.runs().filter { $0.status == .queued }
        #expect(waiting.count == 2)
        #expect(waiting.allSatisfy { $0.waitingFor?.hasPrefix("batching: 1 of 3 events") == true })
        try await app.advance(by: .seconds(10))
        #expect(Set(journal.all) == ["a0 a1 a2", "a3 a4 a5", "a6", "b0"])
    }

    @Test func eventsTheConditionRejectsRunAlone() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Batched(journal: journal))])
        try await app.send(Keyed(key: "a", n: 1))
        try await app.send(Keyed(key: "a", n: 500))
        try await app.runUntilIdle()
        #expect(journal.all == ["a500"])
        try await app.advance(by: .seconds(10))
        #expect(journal.all == ["a500", "a1"])
    }
}
