/// The parsed form of a cron expression's five fields: one bit set per field, plus the
/// robfig/cron "star" flags that decide how day-of-month and day-of-week combine.
struct CronSchedule: Sendable, Hashable {
    /// Bit `n` set when minute `n` (0–59) matches.
    var minutes: UInt64 = 0
    /// Bit `n` set when hour `n` (0–23) matches.
    var hours: UInt64 = 0
    /// Bit `n` set when day of month `n` (1–31) matches.
    var daysOfMonth: UInt64 = 0
    /// Bit `n` set when month `n` (1–12) matches.
    var months: UInt64 = 0
    /// Bit `n` set when day of week `n` (0–6, Sunday is 0) matches.
    var daysOfWeek: UInt64 = 0
    /// Whether the day-of-month field is unrestricted (`*`, `?`, `*/1`, or a list containing one).
    var dayOfMonthIsWildcard = false
    /// Whether the day-of-week field is unrestricted (`*`, `?`, `*/1`, or a list containing one).
    var dayOfWeekIsWildcard = false

    /// The bits of `field`.
    subscript(field: CronField) -> UInt64 {
        get {
            switch field {
            case .minute: minutes
            case .hour: hours
            case .dayOfMonth: daysOfMonth
            case .month: months
            case .dayOfWeek: daysOfWeek
            }
        }
        set {
            switch field {
            case .minute: minutes = newValue
            case .hour: hours = newValue
            case .dayOfMonth: daysOfMonth = newValue
            case .month: months = newValue
            case .dayOfWeek: daysOfWeek = newValue
            }
        }
    }

    /// Whether a date's day matches, with robfig/cron's rule: if either day field is
    /// unrestricted both must match, otherwise either may.
    @inline(__always)
    func dayMatches(day: Int, weekday: Int) -> Bool {
        let domMatches = daysOfMonth & (1 << UInt64(day)) != 0
        let dowMatches = daysOfWeek & (1 << UInt64(weekday)) != 0
        if dayOfMonthIsWildcard || dayOfWeekIsWildcard {
            return domMatches && dowMatches
        }
        return domMatches || dowMatches
    }

    /// Whether some day can ever match (ignoring hours and minutes, which always can):
    /// false for e.g. `30 2 *` or `31 4,6,9,11 *`.
    var canFire: Bool {
        // With an unrestricted day-of-week only the day-of-month constrains the day; with a
        // restricted day-of-week (and AND or OR combination) some weekday in every month matches.
        guard dayOfWeekIsWildcard, !dayOfMonthIsWildcard else {
            return true
        }
        for month in 1...12 where months & (1 << UInt64(month)) != 0 {
            // February 29 counts: it occurs in leap years.
            let longest = month == 2 ? 29 : CivilTime.daysInMonth(year: 2001, month: month)
            let daysInMonth: UInt64 = (1 << UInt64(longest + 1)) - 2
            if daysOfMonth & daysInMonth != 0 {
                return true
            }
        }
        return false
    }

    /// The lowest set bit of `bits` at or above `position` and at most `limit`, or `nil`.
    @inline(__always)
    private static func firstBit(of bits: UInt64, from position: Int, through limit: Int) -> Int? {
        guard position <= limit else {
            return nil
        }
        let masked = bits & (~UInt64(0) << UInt64(position))
        guard masked != 0 else {
            return nil
        }
        let bit = masked.trailingZeroBitCount
        return bit <= limit ? bit : nil
    }

    /// The first wall-clock minute at or after `start` that matches every field, searching
    /// no later than the end of `lastYear`; `nil` if there is none.
    ///
    /// Advances field by field (month, then day, then hour, then minute), jumping straight
    /// to the next set bit, so each step skips all non-matching values at once.
    func firstMatch(atOrAfter start: CivilTime, lastYear: Int) -> CivilTime? {
        var year = start.year
        var month = start.month
        var day = start.day
        var hour = start.hour
        var minute = start.minute

        while year <= lastYear {
            // Month.
            if months & (1 << UInt64(month)) == 0 {
                if let next = Self.firstBit(of: months, from: month + 1, through: 12) {
                    month = next
                } else if let first = Self.firstBit(of: months, from: 1, through: 12) {
                    year += 1
                    month = first
                } else {
                    return nil
                }
                day = 1
                hour = 0
                minute = 0
                continue
            }

            // Day.
            let monthLength = CivilTime.daysInMonth(year: year, month: month)
            var weekday = day <= monthLength ? CivilTime.weekday(year: year, month: month, day: day) : 0
            var matchingDay: Int?
            var candidate = day
            while candidate <= monthLength {
                if dayMatches(day: candidate, weekday: weekday) {
                    matchingDay = candidate
                    break
                }
                candidate += 1
                weekday = weekday == 6 ? 0 : weekday + 1
            }
            guard let foundDay = matchingDay else {
                month += 1
                if month == 13 {
                    month = 1
                    year += 1
                }
                day = 1
                hour = 0
                minute = 0
                continue
            }
            if foundDay != day {
                day = foundDay
                hour = 0
                minute = 0
            }

            // Hour.
            guard let foundHour = Self.firstBit(of: hours, from: hour, through: 23) else {
                day += 1
                hour = 0
                minute = 0
                continue
            }
            if foundHour != hour {
                hour = foundHour
                minute = 0
            }

            // Minute.
            guard let foundMinute = Self.firstBit(of: minutes, from: minute, through: 59) else {
                hour += 1
                minute = 0
                if hour == 24 {
                    day += 1
                    hour = 0
                }
                continue
            }
            return CivilTime(year: year, month: month, day: day, hour: hour, minute: foundMinute)
        }
        return nil
    }
}
