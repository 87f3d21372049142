/// A recursive-descent parser for the subset of CEL, with CEL's precedence (cel-go
/// `parser/gen/CEL.g4`): `?:` < `||` < `&&` < relations (`==` `!=` `<` `<=` `>` `>=` `in`, all one
/// level, left-associative) < `+` < unary `!` and `-` < member, index and call.
///
/// It also does the part of cel-go's type check that can fail on a literal (`"a" && x`, `size(1)`,
/// `"a" in "abc"`), because Inngest compiles (parses and checks) every expression when a function is
/// synced. Nesting is capped twice: the parser's own recursion (10,000 parentheses end with an error,
/// not a crash) and the depth of the tree it builds.
struct ExpressionParser {
    /// What the checker knows of a subexpression's type.
    enum StaticType: Equatable {
        case dynamic, bool, integer, unsigned, double, string, null, list

        var description: String {
            switch self {
            case .dynamic: "a value"
            case .bool: "a bool"
            case .integer: "an integer"
            case .unsigned: "an unsigned integer"
            case .double: "a double"
            case .string: "a string"
            case .null: "null"
            case .list: "a list"
            }
        }
    }

    /// A parsed subexpression.
    struct Parsed {
        var node: ExpressionNode
        var type: StaticType
        var depth: Int
        var start: Int
    }

