/// A problem found while scanning (or later while checking) source files.
///
/// Its `description` has the `file:line:col: error: message` shape that Xcode and SwiftPM
/// turn into clickable issues when a build tool prints it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable {
        /// The build must fail.
        case error
        /// Worth reporting; the build may go on.
        case warning
        /// Extra information attached to another diagnostic.
        case note
    }

    /// How bad the problem is.
    public var severity: Severity
    /// Where the problem is, when it has a place in a file.
    public var location: SourceLocation?
    /// What is wrong, in one sentence without a trailing period.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:col: error: message`, or `error: message` without a location.
    public var description: String {
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}
