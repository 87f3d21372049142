/// Recognises a comment that looks like a marker but is not one, so that a typo does not silently
/// leave a declaration unregistered: `// @Inngest.function(…)`, `// @ingest.function`,
/// `//@inngest .function`, `// @inngest:function`, `// @inngest function(…)`, `// @inngest(…)`,
/// `// @inngestfunction`, `// inngest.function(…)`, `//// @inngest.event`.
///
/// The rule, applied to the start of a comment (after `//`, `///` or `/*`, and any further `/`, `*`,
/// `!` and spaces):
/// - an optional `@` (or several), then a word within edit distance 2 of `inngest`, in any case;
/// - then a separator (`.`, `:`, `::`, `-`, `_`, `/`, spaces; none before `(` or a kind) and a word
///   that is a marker kind or close to one (edit distance 2, or a prefix of at least 3 letters);
/// - with a separator containing spaces, nothing but `(…)` may follow the kind (so prose such as
///   `// @inngest functions are registered…` is left alone);
/// - without `@`, only the exact shape `inngest.<kind>(` counts.
///
/// Comments whose first word is not inngest-like (`// see the inngest docs`, `// TODO: @Ingest
/// later`) are never considered.
enum NearMissMarker {
    /// The marker kinds.
    static let kinds = Marker.knownKinds

    /// A recognised near-miss.
    struct Finding: Equatable {
        /// The byte offset of what was written (the sigil, or the word).
        var offset: Int
        /// What was written, up to the end of the kind.
        var written: String
        /// The marker it was probably meant to be, e.g. `// @inngest.function(id: "x")`.
        var suggestion: String
        /// The spelling was right, but the comment opener was not (`////`, `//!`).
        var isPrefixProblem: Bool

        /// The warning's text.
        var message: String {
            if isPrefixProblem {
                return "a marker must come right after `//`, `///` or `/*`, so this `\(written)` is ignored and nothing is registered from it; "
                    + "did you mean `\(suggestion)`?"
            }
            return "`\(written)` is not a marker (markers are spelled exactly `@inngest.<kind>`: lowercase, no spaces), "
                + "so this comment is ignored and nothing is registered from it; did you mean `\(suggestion)`?"
        }
    }

    /// The near-miss in the comment text `bytes[start..<end]`, if any; `start` is just after the
    /// comment opener (`//` or `/*`) or at the start of a block comment's line.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Finding? {
        var index = start
        var skippedOpener = false
        while index < end, isOpenerOrSpace(bytes[index]) {
            if bytes[index] != 0x20 && bytes[index] != 0x09 { skippedOpener = true }
            index += 1
        }
        let written = index
        var sigils = 0
        while index < end, bytes[index] == UInt8(ascii: "@") {
            sigils += 1
            index += 1
        }
        let hasAt = sigils > 0
        var spaced = false
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 {
            spaced = true
            index += 1
        }
        let wordStart = index
        while index < end, isLetter(bytes[index]) { index += 1 }
        if !isInngestLike(bytes, wordStart..<index) {
            // `@inngestfunction`: the separator is missing (`kindSuffix` checks what comes before the kind).
            guard let split = kindSuffix(bytes, wordStart..<index) else { return nil }
            index = split
        }
        let wordEnd = index
        while index < end, isSeparator(bytes[index]) { index += 1 }
        let separator = wordStart < wordEnd ? Array(bytes[wordEnd..<index]) : []
        let kindStart = index
        while index < end, isLetter(bytes[index]) { index += 1 }
        let kindWord = lowercased(bytes, kindStart..<index)
        let rest = trimmed(bytes, index..<end)

