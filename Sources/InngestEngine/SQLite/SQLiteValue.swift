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

    /// The same row with column `name`'s value replaced (unchanged when there is no such column).
    func replacing(_ name: String, with value: SQLiteValue) -> SQLiteRow {
        var values = values
        for index in names.indices where names[index] == name { values[index] = value }
        return SQLiteRow(names: names, values: values)
    }
}
