#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InngestTime

/// Delays as the timeline writes them: `250ms`, `1.5s`, `5m`.
enum Delay {
    /// A delay of `milliseconds` for humans.
    static func text(milliseconds: Int64) -> String {
        if milliseconds < 1000 { return "\(max(0, milliseconds))ms" }
        if milliseconds < 60_000 {
            let tenths = (milliseconds + 50) / 100
            return "\(tenths / 10).\(tenths % 10)s"
        }
        return TimeString.format(.seconds(milliseconds / 1000))
    }
}
