/// Writes a value as Go's `%v` prints it, for `+` between a string and a value of another type: Inngest
/// joins such operands with `fmt.Sprintf("%v%v", …)` (unknown.go), so `"n-" + 5.5` is `"n-5.5"`,
/// `"big-" + 1e6` is `"big-1e+06"` and a list prints as `[1 a true]`.
@usableFromInline
enum GoValueFormat {
    @inlinable static func format<Source>(_ value: ExpressionValue<Source>, evaluator: ExpressionEvaluator<Source>) -> String {
        // A top-level CEL null is protobuf's NullValue, which Go prints by its enum name.
        if case .null = value { return "NULL_VALUE" }
        var text = ""
        write(value, evaluator: evaluator, to: &text)
        return text
    }

    @inlinable static func write<Source>(_ value: ExpressionValue<Source>, evaluator: ExpressionEvaluator<Source>, to text: inout String) {
        switch value {
        case .absent, .error, .null: text += "<nil>"
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .unsigned(let number): text += String(number)
        case .double(let number): text += float(number)
        case .string(let string): text += string
        case .list, .array:
            text += "["
            for (offset, element) in (evaluator.elements(value) ?? []).enumerated() {
                if offset > 0 { text += " " }
                write(element, evaluator: evaluator, to: &text)
            }
            text += "]"
        case .object(let source):
            // Go prints a map's keys sorted.
            text += "map["
            for (offset, name) in source.expressionMemberNames.sorted(by: { UTF8Search.order($0, $1) < 0 }).enumerated() {
                if offset > 0 { text += " " }
                text += name + ":"
                write(source.expressionMember(name).map(evaluator.resolve) ?? .null, evaluator: evaluator, to: &text)
            }
            text += "]"
        }
    }

    /// A double as Go's `%v` (`strconv.FormatFloat(x, 'g', -1, 64)`): the shortest digits that read
    /// back, in exponent form when the decimal exponent is below -4 or at least 6 (`1e+06`,
    /// `1.5e-05`), else plain (`123456`, `0.001`).
    @inlinable static func float(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Inf" : "+Inf" }
        let sign = number.sign == .minus ? "-" : ""
        if number == 0 { return sign + "0" }
        // Swift's description also holds the shortest digits that read back; take them apart.
        let text = number.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition = 0
        if let dot = mantissa.firstIndex(of: ".") {
            digits = String(mantissa[..<dot]) + String(mantissa[mantissa.index(after: dot)...])
            pointPosition = mantissa.distance(from: mantissa.startIndex, to: dot)
        } else {
            digits = String(mantissa)
            pointPosition = digits.count
        }
        pointPosition += exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let decimalExponent = pointPosition - 1
        if decimalExponent < -4 || decimalExponent >= 6 {
            var result = sign + String(digits.prefix(1))
            if digits.count > 1 { result += "." + digits.dropFirst() }
            let magnitude = abs(decimalExponent)
            result += (decimalExponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            return result
        }
        if pointPosition <= 0 { return sign + "0." + String(repeating: "0", count: -pointPosition) + digits }
        if pointPosition >= digits.count { return sign + digits + String(repeating: "0", count: pointPosition - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }
}
