/// Which constructs an expression may use beyond comparisons and logic.
///
/// Inngest checks the expressions of `cancelOn` against a restrictive policy when a function is
/// synced, and logs the same policy's violations for `waitForEvent` (`DefaultRestrictiveValidationPolicy`
/// in inngest/inngest:pkg/expressions/validation.go): no macros (`has`), and no function calls
/// (`size`, `startsWith`, `endsWith`, `contains`, `+`). Expressions a server would refuse are refused
/// here first.
public struct ExpressionRules: Sendable, Hashable {
    /// Whether `has()` is allowed.
    public var allowsHas: Bool
    /// Whether `size()`, `startsWith()`, `endsWith()`, `contains()` and `+` are allowed.
    public var allowsFunctions: Bool

    /// Creates rules.
    /// - Parameters:
    ///   - allowsHas: whether `has()` is allowed.
    ///   - allowsFunctions: whether `size()`, `startsWith()`, `endsWith()`, `contains()` and `+` are allowed.
    public init(allowsHas: Bool, allowsFunctions: Bool) {
        self.allowsHas = allowsHas
        self.allowsFunctions = allowsFunctions
    }

    /// Everything in the subset: for trigger `if`, batch `if` and every key (concurrency, throttle,
    /// rate limit, debounce, batch, priority, idempotency, singleton).
    public static let standard = ExpressionRules(allowsHas: true, allowsFunctions: true)

    /// Comparisons, logic, `in`, member and index access and the ternary only: for `cancelOn` `if`
    /// (which Inngest refuses otherwise at sync) and `waitForEvent` `if`.
    public static let restrictive = ExpressionRules(allowsHas: false, allowsFunctions: false)
}
