/// The value of a marker argument.
public indirect enum MarkerValue: Hashable, Sendable {
    /// A string literal `"…"` (or raw `#"…"#`) with `\"`, `\\`, `\n`, `\t`, `\r`, `\0`,
    /// `\'` and `\u{…}` escapes decoded. Interpolation is not allowed.
    case string(String)
    /// An integer literal such as `3`, `-600`, `1_000` or `0x1F`.
    case integer(Int)
    /// A floating-point literal such as `1.5`, `-0.25` or `1e3`.
    case decimal(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A bare name or dotted path, such as `transient`, `PaymentsModule` or `Foo.Bar`, with
    /// a leading `.` and a trailing `.self` stripped; generic arguments are kept
    /// (`Box<Int>`), backticks are not.
    case identifier(String)
    /// An array literal `[A, B]`: trailing comma allowed, may be empty, may nest.
    case array([MarkerValue])
    /// A parenthesised list of labeled values, `(event: "a/b", if: "…")`, like a Swift labeled
    /// tuple (and Inngest's `{ event, if }` objects): trailing comma allowed, may be empty; each
    /// entry keeps its label and location.
    case record([MarkerArgument])
    /// A call of a static member, `ConfigModule.forRoot(url: "…")` (a dynamic import): `callee` is
    /// the dotted path before `(` (`ConfigModule.forRoot`), `text` the whole call as written, with
    /// a line break between marker lines replaced by one space. Only a path with a `.` followed
    /// directly by `(` is a call.
    case call(callee: String, text: String)

    /// The string when this is `.string`.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer when this is `.integer`.
    public var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number when this is `.decimal` or `.integer`.
    public var doubleValue: Double? {
        switch self {
        case .decimal(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The boolean when this is `.bool`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The name when this is `.identifier`.
    public var identifierValue: String? {
        if case .identifier(let value) = self { return value }
        return nil
    }

    /// The entries when this is `.record`.
    public var recordValue: [MarkerArgument]? {
        if case .record(let value) = self { return value }
        return nil
    }

    /// The callee and the call's text when this is `.call`.
    public var callValue: (callee: String, text: String)? {
        if case .call(let callee, let text) = self { return (callee, text) }
        return nil
    }

    /// The elements when this is `.array`.
    public var arrayValue: [MarkerValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}
