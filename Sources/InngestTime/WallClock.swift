#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Converts between instants (whole seconds since the Unix epoch) and wall-clock seconds
/// (seconds since 1970-01-01T00:00 on the local clock) in one time zone.
struct WallClock: Sendable {
    /// The zone, or `nil` for UTC, where the conversion is the identity.
    let timeZone: TimeZone?

    /// Creates a clock for `timeZone`, or for UTC if it is `nil`; the UTC clock never
    /// consults the time zone database.
    init(_ timeZone: TimeZone?) {
        self.timeZone = timeZone
    }

    /// The zone's offset from UTC in seconds at `instant`.
    @inline(__always)
    func offset(at instant: Int) -> Int {
        guard let timeZone else {
            return 0
        }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The wall-clock seconds at `instant`.
    func wallClockSeconds(at instant: Int) -> Int {
        instant + offset(at: instant)
    }

    /// The earliest instant whose wall-clock reading is `wallClock`, or `nil` if that reading
    /// never occurs (it falls in a gap, such as 02:30 on a spring-forward day).
    ///
    /// When a reading occurs twice (a fall-back overlap) the first occurrence is returned.
    func earliestInstant(showing wallClock: Int) -> Int? {
        guard timeZone != nil else {
            return wallClock
        }
        // Any offset change near `wallClock` is bracketed by the offsets one day either
        // side (real zones never change offset twice within a day).
        let before = offset(at: wallClock - 86_400)
        let after = offset(at: wallClock + 86_400)
        var earliest: Int?
        for candidateOffset in before == after ? [before] : [before, after] {
            let instant = wallClock - candidateOffset
            if offset(at: instant) == candidateOffset, instant < earliest ?? Int.max {
                earliest = instant
            }
        }
        return earliest
    }
}
