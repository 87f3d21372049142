extension ExpressionNode {
    /// The precedence of a node as CEL parses it: 0 for `?:` up to 6 for member access and literals.
    private var precedence: Int {
        switch self {
        case .conditional: 0
        case .or: 1
        case .and: 2
        case .binary(.add, _, _): 4
        case .binary: 3
        case .not: 5
        case .literal(.integer(let value)) where value < 0: 5
        case .literal(.double(let value)) where value.sign == .minus: 5
        default: 6
        }
    }

    /// The node as canonical CEL: single spaces around binary operators, double-quoted strings,
    /// `size(x)` for `x.size()`, and parentheses only where precedence needs them.
    package var canonicalText: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(_ child: ExpressionNode, to text: inout String, minimum: Int) {
        if child.precedence < minimum {
            text += "("
            child.write(to: &text)
            text += ")"
        } else {
            child.write(to: &text)
        }
    }

    private func write(to text: inout String) {
        switch self {
        case .literal(let literal):
            text += literal.canonicalText
        case .variable(let name):
            text += name
        case .member(let operand, let name):
            write(operand, to: &text, minimum: 6)
            if Self.isPlainFieldName(name) {
                text += ".\(name)"
            } else {
                // Not reachable from parsed text (the parser reads only names), but paths are built
                // from arbitrary keys too.
                text += "[\(Self.quoted(name))]"
            }
        case .index(let operand, let index):
            write(operand, to: &text, minimum: 6)
            text += "["
            index.write(to: &text)
            text += "]"
        case .list(let elements):
            text += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { text += ", " }
                element.write(to: &text)
            }
            text += "]"
        case .not(let operand):
            text += "!"
            write(operand, to: &text, minimum: 6)
        case .binary(let op, let left, let right):
            let level = precedence
            write(left, to: &text, minimum: level)
            text += " \(op.rawValue) "
            write(right, to: &text, minimum: level + 1)
        case .and(let terms), .or(let terms):
            let level = precedence
            for (offset, term) in terms.enumerated() {
                if offset > 0 { text += level == 2 ? " && " : " || " }
                write(term, to: &text, minimum: level + 1)
            }
        case .conditional(let condition, let then, let otherwise):
            write(condition, to: &text, minimum: 1)
            text += " ? "
            write(then, to: &text, minimum: 1)
            text += " : "
            otherwise.write(to: &text)
        case .call(.size, let arguments):
            text += "size("
            arguments.first?.write(to: &text)
            text += ")"
        case .call(let function, let arguments):
            if let receiver = arguments.first { write(receiver, to: &text, minimum: 6) }
            text += ".\(function.rawValue)("
            if arguments.count > 1 { arguments[1].write(to: &text) }
            text += ")"
        case .has(let operand, let name):
            text += "has("
            ExpressionNode.member(operand, name).write(to: &text)
            text += ")"
        }
    }

    /// Whether `name` can follow a `.`: an ASCII identifier that CEL does not read as a keyword.
    package static func isPlainFieldName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !["true", "false", "null", "in"].contains(name) else { return false }
        func isLetter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_")
        }
        return isLetter(first) && name.utf8.allSatisfy { isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
    }

    /// `text` as a double-quoted CEL string literal.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension ExpressionLiteral {
    /// The literal as CEL text that reads back as the same literal.
    package var canonicalText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .unsigned(let value): "\(value)u"
        case .double(let value):
            // Swift's shortest representation ("1.0", "1e-05", "1e+100") always reads back as a
            // CEL double; literals are finite (the lexer refuses the others).
            value.description
        case .string(let value): ExpressionNode.quoted(value)
        }
    }
}