        let kind: String
        if kindWord.isEmpty {
            // `@inngest(…)`: the kind is missing.
            guard hasAt, separator.isEmpty, rest.first == "(" else { return nil }
            kind = guessedKind(arguments: rest)
        } else {
            guard let closest = closestKind(to: kindWord) else { return nil }
            kind = closest
            if !hasAt {
                guard separator == [UInt8(ascii: ".")], kindWord == closest, rest.first == "(" else { return nil }
            } else if separator.contains(where: { $0 == 0x20 || $0 == 0x09 }) || separator.isEmpty {
                guard rest.isEmpty || rest.first == "(" else { return nil }
            }
        }
        let isExactMarker = sigils == 1 && !spaced && equalsASCII(bytes, wordStart..<wordEnd, "inngest") && separator == [UInt8(ascii: ".")]
            && equalsASCII(bytes, kindStart..<index, kind)
        if isExactMarker && !skippedOpener {
            // A real marker, which the lexer parses.
            return nil
        }
        let arguments = rest.first == "(" ? (rest.count <= 80 ? rest : "(…)") : ""
        return Finding(offset: written, written: String(decoding: bytes[written..<index], as: UTF8.self),
                       suggestion: "// @inngest.\(kind)\(arguments)", isPrefixProblem: isExactMarker)
    }

    /// ``find(in:from:to:)`` for a byte array.
    static func find(in bytes: [UInt8], from start: Int, to end: Int) -> Finding? {
        bytes.withUnsafeBufferPointer { find(in: $0, from: start, to: end) }
    }

    /// Whether a near-miss could start at `bytes[index]`, for the prefilter: an `@` followed by an
    /// inngest-like word, or an inngest-like word ending at the `.` at `index` followed by `<kind>(`.
    static func mayStart(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let count = bytes.count
        if bytes[index] == UInt8(ascii: ".") {
            // Most periods are member accesses: look at what follows first.
            var end = index + 1
            while end < count, end - index <= 11, isLetter(bytes[end]) { end += 1 }
            guard end < count, bytes[end] == UInt8(ascii: "("), kinds.contains(lowercased(bytes, (index + 1)..<end)) else { return false }
            var start = index
            while start > 0, index - start <= 10, isLetter(bytes[start - 1]) { start -= 1 }
            return isInngestLike(bytes, start..<index)
        }
        var next = index
        while next < count, bytes[next] == UInt8(ascii: "@") || bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        let start = next
        while next < count, next - start <= 10, isLetter(bytes[next]) { next += 1 }
        return isInngestLike(bytes, start..<next)
    }

    // MARK: Pieces

    /// `/`, `*`, `!` (further comment-opener characters) and spaces.
    private static func isOpenerOrSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "!") || byte == 0x20 || byte == 0x09
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), 0x20, 0x09: true
        default: false
        }
    }

    private static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func equalsASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: String) -> Bool {
        bytes[range].elementsEqual(text.utf8)
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Where a marker kind that ends the word (of letters only) starts, when what comes before it
    /// is inngest-like. Compares bytes, case folded: it runs for the first word of every comment.
    private static func kindSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        for kind in kindBytes where range.count >= kind.count + 5 {
            let split = range.upperBound - kind.count
            var matches = true
            for (offset, byte) in kind.enumerated() where bytes[split + offset] | 0x20 != byte {
                matches = false
                break
            }
            if matches && isInngestLike(bytes, range.lowerBound..<split) { return split }
        }
        return nil
    }

    /// The marker kinds' bytes (lowercase letters).
    private static let kindBytes = kinds.map { Array($0.utf8) }

    private static let inngest = Array("inngest".utf8)

    /// Whether a word could be within two edits of `inngest`: an alignment with at most two edits
    /// matches at least five of its letters, and all but two of the word's, to letters of `inngest`;
    /// so a word with fewer letters among i, n, g, e, s, t than that is not (most first words of
    /// comments, which this rejects without the edit-distance table).
    private static func mayBeInngestLike(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var shared = 0
        for byte in bytes[range] {
            switch byte | 0x20 {
            case UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "g"), UInt8(ascii: "e"), UInt8(ascii: "s"), UInt8(ascii: "t"): shared += 1
            default: break
            }
        }
        return shared >= max(5, range.count - 2)
    }

    /// Whether the word is `inngest` give or take two edits, in any case. Called for the first word
    /// of every comment, so it allocates nothing: an edit-distance table on the stack.
    private static func isInngestLike(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard (5...9).contains(range.count), mayBeInngestLike(bytes, range) else { return false }
        let width = inngest.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { rows in
            for column in 0..<width { rows[column] = column }
            var previous = 0
            var current = width
            for (row, byte) in bytes[range].enumerated() {
                let folded = byte | 0x20
                rows[current] = row + 1
                for column in 1..<width {
                    let substitution = rows[previous + column - 1] + (inngest[column - 1] == folded ? 0 : 1)
                    rows[current + column] = min(substitution, rows[previous + column] + 1, rows[current + column - 1] + 1)
                }
                swap(&previous, &current)
            }
            return rows[previous + width - 1] <= 2
        }
    }

    /// The marker kind `word` (lowercased) stands for: itself, one within two edits (words of four
    /// letters or more), or one it is a prefix of (three letters or more) or that is a prefix of it.
    static func closestKind(to word: String) -> String? {
        if kinds.contains(word) { return word }
        if word.count >= 4, let best = kinds.map({ ($0, Spelling.distance(word, $0)) }).min(by: { $0.1 < $1.1 }), best.1 <= 2 {
            return best.0
        }
        if word.count >= 3, let kind = kinds.first(where: { $0.hasPrefix(word) }) { return kind }
        return kinds.sorted { $0.count > $1.count }.first { word.hasPrefix($0) }
    }

    /// The kind that takes the keys in `arguments`.
    private static func guessedKind(arguments: String) -> String {
        if ["imports:", "providers:", "exports:", "global"].contains(where: arguments.contains) { return "module" }
        if ["scope:"].contains(where: arguments.contains) { return "injectable" }
        if arguments.hasPrefix("(\"") || arguments.hasPrefix("( \"") { return "event" }
        return "function"
    }
}
