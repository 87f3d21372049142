#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Parses the text of a cron expression into a ``CronSchedule`` and time zone.
///
/// Accepts what robfig/cron v3 accepts with `Minute | Hour | Dom | Month | Dow` (the parser
/// the Inngest server uses), except for the stricter rules listed on ``CronExpression``,
/// and reports every rejection with a ``CronParseError`` that points into the text.
struct CronParser: Sendable {
    /// The longest expression accepted, in `Character`s.
    static let maximumLength = 255

    /// The result of a successful parse.
    struct Result: Sendable {
        /// The zone named by a `TZ=` / `CRON_TZ=` prefix, or `nil`.
        var timeZoneIdentifier: String?
        /// The zone the schedule runs in, or `nil` for UTC when there is no prefix.
        var timeZone: TimeZone?
        /// The field sets.
        var schedule: CronSchedule
    }

    /// A half-open range of `Character` offsets into the text.
    private struct Span {
        var start: Int
        var end: Int
        var length: Int { end - start }
    }

    /// The text as `Character`s, so offsets are `Character` offsets.
    private let characters: [Character]

    private init(_ characters: [Character]) {
        self.characters = characters
    }

    /// Parses `text`.
    static func parse(_ text: String) throws(CronParseError) -> Result {
        if text.allSatisfy(\.isWhitespace) {
            throw CronParseError(
                "The cron expression is empty; write five fields 'minute hour day-of-month month day-of-week', "
                    + "for example '0 * * * *' for every hour.",
                offset: 0,
                length: text.count
            )
        }
        let count = text.count
        if count > maximumLength {
            throw CronParseError(
                "The cron expression is \(count) characters long; the limit is \(maximumLength). "
                    + "Write five fields such as '*/5 * * * *'.",
                offset: maximumLength,
                length: count - maximumLength
            )
        }
        return try CronParser(Array(text)).parse()
    }

    // MARK: - Whole expression

    private func parse() throws(CronParseError) -> Result {
        var position = 0
        var timeZoneIdentifier: String?
        var timeZone: TimeZone?

        if let prefixLength = timeZonePrefixLength() {
            let zone = span(from: prefixLength, while: { !$0.isWhitespace })
            let prefix = text(Span(start: 0, end: prefixLength))
            guard zone.length > 0 else {
                throw CronParseError(
                    "The time zone after '\(prefix)' is missing; write an IANA zone name and a space before the fields, "
                        + "for example '\(prefix)Europe/Paris 0 2 * * *'.",
                    offset: 0,
                    length: prefixLength
                )
            }
            let name = text(zone)
            guard Self.isPlausibleZoneName(name), let zoneValue = NamedTimeZone.named(name) else {
                if Self.isPlausibleZoneName(name) && !NamedTimeZone.isDatabaseAvailable {
                    throw CronParseError(
                        "The time zone '\(Self.abbreviated(name))' cannot be looked up: this process has no time zone database "
                            + "(FoundationInternationalization could not be loaded); import Foundation in the app, or drop the prefix to run in UTC.",
                        offset: zone.start,
                        length: zone.length
                    )
                }
                throw CronParseError(
                    "Unknown time zone '\(Self.abbreviated(name))'; use an IANA time zone name such as "
                        + "'America/New_York', 'Europe/Paris' or 'UTC'.",
                    offset: zone.start,
                    length: zone.length
                )
            }
            // robfig/cron ends the zone at the first ' ', so a tab there would make the server
            // read the tab and the first field as part of the zone name.
            if zone.end < characters.count, characters[zone.end] != " " {
                throw CronParseError(
                    "The time zone must be followed by a plain space; use a space, not a tab or other whitespace, for example "
                        + "'\(prefix)\(Self.abbreviated(name)) 0 2 * * *'.",
                    offset: zone.end,
                    length: 1
                )
            }
            timeZoneIdentifier = name
            timeZone = zoneValue
            position = zone.end
            if fields(from: position).isEmpty {
                throw CronParseError(
                    "The time zone '\(Self.abbreviated(name))' is not followed by any fields; add a space and five "
                        + "fields after it, for example '\(prefix)\(Self.abbreviated(name)) 0 2 * * *'.",
                    offset: zone.start,
                    length: zone.length
                )
            }
        }

        let fields = fields(from: position)
        try checkPrefixes(fields, afterTimeZone: timeZoneIdentifier != nil)
        try checkFieldCount(fields)

        var schedule = CronSchedule()
        for (field, span) in zip(CronField.allCases, fields) {
            let parsed = try parseField(span, as: field)
            schedule[field] = parsed.bits
            if field == .dayOfMonth {
                schedule.dayOfMonthIsWildcard = parsed.isWildcard
            } else if field == .dayOfWeek {
                schedule.dayOfWeekIsWildcard = parsed.isWildcard
            }
        }

        guard schedule.canFire else {
            let span = Span(start: fields[2].start, end: fields[3].end)
            throw CronParseError(
                "'\(Self.abbreviated(text(Span(start: fields[0].start, end: fields[4].end))))' never fires: no "
                    + "day-of-month in '\(Self.abbreviated(text(fields[2])))' exists in month "
                    + "'\(Self.abbreviated(text(fields[3])))'. Choose days that occur in the "
                    + "selected months (February has at most 29 days; April, June, September and November have 30).",
                offset: span.start,
                length: span.length
            )
        }
        return Result(timeZoneIdentifier: timeZoneIdentifier, timeZone: timeZone, schedule: schedule)
    }

