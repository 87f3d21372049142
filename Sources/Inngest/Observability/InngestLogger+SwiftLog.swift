// The swift-log bridge, compiled only with the package trait `SwiftLog`:
//
//   .package(url: "https://github.com/<you>/swift-inngest", from: "0.1.0", traits: ["SwiftLog"])

#if SwiftLog
public import Logging

extension InngestLogger {
    /// A logger that hands every record to a swift-log `Logger`, so that the app's own log handler
    /// receives the framework's records, their run metadata included (`run`, `function`,
    /// `attempt`, `step`, and `app` on the app's logger), as `.string` metadata values.
    ///
    /// With the trait on, `InngestConfiguration` bridges an engine logger that writes to standard
    /// error to `Logger(label: "inngest")` by itself; use this to pick the `Logger`.
    /// ```swift
    /// var configuration = InngestConfiguration(appId: "shop")
    /// configuration.engine.logger = InngestLogger(swiftLog: Logger(label: "shop.inngest"))
    /// ```
    /// - Parameters:
    ///   - logger: where records go; its level filters them too.
    ///   - metadata: attached to every record.
    public init(swiftLog logger: Logger, metadata: [String: String] = [:]) {
        self.init(minimumLevel: Level(logger.logLevel), metadata: metadata) { level, message, metadata in
            logger.log(level: Logger.Level(level), "\(message)", metadata: metadata.mapValues { .string($0) }, source: "inngest")
        }
    }
}

extension InngestLogger.Level {
    /// The nearest level at or below swift-log's (`trace` is `debug`, `notice` is `info`, `critical` is `error`).
    init(_ level: Logger.Level) {
        switch level {
        case .trace, .debug: self = .debug
        case .info, .notice: self = .info
        case .warning: self = .warning
        case .error, .critical: self = .error
        }
    }
}

extension Logger.Level {
    /// swift-log's level of the same name.
    init(_ level: InngestLogger.Level) {
        switch level {
        case .debug: self = .debug
        case .info: self = .info
        case .warning: self = .warning
        case .error: self = .error
        }
    }
}
#endif
