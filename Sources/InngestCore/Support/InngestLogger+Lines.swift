#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension InngestLogger {
    /// A record as text: `level message key=value…`, keys sorted, ending with a newline.
    /// - Parameters:
    ///   - level: the severity.
    ///   - message: the message.
    ///   - metadata: the record's metadata.
    /// - Returns: the line.
    public static func textLine(_ level: Level, _ message: String, _ metadata: [String: String]) -> String {
        let tail = metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        return "\(level) \(message)\(tail)\n"
    }

    /// A record as one line of JSON, ending with a newline:
    /// `{"level":"info","message":"…","metadata":{"attempt":"0","function":"…","run":"…","step":"…"},"time":"2025-01-31T12:00:00.000Z"}`.
    /// Keys are sorted; strings are escaped as JSON requires (quotes, backslashes and control
    /// characters, NUL and newlines included), other characters are written as UTF-8.
    /// - Parameters:
    ///   - level: the severity.
    ///   - message: the message.
    ///   - metadata: the record's metadata, as the `metadata` object.
    ///   - date: the record's time, as `time` (RFC 3339, UTC, milliseconds).
    /// - Returns: the line.
    public static func jsonLine(_ level: Level, _ message: String, _ metadata: [String: String], at date: Date) -> String {
        let record: JSONValue = .object([
            "level": .string(level.description),
            "message": .string(message),
            "metadata": .object(metadata.mapValues(JSONValue.string)),
            "time": .string(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))),
        ])
        // Strings and objects always have compact text.
        let bytes = JSONWriter.write(record) ?? []
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }
}
