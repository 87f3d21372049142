/// A SQLite failure, with SQLite's own message and what the engine was doing.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// SQLite's result code.
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The statement or operation.
    public let context: String

    /// A readable message.
    public var description: String { "SQLite error \(code) (\(message)) during \(context)" }
}
