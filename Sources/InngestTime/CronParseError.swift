/// Why a cron expression was rejected, and where in its text the problem is.
///
/// ``offset`` and ``length`` count `Character`s (extended grapheme clusters) of
/// ``CronExpression/source``, so a code generator can underline the offending span.
public struct CronParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and what to write instead.
    public let message: String

    /// The 0-based `Character` offset into the source where the problem starts.
    public let offset: Int

    /// The number of `Character`s in the offending span; at least 1.
    public let length: Int

    /// Creates an error; `length` is raised to 1 if smaller and `offset` to 0 if negative.
    init(_ message: String, offset: Int, length: Int) {
        self.message = message
        self.offset = max(0, offset)
        self.length = max(1, length)
    }

    /// The message followed by the 1-based column range it refers to.
    public var description: String {
        let first = offset + 1
        let last = offset + length
        return first == last ? "\(message) (column \(first))" : "\(message) (columns \(first)-\(last))"
    }
}
