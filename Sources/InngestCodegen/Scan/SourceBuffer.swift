/// The bytes of one source file, with the table that turns byte offsets into
/// ``SourceLocation``s.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`. Columns count Unicode scalars from 1 (a
/// UTF-8 lead byte starts a scalar), so they match what editors show for most text. A UTF-8
/// byte-order mark at the start of the file is skipped.
public struct SourceBuffer: Sendable {
    /// The path used in locations.
    public let path: String
    /// The file's bytes (expected to be UTF-8; the lexer never traps on other bytes).
    public let bytes: [UInt8]
    /// The byte offset where each line starts; `lineStarts[0]` is past any byte-order mark.
    public let lineStarts: [Int]
    /// The offset of the first byte after a byte-order mark (0 without one).
    public let contentStart: Int

    /// Indexes `bytes`.
    public init(bytes: [UInt8], path: String) {
        self.path = path
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        contentStart = hasBOM ? 3 : 0
        var starts = [contentStart]
        starts.reserveCapacity(bytes.count / 32 + 1)
        let count = bytes.count
        var index = contentStart
        while index < count {
            if index + 8 <= count, case let word = SWAR.word(bytes, at: index),
               !SWAR.mayContain(word, 0x0A) && !SWAR.mayContain(word, 0x0D) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D && (index + 1 >= count || bytes[index + 1] != 0x0A) {
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    /// Indexes the UTF-8 of `text`.
    public init(_ text: String, path: String) {
        self.init(bytes: Array(text.utf8), path: path)
    }

    /// The location of the byte at `offset` (clamped to the file).
    public func location(at offset: Int) -> SourceLocation {
        let offset = min(max(offset, contentStart), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: path, line: low + 1, column: column)
    }

    /// The text of `range`, with invalid UTF-8 repaired.
    public func text(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
