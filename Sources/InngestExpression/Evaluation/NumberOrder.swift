/// Orders numbers across kinds exactly, as CEL's heterogeneous numeric comparison does: `1 == 1.0`,
/// `-1 < 0u`, `2 < 2.5`. Exact also where converting an integer to a double would round.
@usableFromInline
enum NumberOrder {
    /// -1, 0 or 1; `nil` when either is NaN (or either is not a number).
    @inlinable static func compare<Source>(_ left: ExpressionValue<Source>, _ right: ExpressionValue<Source>) -> Int? {
        switch (left, right) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : a > b ? 1 : 0
        case (.unsigned(let a), .unsigned(let b)): return a < b ? -1 : a > b ? 1 : 0
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return nil }
            return a < b ? -1 : a > b ? 1 : 0
        case (.integer(let a), .unsigned(let b)): return a < 0 ? -1 : compare(UInt64(a), b)
        case (.unsigned(let a), .integer(let b)): return b < 0 ? 1 : compare(a, UInt64(b))
        case (.integer(let a), .double(let b)): return compare(a, b)
        case (.double(let a), .integer(let b)): return compare(b, a).map { -$0 }
        case (.unsigned(let a), .double(let b)): return compare(a, b)
        case (.double(let a), .unsigned(let b)): return compare(b, a).map { -$0 }
        default: return nil
        }
    }

    @inlinable static func compare(_ a: UInt64, _ b: UInt64) -> Int { a < b ? -1 : a > b ? 1 : 0 }

    @inlinable static func compare(_ integer: Int64, _ double: Double) -> Int? {
        if double.isNaN { return nil }
        if double >= 9_223_372_036_854_775_808.0 { return -1 }
        if double < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = double.rounded(.towardZero)
        let truncated = Int64(whole)
        if integer != truncated { return integer < truncated ? -1 : 1 }
        let fraction = double - whole
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0
    }

    @inlinable static func compare(_ integer: UInt64, _ double: Double) -> Int? {
        if double.isNaN { return nil }
        if double < 0 { return 1 }
        if double >= 18_446_744_073_709_551_616.0 { return -1 }
        let whole = double.rounded(.towardZero)
        let truncated = UInt64(whole)
        if integer != truncated { return integer < truncated ? -1 : 1 }
        return double - whole > 0 ? -1 : 0
    }
}
