#if canImport(SQLite3)
import SQLite3
#else
import CSQLite
#endif

/// The engine's one connection to its database file: WAL mode, full fsync on commit, cached
/// prepared statements. Not thread-safe: the `EngineStore` actor owns it.
final class SQLiteConnection {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// Told the log's size after each commit (`checkpointing(with:)`); kept as long as the
    /// connection, which holds it unretained as the hook's context.
    private var checkpointer: WALCheckpointer?

    /// `SQLITE_TRANSIENT`: SQLite copies bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Opens (creating if needed) the database at `path`; `":memory:"` for a private in-memory one.
    /// - Throws: `SQLiteError` when the file cannot be opened.
    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw SQLiteError(code: status, message: message, context: "opening \(path)")
        }
        sqlite3_busy_timeout(handle, 5_000)
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close(handle)
    }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        if status != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(error)
            throw SQLiteError(code: status, message: message, context: sql)
        }
    }

    /// Runs a statement with parameters and returns its rows.
    @discardableResult
    func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        var names: [String]?
        try each(sql, bindings) { cursor in
            let columns = names ?? cursor.names
            names = columns
            rows.append(SQLiteRow(names: columns, values: (0..<Int32(columns.count)).map(cursor.value)))
        }
        return rows
    }

    /// Runs a statement with parameters and hands each row to `body` as it is read, its text
    /// readable in place (`SQLiteCursor.withBytes`) without copying it into a string first.
    func each(_ sql: String, _ bindings: [SQLiteValue] = [], _ body: (SQLiteCursor) throws -> Void) throws {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in bindings.enumerated() {
            let position = Int32(index + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, position)
            case .integer(let value): status = sqlite3_bind_int64(statement, position, value)
            case .real(let value): status = sqlite3_bind_double(statement, position, value)
            case .text(let value): status = Self.bind(value, to: statement, at: position)
            }
            guard status == SQLITE_OK else { throw SQLiteError(code: status, message: lastMessage, context: sql) }
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw SQLiteError(code: status, message: lastMessage, context: sql) }
            try body(SQLiteCursor(statement: statement))
        }
    }

    /// Runs `body` in an immediate transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        // Prepared once and reused (`query`), as every statement of the hot paths is.
        try query("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try query("COMMIT")
            return result
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Binds text by its UTF-8 byte count, so that a NUL inside it is kept rather than ending it.
    private static func bind(_ text: String, to statement: OpaquePointer, at position: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(statement, position, "", 0, transient)
            }
            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(statement, position, $0, Int32(bytes.count), transient)
            }
        }
    }

    /// Has `checkpointer` checkpoint the log instead of SQLite's automatic checkpoint inside the
    /// commit that grows it past 1,000 pages: the hook is told each commit's log size.
    func checkpointing(with checkpointer: WALCheckpointer) {
        self.checkpointer = checkpointer
        sqlite3_wal_hook(handle, { context, _, _, pages in
            if let context { Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().logGrew(to: pages) }
            return SQLITE_OK
        }, Unmanaged.passUnretained(checkpointer).toOpaque())
    }

    /// Copies into the database file the frames the checkpointer's last pass left in the log (those
    /// committed while it ran), between two of this connection's transactions: with no commit in
    /// between, the log is then wholly copied and the next commit starts it again from its
    /// beginning. Does nothing unless the checkpointer asks for it.
    func finishCheckpoint() {
        guard let checkpointer, checkpointer.finishWanted() else { return }
        _ = try? query("PRAGMA wal_checkpoint(PASSIVE)")
        checkpointer.finished()
    }

    /// Whether SQLite opened the file read-only (the operating system refuses writes to it).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    private var lastMessage: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection" }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw SQLiteError(code: status, message: lastMessage, context: sql)
        }
        statements[sql] = statement
        return statement
    }
}
