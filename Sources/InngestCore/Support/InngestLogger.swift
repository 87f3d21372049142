#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small structured logger. The framework has no logging dependency: records go to standard
/// error, as text for people or as JSON lines for a log pipeline, or to any `sink` (with the
/// `SwiftLog` trait, `InngestLogger(swiftLog:)` hands them to a swift-log `Logger`).
///
/// While a function runs, every logger used in it (`context.logger`, or one injected into a
/// service) adds the run's metadata to its records: `run`, `function`, `attempt` and, in a step's
/// body, `step`. It is silent while completed steps are replayed, so each line is written once.
///
/// ```swift
/// let logger = InngestLogger(minimumLevel: .debug, format: .json)
/// ```
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

    /// How records written to standard error look.
    public enum Format: String, Sendable, CaseIterable {
        /// `info message key=value…`, keys sorted: for people (`textLine`).
        case text
        /// One JSON object per line, `{"level":…,"message":…,"metadata":{…},"time":…}`: for log
        /// pipelines (`jsonLine`). `INNGEST_LOG_FORMAT=json` selects it for an app's logger.
        case json
    }

    /// Receives a record: level, message and metadata.
    public typealias Sink = @Sendable (Level, String, [String: String]) -> Void

    /// Records below this level are dropped.
    public var minimumLevel: Level
    /// Metadata attached to every record. Its keys win over the run's of the same name.
    public var metadata: [String: String]
    /// Where records go. Setting it replaces the standard-error output (`format` becomes nil).
    public var sink: Sink {
        didSet { format = nil }
    }
    /// The format of the standard-error output, or nil when records go to a custom sink.
    public private(set) var format: Format?
    /// The run this logger was made for (`context.logger`); otherwise the run of the task that
    /// logs, if any.
    var run: RunLogContext?

    /// Creates a logger that writes to standard error.
    /// - Parameters:
    ///   - minimumLevel: records below it are dropped.
    ///   - metadata: attached to every record.
    ///   - format: text (the default) or JSON lines.
    public init(minimumLevel: Level = .info, metadata: [String: String] = [:], format: Format = .text) {
        self.minimumLevel = minimumLevel
        self.metadata = metadata
        self.sink = Self.standardError(format)
        self.format = format
    }

    /// Creates a logger that hands its records to `sink`.
    /// - Parameters:
    ///   - minimumLevel: records below it are dropped.
    ///   - metadata: attached to every record.
    ///   - sink: where records go (`standardError`, `jsonLines`, `discard`, or your own).
    public init(minimumLevel: Level = .info, metadata: [String: String] = [:], sink: @escaping Sink) {
        self.minimumLevel = minimumLevel
        self.metadata = metadata
        self.sink = sink
        self.format = nil
    }

    /// Switches a logger that writes to standard error to `format`; one with a custom sink keeps it.
    package mutating func writeToStandardError(as format: Format) {
        guard self.format != nil else { return }
        sink = Self.standardError(format)
        self.format = format
    }

    /// Logs at `level`.
    public func log(_ level: Level, _ message: @autoclosure () -> String) {
        guard level >= minimumLevel else { return }
        guard let run = run ?? RunLogContext.current else {
            sink(level, message(), metadata)
            return
        }
        guard !run.isSuppressed else { return }
        sink(level, message(), metadata.merging(run.metadata) { own, _ in own })
    }

    /// Logs a debug record.
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    /// Logs an info record.
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    /// Logs a warning.
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    /// Logs an error.
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    /// Writes `textLine`s to standard error.
    public static let standardError: Sink = { level, message, metadata in
        writeToStandardError(textLine(level, message, metadata))
    }

    /// Writes `jsonLine`s, stamped with the current time, to standard error. A logger belongs to no
    /// engine, so the stamp is the wall clock's; tests stamp lines themselves with `jsonLine(…at:)`.
    public static let jsonLines: Sink = { level, message, metadata in
        writeToStandardError(jsonLine(level, message, metadata, at: Date()))
    }

    /// Drops every record.
    public static let discard: Sink = { _, _, _ in }

    private static func standardError(_ format: Format) -> Sink {
        switch format {
        case .text: standardError
        case .json: jsonLines
        }
    }

    /// One `write(2)` of the whole line, so that lines from concurrent tasks do not interleave.
    private static func writeToStandardError(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            var rest = UnsafeRawBufferPointer(bytes)
            while !rest.isEmpty {
                let written = write(STDERR_FILENO, rest.baseAddress, rest.count)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
            }
        }
    }
}
