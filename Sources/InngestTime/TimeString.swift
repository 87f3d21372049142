/// Inngest time strings: durations written as number-and-unit pairs, such as `"30s"`,
/// `"1h30m"` or `"1.5h"`, as used by `sleep`, `waitForEvent` timeouts, debounce periods
/// and rate-limit windows.
public enum TimeString: Sendable {
    /// The units a time string may use, with their length in nanoseconds.
    private static let units: [(name: String, nanoseconds: Int64)] = [
        ("ns", 1),
        ("us", 1_000),
        ("\u{B5}s", 1_000),  // µs, MICRO SIGN
        ("\u{3BC}s", 1_000),  // μs, GREEK SMALL LETTER MU
        ("ms", 1_000_000),
        ("s", 1_000_000_000),
        ("m", 60_000_000_000),
        ("h", 3_600_000_000_000),
        ("d", 86_400_000_000_000),
        ("w", 604_800_000_000_000),
    ]

    /// The units, listed for messages.
    private static let unitList = "ns, us (or µs), ms, s, m, h, d, w"

    /// Parses an Inngest time string ("500ms", "30s", "5m", "1h30m", "2d", "1w", "1.5h"); units ns, us, µs, ms, s, m, h, d, w; must be > 0.
    ///
    /// The grammar is Go's `time.ParseDuration` extended with days (`d`, 24 hours) and
    /// weeks (`w`, 7 days): one or more pairs of a decimal number (optionally with a
    /// fraction, as in `1.5h`) and a unit, with no spaces and no sign other than an
    /// optional leading `+`. Units are case-sensitive. The result is exact to the
    /// nanosecond; fractional nanoseconds are truncated.
    ///
    /// - Throws: ``TimeStringError`` if the text is empty, malformed, has an unknown or
    ///   missing unit, is negative, is zero, or exceeds about 292 years.
    public static func parse(_ text: String) throws(TimeStringError) -> Duration {
        let quoted = "'\(text.count > 40 ? text.prefix(39) + "…" : text)'"
        guard !text.isEmpty else {
            throw TimeStringError("The time string is empty; write a duration such as '30s', '5m' or '1h30m'.")
        }
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" {
            throw TimeStringError("The time string \(quoted) is negative; durations must be positive, for example '5s'.")
        }
        if scalars.contains("-") {
            throw TimeStringError(
                "The time string \(quoted) contains '-'; parts cannot be negative or subtracted. Write the total as "
                    + "positive number-and-unit pairs, for example '58m' instead of '1h-2m'."
            )
        }
        if scalars.first == "+" {
            scalars = scalars.dropFirst()
        }
        guard !scalars.isEmpty else {
            throw TimeStringError("The time string \(quoted) has no number; write a duration such as '30s'.")
        }

        var total: Int64 = 0
        while !scalars.isEmpty {
            // The number: digits, optionally followed by '.' and more digits.
            let integerDigits = scalars.prefix(while: isDigit)
            scalars = scalars.dropFirst(integerDigits.count)
            var fractionDigits = Substring.UnicodeScalarView()[...]
            if scalars.first == "." {
                scalars = scalars.dropFirst()
                fractionDigits = scalars.prefix(while: isDigit)
                scalars = scalars.dropFirst(fractionDigits.count)
            }
            guard !integerDigits.isEmpty || !fractionDigits.isEmpty else {
                let found = scalars.first.map { "'\($0)'" } ?? "the end"
                throw TimeStringError(
                    "Expected a number but found \(found) in \(quoted); a time string is one or more number-and-unit "
                        + "pairs such as '1h30m', and cannot be negative."
                )
            }

            // The unit: everything up to the next number.
            let unitScalars = scalars.prefix { !isDigit($0) && $0 != "." }
            scalars = scalars.dropFirst(unitScalars.count)
            let unitName = String(String.UnicodeScalarView(unitScalars))
            let number = String(String.UnicodeScalarView(integerDigits))
                + (fractionDigits.isEmpty ? "" : "." + String(String.UnicodeScalarView(fractionDigits)))
            guard !unitName.isEmpty else {
                throw TimeStringError(
                    "The number \(number) in \(quoted) has no unit; add one of \(unitList), for example '\(number)s'."
                )
            }
            guard let unit = units.first(where: { $0.name == unitName })?.nanoseconds else {
                let shown = unitName.count > 20 ? unitName.prefix(19) + "…" : unitName
                throw TimeStringError(
                    "Unknown unit '\(shown)' in \(quoted); use one of \(unitList), for example '\(number)s'."
                )
            }

            guard let nanoseconds = nanoseconds(integer: integerDigits, fraction: fractionDigits, unit: unit) else {
                throw tooLarge(quoted)
            }
            let (sum, overflow) = total.addingReportingOverflow(nanoseconds)
            guard !overflow else {
                throw tooLarge(quoted)
            }
            total = sum
        }

