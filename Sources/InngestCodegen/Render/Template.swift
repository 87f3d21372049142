/// A minimal logic-less template: `{{key}}` is replaced by a value, and `{{#list}}…{{/list}}` is
/// repeated for each item of a list, with the item's values in scope. A section's opening and
/// closing tags each stand alone on a line, which is removed from the output.
///
/// The text is split into lines and `{{key}}`s once, when the template is made; a rendering only
/// looks values up and appends. A template that does not parse throws when a rendering reaches the
/// faulty line, as if it were read then.
struct Template: Sendable {
    /// Values for one rendering: strings, or lists of items for sections.
    struct Values: Sendable {
        var strings: [String: String] = [:]
        var lists: [String: [[String: String]]] = [:]
    }

    /// A piece of a line: text as written, or a key to replace.
    private enum Piece: Sendable {
        case text(String)
        case key(String)
        /// A `{{` without its `}}`: the error to throw when the line is rendered.
        case unclosed(TemplateError)
    }

    /// A part of the template: a line, or a section with its lines.
    private enum Part: Sendable {
        case line([Piece])
        case section(name: String, body: [[Piece]])
        /// A section without its closing tag: the error to throw when it is reached.
        case unclosedSection(TemplateError)
    }

    /// The template as written.
    let text: String
    private let parts: [Part]

    init(text: String) {
        self.text = text
        var parts: [Part] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            let trimmed = Self.trimmed(line)
            guard trimmed.hasPrefix("{{#"), trimmed.hasSuffix("}}") else {
                parts.append(.line(Self.pieces(of: line)))
                continue
            }
            let name = String(trimmed.dropFirst(3).dropLast(2))
            var body: [[Piece]] = []
            var closed = false
            while let inner = lines.popFirst() {
                if Self.trimmed(inner) == "{{/\(name)}}" {
                    closed = true
                    break
                }
                body.append(Self.pieces(of: inner))
            }
            guard closed else {
                parts.append(.unclosedSection(TemplateError("section {{#\(name)}} is not closed")))
                break
            }
            parts.append(.section(name: name, body: body))
        }
        self.parts = parts
    }

    /// Renders the template.
    /// - Throws: `TemplateError` for an unknown key or an unclosed section (a bug in the generator).
    func render(_ values: Values) throws -> String {
        var output = ""
        for part in parts {
            switch part {
            case .line(let pieces):
                try Self.append(pieces, into: &output) { values.strings[$0] }
                output += "\n"
            case .section(let name, let body):
                guard let items = values.lists[name] else { throw TemplateError("no list named \(name)") }
                for item in items {
                    // The item's values hide the template's strings of the same key.
                    for pieces in body {
                        try Self.append(pieces, into: &output) { item[$0] ?? values.strings[$0] }
                        output += "\n"
                    }
                }
            case .unclosedSection(let error):
                throw error
            }
        }
        if output.hasSuffix("\n\n") { output.removeLast() }
        return output
    }

    /// Appends a line's pieces, each key replaced by `value(key)`.
    private static func append(_ pieces: [Piece], into output: inout String, value: (String) -> String?) throws {
        for piece in pieces {
            switch piece {
            case .text(let text):
                output += text
            case .key(let key):
                guard let replacement = value(key) else { throw TemplateError("no value for {{\(key)}}") }
                output += replacement
            case .unclosed(let error):
                throw error
            }
        }
    }

    /// The line without leading and trailing spaces and tabs.
    private static func trimmed(_ line: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else { return "" }
        return line[first...last]
    }

    /// Splits `line` into text and `{{key}}`s, scanning bytes (no Foundation string search).
    private static func pieces(of line: Substring) -> [Piece] {
        var pieces: [Piece] = []
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
            if copied != index { pieces.append(.text(String(Substring(utf8[copied..<index])))) }
            guard keyEnd != utf8.endIndex else {
                pieces.append(.unclosed(TemplateError("unclosed {{ in \(line)")))
                return pieces
            }
            pieces.append(.key(String(Substring(utf8[keyStart..<keyEnd]))))
            index = utf8.index(keyEnd, offsetBy: 2)
            copied = index
        }
        if copied != utf8.endIndex { pieces.append(.text(String(Substring(utf8[copied..<utf8.endIndex])))) }
        return pieces
    }
}

/// A template that does not match the values the generator supplies: a bug in swift-inngest.
struct TemplateError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "template error: \(description)" }
}
