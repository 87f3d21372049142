/// A value bound to or read from a SQLite statement.
enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The integer, if this is one.
    var int: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The text, if this is text.
    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}

/// One result row, by column name.
struct SQLiteRow: Sendable {
    let columns: [String: SQLiteValue]

    subscript(_ name: String) -> SQLiteValue { columns[name] ?? .null }
}
