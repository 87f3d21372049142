/// A wall-clock time to the minute in the proleptic Gregorian calendar, with no time zone.
///
/// ``CronExpression`` searches for fire times in wall-clock terms and only then converts
/// the result to an instant. The conversions here are pure integer arithmetic
/// (Howard Hinnant's `days_from_civil` / `civil_from_days`), which makes the search fast
/// and free of `Calendar` round trips.
struct CivilTime: Sendable, Hashable {
    /// The year, e.g. 2026.
    var year: Int
    /// The month, 1–12.
    var month: Int
    /// The day of the month, 1–31.
    var day: Int
    /// The hour, 0–23.
    var hour: Int
    /// The minute, 0–59.
    var minute: Int

    /// Creates a wall-clock time from its fields, which must already be in range.
    init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// The wall-clock minute containing `seconds`, a count of seconds since
    /// 1970-01-01T00:00 on the same wall clock.
    init(containing seconds: Int) {
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let date = Self.date(fromDays: days)
        self.init(year: date.year, month: date.month, day: date.day, hour: secondOfDay / 3_600, minute: secondOfDay % 3_600 / 60)
    }

    /// Seconds since 1970-01-01T00:00 on the same wall clock.
    var seconds: Int {
        Self.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60
    }

    /// The next wall-clock minute.
    var nextMinute: CivilTime {
        var next = self
        next.minute += 1
        if next.minute == 60 {
            next.minute = 0
            next.hour += 1
            if next.hour == 24 {
                next.hour = 0
                next.day += 1
                if next.day > Self.daysInMonth(year: year, month: month) {
                    next.day = 1
                    next.month += 1
                    if next.month == 13 {
                        next.month = 1
                        next.year += 1
                    }
                }
            }
        }
        return next
    }

    /// Whether `year` is a Gregorian leap year.
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` of `year`.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day of the week of a date: 0 for Sunday through 6 for Saturday.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        // 1970-01-01 was a Thursday (4).
        let remainder = (days(year: year, month: month, day: day) + 4) % 7
        return remainder < 0 ? remainder + 7 : remainder
    }

    /// Days since 1970-01-01 of a date (`days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01 (`civil_from_days`).
    static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Division rounding toward negative infinity.
    static func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
        let quotient = dividend / divisor
        return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
