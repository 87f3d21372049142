/// JSON text that the framework refuses to read: malformed, nested too deeply, or holding a value it
/// could not keep exactly (a number with more digits than 64-bit integers or doubles hold, a lone
/// UTF-16 surrogate, a key given twice).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset in the text where the problem was found.
    public let offset: Int
    /// What is wrong.
    public let reason: String

    /// Creates the error.
    /// - Parameters:
    ///   - reason: what is wrong.
    ///   - offset: the byte offset in the text.
    public init(_ reason: String, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// `reason (at byte N)`.
    public var description: String { "\(reason) (at byte \(offset))" }
}
