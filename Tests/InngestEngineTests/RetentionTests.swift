import Foundation
import Inngest
@testable import InngestEngine
import InngestTesting
import Testing

/// Retention: runs finished longer ago than the retention go, with their steps, timelines and the
/// events no remaining run needs; unfinished and recent runs stay.
@Suite struct RetentionTests {
    struct Napper: InngestFunction {
        static let id = "napper"
        static let trigger = Trigger.event(Keyed.self)
        func handle(_ event: Keyed, context: Context) async throws {
            _ = try await context.step.run("one") { event.n }
            if event.key == "long" { try await context.step.sleep("nap", for: .days(30)) }
        }
    }

    @Test func finishedRunsAndTheirEventsArePrunedAfterTheRetention() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let functions = [FunctionDefinition(handler: Napper())]
        let resolver = try await Container.boot(EmptyTestModule.self, rootProviders: functions.compactMap(\.handlerProvider)).rootResolver
        let engine = try EmbeddedEngine(
            functions: functions,
            configuration: EngineConfiguration(databasePath: path, logger: InngestLogger(sink: InngestLogger.discard), retention: .seconds(2 * 86_400)),
            clock: clock) { _ in resolver }
        try await engine.start(runLoop: false)
        _ = try await engine.send([try InngestEvent(Keyed(key: "old", n: 1)), try InngestEvent(Keyed(key: "long", n: 2))])
        _ = try await engine.send([InngestEvent(name: "nobody/listens")])
        try await engine.runUntilIdle()
        clock.advance(by: .seconds(86_400))
        _ = try await engine.send([try InngestEvent(Keyed(key: "recent", n: 3))])
        try await engine.runUntilIdle()
        clock.advance(by: .seconds(86_400 + 60))
        let pruned = try await engine.prune()
        #expect(pruned.runs == 1)
        #expect(pruned.events == 2)
        let left = try await engine.runs()
        #expect(Set(left.map(\.status)) == [.queued, .completed])
        #expect(left.count == 2)
        let connection = try SQLiteConnection(path: path)
        #expect(try connection.query("SELECT COUNT(*) AS n FROM events").first?["n"].int == 2)
        #expect(try connection.query("SELECT COUNT(*) AS n FROM steps WHERE run_id NOT IN (SELECT run_id FROM runs)").first?["n"].int == 0)
        #expect(try connection.query("SELECT COUNT(*) AS n FROM timeline WHERE run_id NOT IN (SELECT run_id FROM runs)").first?["n"].int == 0)
    }

    @Test func withoutARetentionNothingIsPruned() async throws {
        let clock = ManualClock()
        let functions = [FunctionDefinition(handler: Napper())]
        let resolver = try await Container.boot(EmptyTestModule.self, rootProviders: functions.compactMap(\.handlerProvider)).rootResolver
        let engine = try EmbeddedEngine(
            functions: functions,
            configuration: EngineConfiguration(databasePath: ":memory:", logger: InngestLogger(sink: InngestLogger.discard), retention: nil),
            clock: clock) { _ in resolver }
        try await engine.start(runLoop: false)
        _ = try await engine.send([try InngestEvent(Keyed(key: "old", n: 1))])
        try await engine.runUntilIdle()
        clock.advance(by: .seconds(400 * 86_400))
        #expect(try await engine.prune() == (0, 0))
        #expect(try await engine.runs().count == 1)
    }
}
