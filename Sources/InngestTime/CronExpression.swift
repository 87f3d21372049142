#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A five-field cron expression as the Inngest server accepts it, with an optional
/// `TZ=<zone> ` or `CRON_TZ=<zone> ` prefix.
///
/// Parsing follows robfig/cron v3 configured with `Minute | Hour | Dom | Month | Dow`:
///
/// - fields: minute 0–59, hour 0–23, day-of-month 1–31, month 1–12 or `JAN`–`DEC`,
///   day-of-week 0–6 or `SUN`–`SAT` (names are case-insensitive; 7 is not Sunday);
/// - entries: `*`, `?` (day fields only), `v`, `a-b`, `*/n`, `a-b/n`, `a/n` (from `a` to the
///   field's maximum, step `n`), and comma-separated lists of these;
/// - days: if day-of-month or day-of-week is unrestricted (`*`, `?`, `*/1`, or a list
///   containing one of these; `*/2` is restricted), a day must match both fields; if both
///   are restricted, a day matching either fires (`0 0 13 * FRI` fires on every 13th and
///   every Friday).
///
/// Stricter than robfig, so a schedule is rejected while generating code rather than when
/// Inngest syncs or never runs: descriptors (`@daily`, `@every 1h`), seconds fields,
/// expressions longer than 255 characters, unknown zones (and `Local`), zones followed by
/// anything but a space, `?` outside the day fields, `*-n`, a leading `+` on numbers, and
/// expressions that can never fire (`0 0 30 2 *`) are all errors.
///
/// Without a prefix the schedule runs in UTC.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The text as given to ``init(_:)``.
    public let source: String

    /// The zone named by a `TZ=` or `CRON_TZ=` prefix; `nil` means UTC.
    public let timeZoneIdentifier: String?

    /// The zone the schedule runs in; `nil` for UTC.
    let timeZone: TimeZone?

    /// The parsed fields.
    let schedule: CronSchedule

    /// How many calendar years past the starting instant ``nextFire(after:)`` searches.
    ///
    /// robfig/cron gives up after 5 years; 8 is the longest gap between two fire times of
    /// any expression this type accepts (`0 0 29 2 *` from 2096 skips 2100, which is not a
    /// leap year, and next fires in 2104).
    static let searchHorizonYears = 8

    /// Parses a cron expression.
    ///
    /// - Throws: ``CronParseError`` describing the first problem found, with the offset and
    ///   length of the offending text.
    public init(_ text: String) throws(CronParseError) {
        let result = try CronParser.parse(text)
        self.source = text
        self.timeZoneIdentifier = result.timeZoneIdentifier
        self.timeZone = result.timeZone
        self.schedule = result.schedule
    }

    /// The source text.
    public var description: String {
        source
    }

    /// The first fire time strictly after `date`.
    ///
    /// Fire times are wall-clock times in the expression's zone, to the minute. When a
    /// daylight-saving change skips a wall-clock time (02:30 on a spring-forward day) that
    /// time does not fire that day; when a change repeats wall-clock times (a fall-back
    /// hour) each repeated time fires once, at its first occurrence.
    ///
    /// - Returns: the fire time, or `nil` if there is none within eight years of `date`
    ///   (which only happens when every matching wall-clock time falls in a time-zone gap)
    ///   or `date` is not finite or lies beyond ±30,000 years from 1970.
    public func nextFire(after date: Date) -> Date? {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 9.4e11 else {
            return nil
        }
        let instant = Int(interval.rounded(.down))
        let clock = WallClock(timeZone)
        var candidate = CivilTime(containing: clock.wallClockSeconds(at: instant)).nextMinute
        let lastYear = candidate.year + Self.searchHorizonYears
        while let match = schedule.firstMatch(atOrAfter: candidate, lastYear: lastYear) {
            if let fire = clock.earliestInstant(showing: match.seconds), TimeInterval(fire) > interval {
                return Date(timeIntervalSince1970: TimeInterval(fire))
            }
            // The wall-clock time does not exist (a gap), or it first occurred before `date`
            // (it repeats in a fall-back overlap and has already fired).
            candidate = match.nextMinute
        }
        return nil
    }
}
