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
    /// The statement's column names, shared by its rows.
    let names: [String]
    let values: [SQLiteValue]

    /// The value of the column `name`, or null when the statement has no such column. Rows have a
    /// handful of columns: a scan of their names costs less than hashing one.
    subscript(_ name: String) -> SQLiteValue {
        for index in names.indices where names[index] == name { return values[index] }
        return .null
    }
}
