/// String comparisons by UTF-8 bytes, as Go's strings package makes them (cel-go's `==`, `<`,
/// `contains()`), rather than by Swift's canonical equivalence: `"e\u{301}" == "é"` is false in CEL.
@usableFromInline
enum UTF8Search {
    /// Whether the two strings have the same bytes.
    @inlinable static func equal(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
    }

    /// -1, 0 or 1, ordering the strings by their bytes.
    @inlinable static func order(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
                return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
            }
        }
    }

    /// Whether `part`'s bytes occur in `text`'s.
    @inlinable static func contains(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard needle.count <= haystack.count else { return false }
                guard let first = needle.first else { return true }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if haystack[start] == first {
                        var matched = true
                        for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                            matched = false
                            break
                        }
                        if matched { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
