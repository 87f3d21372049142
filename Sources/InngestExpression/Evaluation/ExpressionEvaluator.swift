/// Evaluates a syntax tree against data, with the semantics of Inngest's CEL environment
/// (inngest/inngest:pkg/expressions): cel-go's operators, plus Inngest's decorator that treats
/// missing data as `null`-like instead of failing (`unknown.go`), loosely typed comparisons
/// (`exprenv/overloads.go`) and JavaScript-like `&&`, `||` and `?:` on values that are not bools.
///
/// Nothing is parsed or converted per evaluation: values are read from the source as they are needed.
@usableFromInline
struct ExpressionEvaluator<Source: ExpressionValueSource> {
    @usableFromInline typealias Value = ExpressionValue<Source>

    @usableFromInline let bindings: [String: Source]

    @inlinable init(bindings: [String: Source]) {
        self.bindings = bindings
    }

    @inlinable func resolve(_ source: Source) -> Value {
        switch source.expressionValue {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .double(let value): .double(value)
        case .string(let value): .string(value)
        case .array: .array(source)
        case .object: .object(source)
        }
    }

    /// The value bound to `name`. Bindings are few (`event`, `async`): comparing a short key is
    /// cheaper than hashing it.
    @inlinable func binding(_ name: String) -> Source? {
        guard bindings.count <= 4 else { return bindings[name] }
        for (key, value) in bindings where key == name { return value }
        return nil
    }

    /// The source a plain path of variable and fields leads to: `.some(nil)` when the data stops
    /// short, `nil` when `node` is not such a path.
    @inlinable func walk(_ node: ExpressionNode) -> Source?? {
        switch node {
        case .variable(let name): return .some(binding(name))
        case .member(let operand, let name):
            guard let found = walk(operand) else { return nil }
            return .some(found?.expressionMember(name))
        default: return nil
        }
    }

