/// Why the embedded engine refused to start or to accept work.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// The file is a SQLite database that swift-inngest did not create.
    case foreignDatabase(path: String, tables: [String])
    /// The file is not a readable SQLite database.
    case corruptDatabase(path: String, detail: String)
    /// There is no database at the path (inspection never creates one).
    case missingDatabase(path: String)
    /// The file was written by a newer swift-inngest.
    case newerSchema(path: String, found: Int, supported: Int)
    /// Two functions share an id.
    case duplicateFunction(id: String)
    /// A cron trigger does not parse.
    case invalidCron(functionId: String, detail: String)
    /// The engine is shutting down.
    case shuttingDown

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .foreignDatabase(let path, let tables):
            "\(path) is a SQLite database that swift-inngest did not create (tables: \(tables.prefix(5).joined(separator: ", "))); "
                + "refusing to touch it. Point the engine at a new file or a swift-inngest database."
        case .corruptDatabase(let path, let detail):
            "\(path) is not a readable SQLite database (\(detail)); refusing to overwrite it. Move it away or restore a backup."
        case .missingDatabase(let path):
            "there is no database at \(path); pass the path the app uses (--db, or INNGEST_DB_PATH)"
        case .newerSchema(let path, let found, let supported):
            "\(path) has schema version \(found), newer than this swift-inngest supports (\(supported)); upgrade swift-inngest."
        case .duplicateFunction(let id):
            "two functions have the id \"\(id)\"; function ids must be unique in an app"
        case .invalidCron(let functionId, let detail):
            "function \(functionId) has an invalid cron trigger: \(detail)"
        case .shuttingDown:
            "the engine is shutting down and accepts no more events"
        }
    }
}
