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
            let trimmed = Self.trimmed(line)
            if trimmed.hasPrefix("{{#"), trimmed.hasSuffix("}}") {
                let name = String(trimmed.dropFirst(3).dropLast(2))
                var body: [Substring] = []
                var closed = false
                while let inner = lines.popFirst() {
                    if Self.trimmed(inner) == "{{/\(name)}}" {
                        closed = true
                        break
                    }
                    body.append(inner)
                }
                guard closed else { throw TemplateError("section {{#\(name)}} is not closed") }
                guard let items = values.lists[name] else { throw TemplateError("no list named \(name)") }
                for item in items {
                    let scope = item.merging(values.strings) { itemValue, _ in itemValue }
                    for bodyLine in body {
                        try substitute(bodyLine, scope, into: &output)
                        output += "\n"
                    }
                }
            } else {
                try substitute(line, values.strings, into: &output)
                output += "\n"
            }
        }
        if output.hasSuffix("\n\n") { output.removeLast() }
        return output
    }

    /// The line without leading and trailing spaces and tabs.
    private static func trimmed(_ line: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else { return "" }
        return line[first...last]
    }

    /// Appends `line` with each `{{key}}` replaced, scanning bytes (no Foundation string search).
    private func substitute(_ line: Substring, _ values: [String: String], into output: inout String) throws {
        let utf8 = line.utf8
        var copied = utf8.startIndex
        var index = utf8.startIndex
        let brace = UInt8(ascii: "{"), closing = UInt8(ascii: "}")
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            guard utf8[index] == brace, next != utf8.endIndex, utf8[next] == brace else {
                index = next
                continue
            }
            let keyStart = utf8.index(after: next)
            var keyEnd = keyStart
            while keyEnd != utf8.endIndex {
                let after = utf8.index(after: keyEnd)
                if utf8[keyEnd] == closing, after != utf8.endIndex, utf8[after] == closing { break }
                keyEnd = after
            }
            guard keyEnd != utf8.endIndex else { throw TemplateError("unclosed {{ in \(line)") }
            let key = String(Substring(utf8[keyStart..<keyEnd]))
            guard let value = values[key] else { throw TemplateError("no value for {{\(key)}}") }
            output += Substring(utf8[copied..<index])
            output += value
            index = utf8.index(keyEnd, offsetBy: 2)
            copied = index
        }
        output += Substring(utf8[copied..<utf8.endIndex])
    }
}

/// A template that does not match the values the generator supplies: a bug in swift-inngest.
struct TemplateError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "template error: \(description)" }
}

import Foundation