    @inlinable func evaluate(_ node: ExpressionNode) -> Value {
        switch node {
        case .literal(let literal):
            switch literal {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .integer(let value): return .integer(value)
            case .unsigned(let value): return .unsigned(value)
            case .double(let value): return .double(value)
            case .string(let value): return .string(value)
            }
        case .variable(let name):
            guard let source = binding(name) else { return .absent }
            return resolve(source)
        case .member(let operand, let name):
            // A plain path (`event.data.x`) is walked on the source itself, resolved once at the end.
            if let found = walk(operand) { return found?.expressionMember(name).map(resolve) ?? .absent }
            let base = evaluate(operand)
            switch base {
            case .object(let source):
                guard let member = source.expressionMember(name) else { return .absent }
                return resolve(member)
            case .error: return base
            // Inngest evaluates a path that does not exist in the data as an unknown, whatever stops
            // it: a missing key, or a null or a scalar on the way (`Data.Get`, data.go).
            default: return .absent
            }
        case .index(let operand, let index):
            return self.index(evaluate(operand), evaluate(index))
        case .list(let elements):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                let value = evaluate(element)
                if value.isMissing { return value }
                values.append(value)
            }
            return .list(values)
        case .not(let operand):
            switch evaluate(operand) {
            case .bool(let value): return .bool(!value)
            // Inngest's decorator answers false for a call on an unknown or an error (unknown.go).
            case .absent, .error: return .bool(false)
            case let other: return .error(ExpressionEvaluationError("'!' needs a bool, but this is \(other.kindDescription)"))
            }
        case .and(let terms):
            // The first falsy operand, or the last: cel-go's && on bools, and Inngest's truthy
            // coercion for the rest (evalTruthyLogical, unknown.go).
            var value = Value.bool(true)
            for term in terms {
                value = evaluate(term)
                if !value.isTruthy { return value }
            }
            return value
        case .or(let terms):
            var value = Value.bool(false)
            for term in terms {
                value = evaluate(term)
                if value.isTruthy { return value }
            }
            return value
        case .conditional(let condition, let then, let otherwise):
            return evaluate(condition).isTruthy ? evaluate(then) : evaluate(otherwise)
        case .binary(let op, let left, let right):
            return binary(op, evaluate(left), evaluate(right))
        case .call(let function, let arguments):
            return call(function, arguments.map(evaluate))
        case .has(let operand, let name):
            switch evaluate(operand) {
            case .object(let source): return .bool(source.expressionMember(name) != nil)
            case .absent, .null: return .bool(false)
            case .error(let error): return .error(error)
            case let other: return .error(ExpressionEvaluationError("has() needs an object, but this is \(other.kindDescription)"))
            }
        }
    }

    // MARK: Access

    @inlinable func index(_ base: Value, _ index: Value) -> Value {
        if base.isMissing { return base }
        if index.isMissing { return index }
        switch base {
        case .array(let source):
            guard case .array(let count) = source.expressionValue else { return .absent }
            guard let position = listPosition(index, count: count) else { return listIndexError(index, count: count) }
            guard let element = source.expressionElement(at: position) else { return .absent }
            return resolve(element)
        case .list(let values):
            guard let position = listPosition(index, count: values.count) else { return listIndexError(index, count: values.count) }
            return values[position]
        case .object(let source):
            guard case .string(let key) = index, let member = source.expressionMember(key) else { return .absent }
            return resolve(member)
        default:
            return .error(ExpressionEvaluationError("index access needs a list or an object, but this is \(base.kindDescription)"))
        }
    }

    @inlinable func listPosition(_ index: Value, count: Int) -> Int? {
        let position: Int?
        switch index {
        case .integer(let value): position = Int(exactly: value)
        case .unsigned(let value): position = Int(exactly: value)
        case .double(let value): position = Int(exactly: value)
        default: position = nil
        }
        guard let position, position >= 0, position < count else { return nil }
        return position
    }

    @inlinable func listIndexError(_ index: Value, count: Int) -> Value {
        switch index {
        case .integer, .unsigned, .double:
            return .error(ExpressionEvaluationError("index \(index.plainText) is out of range for a list of \(count) elements"))
        default:
            return .error(ExpressionEvaluationError("a list index must be an integer, but this is \(index.kindDescription)"))
        }
    }

    /// The elements of a list value, resolved.
    @inlinable func elements(_ value: Value) -> [Value]? {
        switch value {
        case .list(let values): return values
        case .array(let source):
            guard case .array(let count) = source.expressionValue else { return [] }
            return (0..<count).map { source.expressionElement(at: $0).map(resolve) ?? .null }
        default: return nil
        }
    }

    // MARK: Operators

    @inlinable func binary(_ op: ExpressionBinaryOperator, _ left: Value, _ right: Value) -> Value {
        let leftMissing = left.isMissing
        if leftMissing || right.isMissing {
            // Inngest's handleUnknownCall (unknown.go): missing data and errors compare like this.
            switch op {
            case .equal: return .bool(left.isNull || right.isNull)
            case .notEqual: return .bool(!(left.isNull || right.isNull))
            case .less, .lessOrEqual: return .bool(leftMissing)
            case .greater, .greaterOrEqual: return .bool(!leftMissing)
            case .in: return .bool(false)
            case .add:
                if case .absent = left { return right.isAbsent ? .bool(false) : right }
                return left
            }
        }
        switch op {
        case .equal: return .bool(equal(left, right))
        case .notEqual: return .bool(!equal(left, right))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            switch compare(left, right) {
            case .success(let order):
                switch op {
                case .less: return .bool(order < 0)
                case .lessOrEqual: return .bool(order <= 0)
                case .greater: return .bool(order > 0)
                default: return .bool(order >= 0)
                }
            case .failure(let error): return .error(error)
            }
        case .in: return contains(right, left, operator: "in")
        case .add: return add(left, right)
        }
    }

    @inlinable func contains(_ container: Value, _ element: Value, operator name: String) -> Value {
        switch container {
        case .list, .array:
            for candidate in elements(container) ?? [] where equal(element, candidate) { return .bool(true) }
            return .bool(false)
        case .object(let source):
            guard case .string(let key) = element else { return .bool(false) }
            return .bool(source.expressionMember(key) != nil)
        default:
            return .error(ExpressionEvaluationError("'in' needs a list or an object on its right, but this is \(container.kindDescription)"))
        }
    }

    @inlinable func call(_ function: ExpressionFunction, _ arguments: [Value]) -> Value {
        if function == .size {
            guard let argument = arguments.first else { return .integer(0) }
            switch argument {
            // Inngest answers 0 for the size of an unknown (unknown.go).
            case .absent, .error: return .integer(0)
            case .string(let text): return .integer(Int64(text.unicodeScalars.count))
            case .list(let values): return .integer(Int64(values.count))
            case .array(let source), .object(let source):
                switch source.expressionValue {
                case .array(let count), .object(let count): return .integer(Int64(count))
                default: return .integer(0)
                }
            default:
                return .error(ExpressionEvaluationError("size() needs a string, a list or an object, but this is \(argument.kindDescription)"))
            }
        }
        guard arguments.count == 2 else { return .bool(false) }
        let receiver = arguments[0]
        let argument = arguments[1]
        if receiver.isMissing || argument.isMissing { return .bool(false) }
        guard case .string(let text) = receiver, case .string(let part) = argument else {
            let wrong = receiver.isString ? argument : receiver
            return .error(ExpressionEvaluationError("\(function.rawValue)() works on strings, but this is \(wrong.kindDescription)"))
        }
        // Bytes, not Swift's canonical equivalence: cel-go compares UTF-8 as Go's strings package does.
        switch function {
        case .startsWith: return .bool(text.utf8.starts(with: part.utf8))
        case .endsWith: return .bool(text.utf8.reversed().starts(with: part.utf8.reversed()))
        case .contains: return .bool(UTF8Search.contains(text, part))
        case .size: return .bool(false)
        }
    }

    @inlinable func add(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.integer(let a), .integer(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? .error(ExpressionEvaluationError("integer overflow: \(a) + \(b)")) : .integer(sum)
        case (.unsigned(let a), .unsigned(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? .error(ExpressionEvaluationError("unsigned integer overflow: \(a)u + \(b)u")) : .unsigned(sum)
        case (.list, .list), (.list, .array), (.array, .list), (.array, .array):
            return .list((elements(left) ?? []) + (elements(right) ?? []))
        default:
            if let a = left.doubleValue, let b = right.doubleValue { return .double(a + b) }
            // Inngest joins the two as Go's %v prints them, whatever their types (unknown.go).
            return .string(GoValueFormat.format(left, evaluator: self) + GoValueFormat.format(right, evaluator: self))
        }
    }

    // MARK: Equality and order

    /// CEL's equality: numbers equal across kinds, lists and objects element by element, any other
    /// pair of different types unequal.
    @inlinable func equal(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return UTF8Search.equal(a, b)
        case (.integer, _), (.unsigned, _), (.double, _):
            guard right.isNumber, let order = NumberOrder.compare(left, right) else { return false }
            return order == 0
        case (.list, _), (.array, _):
            guard let a = elements(left), let b = elements(right), a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !equal(x, y) { return false }
            return true
        case (.object(let a), .object(let b)):
            let names = a.expressionMemberNames
            guard names.count == b.expressionMemberNames.count else { return false }
            for name in names {
                guard let x = a.expressionMember(name), let y = b.expressionMember(name), equal(resolve(x), resolve(y)) else { return false }
            }
            return true
        default: return false
        }
    }

    /// CEL's order with Inngest's loose typing: numbers across kinds, strings by UTF-8 bytes, bools;
    /// `null` against a number or a string is that type's zero (`zeroValArgs`, unknown.go).
    @inlinable func compare(_ left: Value, _ right: Value) -> Result<Int, ExpressionEvaluationError> {
        switch (left, right) {
        case (.null, let other) where other.isNumber || other.isString:
            return compare(other.zero, other)
        case (let other, .null) where other.isNumber || other.isString:
            return compare(other, other.zero)
        case (.string(let a), .string(let b)):
            return .success(UTF8Search.order(a, b))
        case (.bool(let a), .bool(let b)):
            return .success(a == b ? 0 : a ? 1 : -1)
        default:
            if left.isNumber && right.isNumber {
                guard let order = NumberOrder.compare(left, right) else {
                    return .failure(ExpressionEvaluationError("NaN cannot be ordered"))
                }
                return .success(order)
            }
            return .failure(ExpressionEvaluationError("cannot order \(left.kindDescription) against \(right.kindDescription)"))
        }
    }
}

