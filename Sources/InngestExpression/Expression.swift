/// An expression in the subset of CEL (Google's Common Expression Language) that Inngest users write
/// for trigger `if` filters, `waitForEvent` and `cancelOn` conditions and flow-control keys: parsed
/// once, then evaluated any number of times against event JSON without parsing again.
///
/// ```swift
/// let expression = try Expression.parse("async.data.orderId == event.data.orderId && async.data.total > 100",
///                                       variables: ["event", "async"])
/// expression.evaluate(["event": placed, "async": candidate]).condition.isMatched
/// ```
///
/// The subset: `==` `!=` `<` `<=` `>` `>=` `&&` `||` `!` `?:` `in` `+` and parentheses; null, bool,
/// integer (`42`, `-7`, `0x2A`), unsigned (`42u`), double (`4.2`, `1e3`) and string literals (single,
/// double or triple quotes, `r"raw"`, every CEL escape); list literals; member (`a.b`) and index
/// (`a["b"]`, `a[0]`) access; `size()`, `has()`, `startsWith()`, `endsWith()` and `contains()`.
/// Everything else is refused when parsing, with a message that names the construct.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The longest expression accepted, in Unicode code points: cel-go's default limit.
    public static let maximumLength = 100_000

    /// The deepest nesting accepted: of parentheses, and of the tree the parser builds (cel-go
    /// allows 250 levels of each kind of rule; every expression accepted here is within that).
    public static let maximumDepth = 100

    /// The syntax tree.
    @usableFromInline package let root: ExpressionNode

    /// Wraps a syntax tree.
    package init(root: ExpressionNode) {
        self.root = root
    }

    /// Parses an expression.
    /// - Parameters:
    ///   - text: the expression, e.g. `event.data.plan == "pro"`.
    ///   - variables: the top-level names it may use: `["event"]` for a trigger `if` or a key,
    ///     `["event", "async"]` for a wait or a cancellation.
    ///   - rules: which constructs beyond comparisons and logic are allowed: `.restrictive` for the
    ///     conditions of `cancelOn` and `waitForEvent`, as Inngest checks them.
    /// - Throws: `ExpressionError` at the first problem, with its position.
    public static func parse(_ text: String, variables: Set<String>, rules: ExpressionRules = .standard) throws(ExpressionError) -> Expression {
        let utf8Count = text.utf8.count
        if utf8Count > maximumLength {
            let scalars = utf8Count > 4 * maximumLength ? utf8Count : text.unicodeScalars.count
            if scalars > maximumLength {
                throw ExpressionError("the expression is longer than \(maximumLength) characters", at: 0, in: "")
            }
        }
        var lexer = ExpressionLexer(text)
        let tokens = try lexer.tokens()
        var parser = ExpressionParser(text: text, tokens: tokens, variables: variables, rules: rules, maximumDepth: maximumDepth)
        return Expression(root: try parser.parse())
    }

    /// The expression as canonical CEL: what was parsed, normalized (spacing, quotes, redundant
    /// parentheses, `x.size()` as `size(x)`, `!!x` as `x`). Parsing it again gives an equal expression.
    public var description: String { root.canonicalText }

    /// The data paths the expression reads, in the order they first appear, each once: for
    /// `event.data.items[0].sku == async.data.sku`, `event.data.items[0].sku` and `async.data.sku`.
    /// A path ends where an index is not a constant (`event.data.items[event.data.i]` reads
    /// `event.data.items` and `event.data.i`).
    public var paths: [ExpressionPath] {
        var found: [ExpressionPath] = []
        var seen: Set<ExpressionPath> = []
        func add(_ path: ExpressionPath) {
            if seen.insert(path).inserted { found.append(path) }
        }
        /// The path `node` denotes, if it is one.
        func path(of node: ExpressionNode) -> ExpressionPath? {
            switch node {
            case .variable(let name): return ExpressionPath(name, [])
            case .member(let operand, let name):
                guard let base = path(of: operand) else { return nil }
                return ExpressionPath(base.variable, base.components + [.field(name)])
            case .index(let operand, .literal(.string(let name))):
                guard let base = path(of: operand) else { return nil }
                return ExpressionPath(base.variable, base.components + [.field(name)])
            case .index(let operand, .literal(.integer(let index))):
                guard let base = path(of: operand) else { return nil }
                return ExpressionPath(base.variable, base.components + [.index(index)])
            default: return nil
            }
        }
        func visit(_ node: ExpressionNode) {
            if let path = path(of: node) {
                add(path)
                return
            }
            switch node {
            case .literal, .variable: break
            case .member(let operand, _): visit(operand)
            case .index(let operand, let index):
                visit(operand)
                visit(index)
            case .list(let nodes), .and(let nodes), .or(let nodes), .call(_, let nodes): nodes.forEach(visit)
            case .not(let operand): visit(operand)
            case .binary(_, let left, let right):
                visit(left)
                visit(right)
            case .conditional(let condition, let then, let otherwise):
                visit(condition)
                visit(then)
                visit(otherwise)
            case .has(let operand, let name): visit(.member(operand, name))
            }
        }
        visit(root)
        return found
    }

    /// The variables the expression reads (`event`, `async`), sorted.
    public var variables: [String] {
        Set(paths.map(\.variable)).sorted()
    }
}
