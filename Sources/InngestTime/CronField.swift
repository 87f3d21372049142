/// One of the five fields of a cron expression, with its bounds and accepted names.
enum CronField: Int, Sendable, CaseIterable {
    /// Minute of the hour, 0–59.
    case minute
    /// Hour of the day, 0–23.
    case hour
    /// Day of the month, 1–31.
    case dayOfMonth
    /// Month, 1–12 or `JAN`–`DEC`.
    case month
    /// Day of the week, 0–6 (Sunday is 0) or `SUN`–`SAT`.
    case dayOfWeek

    /// The smallest allowed value.
    var minimum: Int {
        switch self {
        case .minute, .hour, .dayOfWeek: 0
        case .dayOfMonth, .month: 1
        }
    }

    /// The largest allowed value.
    var maximum: Int {
        switch self {
        case .minute: 59
        case .hour: 23
        case .dayOfMonth: 31
        case .month: 12
        case .dayOfWeek: 6
        }
    }

    /// The field's name as used in messages, e.g. "day-of-month".
    var name: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        }
    }

    /// The accepted values, as used in messages, e.g. "0-59" or "1-12 or JAN-DEC".
    var allowedValues: String {
        switch self {
        case .month: "1-12 or JAN-DEC"
        case .dayOfWeek: "0-6 (0 is Sunday) or SUN-SAT"
        default: "\(minimum)-\(maximum)"
        }
    }

    /// Whether `?` may stand for "any" in this field (as in robfig/cron, only the day fields).
    var acceptsQuestionMark: Bool {
        self == .dayOfMonth || self == .dayOfWeek
    }

    /// The three-letter lowercase names accepted in place of numbers, in value order
    /// starting at ``minimum``; empty for fields without names.
    var names: [String] {
        switch self {
        case .month: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        case .dayOfWeek: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        default: []
        }
    }

    /// The value of a case-insensitive name such as "Mon" or "DEC", or `nil`.
    func value(named name: String) -> Int? {
        names.firstIndex(of: name.lowercased()).map { $0 + minimum }
    }
}
