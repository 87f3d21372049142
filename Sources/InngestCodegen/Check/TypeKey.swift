/// How the graph check compares the types (and tokens) providers offer and parameters ask for:
/// as written, except that spellings Swift treats as one type are one key (`any P`, `(any P)`
/// and `P`; `Inngest.X` and `X` for the framework's types).
enum TypeKey {
    /// The comparable spelling of `type`.
    static func normalized(_ type: String) -> String {
        var text = Substring(type).trimmingWhitespace()
        while text.hasPrefix("("), text.hasSuffix(")"), isBalancedGroup(text) {
            text = text.dropFirst().dropLast().trimmingWhitespace()
        }
        if text.hasPrefix("any ") { text = text.dropFirst(4).trimmingWhitespace() }
        if text.hasPrefix("Inngest.") { text = text.dropFirst("Inngest.".count) }
        if text.hasPrefix("["), text.hasSuffix("]"), !text.contains(":") {
            return "[" + normalized(String(text.dropFirst().dropLast())) + "]"
        }
        return String(text)
    }

    /// Whether the parentheses at both ends of `text` enclose all of it (`(A)`, not `(A) -> (B)`).
    private static func isBalancedGroup(_ text: Substring) -> Bool {
        var depth = 0
        for (offset, character) in text.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0 && offset < text.count - 1 { return false }
        }
        return depth == 0
    }
}

private extension Substring {
    func trimmingWhitespace() -> Substring {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
