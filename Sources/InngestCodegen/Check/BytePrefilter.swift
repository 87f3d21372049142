/// A cheap first look at a file's bytes: whether one of some words occurs as a whole identifier
/// (a run of letters, digits, `_` and non-ASCII bytes), or one of some texts stands between two
/// consecutive double quotes, anywhere in the file (comments and strings included). A file it rejects
/// cannot mention them; one it accepts is lexed to find out.
struct BytePrefilter {
    private let words: [Int: [[UInt8]]]
    private let literals: [Int: [[UInt8]]]
    private let longestLiteral: Int

    init(words: Set<String>, literals: Set<String>) {
        self.words = Dictionary(grouping: words.map { Array($0.utf8) }, by: \.count)
        self.literals = Dictionary(grouping: literals.map { Array($0.utf8) }, by: \.count)
        longestLiteral = self.literals.keys.max() ?? 0
    }

    /// Whether `bytes` may mention one of the words or literals.
    func mayMention(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            var lastQuote = -1
            while index < count {
                let byte = buffer[index]
                if Self.isIdentifierByte(byte) {
                    let start = index
                    while index < count && Self.isIdentifierByte(buffer[index]) { index += 1 }
                    if let candidates = words[index - start], Self.matches(candidates, buffer, start) { return true }
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    let length = index - lastQuote - 1
                    if lastQuote >= 0, length > 0, length <= longestLiteral, let candidates = literals[length],
                       Self.matches(candidates, buffer, lastQuote + 1) {
                        return true
                    }
                    lastQuote = index
                }
                index += 1
            }
            return false
        }
    }

    private static func matches(_ candidates: [[UInt8]], _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        candidates.contains { candidate in
            var offset = 0
            while offset < candidate.count && buffer[start + offset] == candidate[offset] { offset += 1 }
            return offset == candidate.count
        }
    }

    @inline(__always)
    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }
}
