extension Token {
    /// The kinds of token the lexer produces.
    public enum Kind: UInt8, Hashable, Sendable {
        /// A name or keyword, including backticked names such as `` `default` ``.
        case identifier
        /// An integer literal: `42`, `1_000`, `0xFF`.
        case integer
        /// A floating-point literal: `1.5`, `1e-3`, `0x1p4`.
        case float
        /// Any string literal: `"…"`, `"""…"""`, `#"…"#`, with its interpolations.
        case string
        /// A regex literal: `#/…/#` or a bare `/…/` (see ``Lexer`` for the heuristic).
        case regex
        /// `@` and a name: `@MainActor`, `@available`; arguments are separate tokens.
        case attribute
        /// `#` and a name: `#if`, `#else`, `#warning`, `#selector`, `#Preview`.
        case pound
        /// A run of operator characters: `=`, `->`, `&&`, `...`, `?`.
        case `operator`
        /// `(`
        case leftParen
        /// `)`
        case rightParen
        /// `[`
        case leftBracket
        /// `]`
        case rightBracket
        /// `{`
        case leftBrace
        /// `}`
        case rightBrace
        /// `,`
        case comma
        /// `:`
        case colon
        /// `;`
        case semicolon
        /// `.`
        case period
        /// A marker comment, already parsed; its marker is in ``Lexer/Output/markers``.
        case marker
        /// A byte that starts no token: `\`, a lone `#`, `@` or backtick, a control character.
        case unknown
        /// The end of the file; always the last token.
        case endOfFile
    }
}
