/// Reads the `#if` conditions the scanner records (``TypeDecl/conditions``) far enough to see code
/// that is never compiled: a declaration under `#if false` (or in the `#else` of `#if true`) is not
/// part of the program, so it is not registered and not checked.
enum CompilationCondition {
    /// Whether one of the enclosing conditions is false in every build configuration.
    static func isNeverTrue(_ conditions: [String]) -> Bool {
        conditions.contains { condition in conjuncts(condition).contains(where: isLiteralFalse) }
    }

    /// `false`, `(false)`, `!true`, `!(true)`.
    private static func isLiteralFalse(_ conjunct: Substring) -> Bool {
        let term = stripParentheses(conjunct)
        if term == "false" { return true }
        guard term.first == "!" else { return false }
        return stripParentheses(term.dropFirst()) == "true"
    }

    /// The operands of the top-level `&&`s of a condition.
    private static func conjuncts(_ condition: String) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = condition.startIndex
        var index = condition.startIndex
        while index < condition.endIndex {
            let character = condition[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            let next = condition.index(after: index)
            if depth == 0 && character == "&" && next < condition.endIndex && condition[next] == "&" {
                parts.append(condition[start..<index])
                start = condition.index(after: next)
                index = start
                continue
            }
            index = next
        }
        parts.append(condition[start...])
        return parts
    }

    /// The term without spaces around it and without parentheses enclosing all of it.
    private static func stripParentheses(_ term: Substring) -> Substring {
        var term = term.trimmingSpaces()
        while term.first == "(" && term.last == ")" && enclosesAll(term) {
            term = term.dropFirst().dropLast().trimmingSpaces()
        }
        return term
    }

    /// Whether the first `(` of `term` closes at its last character.
    private static func enclosesAll(_ term: Substring) -> Bool {
        var depth = 0
        for (offset, character) in term.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0 { return offset == term.count - 1 }
        }
        return false
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}