        guard total > 0 else {
            throw TimeStringError(
                "The time string \(quoted) is zero; durations must be greater than zero, for example '1s'."
            )
        }
        return .nanoseconds(total)
    }

    /// Formats a positive duration compactly with integer h/m/s/ms units and no zero units: 5400 s → "1h30m", 30 s → "30s", 1.5 s → "1s500ms", 25 h → "25h".
    ///
    /// Hours are never rolled up into days, so the output is understood by any parser of
    /// Go-style durations. Remainders below a millisecond are written with `us` and `ns`
    /// so that ``parse(_:)`` returns the same duration; fractions of a nanosecond are
    /// dropped. A zero (or sub-nanosecond) duration formats as `"0s"`, and a negative one
    /// as `"-"` followed by its magnitude.
    public static func format(_ duration: Duration) -> String {
        if duration < .zero {
            return "-" + format(.zero - duration)
        }
        let (seconds, attoseconds) = duration.components
        let parts: [(value: Int64, unit: String)] = [
            (seconds / 3_600, "h"),
            (seconds % 3_600 / 60, "m"),
            (seconds % 60, "s"),
            (attoseconds / 1_000_000_000_000_000, "ms"),
            (attoseconds / 1_000_000_000_000 % 1_000, "us"),
            (attoseconds / 1_000_000_000 % 1_000, "ns"),
        ]
        var text = ""
        for part in parts where part.value != 0 {
            text += "\(part.value)\(part.unit)"
        }
        return text.isEmpty ? "0s" : text
    }

    /// Whether `scalar` is an ASCII digit.
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    /// The number `integer.fraction` times `unit` nanoseconds, or `nil` on overflow.
    private static func nanoseconds(
        integer: Substring.UnicodeScalarView.SubSequence,
        fraction: Substring.UnicodeScalarView.SubSequence,
        unit: Int64
    ) -> Int64? {
        var whole: Int64 = 0
        for digit in integer {
            let (shifted, overflow1) = whole.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(digit.value - 48))
            guard !overflow1, !overflow2 else {
                return nil
            }
            whole = sum
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: unit)
        guard !overflow else {
            return nil
        }
        // The fraction, to at most 18 digits (further digits are below a nanosecond for
        // every unit and are ignored, as in Go).
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        for digit in fraction.prefix(18) {
            numerator = numerator * 10 + Int64(digit.value - 48)
            denominator *= 10
        }
        // numerator < denominator, so numerator * unit / denominator < unit fits.
        let product = unit.multipliedFullWidth(by: numerator)
        let partial = denominator.dividingFullWidth(product).quotient
        let (sum, overflow3) = scaled.addingReportingOverflow(partial)
        return overflow3 ? nil : sum
    }

    /// The error for a duration beyond `Int64` nanoseconds.
    private static func tooLarge(_ quoted: String) -> TimeStringError {
        TimeStringError(
            "The time string \(quoted) is too long; durations must be shorter than about 292 years (2562047h)."
        )
    }
}
