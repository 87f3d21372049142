import Foundation

/// A small structured logger. The framework has no logging dependency; point `sink` at your logging
/// system (swift-log, OSLog…) to forward records.
public struct InngestLogger: Sendable {
    /// Severity.
    public enum Level: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        /// Details for debugging.
        case debug
        /// Normal operation.
        case info
        /// Something unexpected that was handled.
        case warning
        /// A failure.
        case error

        /// Orders by severity.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
        /// The lowercase name.
        public var description: String { ["debug", "info", "warning", "error"][rawValue] }
    }

    /// Receives a record: level, message and metadata.
    public typealias Sink = @Sendable (Level, String, [String: String]) -> Void

    /// Records below this level are dropped.
    public var minimumLevel: Level
    /// Metadata attached to every record.
    public var metadata: [String: String]
    /// Where records go.
    public var sink: Sink
    /// Returns true while records must be dropped (replay of completed steps).
    var isSuppressed: @Sendable () -> Bool = { false }

    /// Creates a logger.
    /// - Parameters:
    ///   - minimumLevel: records below it are dropped.
    ///   - metadata: attached to every record.
    ///   - sink: where records go; standard error by default.
    public init(minimumLevel: Level = .info, metadata: [String: String] = [:], sink: @escaping Sink = InngestLogger.standardError) {
        self.minimumLevel = minimumLevel
        self.metadata = metadata
        self.sink = sink
    }

    /// Logs at `level`.
    public func log(_ level: Level, _ message: @autoclosure () -> String) {
        guard level >= minimumLevel, !isSuppressed() else { return }
        sink(level, message(), metadata)
    }

    /// Logs a debug record.
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    /// Logs an info record.
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    /// Logs a warning.
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    /// Logs an error.
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    /// Writes `level message key=value…` lines to standard error.
    public static let standardError: Sink = { level, message, metadata in
        let tail = metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        FileHandle.standardError.write(Data("\(level) \(message)\(tail)\n".utf8))
    }

    /// Drops every record.
    public static let discard: Sink = { _, _, _ in }
}
