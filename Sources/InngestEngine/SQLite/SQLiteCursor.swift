#if canImport(SQLite3)
import SQLite3
#else
import CSQLite
#endif

/// The row a statement stands on, read column by column (0-based). Valid only inside the
/// `SQLiteConnection.each` call that handed it out.
struct SQLiteCursor {
    let statement: OpaquePointer

    /// The statement's column names.
    var names: [String] {
        (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
    }

    /// The value of a column, copied out.
    func value(_ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_NULL: return .null
        default: return withBytes(column) { bytes in bytes.map { .text(String(decoding: $0, as: UTF8.self)) } } ?? .null
        }
    }

    /// The text of a column, or nil when it is null or a number.
    func text(_ column: Int32) -> String? {
        withBytes(column) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with a text (or blob) column's bytes in SQLite's own buffer (counted, so a NUL
    /// inside is kept), or with nil when the column is null or a number. The bytes are valid only
    /// during the call.
    func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        let type = sqlite3_column_type(statement, column)
        guard type == SQLITE_TEXT || type == SQLITE_BLOB, let text = sqlite3_column_text(statement, column) else {
            return try body(nil)
        }
        return try body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
    }
}
