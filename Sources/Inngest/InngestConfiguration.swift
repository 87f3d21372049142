import Foundation

/// How an app runs.
public struct InngestConfiguration: Sendable {
    /// The app id (Inngest's app name). Environment-specific ids keep environments apart.
    public var appId: String
    /// The embedded engine's settings.
    public var engine: EngineConfiguration

    /// Creates a configuration. `INNGEST_DB_PATH` overrides the database path when set.
    /// - Parameters:
    ///   - appId: the app id.
    ///   - engine: the embedded engine's settings.
    public init(appId: String = "swift-inngest-app", engine: EngineConfiguration = EngineConfiguration()) {
        self.appId = appId
        self.engine = engine
        if let path = ProcessInfo.processInfo.environment["INNGEST_DB_PATH"], !path.isEmpty {
            self.engine.databasePath = path
        }
    }
}
