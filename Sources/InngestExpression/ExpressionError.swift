/// Why an expression was refused when it was parsed: a syntax error, a construct outside the subset
/// of CEL that the framework evaluates (named in the message), or a limit exceeded.
///
/// The position is given twice, so that a build tool can point inside the string literal that holds
/// the expression whichever way it counts: as a byte offset, and as a line and a column in characters.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the construct: `the ternary operator …`, `unknown variable 'evnt' …`.
    public let message: String
    /// The offset of the problem in the expression's UTF-8 bytes, from 0.
    public let utf8Offset: Int
    /// The line of the problem in the expression, from 1 (expressions may span lines).
    public let line: Int
    /// The column of the problem on its line, from 1, counted in characters (grapheme clusters), so
    /// `"é" == x` puts `==` at column 5 although it starts at byte 5 of the line.
    public let column: Int

    /// Creates the error, working out the line and column of a byte offset in `text`.
    /// - Parameters:
    ///   - message: what is wrong.
    ///   - utf8Offset: the byte offset of the problem; clamped to the text.
    ///   - text: the expression.
    package init(_ message: String, at utf8Offset: Int, in text: String) {
        self.message = message
        let bytes = text.utf8
        let offset = min(max(0, utf8Offset), bytes.count)
        self.utf8Offset = offset
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        let end = bytes.index(bytes.startIndex, offsetBy: offset)
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        self.line = line
        // Count characters from the start of the line up to the offset. An offset inside a multi-byte
        // scalar (never produced by the parser) rounds down to the scalar's start.
        let prefix = String(decoding: bytes[lineStart..<end], as: UTF8.self)
        self.column = prefix.count + 1
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
