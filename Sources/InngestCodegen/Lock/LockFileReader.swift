/// Reads `inngest.lock` without ever failing: a line it cannot read is a warning at
/// `inngest.lock:line:col` saying what it expected, and is left out; a file larger than
/// ``maximumSize`` is one warning and is not read. It works on bytes, one line at a time, so
/// neither NUL bytes, invalid UTF-8, a missing final line break nor a huge line can trap it.
enum LockFileReader {
    /// The largest lock file the build reads: far above any real one.
    static let maximumSize = 8 << 20

    private static let expectation = "expected `function \"id\" Declaration`, `step \"id\"`, a `[Target]` line, a `#` comment or a blank line"

    /// The entries of `bytes` and the problems found, in line order.
    static func read(_ bytes: [UInt8], path: String) -> (LockFile, [Diagnostic]) {
        var reader = State(path: path)
        guard bytes.count <= maximumSize else {
            reader.warn("\(path.split(separator: "/").last ?? "inngest.lock") is larger than the \(maximumSize >> 20) MiB "
                        + "the build reads, so it is ignored; write it again with `swift package --allow-writing-to-package-directory inngest lock`",
                        line: 1, column: 1)
            return (LockFile(), reader.diagnostics)
        }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            number += 1
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            reader.readLine(bytes[start..<lineEnd], number: number)
            start = end + 1
        }
        return (reader.file, reader.diagnostics)
    }

    private struct State {
        let path: String
        var file = LockFile()
        var diagnostics: [Diagnostic] = []
        var section: String?
        var sectionLines: [String: Int] = [:]

        init(path: String) {
            self.path = path
        }

        mutating func warn(_ message: String, line: Int, column: Int) {
            diagnostics.append(Diagnostic(.warning, message, at: SourceLocation(file: path, line: line, column: column)))
        }

        mutating func readLine(_ bytes: ArraySlice<UInt8>, number: Int) {
            if let nul = bytes.firstIndex(of: 0) {
                warn("this line of the lock file contains a NUL byte, so it is ignored; write the file again with `swift package "
                     + "--allow-writing-to-package-directory inngest lock`", line: number, column: column(of: nul, in: bytes))
                return
            }
            if let invalid = UTF8Validation.firstInvalidOffset(in: Array(bytes)) {
                warn("this line of the lock file is not valid UTF-8, so it is ignored; write the file again with `swift package "
                     + "--allow-writing-to-package-directory inngest lock`", line: number, column: column(of: bytes.startIndex + invalid, in: bytes))
                return
            }
            let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            var cursor = Cursor(scalars: scalars)
            cursor.skipSpaces()
            guard let first = cursor.peek, first != "#" else { return }
            if first == "[" {
                readSection(&cursor, number: number)
                return
            }
            let wordColumn = cursor.column
            let word = cursor.word()
            switch word {
            case "function":
                readFunction(&cursor, number: number, column: wordColumn)
            case "step":
                readStep(&cursor, number: number, column: wordColumn)
            default:
                let found = String(String.UnicodeScalarView(scalars[(wordColumn - 1)...].prefix(30)))
                warn("\(expectation), found '\(found)'", line: number, column: wordColumn)
            }
        }

        mutating func readSection(_ cursor: inout Cursor, number: Int) {
            let open = cursor.column
            cursor.advance()
            var name = ""
            while let scalar = cursor.peek, scalar != "]" {
                name.unicodeScalars.append(scalar)
                cursor.advance()
            }
            guard cursor.peek == "]" else {
                warn("expected ']' to close this section name", line: number, column: open)
                return
            }
            cursor.advance()
            cursor.skipSpaces()
            if cursor.peek != nil {
                warn("expected nothing after the section name's ']'", line: number, column: cursor.column)
                return
            }
            let target = name.trimmingSpaces
            guard !target.isEmpty else {
                warn("expected a target name between '[' and ']'", line: number, column: open + 1)
                return
            }
            if let first = sectionLines[target] {
                warn("section [\(target)] is already at line \(first); its entries are read as one section", line: number, column: open)
            } else {
                sectionLines[target] = number
            }
            section = target
            if file.sections[target] == nil { file.sections[target] = [] }
        }

        mutating func readFunction(_ cursor: inout Cursor, number: Int, column: Int) {
            guard let id = readId(&cursor, number: number, after: "function") else { return }
            cursor.skipSpaces()
            var declaration: String?
            if cursor.peek != nil {
                var text = ""
                while let scalar = cursor.peek, scalar != " " && scalar != "\t" {
                    text.unicodeScalars.append(scalar)
                    cursor.advance()
                }
                declaration = text
                cursor.skipSpaces()
                if cursor.peek != nil {
                    warn("expected the end of the line after the function's declaration (`function \"id\" Declaration`)", line: number, column: cursor.column)
                    return
                }
            }
            guard let section else {
                warn("this function is outside a section; put it under the `[Target]` line of its target", line: number, column: column)
                return
            }
            file.sections[section, default: []].append(LockFile.Function(
                id: id, declaration: declaration, steps: [], location: SourceLocation(file: path, line: number, column: column)))
        }

        mutating func readStep(_ cursor: inout Cursor, number: Int, column: Int) {
            guard let id = readId(&cursor, number: number, after: "step") else { return }
            cursor.skipSpaces()
            if cursor.peek != nil {
                warn("expected the end of the line after the step id", line: number, column: cursor.column)
                return
            }
            guard let section, let last = file.sections[section]?.indices.last else {
                warn("this step is not under a function; put it under the `function \"id\"` line of its function", line: number, column: column)
                return
            }
            file.sections[section]?[last].steps.append(LockFile.Step(id: id, location: SourceLocation(file: path, line: number, column: column)))
        }

        /// A quoted id after the keyword, with Swift's escapes; `nil` (with a warning) when malformed.
        mutating func readId(_ cursor: inout Cursor, number: Int, after keyword: String) -> String? {
            let spaced = cursor.skipSpaces()
            guard spaced, cursor.peek == "\"" else {
                warn("expected a space and a quoted id after '\(keyword)', as in `\(keyword) \"charge\"`", line: number, column: cursor.column)
                return nil
            }
            let open = cursor.column
            cursor.advance()
            var id = ""
            while let scalar = cursor.peek {
                cursor.advance()
                switch scalar {
                case "\"":
                    guard !id.isEmpty else {
                        warn("expected a non-empty id between the quotes", line: number, column: open)
                        return nil
                    }
                    return id
                case "\\":
                    let escapeColumn = cursor.column - 1
                    guard let decoded = cursor.escape() else {
                        warn("invalid escape in the id (expected \\\\, \\\", \\n, \\r, \\t, \\0 or \\u{…})", line: number, column: escapeColumn)
                        return nil
                    }
                    id.unicodeScalars.append(decoded)
                default:
                    id.unicodeScalars.append(scalar)
                }
            }
            warn("expected '\"' to close the id that starts here", line: number, column: open)
            return nil
        }

        /// The 1-based column (in Unicode scalars) of byte `index` of the line `bytes`.
        func column(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
            bytes[bytes.startIndex..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
    }

    /// A position in one line's scalars.
    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        /// The 1-based column of the current scalar.
        var column: Int { index + 1 }

        mutating func advance() { index += 1 }

        /// Skips spaces and tabs; whether there were any.
        @discardableResult
        mutating func skipSpaces() -> Bool {
            let start = index
            while let scalar = peek, scalar == " " || scalar == "\t" { index += 1 }
            return index > start
        }

        /// The ASCII letters at the cursor.
        mutating func word() -> String {
            var text = ""
            while let scalar = peek, scalar.isASCII, scalar.properties.isAlphabetic {
                text.unicodeScalars.append(scalar)
                index += 1
            }
            return text
        }

        /// The scalar an escape after `\` stands for; `nil` when malformed.
        mutating func escape() -> Unicode.Scalar? {
            guard let scalar = peek else { return nil }
            advance()
            switch scalar {
            case "\\", "\"", "'": return scalar
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            case "0": return "\0"
            case "u":
                guard peek == "{" else { return nil }
                advance()
                var hex = ""
                while let digit = peek, digit != "}", hex.count <= 8 {
                    hex.unicodeScalars.append(digit)
                    advance()
                }
                guard peek == "}", !hex.isEmpty, let value = UInt32(hex, radix: 16) else { return nil }
                advance()
                return Unicode.Scalar(value)
            default:
                return nil
            }
        }
    }
}

private extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
