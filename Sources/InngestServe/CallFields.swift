import InngestCore

/// The members of one JSON object in an execution request, read by name with the type Inngest
/// sends: a missing member or `null` is `nil`; a member of another type is a `MalformedCallError`
/// that names it by its path (`ctx.attempt`) and says what it is instead. Unknown members are
/// ignored.
struct CallFields {
    /// The object's members.
    let members: [String: JSONValue]
    /// Where the object is, e.g. `ctx`; empty for the body itself.
    let path: String

    /// Reads an object, or fails naming `path`.
    init(_ value: JSONValue, path: String) throws(MalformedCallError) {
        guard case .object(let members) = value else {
            throw MalformedCallError("the execution request\(path.isEmpty ? " body" : "'s \(path)") must be a JSON object, not "
                                     + Self.describe(value))
        }
        self.members = members
        self.path = path
    }

    /// The full path of a member.
    func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A string member.
    func string(_ key: String) throws(MalformedCallError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw mistyped(key, "a string", other)
        }
    }

    /// A boolean member.
    func bool(_ key: String) throws(MalformedCallError) -> Bool? {
        switch members[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw mistyped(key, "true or false", other)
        }
    }

    /// An integer member within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(MalformedCallError) -> Int? {
        switch members[key] {
        case nil, .null?: return nil
        case .integer(let number)?:
            guard let value = Int(exactly: number), range.contains(value) else {
                throw MalformedCallError("the execution request's \(path(of: key)) is \(number), outside \(range.lowerBound) … "
                                         + "\(range.upperBound)")
            }
            return value
        case let other?: throw mistyped(key, "an integer from \(range.lowerBound) to \(range.upperBound)", other)
        }
    }

    /// An array member.
    func array(_ key: String) throws(MalformedCallError) -> [JSONValue]? {
        switch members[key] {
        case nil, .null?: return nil
        case .array(let items)?: return items
        case let other?: throw mistyped(key, "an array", other)
        }
    }

    /// An object member.
    func object(_ key: String) throws(MalformedCallError) -> CallFields? {
        switch members[key] {
        case nil, .null?: return nil
        case let value?: return try CallFields(value, path: path(of: key))
        }
    }

    private func mistyped(_ key: String, _ expected: String, _ value: JSONValue) -> MalformedCallError {
        MalformedCallError("the execution request's \(path(of: key)) must be \(expected), not \(Self.describe(value))")
    }

    /// A value's kind and, for a scalar, a short excerpt: `a string ("abc")`, `an object`.
    static func describe(_ value: JSONValue) -> String {
        func excerpt(_ value: JSONValue) -> String {
            let text = value.jsonString
            return text.count > 40 ? String(text.prefix(40)) + "…" : text
        }
        switch value {
        case .null: return "null"
        case .bool: return "a boolean (\(excerpt(value)))"
        case .integer, .double: return "a number (\(excerpt(value)))"
        case .string: return "a string (\(excerpt(value)))"
        case .array(let items): return "an array of \(items.count)"
        case .object: return "an object"
        }
    }
}
