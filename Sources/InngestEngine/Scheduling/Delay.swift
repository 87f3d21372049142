import Foundation
import InngestTime

/// Delays as the timeline writes them: `250ms`, `1.5s`, `5m`.
enum Delay {
    /// A delay of `milliseconds` for humans.
    static func text(milliseconds: Int64) -> String {
        if milliseconds < 1000 { return "\(max(0, milliseconds))ms" }
        if milliseconds < 60_000 { return String(format: "%.1fs", Double(milliseconds) / 1000) }
        return TimeString.format(.seconds(milliseconds / 1000))
    }
}