    /// The length of a `TZ=` or `CRON_TZ=` prefix at the very start of the text, or `nil`.
    private func timeZonePrefixLength() -> Int? {
        for prefix in ["TZ=", "CRON_TZ="] where characters.starts(with: prefix) {
            return prefix.count
        }
        return nil
    }

    /// Rejects descriptors (`@daily`, `@every 5m`) and misplaced or misspelled zone prefixes.
    private func checkPrefixes(_ fields: [Span], afterTimeZone: Bool) throws(CronParseError) {
        guard let first = fields.first else {
            return
        }
        let firstText = text(first)
        if firstText.hasPrefix("@") {
            let replacement: String
            switch firstText.lowercased() {
            case "@yearly", "@annually": replacement = "write '0 0 1 1 *'"
            case "@monthly": replacement = "write '0 0 1 * *'"
            case "@weekly": replacement = "write '0 0 * * 0'"
            case "@daily", "@midnight": replacement = "write '0 0 * * *'"
            case "@hourly": replacement = "write '0 * * * *'"
            default: replacement = "write five fields instead, for example '*/5 * * * *' for every five minutes or '0 0 * * *' for daily"
            }
            let end = firstText.lowercased() == "@every" ? fields[fields.count - 1].end : first.end
            throw CronParseError(
                "Descriptors such as '\(Self.abbreviated(firstText))' are not supported: "
                    + "Inngest's sync validation rejects descriptors; \(replacement).",
                offset: first.start,
                length: end - first.start
            )
        }
        if firstText.contains("=") {
            let message =
                afterTimeZone
                ? "Only one time zone prefix is allowed; remove '\(Self.abbreviated(firstText))'."
                : "'\(Self.abbreviated(firstText))' is not a valid time zone prefix; the prefix must come first, so "
                    + "write 'TZ=<zone> ' or 'CRON_TZ=<zone> ' at the very start, for example 'TZ=Europe/Paris 0 2 * * *'."
            throw CronParseError(message, offset: first.start, length: first.length)
        }
    }

    /// Requires exactly five fields, explaining the common six- and seven-field mistakes.
    private func checkFieldCount(_ fields: [Span]) throws(CronParseError) {
        let layout = "minute hour day-of-month month day-of-week"
        switch fields.count {
        case 5:
            return
        case 6:
            throw CronParseError(
                "Found 6 fields, but Inngest cron expressions have exactly 5 (\(layout)) and no seconds field; "
                    + "remove the first (seconds) field.",
                offset: fields[0].start,
                length: fields[0].length
            )
        case 7:
            throw CronParseError(
                "Found 7 fields, but Inngest cron expressions have exactly 5 (\(layout)) and no seconds or year "
                    + "fields; remove the first (seconds) and last (year) fields.",
                offset: fields[0].start,
                length: fields[6].end - fields[0].start
            )
        case 8...:
            throw CronParseError(
                "Found \(fields.count) fields, but a cron expression has exactly 5 (\(layout)); "
                    + "remove the extra fields.",
                offset: fields[5].start,
                length: fields[fields.count - 1].end - fields[5].start
            )
        default:
            let missing = 5 - fields.count
            throw CronParseError(
                "Found \(fields.count) field\(fields.count == 1 ? "" : "s"), but a cron expression needs exactly 5 "
                    + "(\(layout)); add the missing \(missing == 1 ? "field" : "\(missing) fields"), "
                    + "for example '0 9 * * *' for 09:00 every day.",
                offset: fields[0].start,
                length: fields[fields.count - 1].end - fields[0].start
            )
        }
    }

