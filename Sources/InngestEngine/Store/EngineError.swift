/// Why the embedded engine refused to start or to accept work. Compare `code` to tell the kinds
/// apart; `description` says what is wrong and what to do.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure. New kinds may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The file is a SQLite database (or other file) that swift-inngest did not create.
        public static let foreignDatabase = Code("foreignDatabase")
        /// The file is not a readable SQLite database, or is damaged.
        public static let corruptDatabase = Code("corruptDatabase")
        /// There is no database at the path (inspection never creates one).
        public static let missingDatabase = Code("missingDatabase")
        /// The file was written by a newer swift-inngest.
        public static let newerSchema = Code("newerSchema")
        /// The database or its directory cannot be written.
        public static let readOnly = Code("readOnly")
        /// The disk (or the file system quota) is full.
        public static let diskFull = Code("diskFull")
        /// The file cannot be opened at all.
        public static let cannotOpen = Code("cannotOpen")
        /// Two functions share an id.
        public static let duplicateFunction = Code("duplicateFunction")
        /// A cron trigger does not parse.
        public static let invalidCron = Code("invalidCron")
        /// An expression (a trigger's `if`, a `cancelOn` condition) does not parse.
        public static let invalidExpression = Code("invalidExpression")
        /// A function's options are out of range or contradict each other.
        public static let invalidOptions = Code("invalidOptions")
        /// The engine is shutting down.
        public static let shuttingDown = Code("shuttingDown")

        /// The kind's name.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// What is wrong and what to do.
    public let description: String

    private init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    package static func foreignDatabase(path: String, found: String) -> EngineError {
        EngineError(.foreignDatabase, "\(path) is not a swift-inngest database (\(found)); refusing to touch it. "
                    + "Point the engine at a new file or at a swift-inngest database.")
    }

    package static func corruptDatabase(path: String, detail: String) -> EngineError {
        EngineError(.corruptDatabase, "\(path) is not a readable SQLite database or is damaged (\(detail)); refusing to change it. "
                    + "Move it away or restore a backup; `sqlite3 \(path) .recover` may save its contents.")
    }

    package static func missingDatabase(path: String) -> EngineError {
        EngineError(.missingDatabase, "there is no database at \(path); pass the path the app uses (--db, or INNGEST_DB_PATH)")
    }

    package static func newerSchema(path: String, found: Int, supported: Int) -> EngineError {
        EngineError(.newerSchema, "\(path) has schema version \(found), newer than this swift-inngest supports (\(supported)); "
                    + "upgrade swift-inngest.")
    }

    package static func duplicateFunction(id: String) -> EngineError {
        EngineError(.duplicateFunction, "two functions have the id \"\(id)\"; function ids must be unique in an app")
    }

    package static func invalidCron(functionId: String, detail: String) -> EngineError {
        EngineError(.invalidCron, "function \(functionId) has an invalid cron trigger: \(detail)")
    }

    package static func invalidExpression(functionId: String, expression: String, detail: String) -> EngineError {
        EngineError(.invalidExpression, "function \(functionId) has an invalid expression \"\(expression)\": \(detail)")
    }

    package static func invalidOptions(functionId: String, detail: String) -> EngineError {
        EngineError(.invalidOptions, "function \(functionId) has invalid options: \(detail)")
    }

    package static let shuttingDown = EngineError(.shuttingDown, "the engine is shutting down and accepts no more events")

    /// A readable error for a SQLite failure on `path`, when it is one a user can act on (read-only
    /// file or directory, full disk, a file that cannot be opened, a damaged file); `nil` otherwise.
    package static func storage(_ error: SQLiteError, path: String) -> EngineError? {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let folder = directory.isEmpty ? "the current directory" : directory
        switch error.code {
        case 1544:  // SQLITE_READONLY_DIRECTORY
            return EngineError(.readOnly, "cannot write the database \(path): its directory \(folder) is read-only, and SQLite must "
                               + "create its -wal and -shm files there. Make the directory writable or choose another path.")
        case 264, 776:  // SQLITE_READONLY_RECOVERY, SQLITE_READONLY_CANTINIT
            return EngineError(.readOnly, "cannot write the database \(path): its -wal or -shm file cannot be created or written "
                               + "(\(error.message)). Check the permissions of \(folder) and of the files beside \(path).")
        case let code where code & 0xFF == 8:  // SQLITE_READONLY
            return EngineError(.readOnly, "cannot write the database \(path): the file is read-only (\(error.message)). "
                               + "Make it writable by the app's user, or choose another path.")
        case let code where code & 0xFF == 13:  // SQLITE_FULL
            return EngineError(.diskFull, "cannot write the database \(path): the disk is full. Free some space; nothing that "
                               + "was accepted before is lost.")
        case let code where code & 0xFF == 14:  // SQLITE_CANTOPEN
            return EngineError(.cannotOpen, "cannot open the database \(path) (\(error.message)): check that \(folder) exists, "
                               + "that the app may read and write it, and that the path is not a directory.")
        case let code where code & 0xFF == 11 || code & 0xFF == 26:  // SQLITE_CORRUPT, SQLITE_NOTADB
            return corruptDatabase(path: path, detail: error.message)
        default:
            return nil
        }
    }
}
