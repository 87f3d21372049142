/// HTTP header fields with case-insensitive names, in insertion order.
public struct ServeHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    private struct Field: Sendable, Hashable {
        var name: String
        var value: String
    }

    private var storage: [Field] = []

    /// Creates empty headers.
    public init() {}

    /// Creates headers from name/value pairs; a repeated name keeps every value.
    public init(_ pairs: [(String, String)]) {
        storage = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Creates headers from a literal.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The fields in order, names as given.
    public var fields: [(name: String, value: String)] { storage.map { ($0.name, $0.value) } }

    /// The first value of `name` (compared case-insensitively). Setting replaces every value of
    /// `name` with one; `nil` removes them.
    public subscript(name: String) -> String? {
        get {
            let key = name.lowercased()
            return storage.first { $0.name.lowercased() == key }?.value
        }
        set {
            let key = name.lowercased()
            let first = storage.firstIndex { $0.name.lowercased() == key }
            if let first, let newValue {
                storage[first].value = newValue
                storage = storage.enumerated().filter { $0.offset == first || $0.element.name.lowercased() != key }.map(\.element)
            } else if first != nil {
                storage.removeAll { $0.name.lowercased() == key }
            } else if let newValue {
                storage.append(Field(name: name, value: newValue))
            }
        }
    }

    /// Iterates over the fields.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}