    private static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    ]
    private static let macros: Set<String> = ["all", "exists", "exists_one", "map", "filter", "transformList", "transformMap", "sortBy"]
    private static let knownFunctions: Set<String> = [
        "int", "uint", "double", "string", "bytes", "bool", "dyn", "type", "timestamp", "duration", "matches", "date", "now",
        "now_plus", "now_minus", "lowercase", "uppercase", "b64decode", "json_parse", "getDate", "getFullYear", "getHours",
        "getMonth", "getDayOfWeek", "getMinutes", "getSeconds", "lowerAscii", "upperAscii", "replace", "split", "substring",
        "trim", "indexOf", "lastIndexOf", "join", "format", "charAt", "quote", "reverse", "math", "optional", "orValue", "hasValue",
    ]

    private let text: String
    private let tokens: [ExpressionToken]
    private let variables: Set<String>
    private let rules: ExpressionRules
    private let maximumDepth: Int
    private var position = 0
    private var nesting = 0

    init(text: String, tokens: [ExpressionToken], variables: Set<String>, rules: ExpressionRules, maximumDepth: Int) {
        self.text = text
        self.tokens = tokens
        self.variables = variables
        self.rules = rules
        self.maximumDepth = maximumDepth
    }

    // MARK: Helpers

    private var current: ExpressionToken { tokens[position] }

    private func error(_ message: String, at offset: Int) -> ExpressionError {
        ExpressionError(message, at: offset, in: text)
    }

    private func isSymbol(_ symbol: String) -> Bool { current.symbol == symbol }

    private mutating func advance() -> ExpressionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func expect(_ symbol: String, _ context: String) throws(ExpressionError) -> ExpressionToken {
        guard isSymbol(symbol) else { throw error("expected '\(symbol)' \(context), found \(describe(current))", at: current.start) }
        return advance()
    }

    private func describe(_ token: ExpressionToken) -> String {
        let source = Array(text.utf8)[token.start..<token.end]
        switch token.kind {
        case .end: return "the end of the expression"
        case .string: return "a string literal"
        default: return "'\(String(decoding: source, as: UTF8.self))'"
        }
    }

    private func make(_ node: ExpressionNode, _ type: StaticType, start: Int, children: [Parsed]) throws(ExpressionError) -> Parsed {
        let depth = 1 + (children.map(\.depth).max() ?? 0)
        guard depth <= maximumDepth else {
            throw error("the expression is nested more than \(maximumDepth) levels deep; simplify it", at: start)
        }
        return Parsed(node: node, type: type, depth: depth, start: start)
    }

    private func requireBool(_ operand: Parsed, for construct: String) throws(ExpressionError) {
        guard operand.type == .bool || operand.type == .dynamic else {
            throw error("\(construct) needs a bool, but this is \(operand.type.description)", at: operand.start)
        }
    }

    // MARK: Grammar

    /// Parses the whole text.
    mutating func parse() throws(ExpressionError) -> ExpressionNode {
        if case .end = current.kind { throw error("the expression is empty", at: 0) }
        let parsed = try expression()
        guard case .end = current.kind else {
            if let name = current.identifier, ["and", "or", "not"].contains(name) {
                let replacement = name == "and" ? "&&" : name == "or" ? "||" : "!"
                throw error("'\(name)' is not CEL; use '\(replacement)'", at: current.start)
            }
            if isSymbol(")") { throw error("unbalanced ')': nothing to close", at: current.start) }
            throw error("unexpected \(describe(current)) after a complete expression", at: current.start)
        }
        return parsed.node
    }

    /// `or ('?' or ':' expression)?`
    private mutating func expression() throws(ExpressionError) -> Parsed {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= maximumDepth else {
            throw error("the expression is nested more than \(maximumDepth) levels deep; simplify it", at: current.start)
        }
        let condition = try logicalOr()
        guard isSymbol("?") else { return condition }
        _ = advance()
        try requireBool(condition, for: "the condition of '?:'")
        let then = try logicalOr()
        _ = try expect(":", "in the ternary operator 'condition ? a : b'")
        let otherwise = try expression()
        let type = then.type == otherwise.type ? then.type : .dynamic
        return try make(.conditional(condition.node, then.node, otherwise.node), type, start: condition.start,
                        children: [condition, then, otherwise])
    }

    private mutating func logicalOr() throws(ExpressionError) -> Parsed {
        try logical(symbol: "||", operand: { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.logicalAnd() })
    }

    private mutating func logicalAnd() throws(ExpressionError) -> Parsed {
        try logical(symbol: "&&", operand: { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.relation() })
    }

    /// A chain of `&&` or `||`, flattened into one node (also across parentheses).
    private mutating func logical(symbol: String, operand: (inout ExpressionParser) throws(ExpressionError) -> Parsed) throws(ExpressionError) -> Parsed {
        let first = try operand(&self)
        guard isSymbol(symbol) else { return first }
        var operands = [first]
        while isSymbol(symbol) {
            _ = advance()
            operands.append(try operand(&self))
        }
        var terms: [ExpressionNode] = []
        for parsed in operands {
            try requireBool(parsed, for: "'\(symbol)'")
            switch (symbol, parsed.node) {
            case ("&&", .and(let inner)), ("||", .or(let inner)): terms.append(contentsOf: inner)
            default: terms.append(parsed.node)
            }
        }
        return try make(symbol == "&&" ? .and(terms) : .or(terms), .bool, start: first.start, children: operands)
    }

    private static let relations: [String: ExpressionBinaryOperator] = [
        "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    /// `calc (relop calc)*`, left-associative.
    private mutating func relation() throws(ExpressionError) -> Parsed {
        var left = try calc()
        while true {
            let op: ExpressionBinaryOperator
            if let symbol = current.symbol, let relation = Self.relations[symbol] {
                op = relation
            } else if current.identifier == "in" {
                op = .in
            } else {
                return left
            }
            _ = advance()
            let right = try calc()
            if op == .in && right.type != .list && right.type != .dynamic {
                throw error("'in' needs a list or an object on its right, but this is \(right.type.description)", at: right.start)
            }
            left = try make(.binary(op, left.node, right.node), .bool, start: left.start, children: [left, right])
        }
    }

    /// `unary ('+' unary)*`; the other arithmetic operators are refused.
    private mutating func calc() throws(ExpressionError) -> Parsed {
        var left = try unary()
        while let symbol = current.symbol, ["+", "-", "*", "/", "%"].contains(symbol) {
            let token = advance()
            guard symbol == "+" else {
                throw error("arithmetic operator '\(symbol)' is not supported (only '+', to join strings or add numbers)", at: token.start)
            }
            guard rules.allowsFunctions else {
                throw error("'+' is a function call, which the restrictive rules (cancelOn and waitForEvent conditions) do not allow", at: token.start)
            }
            let right = try unary()
            left = try make(.binary(.add, left.node, right.node), .dynamic, start: left.start, children: [left, right])
        }
        return left
    }

    /// `'!'* member` or `'-'* member`. As in cel-go, pairs of `!` and of `-` cancel out, and a `-`
    /// before a number literal makes a negative literal.
    private mutating func unary() throws(ExpressionError) -> Parsed {
        let start = current.start
        if isSymbol("!") {
            var count = 0
            while isSymbol("!") {
                _ = advance()
                count += 1
            }
            let operand = try member()
            try requireBool(operand, for: "'!'")
            if count % 2 == 0 { return operand }
            return try make(.not(operand.node), .bool, start: start, children: [operand])
        }
        if isSymbol("-") {
            var count = 0
            while isSymbol("-") {
                _ = advance()
                count += 1
            }
            let literalStart = current.start
            if count % 2 == 1 {
                switch current.kind {
                case .integer(let magnitude):
                    _ = advance()
                    guard magnitude <= UInt64(Int64.max) + 1 else {
                        throw error("integer literal '-\(magnitude)' is out of range (the smallest integer is \(Int64.min))", at: start)
                    }
                    let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
                    return try member(continuing: make(.literal(.integer(value)), .integer, start: start, children: []))
                case .double(let value):
                    _ = advance()
                    return try member(continuing: make(.literal(.double(-value)), .double, start: start, children: []))
                case .unsigned:
                    throw error("an unsigned integer cannot be negative", at: start)
                default:
                    throw error("negation '-' is arithmetic, which is not supported (only number literals can be negative)", at: start)
                }
            }
            _ = literalStart
            return try member()
        }
        return try member()
    }

    /// `primary` followed by any number of `.name`, `.name(args)` and `[index]`.
    private mutating func member() throws(ExpressionError) -> Parsed {
        try member(continuing: primary())
    }

    private mutating func member(continuing base: Parsed) throws(ExpressionError) -> Parsed {
        var operand = base
        while true {
            if isSymbol(".") {
                let dot = advance()
                if isSymbol("?") { throw error("optional field selection '.?' is not supported", at: dot.start) }
                guard let name = fieldName() else {
                    if case .integer = current.kind {
                        throw error("'.' must be followed by a field name; for an array element, use an index: items[0]", at: current.start)
                    }
                    throw error("expected a field name after '.', found \(describe(current))", at: current.start)
                }
                let nameToken = advance()
                if isSymbol("(") {
                    operand = try method(name, receiver: operand, at: nameToken.start)
                    continue
                }
                try requireSelectable(operand, construct: "field selection '.\(name)'")
                operand = try make(.member(operand.node, name), .dynamic, start: operand.start, children: [operand])
            } else if isSymbol("[") {
                let bracket = advance()
                if isSymbol("?") { throw error("optional index '[?' is not supported", at: bracket.start) }
                let index = try expression()
                _ = try expect("]", "to close the index that starts at column \(error("", at: bracket.start).column)")
                if operand.type != .list {
                    try requireSelectable(operand, construct: "index access '[…]'")
                }
                operand = try make(.index(operand.node, index.node), .dynamic, start: operand.start, children: [operand, index])
            } else {
                return operand
            }
        }
    }

    /// A field name after `.`: any identifier but the literals and `in`, which CEL reads as keywords.
    private func fieldName() -> String? {
        guard let name = current.identifier else { return nil }
        return ["true", "false", "null", "in"].contains(name) ? nil : name
    }

    private func requireSelectable(_ operand: Parsed, construct: String) throws(ExpressionError) {
        guard operand.type == .dynamic else {
            throw error("\(construct) needs an object, but this is \(operand.type.description)", at: operand.start)
        }
    }

    /// `receiver.name(args)`.
    private mutating func method(_ name: String, receiver: Parsed, at start: Int) throws(ExpressionError) -> Parsed {
        if Self.macros.contains(name) {
            throw error("macro '\(name)()' is not supported: comprehensions (all, exists, exists_one, map, filter) are outside the subset", at: start)
        }
        let function: ExpressionFunction
        switch name {
        case "startsWith": function = .startsWith
        case "endsWith": function = .endsWith
        case "contains": function = .contains
        case "size": function = .size
        default:
            if Self.knownFunctions.contains(name) {
                throw error("function '\(name)()' is not supported (the subset has size(), startsWith(), endsWith() and contains())", at: start)
            }
            throw error("unknown function '\(name)()' (the subset has size(), startsWith(), endsWith() and contains())", at: start)
        }
        guard rules.allowsFunctions else {
            throw error("function calls are not allowed by the restrictive rules (cancelOn and waitForEvent conditions); '\(name)()' is one", at: start)
        }
        let arguments = try self.arguments(of: name)
        if function == .size {
            guard arguments.isEmpty else { throw error("'\(name)()' as a method takes no arguments", at: start) }
            return try size(of: receiver, start: receiver.start)
        }
        guard arguments.count == 1, let argument = arguments.first else {
            throw error("'\(name)()' takes one argument, a string; found \(arguments.count)", at: start)
        }
        for operand in [receiver, argument] where operand.type != .string && operand.type != .dynamic {
            throw error("'\(name)()' works on strings, but this is \(operand.type.description)", at: operand.start)
        }
        return try make(.call(function, [receiver.node, argument.node]), .bool, start: receiver.start, children: [receiver, argument])
    }

    private mutating func size(of operand: Parsed, start: Int) throws(ExpressionError) -> Parsed {
        guard [.string, .list, .dynamic].contains(operand.type) else {
            throw error("'size()' works on strings, lists and objects, but this is \(operand.type.description)", at: operand.start)
        }
        return try make(.call(.size, [operand.node]), .integer, start: start, children: [operand])
    }

    /// `'(' (expression (',' expression)*)? ')'`, after the name.
    private mutating func arguments(of name: String) throws(ExpressionError) -> [Parsed] {
        _ = try expect("(", "after '\(name)'")
        var arguments: [Parsed] = []
        if isSymbol(")") {
            _ = advance()
            return arguments
        }
        while true {
            arguments.append(try expression())
            if isSymbol(",") {
                _ = advance()
                continue
            }
            _ = try expect(")", "to close the arguments of '\(name)()'")
            return arguments
        }
    }

    private mutating func primary() throws(ExpressionError) -> Parsed {
        let token = current
        switch token.kind {
        case .integer(let magnitude):
            _ = advance()
            guard magnitude <= UInt64(Int64.max) else {
                throw error("integer literal '\(magnitude)' is out of range (the largest integer is \(Int64.max); add 'u' for an unsigned one)", at: token.start)
            }
            return try make(.literal(.integer(Int64(magnitude))), .integer, start: token.start, children: [])
        case .unsigned(let value):
            _ = advance()
            return try make(.literal(.unsigned(value)), .unsigned, start: token.start, children: [])
        case .double(let value):
            _ = advance()
            return try make(.literal(.double(value)), .double, start: token.start, children: [])
        case .string(let value):
            _ = advance()
            return try make(.literal(.string(value)), .string, start: token.start, children: [])
        case .identifier(let name):
            return try identifier(name, token)
        case .end:
            throw error("the expression ends where a value was expected", at: token.start)
        case .symbol(let symbol):
            switch symbol {
            case "(":
                _ = advance()
                let inner = try expression()
                _ = try expect(")", "to close the '(' at column \(error("", at: token.start).column)")
                return inner
            case "[":
                _ = advance()
                var elements: [Parsed] = []
                while !isSymbol("]") {
                    elements.append(try expression())
                    if isSymbol(",") {
                        _ = advance()
                    } else if !isSymbol("]") {
                        throw error("expected ',' or ']' in the list that starts at column \(error("", at: token.start).column), found \(describe(current))", at: current.start)
                    }
                }
                _ = advance()
                return try make(.list(elements.map(\.node)), .list, start: token.start, children: elements)
            case "{":
                throw error("map literals ({…}) are not supported", at: token.start)
            case ".":
                throw error("a leading '.' (a root-qualified name) is not supported", at: token.start)
            default:
                throw error("expected a value, found \(describe(token))", at: token.start)
            }
        }
    }

    private mutating func identifier(_ name: String, _ token: ExpressionToken) throws(ExpressionError) -> Parsed {
        _ = advance()
        switch name {
        case "true", "false":
            return try make(.literal(.bool(name == "true")), .bool, start: token.start, children: [])
        case "null":
            return try make(.literal(.null), .null, start: token.start, children: [])
        case "in":
            throw error("expected a value, found 'in'", at: token.start)
        default:
            break
        }
        if isSymbol("(") { return try globalCall(name, at: token.start) }
        if Self.reservedWords.contains(name) {
            throw error("'\(name)' is a reserved word in CEL and cannot be used as a name", at: token.start)
        }
        if isSymbol("{") { throw error("message construction ('\(name){…}') is not supported", at: current.start) }
        guard variables.contains(name) else {
            let allowed = variables.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let hint = variables.isEmpty ? "no variable is available here" : "expected \(variables.count == 1 ? "" : "one of ")\(allowed)"
            throw error("unknown variable '\(name)'; \(hint)", at: token.start)
        }
        return try make(.variable(name), .dynamic, start: token.start, children: [])
    }

    /// `name(args)` with no receiver.
    private mutating func globalCall(_ name: String, at start: Int) throws(ExpressionError) -> Parsed {
        switch name {
        case "has":
            guard rules.allowsHas else {
                throw error("macro 'has()' is not allowed by the restrictive rules (cancelOn and waitForEvent conditions allow no macros); compare with null instead: x != null", at: start)
            }
            let arguments = try self.arguments(of: name)
            guard arguments.count == 1, let argument = arguments.first, case .member(let operand, let field) = argument.node else {
                throw error("'has()' takes one field selection, such as has(event.data.name)", at: start)
            }
            return try make(.has(operand, field), .bool, start: start, children: [argument])
        case "size":
            guard rules.allowsFunctions else {
                throw error("function calls are not allowed by the restrictive rules (cancelOn and waitForEvent conditions); 'size()' is one", at: start)
            }
            let arguments = try self.arguments(of: name)
            guard arguments.count == 1, let argument = arguments.first else {
                throw error("'size()' takes one argument; found \(arguments.count)", at: start)
            }
            return try size(of: argument, start: start)
        case "startsWith", "endsWith", "contains":
            throw error("'\(name)()' is a method: write it after a string, as in event.data.name.\(name)(\"a\")", at: start)
        default:
            if Self.macros.contains(name) {
                throw error("macro '\(name)()' is not supported: comprehensions (all, exists, exists_one, map, filter) are outside the subset", at: start)
            }
            if Self.knownFunctions.contains(name) {
                throw error("function '\(name)()' is not supported (the subset has size(), startsWith(), endsWith() and contains())", at: start)
            }
            throw error("unknown function '\(name)()' (the subset has size(), has(), startsWith(), endsWith() and contains())", at: start)
        }
    }
}
