import InngestExpression
import Testing

/// A JSON-like tree for the tests, so this target needs no JSON type.
indirect enum TestValue: ExpressionValueSource, Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    case null, bool(Bool), integer(Int64), double(Double), string(String), array([TestValue]), object([String: TestValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int64) { self = .integer(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TestValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, TestValue)...) { self = .object(Dictionary(uniqueKeysWithValues: elements)) }
    init(nilLiteral: ()) { self = .null }

    var expressionValue: ExpressionSourceValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .double(let value): .double(value)
        case .string(let value): .string(value)
        case .array(let items): .array(count: items.count)
        case .object(let members): .object(count: members.count)
        }
    }

    func expressionMember(_ name: String) -> TestValue? {
        if case .object(let members) = self { return members[name] }
        return nil
    }

    func expressionElement(at index: Int) -> TestValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    var expressionMemberNames: [String] {
        if case .object(let members) = self { return Array(members.keys) }
        return []
    }
}

/// A value, written compactly so expectations read as text: `true`, `absent`, `"s"`, `1`, `1.5`,
/// `2u`, `[1, 2]`, `{…}`, `error: message`.
func show(_ value: ExpressionValue<TestValue>) -> String {
    switch value {
    case .absent: "absent"
    case .error(let error): "error: \(error.message)"
    case .null: "null"
    case .bool(let flag): String(flag)
    case .integer(let number): String(number)
    case .unsigned(let number): "\(number)u"
    case .double(let number): "\(number)d"
    case .string(let text): "\"\(text)\""
    case .list(let elements): "[" + elements.map(show).joined(separator: ", ") + "]"
    case .array(let source): "array(\(source.expressionMemberNames.count))"
    case .object: "{…}"
    }
}

let allVariables: Set<String> = ["event", "async", "vars"]

/// Parses (with every variable allowed) and evaluates, failing the test on a parse error.
func evaluate(_ text: String, _ bindings: [String: TestValue] = [:], sourceLocation: SourceLocation = #_sourceLocation) -> String {
    do {
        return show(try Expression.parse(text, variables: allVariables).evaluate(bindings))
    } catch {
        Issue.record("\(text) did not parse: \(error)", sourceLocation: sourceLocation)
        return "unparsed"
    }
}

/// The parse error for `text`, or `nil`.
func parseError(_ text: String, variables: Set<String> = allVariables, rules: ExpressionRules = .standard) -> ExpressionError? {
    do {
        _ = try Expression.parse(text, variables: variables, rules: rules)
        return nil
    } catch {
        return error
    }
}

/// The canonical text of `text`, failing the test on a parse error.
func canonical(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    do {
        return try Expression.parse(text, variables: allVariables).description
    } catch {
        Issue.record("\(text) did not parse: \(error)", sourceLocation: sourceLocation)
        return "unparsed"
    }
}
