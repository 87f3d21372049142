/// A duration the build read from a marker time string (`"1h"`) or a Swift literal
/// (`.hours(1)`), and where it is written.
public struct LocatedDuration: Sendable, Hashable {
    /// The length in nanoseconds; zero or negative when written so (the build refuses it).
    public var nanoseconds: Int64
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a located duration.
    public init(nanoseconds: Int64, location: SourceLocation) {
        self.nanoseconds = nanoseconds
        self.location = location
    }

    /// The duration as Swift source, in the largest unit that states it exactly: `.hours(1)`,
    /// `.seconds(90)`, `.milliseconds(1500)`.
    public var swiftExpression: String {
        guard nanoseconds != 0 else { return ".seconds(0)" }
        let units: [(String, Int64)] = [
            ("days", 86_400_000_000_000), ("hours", 3_600_000_000_000), ("minutes", 60_000_000_000),
            ("seconds", 1_000_000_000), ("milliseconds", 1_000_000), ("microseconds", 1_000),
        ]
        for (name, size) in units where nanoseconds % size == 0 {
            return ".\(name)(\(nanoseconds / size))"
        }
        return ".nanoseconds(\(nanoseconds))"
    }
}
