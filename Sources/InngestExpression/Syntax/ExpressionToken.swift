/// One token of an expression, with where it is in the text's UTF-8 bytes.
struct ExpressionToken {
    /// What a token is.
    enum Kind: Equatable {
        /// A name: `event`, `data`, `in`, `true`.
        case identifier(String)
        /// An integer literal's magnitude (the sign is a separate `-`).
        case integer(UInt64)
        /// An unsigned integer literal: `42u`.
        case unsigned(UInt64)
        /// A double literal.
        case double(Double)
        /// A string literal, unescaped.
        case string(String)
        /// An operator or punctuation mark: `==`, `(`, `.`, ….
        case symbol(String)
        /// The end of the text.
        case end
    }

    /// What the token is.
    let kind: Kind
    /// Its first byte.
    let start: Int
    /// The byte after its last.
    let end: Int

    /// The token's symbol, if it is one.
    var symbol: String? {
        if case .symbol(let symbol) = kind { return symbol }
        return nil
    }

    /// The token's name, if it is an identifier.
    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }
}
