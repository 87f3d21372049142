/// One parameter of a method or initialiser.
public struct Parameter: Hashable, Sendable {
    /// The argument label callers write; `nil` for `_`.
    ///
    /// `for duration: Duration` has label `for`; `context: Context` has label `context`;
    /// `_ event: OrderPlaced` has none. Backticks are stripped.
    public var label: String?
    /// The name used inside the body (`_` when written `_: Int`). Backticks are stripped.
    public var name: String
    /// The type, normalised: comments dropped, one space after `,` and `:`, around `->` and
    /// `&`, none inside brackets, e.g. `[String: Int]?`, `any PaymentGateway`,
    /// `@escaping @Sendable () -> Void`, `inout Int`, `Int...`.
    public var type: String
    /// Whether a default value (`= …`) is written.
    public var hasDefault: Bool
    /// The default value's normalised expression text, when written.
    public var defaultValue: String?
    /// Attributes written before the parameter's names, such as `@ViewBuilder`.
    public var attributes: [String]

    /// Where the parameter starts (its label, or its name): where a problem with what it asks
    /// for is reported.
    public var location: SourceLocation?

    /// Creates a parameter.
    public init(
        label: String?,
        name: String,
        type: String,
        hasDefault: Bool = false,
        defaultValue: String? = nil,
        attributes: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.location = location
        self.label = label
        self.name = name
        self.type = type
        self.hasDefault = hasDefault
        self.defaultValue = defaultValue
        self.attributes = attributes
    }
}
