import Foundation
@testable import InngestCore
import Synchronization
import Testing

/// One record a test sink received.
private struct Record: Sendable, Equatable {
    var level: InngestLogger.Level
    var message: String
    var metadata: [String: String]
}

/// A logger whose records a test reads.
private final class RecordingSink: Sendable {
    private let records = Mutex([Record]())
    var all: [Record] { records.withLock { $0 } }
    var messages: [String] { all.map(\.message) }
    func logger(metadata: [String: String] = [:]) -> InngestLogger {
        InngestLogger(minimumLevel: .debug, metadata: metadata) { level, message, metadata in
            self.records.withLock { $0.append(Record(level: level, message: message, metadata: metadata)) }
        }
    }
    func record(_ message: String) -> Record? { all.first { $0.message == message } }
}

@Suite struct LoggingTests {
    // MARK: Lines

    @Test func aJSONLineEscapesWhatJSONRequiresAndKeepsTheRest() throws {
        let message = "quote \" backslash \\ newline \n return \r tab \t nul \u{0} bell \u{7} é 日本 🚀 \u{2028}"
        let line = InngestLogger.jsonLine(.warning, message, ["key \"1\"": "a\nb", "ünï": "\u{0}"],
                                          at: Date(timeIntervalSince1970: 1_700_000_000.25))
        #expect(line.hasSuffix("}\n"))
        #expect(!line.dropLast().contains("\n"), "one record is one line")
        #expect(line.contains(#"quote \" backslash \\ newline \n return \r tab \t nul \u0000 bell \u0007 é 日本 🚀 "#))
        #expect(line.contains(#""key \"1\"":"a\nb""#))
        let escaped = #"quote \" backslash \\ newline \n return \r tab \t nul \u0000 bell \u0007 é 日本 🚀 "# + "\u{2028}"
        #expect(line == #"{"level":"warning","message":""# + escaped
                + #"","metadata":{"key \"1\"":"a\nb","ünï":"\u0000"},"time":"2023-11-14T22:13:20.250Z"}"# + "\n")
        // Any JSON reader gets the record back as it was.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == message)
        #expect(object["level"] as? String == "warning")
        #expect((object["metadata"] as? [String: String]) == ["key \"1\"": "a\nb", "ünï": "\u{0}"])
    }

    @Test func aTextLineSortsItsMetadata() {
        #expect(InngestLogger.textLine(.info, "hello", ["run": "r1", "attempt": "0", "function": "f"])
                == "info hello attempt=0 function=f run=r1\n")
    }

    // MARK: Format

    @Test func theFormatIsTheStandardErrorOutputsAndACustomSinkHasNone() {
        #expect(InngestLogger().format == .text)
        #expect(InngestLogger(format: .json).format == .json)
        var custom = InngestLogger(sink: InngestLogger.discard)
        #expect(custom.format == nil)
        custom.writeToStandardError(as: .json)
        #expect(custom.format == nil, "a custom sink is kept")
        var switched = InngestLogger(minimumLevel: .warning)
        switched.writeToStandardError(as: .json)
        #expect(switched.format == .json)
        #expect(switched.minimumLevel == .warning)
        switched.sink = InngestLogger.discard
        #expect(switched.format == nil, "setting a sink replaces the standard-error output")
    }

    // MARK: Run metadata

    @Test func recordsCarryTheRunFunctionStepAndAttempt() async throws {
        let sink = RecordingSink()
        let fn = function("charge-card") { context in
            context.logger.info("before")
            _ = try await context.step.run("charge") {
                context.logger.info("in charge")
                return 1
            }
            context.logger.info("after")
            return .null
        }
        let outcome = await Executor.execute(fn, request: request(attempt: 2), resolver: try await emptyResolver(), checkpoint: { _ in },
                                             logger: sink.logger(metadata: ["app": "shop"]))
        #expect(outcome == .completed(.null))
        #expect(sink.record("before")?.metadata == ["app": "shop", "run": "run-1", "function": "charge-card", "attempt": "2"])
        #expect(sink.record("in charge")?.metadata == ["app": "shop", "run": "run-1", "function": "charge-card", "attempt": "2", "step": "charge"])
        // Once a step was recorded, Inngest counts attempts afresh.
        #expect(sink.record("after")?.metadata == ["app": "shop", "run": "run-1", "function": "charge-card", "attempt": "0"])
    }

    @Test func aLoggersOwnMetadataWinsOverTheRunsOfTheSameName() async throws {
        let sink = RecordingSink()
        let fn = function { context in
            var logger = context.logger
            logger.metadata["step"] = "mine"
            _ = try await context.step.run("a") { logger.info("in a"); return 1 }
            return .null
        }
        _ = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: { _ in }, logger: sink.logger())
        #expect(sink.record("in a")?.metadata["step"] == "mine")
    }

    @Test func anInjectedLoggerGetsTheRunsMetadataInItsTaskTreeAndNoneOutside() async throws {
        let sink = RecordingSink()
        let service = sink.logger(metadata: ["component": "billing"])
        let fn = function { context in
            service.info("handler")
            async let parallel: Int = context.step.run("p") { service.info("in p"); return 1 }
            _ = try await parallel
            return .null
        }
        _ = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: { _ in }, logger: InngestLogger(sink: InngestLogger.discard))
        service.info("outside")
        #expect(sink.record("handler")?.metadata == ["component": "billing", "run": "run-1", "function": "fn", "attempt": "0"])
        #expect(sink.record("in p")?.metadata == ["component": "billing", "run": "run-1", "function": "fn", "attempt": "0", "step": "p"])
        #expect(sink.record("outside")?.metadata == ["component": "billing"])
    }

    // MARK: Replay

    @Test func everyLoggerIsSilentWhileCompletedStepsReplayAndTalksAgainAtNewWork() async throws {
        let sink = RecordingSink()
        let service = sink.logger()
        let fn = function(retries: 3) { context in
            context.logger.info("start")
            service.info("service start")
            let a: Int = try await context.step.run("a") { context.logger.info("body a"); return 1 }
            context.logger.info("after a \(a)")
            let b: Int = try await context.step.run("b") {
                context.logger.info("body b attempt \(context.attempt)")
                if context.attempt == 0 { throw Boom() }
                return 2
            }
            service.info("after b \(b)")
            return .null
        }
        // First execution: a runs and is recorded; b fails its first attempt.
        let memo = Mutex([String: StepMemo]())
        let checkpoint: Checkpoint = { op in if let data = op.data { memo.withLock { $0[op.id] = .data(data) } } }
        _ = await Executor.execute(fn, request: request(), resolver: try await emptyResolver(), checkpoint: checkpoint, logger: sink.logger())
        #expect(sink.messages == ["start", "service start", "body a", "after a 1", "body b attempt 0"])
        // The retry replays a: nothing before it is written again. The code after a runs again, as
        // in Inngest's SDKs (the failed attempt of b recorded nothing), then b's second attempt.
        _ = await Executor.execute(fn, request: request(memo: memo.withLock { $0 }, attempt: 1), resolver: try await emptyResolver(),
                                   checkpoint: checkpoint, logger: sink.logger())
        #expect(sink.messages == ["start", "service start", "body a", "after a 1", "body b attempt 0",
                                  "after a 1", "body b attempt 1", "after b 2"])
        #expect(sink.record("body b attempt 1")?.metadata["attempt"] == "1")
    }
}