extension ExpressionValue {
    /// Missing data, or an error: what Inngest's decorator handles apart.
    @inlinable var isMissing: Bool {
        switch self {
        case .absent, .error: true
        default: false
        }
    }

    @inlinable var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }

    @inlinable var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    @inlinable var isString: Bool {
        if case .string = self { return true }
        return false
    }

    @inlinable var isNumber: Bool {
        switch self {
        case .integer, .unsigned, .double: true
        default: false
        }
    }

    @inlinable var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .unsigned(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The zero of this value's type.
    @inlinable var zero: ExpressionValue {
        switch self {
        case .integer: .integer(0)
        case .unsigned: .unsigned(0)
        case .double: .double(0)
        case .string: .string("")
        default: .null
        }
    }

    /// Inngest's truthiness (`isTruthy`, unknown.go): missing data, errors, null, false, "" and 0 are
    /// falsy; lists and objects, even empty, are truthy.
    @inlinable var isTruthy: Bool {
        switch self {
        case .absent, .error, .null: false
        case .bool(let value): value
        case .string(let value): !value.isEmpty
        case .integer(let value): value != 0
        case .unsigned(let value): value != 0
        case .double(let value): value != 0
        case .list, .array, .object: true
        }
    }

    /// A number as plain text, for messages.
    @inlinable var plainText: String {
        switch self {
        case .integer(let value): String(value)
        case .unsigned(let value): "\(value)u"
        case .double(let value): value.description
        default: kindDescription
        }
    }
}
