#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How an app runs.
public struct InngestConfiguration: Sendable {
    /// Who orchestrates runs.
    public enum Orchestration: Sendable {
        /// The embedded engine, in this process, on SQLite (the default).
        case embedded
        /// An Inngest server (Cloud, `inngest dev`, `inngest start`): events go to its event API, it
        /// calls the app through `InngestApp.serveHandler`, and the embedded engine stays idle.
        case inngest(ServeConfiguration)
    }

    /// The app id (Inngest's app name; environment-specific ids keep environments apart). It tags
    /// every log record as `app`, and must equal the serve configuration's id when an Inngest server
    /// orchestrates.
    public var appId: String
    /// The embedded engine's settings.
    public var engine: EngineConfiguration
    /// Who orchestrates runs.
    public var orchestration: Orchestration

    /// Creates a configuration. From the environment: `INNGEST_DB_PATH` overrides the database
    /// path when set; `INNGEST_LOG_FORMAT=json` (or `text`) sets the format of a logger that
    /// writes to standard error (one with a custom sink keeps it). The enabled traits set up the
    /// rest: with `SwiftLog` such a logger goes to swift-log, with `Metrics` and `Tracing` the
    /// engine's `instrumentation` (unless one is set) emits metrics and spans.
    /// - Parameters:
    ///   - appId: the app id.
    ///   - engine: the embedded engine's settings.
    ///   - orchestration: the embedded engine (default) or an Inngest server.
    public init(appId: String = "swift-inngest-app", engine: EngineConfiguration = EngineConfiguration(),
                orchestration: Orchestration = .embedded) {
        self.init(appId: appId, engine: engine, orchestration: orchestration, environment: ProcessInfo.processInfo.environment)
    }

    /// Creates a configuration with `environment` standing in for the process's.
    package init(appId: String, engine: EngineConfiguration, orchestration: Orchestration, environment: [String: String]) {
        self.appId = appId
        self.engine = engine
        self.orchestration = orchestration
        if let path = environment["INNGEST_DB_PATH"], !path.isEmpty {
            self.engine.databasePath = path
        }
        Self.applyTraits(to: &self.engine, appId: appId)
        if let name = environment["INNGEST_LOG_FORMAT"], !name.isEmpty {
            if let format = InngestLogger.Format(rawValue: name.lowercased()) {
                self.engine.logger.writeToStandardError(as: format)
            } else {
                self.engine.logger.warning("INNGEST_LOG_FORMAT is \(name.debugDescription), which is neither text nor json: it is ignored")
            }
        }
    }
}