    /// Whether `name` looks like an IANA zone name ("Europe/Paris", "Etc/GMT+5", "UTC"):
    /// ASCII letters, digits, `/`, `_`, `-` and `+`, with no empty path components.
    ///
    /// Checked before `TimeZone(identifier:)`, which on some platforms accepts names with
    /// embedded NUL characters (ignoring the rest) that the Inngest server would reject.
    static func isPlausibleZoneName(_ name: String) -> Bool {
        let allowed = name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                UInt8(ascii: "+"):
                true
            default:
                false
            }
        }
        return allowed && !name.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty }
    }

    // MARK: - Fields

    /// Parses one field: a comma-separated list of entries.
    private func parseField(_ field: Span, as kind: CronField) throws(CronParseError) -> (bits: UInt64, isWildcard: Bool) {
        var bits: UInt64 = 0
        var isWildcard = false
        var entryStart = field.start
        for index in field.start...field.end where index == field.end || characters[index] == "," {
            let entry = Span(start: entryStart, end: index)
            if entry.length == 0 {
                let comma = index < field.end ? index : index - 1
                throw CronParseError(
                    "Empty entry in the \(kind.name) list '\(Self.abbreviated(text(field)))'; remove the extra ',' "
                        + "(write '1,2' rather than '1,,2').",
                    offset: comma,
                    length: 1
                )
            }
            let parsed = try parseEntry(entry, as: kind)
            bits |= parsed.bits
            isWildcard = isWildcard || parsed.isWildcard
            entryStart = index + 1
        }
        return (bits, isWildcard)
    }

    /// Parses one list entry: `*`, `?`, `v`, `a-b`, optionally followed by `/step`.
    private func parseEntry(_ entry: Span, as kind: CronField) throws(CronParseError) -> (bits: UInt64, isWildcard: Bool) {
        let slashes = positions(of: "/", in: entry)
        if slashes.count > 1 {
            throw CronParseError(
                "Too many '/' in '\(Self.abbreviated(text(entry)))'; use at most one step per entry, for example "
                    + "'*/15' or '0-30/5'.",
                offset: slashes[1],
                length: 1
            )
        }
        let range = Span(start: entry.start, end: slashes.first ?? entry.end)
        if range.length == 0 {
            throw CronParseError(
                "Missing range before '/' in '\(Self.abbreviated(text(entry)))'; write '*/n' for every n-th \(kind.name) "
                    + "or 'a-b/n' for a range, for example '*/5'.",
                offset: entry.start,
                length: 1
            )
        }

        var low: Int
        var high: Int
        var isWildcard = false
        let first = characters[range.start]
        if first == "*" || first == "?" {
            if range.length > 1 {
                throw CronParseError(
                    "'\(Self.abbreviated(text(range)))' is not valid in the \(kind.name) field: '\(first)' stands alone "
                        + "or takes a step ('\(first)/5'); for a range write 'a-b'.",
                    offset: range.start,
                    length: range.length
                )
            }
            if first == "?" && !kind.acceptsQuestionMark {
                throw CronParseError(
                    "'?' is only allowed in the day-of-month and day-of-week fields; write '*' in the \(kind.name) field.",
                    offset: range.start,
                    length: 1
                )
            }
            low = kind.minimum
            high = kind.maximum
            isWildcard = true
        } else {
            let hyphens = positions(of: "-", in: range)
            if first == "-" {
                throw CronParseError(
                    "Negative values are not allowed in the \(kind.name) field; use \(kind.allowedValues).",
                    offset: range.start,
                    length: range.length
                )
            }
            if hyphens.count > 1 {
                throw CronParseError(
                    "Too many '-' in '\(Self.abbreviated(text(range)))'; write a range as 'start-end', for example '1-5'.",
                    offset: hyphens[1],
                    length: 1
                )
            }
            if let hyphen = hyphens.first {
                if hyphen + 1 == range.end {
                    throw CronParseError(
                        "Missing end of range after '-' in '\(Self.abbreviated(text(range)))'; write 'start-end', "
                            + "for example '1-5'.",
                        offset: hyphen,
                        length: 1
                    )
                }
                low = try parseValue(Span(start: range.start, end: hyphen), as: kind)
                high = try parseValue(Span(start: hyphen + 1, end: range.end), as: kind)
                if low > high {
                    throw CronParseError(
                        "The range '\(Self.abbreviated(text(range)))' in the \(kind.name) field runs backwards; write the smaller value "
                            + "first, or use a list to wrap around (for example '22-23,0-2').",
                        offset: range.start,
                        length: range.length
                    )
                }
            } else {
                low = try parseValue(range, as: kind)
                high = low
            }
        }

        var step = 1
        if let slash = slashes.first {
            step = try parseStep(Span(start: slash + 1, end: entry.end), in: entry, as: kind)
            // As in robfig/cron, a single value with a step means "from there to the maximum":
            // "5/15" in the minute field is "5-59/15".
            if !isWildcard && positions(of: "-", in: range).isEmpty {
                high = kind.maximum
            }
            if step > 1 {
                isWildcard = false
            }
        }

        var bits: UInt64 = 0
        var value = low
        while value <= high {
            bits |= 1 << UInt64(value)
            let (next, overflow) = value.addingReportingOverflow(step)
            if overflow {
                break
            }
            value = next
        }
        return (bits, isWildcard)
    }

    /// Parses the step after a `/`.
    private func parseStep(_ step: Span, in entry: Span, as kind: CronField) throws(CronParseError) -> Int {
        guard step.length > 0 else {
            throw CronParseError(
                "Missing step after '/' in '\(Self.abbreviated(text(entry)))'; write a positive whole number, for example '*/5'.",
                offset: step.start - 1,
                length: 1
            )
        }
        guard let digits = decimalDigits(step) else {
            throw CronParseError(
                "The step '\(Self.abbreviated(text(step)))' in the \(kind.name) field is not a number; write a "
                    + "positive whole number, for example '*/5'.",
                offset: step.start,
                length: step.length
            )
        }
        guard let value = digits else {
            throw CronParseError(
                "The step '\(Self.abbreviated(text(step)))' in the \(kind.name) field is too large; use a step no "
                    + "larger than the field's range (\(kind.allowedValues)).",
                offset: step.start,
                length: step.length
            )
        }
        guard value > 0 else {
            throw CronParseError(
                "A step of 0 in '\(Self.abbreviated(text(entry)))' is not allowed; use a step of 1 or more, "
                    + "for example '*/5'.",
                offset: step.start,
                length: step.length
            )
        }
        return value
    }

    /// Parses a single value: a number or, for months and days of the week, a name.
    private func parseValue(_ value: Span, as kind: CronField) throws(CronParseError) -> Int {
        let written = text(value)
        if let digits = decimalDigits(value) {
            guard let number = digits, number >= kind.minimum, number <= kind.maximum else {
                throw outOfRange(written, value, kind)
            }
            return number
        }
        if let named = kind.value(named: written) {
            return named
        }
        let lowered = written.lowercased()
        if let name = kind.names.first(where: { lowered.count > 3 && lowered.hasPrefix($0) }) {
            throw CronParseError(
                "'\(Self.abbreviated(written))' is not a valid \(kind.name); write the three-letter name "
                    + "'\(name.uppercased())'.",
                offset: value.start,
                length: value.length
            )
        }
        throw CronParseError(
            "'\(Self.abbreviated(written))' is not a valid \(kind.name); use \(kind.allowedValues).",
            offset: value.start,
            length: value.length
        )
    }

    /// The error for a number outside a field's bounds.
    private func outOfRange(_ written: String, _ value: Span, _ kind: CronField) -> CronParseError {
        let advice =
            kind == .dayOfWeek && Int(written) == 7
            ? "day-of-week 7 is out of range (0-6); write 0 for Sunday (for example '1-6,0' instead of '1-7')."
            : "\(kind.name) \(Self.abbreviated(written)) is out of range; use \(kind.allowedValues)."
        return CronParseError(
            advice.prefix(1).uppercased() + advice.dropFirst(),
            offset: value.start,
            length: value.length
        )
    }

    // MARK: - Characters

    /// The fields of the text from `position` on: maximal runs of non-whitespace.
    private func fields(from position: Int) -> [Span] {
        var fields: [Span] = []
        var index = position
        while index < characters.count {
            if characters[index].isWhitespace {
                index += 1
                continue
            }
            let field = span(from: index, while: { !$0.isWhitespace })
            fields.append(field)
            index = field.end
        }
        return fields
    }

    /// The longest span starting at `start` whose characters all satisfy `predicate`.
    private func span(from start: Int, while predicate: (Character) -> Bool) -> Span {
        var end = start
        while end < characters.count && predicate(characters[end]) {
            end += 1
        }
        return Span(start: start, end: end)
    }

    /// The offsets of `character` within `span`.
    private func positions(of character: Character, in span: Span) -> [Int] {
        (span.start..<span.end).filter { characters[$0] == character }
    }

    /// `nil` if `span` is not all ASCII digits; `.some(nil)` if it is but overflows `Int`;
    /// otherwise the value.
    private func decimalDigits(_ span: Span) -> Int?? {
        guard span.length > 0 else {
            return nil
        }
        var value: Int? = 0
        for index in span.start..<span.end {
            guard let ascii = characters[index].asciiValue, ascii >= UInt8(ascii: "0"), ascii <= UInt8(ascii: "9") else {
                return nil
            }
            if let current = value {
                let (shifted, overflow1) = current.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = shifted.addingReportingOverflow(Int(ascii - UInt8(ascii: "0")))
                value = overflow1 || overflow2 ? nil : sum
            }
        }
        return .some(value)
    }

    /// The text of `span`.
    private func text(_ span: Span) -> String {
        String(characters[span.start..<span.end])
    }

    /// `text`, shortened to at most 32 characters for quoting in a message.
    static func abbreviated(_ text: String) -> String {
        text.count > 32 ? text.prefix(31) + "…" : text
    }
}
