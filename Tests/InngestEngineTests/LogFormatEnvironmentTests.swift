import Inngest
import Synchronization
import Testing

@Suite struct LogFormatEnvironmentTests {
    private func configuration(_ engine: EngineConfiguration = EngineConfiguration(), environment: [String: String]) -> InngestConfiguration {
        InngestConfiguration(appId: "app", engine: engine, orchestration: .embedded, environment: environment)
    }

    @Test func inngestLogFormatPicksTheFormatOfTheStandardErrorOutput() {
        #expect(configuration(environment: [:]).engine.logger.format == .text)
        #expect(configuration(environment: ["INNGEST_LOG_FORMAT": "json"]).engine.logger.format == .json)
        #expect(configuration(environment: ["INNGEST_LOG_FORMAT": "JSON"]).engine.logger.format == .json)
        let json = EngineConfiguration(logger: InngestLogger(minimumLevel: .warning, format: .json))
        let switched = configuration(json, environment: ["INNGEST_LOG_FORMAT": "text"]).engine.logger
        #expect(switched.format == .text && switched.minimumLevel == .warning)
    }

    @Test func aCustomSinkIsKeptAndAnUnknownFormatIsReported() {
        let messages = Mutex([String]())
        let logger = InngestLogger { _, message, _ in messages.withLock { $0.append(message) } }
        #expect(configuration(EngineConfiguration(logger: logger), environment: ["INNGEST_LOG_FORMAT": "json"]).engine.logger.format == nil)
        _ = configuration(EngineConfiguration(logger: logger), environment: ["INNGEST_LOG_FORMAT": "yaml"])
        #expect(messages.withLock { $0 } == [#"INNGEST_LOG_FORMAT is "yaml", which is neither text nor json: it is ignored"#])
    }
}
