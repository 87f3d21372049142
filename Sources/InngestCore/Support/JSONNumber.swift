/// Decimal digits of JSON numbers: ECMAScript's `Number.prototype.toString` form for doubles (what
/// RFC 8785 and Inngest's SDKs write), and the check that a number read from text is kept exactly.
package enum JSONNumber {
    /// A nonzero decimal number as `0.d₁d₂…dₖ × 10^point`, digits without leading or trailing zeros;
    /// `digits` is empty for zero.
    struct Decimal: Equatable {
        var digits: [UInt8]
        var point: Int
    }

    /// The shortest digits that read back as `number` (its magnitude), from Swift's round-trip description.
    static func shortestDigits(_ number: Double) -> Decimal {
        var digits: [UInt8] = []
        var point = 0
        var exponent = 0
        var seenPoint = false
        let text = Array(number.magnitude.description.utf8)
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
                break
            }
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                digits.append(byte)
                if !seenPoint { point += 1 }
            }
            index += 1
        }
        return normalized(digits, point: point + exponent)
    }

    /// Strips leading zeros (moving the point) and trailing zeros.
    static func normalized(_ digits: [UInt8], point: Int) -> Decimal {
        var start = 0
        var point = point
        while start < digits.count && digits[start] == UInt8(ascii: "0") {
            start += 1
            point -= 1
        }
        var end = digits.count
        while end > start && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if start == end { return Decimal(digits: [], point: 0) }
        return Decimal(digits: Array(digits[start..<end]), point: point)
    }

    /// Whether the JSON number text `lexeme` (already validated against JSON's grammar) means exactly
    /// the decimal value that `value` is written as: so that reading and writing it loses no digit.
    static func isExact(_ lexeme: ArraySlice<UInt8>, value: Double) -> Bool {
        guard value.isFinite else { return false }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        var negative = false
        var exponent = 0
        var index = lexeme.startIndex
        while index < lexeme.endIndex {
            let byte = lexeme[index]
            switch byte {
            case UInt8(ascii: "-") where index == lexeme.startIndex:
                negative = true
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard let parsed = Int(String(decoding: lexeme[(index + 1)...], as: UTF8.self)), parsed.magnitude < 100_000 else {
                    return false
                }
                exponent = parsed
                index = lexeme.endIndex
                continue
            default:
                digits.append(byte)
                if !seenPoint { point += 1 }
            }
            index += 1
        }
        guard negative == (value.sign == .minus) else { return false }
        return normalized(digits, point: point + exponent) == shortestDigits(value)
    }

    /// `number` as ECMAScript's `Number.prototype.toString` writes it (shortest round-trip digits,
    /// exponent form outside 1e-7 … 1e21). Zero of either sign is `0`; `number` must be finite.
    static func ecmaScript(_ number: Double) -> String {
        let decimal = shortestDigits(number)
        if decimal.digits.isEmpty { return "0" }
        let digits = decimal.digits
        let k = digits.count
        let n = decimal.point
        let text = { (slice: ArraySlice<UInt8>) in String(decoding: slice, as: UTF8.self) }
        let body: String
        if k <= n && n <= 21 {
            body = text(digits[...]) + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            body = text(digits[..<n]) + "." + text(digits[n...])
        } else if -6 < n && n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + text(digits[...])
        } else {
            let e = n - 1
            let exponent = (e < 0 ? "-" : "+") + String(e.magnitude)
            body = k == 1 ? text(digits[...]) + "e" + exponent : text(digits[..<1]) + "." + text(digits[1...]) + "e" + exponent
        }
        return (number < 0 ? "-" : "") + body
    }
}
