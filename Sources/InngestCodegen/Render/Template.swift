/// A minimal logic-less template: `{{key}}` is replaced by a value, and `{{#list}}…{{/list}}` is
/// repeated for each item of a list, with the item's values in scope. A section's opening and
/// closing tags each stand alone on a line, which is removed from the output.
struct Template: Sendable {
    /// Values for one rendering: strings, or lists of items for sections.
    struct Values: Sendable {
        var strings: [String: String] = [:]
        var lists: [String: [[String: String]]] = [:]
    }

    let text: String

    /// Renders the template.
    /// - Throws: `TemplateError` for an unknown key or an unclosed section (a bug in the generator).
    func render(_ values: Values) throws -> String {
        var output = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("{{#"), trimmed.hasSuffix("}}") {
                let name = String(trimmed.dropFirst(3).dropLast(2))
                var body: [Substring] = []
                var closed = false
                while let inner = lines.popFirst() {
                    if inner.trimmingCharacters(in: .whitespaces) == "{{/\(name)}}" {
                        closed = true
                        break
                    }
                    body.append(inner)
                }
                guard closed else { throw TemplateError("section {{#\(name)}} is not closed") }
                guard let items = values.lists[name] else { throw TemplateError("no list named \(name)") }
                for item in items {
                    for bodyLine in body {
                        output += try substitute(bodyLine, item.merging(values.strings) { itemValue, _ in itemValue }) + "\n"
                    }
                }
            } else {
                output += try substitute(line, values.strings) + "\n"
            }
        }
        if output.hasSuffix("\n\n") { output.removeLast() }
        return output
    }

    private func substitute(_ line: Substring, _ values: [String: String]) throws -> String {
        var result = ""
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw TemplateError("unclosed {{ in \(line)") }
            let key = String(rest[open.upperBound..<close.lowerBound])
            guard let value = values[key] else { throw TemplateError("no value for {{\(key)}}") }
            result += value
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}

/// A template that does not match the values the generator supplies: a bug in swift-inngest.
struct TemplateError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "template error: \(description)" }
}

import Foundation
