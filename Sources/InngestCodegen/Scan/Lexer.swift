/// A hand-written Swift lexer working on UTF-8 bytes.
///
/// It produces the tokens the declaration scanner needs and never traps or loops forever,
/// whatever the bytes: every step consumes at least one byte, nesting is tracked with
/// counters and explicit stacks (no recursion), and an unterminated comment, string or
/// regex literal yields an error ``Diagnostic`` at its start.
///
/// What it understands:
/// - `//` and `///` line comments; `/* */` and `/** */` block comments, nested.
///   Comments are dropped, except marker comments (text starting with `@inngest.`), which
///   ``MarkerParser`` parses into ``Marker``s and which become ``Token/Kind/marker`` tokens.
///   A comment that looks like a marker but is not one (``NearMissMarker``) gets a warning.
/// - String literals `"…"` with escapes and interpolations `\( … )` containing anything
///   (nested parentheses, strings, closures, comments); multi-line `"""…"""`; raw strings
///   `#"…"#`, `##"…"##`, `#"""…"""#`, where only `\#(` interpolates. A whole literal is
///   one token. As in Swift, a line break ends a single-line literal, even inside one of
///   its interpolations.
/// - Regex literals `#/…/#` (multi-line when `#/` ends its line) and bare `/…/`.
///   **Heuristic for bare regexes:** a `/` starts a regex only in expression-start
///   position — first on its line, or after `(`, `[`, `{`, `,`, `;`, `:`, `return`, or an
///   operator (not a postfix `?`/`!`) — and only when the next character is not a space,
///   tab, line break, `/` or `*`, and only when a closing unescaped `/` follows on the
///   same line. Otherwise `/` is an operator.
/// - Numbers (`1_000`, `0xFF`, `1.5e-3`, `0x1p4`), identifiers (non-ASCII included),
///   backticked identifiers, `@attributes`, `#directives` and `#macros`, operators and
///   punctuation. A postfix `?` or `!` (touching what precedes it) is a token of its own.
public struct Lexer: Sendable {
    /// What lexing produced.
    public struct Output: Sendable {
        /// The tokens, comments removed, ending with one ``Token/Kind/endOfFile`` token.
        public var tokens: [Token]
        /// The markers found in comments; ``Token/payload`` of a marker token indexes this.
        public var markers: [Marker]
        /// Unterminated constructs and marker syntax errors, in source order; warnings for
        /// comments that look like markers but are not.
        public var diagnostics: [Diagnostic]
    }

    let source: SourceBuffer
    let bytes: [UInt8]
    let count: Int
    var position: Int
    var tokens: [Token] = []
    var markers: [Marker] = []
    var diagnostics: [Diagnostic] = []
    /// A line break was seen since the last token.
    var sawLineBreak = true
    /// Whitespace or a comment was seen since the last token.
    var sawSpace = false
    /// The last token leaves the lexer in expression-start position (for bare regexes).
    var expressionStart = true

    /// A lexer of the whole file, or of `range` of it: a span that starts at a token and ends
    /// where one ends (its bytes before and after are read as they would be in the file).
    init(source: SourceBuffer, range: Range<Int>? = nil) {
        self.source = source
        self.bytes = source.bytes
        self.count = range?.upperBound ?? source.bytes.count
        self.position = range?.lowerBound ?? source.contentStart
        tokens.reserveCapacity((count - position) / 5 + 16)
    }

    /// Lexes a whole file.
    public static func tokenize(_ source: SourceBuffer) -> Output {
        var lexer = Lexer(source: source)
        lexer.run()
        return Output(tokens: lexer.tokens, markers: lexer.markers, diagnostics: lexer.diagnostics)
    }

    /// Lexes the tokens of `range` of a file, which starts at a token and ends where one ends:
    /// the tokens that lexing the whole file gives there, then an end-of-file token. Only the
    /// trivia flags of the first token can differ (nothing precedes it here).
    static func tokenize(_ source: SourceBuffer, range: Range<Int>) -> Output {
        var lexer = Lexer(source: source, range: range)
        lexer.run()
        return Output(tokens: lexer.tokens, markers: lexer.markers, diagnostics: lexer.diagnostics)
    }

    /// Lexes UTF-8 text.
    public static func tokenize(_ text: String, path: String = "<input>") -> Output {
        tokenize(SourceBuffer(text, path: path))
    }

    // MARK: - Main loop

    mutating func run() {
        while position < count {
            let byte = bytes[position]
            switch byte {
            case 0x20, 0x09, 0x0B, 0x0C, 0x00:
                sawSpace = true
                position += 1
                // Indentation: the rest of a run of spaces in one go.
                while position < count && bytes[position] == 0x20 { position += 1 }
            case 0x0A, 0x0D:
                sawSpace = true
                sawLineBreak = true
                position += 1
            case UInt8(ascii: "/"):
                let next = peek(1)
                if next == UInt8(ascii: "/") {
                    lexLineComment()
                } else if next == UInt8(ascii: "*") {
                    lexBlockComment()
                } else if !lexBareRegexIfPossible() {
                    lexOperator()
                }
            case UInt8(ascii: "\""):
                lexString(start: position, quote: position, hashes: 0)
            case UInt8(ascii: "#"):
                lexPound()
            case UInt8(ascii: "@"):
                lexAttribute()
            case UInt8(ascii: "`"):
                lexBacktickIdentifier()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "_"), UInt8(ascii: "$"), 0x80...0xFF:
                lexIdentifier()
            case UInt8(ascii: "("): punctuation(.leftParen)
            case UInt8(ascii: ")"): punctuation(.rightParen)
            case UInt8(ascii: "["): punctuation(.leftBracket)
            case UInt8(ascii: "]"): punctuation(.rightBracket)
            case UInt8(ascii: "{"): punctuation(.leftBrace)
            case UInt8(ascii: "}"): punctuation(.rightBrace)
            case UInt8(ascii: ","): punctuation(.comma)
            case UInt8(ascii: ";"): punctuation(.semicolon)
            case UInt8(ascii: ":"): punctuation(.colon)
            case UInt8(ascii: "."):
                if peek(1) == UInt8(ascii: ".") { lexOperator() } else { punctuation(.period) }
            case UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "!"),
                 UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"),
                 UInt8(ascii: "?"):
                lexOperator()
            default:
                emit(.unknown, from: position, to: position + 1)
                position += 1
            }
        }
        var end = Token(kind: .endOfFile, start: count, end: count, isAtLineStart: true, hasLeadingSpace: true)
        end.keyword = .none
        tokens.append(end)
    }

    // MARK: - Helpers

    /// The byte `offset` bytes after the current position, or 0 past the end.
    @inline(__always)
    func peek(_ offset: Int) -> UInt8 {
        let index = position + offset
        return index < count ? bytes[index] : 0
    }

    /// The byte at `index`, or 0 past the end.
    @inline(__always)
    func byte(at index: Int) -> UInt8 {
        index < count ? bytes[index] : 0
    }

    @inline(__always)
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "_"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isIdentifierBody(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isOperatorCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"),
             UInt8(ascii: "~"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D
    }

    /// Appends a token for `start..<end` and updates the trivia and regex state.
    mutating func emit(_ kind: Token.Kind, from start: Int, to end: Int, keyword: Token.Keyword = .none, flags: UInt8 = 0) {
        var token = Token(
            kind: kind,
            start: start,
            end: end,
            isAtLineStart: sawLineBreak,
            hasLeadingSpace: sawSpace || sawLineBreak
        )
        token.keyword = keyword
        token.flags = flags
        tokens.append(token)
        sawSpace = false
        sawLineBreak = false
        switch kind {
        case .leftParen, .leftBracket, .leftBrace, .comma, .colon, .semicolon:
            expressionStart = true
        case .operator:
            let postfix = (keyword == .question || keyword == .exclamation) && !token.hasLeadingSpace
            expressionStart = !postfix
        case .identifier:
            expressionStart = keyword == .return
        default:
            expressionStart = false
        }
    }

    mutating func punctuation(_ kind: Token.Kind) {
        emit(kind, from: position, to: position + 1)
        position += 1
    }

    mutating func report(_ message: String, at offset: Int) {
        diagnostics.append(Diagnostic(.error, message, at: source.location(at: offset)))
    }

    /// The offset of the next line break at or after `index` (or the end of the file).
    func lineEnd(from index: Int) -> Int {
        var index = index
        while index + 8 <= count, case let word = SWAR.word(bytes, at: index), !SWAR.mayContain(word, 0x0A) && !SWAR.mayContain(word, 0x0D) {
            index += 8
        }
        while index < count && !Lexer.isLineBreak(bytes[index]) { index += 1 }
        return index
    }

    // MARK: - Comments

    mutating func lexLineComment() {
        let start = position
        var body = start + 2
        if byte(at: body) == UInt8(ascii: "/") { body += 1 }
        let end = lineEnd(from: body)
        position = end
        sawSpace = true
        var index = body
        while index < end && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        if MarkerParser.startsMarker(bytes, at: index, end: end) {
            let consumed = parseMarker(at: index, segmentEnd: end, mode: .lineComments)
            if consumed > end {
                sawLineBreak = true
                position = consumed
            }
        } else {
            reportNearMiss(from: start + 2, to: end)
        }
    }

    /// Warns about a comment that looks like a marker but is not one (see ``NearMissMarker``).
    mutating func reportNearMiss(from start: Int, to end: Int) {
        guard let finding = NearMissMarker.find(in: bytes, from: start, to: end) else { return }
        diagnostics.append(Diagnostic(.warning, finding.message, at: source.location(at: finding.offset)))
    }

    mutating func lexBlockComment() {
        let start = position
        var index = start + 2
        var depth = 1
        var sawBreak = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "*") && self.byte(at: index + 1) == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { break }
            } else if byte == UInt8(ascii: "/") && self.byte(at: index + 1) == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else {
                if Lexer.isLineBreak(byte) { sawBreak = true }
                index += 1
            }
        }
        let bodyEnd: Int
        if depth > 0 {
            report("unterminated block comment", at: start)
            bodyEnd = count
        } else {
            bodyEnd = index - 2
        }
        position = index
        sawSpace = true
        if sawBreak { sawLineBreak = true }
        scanBlockCommentForMarkers(from: start + 2, to: bodyEnd)
    }

    /// Looks at each line of a block comment's body for a marker.
    mutating func scanBlockCommentForMarkers(from bodyStart: Int, to bodyEnd: Int) {
        var lineStart = bodyStart
        while lineStart < bodyEnd {
            var lineStop = lineStart
            while lineStop < bodyEnd && !Lexer.isLineBreak(bytes[lineStop]) { lineStop += 1 }
            let content = MarkerParser.skipBlockLinePrefix(bytes, from: lineStart, to: lineStop)
            var next = lineStop
            if MarkerParser.startsMarker(bytes, at: content, end: lineStop) {
                next = max(next, parseMarker(at: content, segmentEnd: lineStop, mode: .blockComment(end: bodyEnd)))
            } else {
                reportNearMiss(from: lineStart, to: lineStop)
            }
            // Step over one line break.
            if next < bodyEnd && bytes[next] == 0x0D { next += 1 }
            if next < bodyEnd && bytes[next] == 0x0A { next += 1 }
            if next == lineStop { next += 1 }
            lineStart = next
        }
    }

    /// Parses the marker at `offset`; returns the offset where its last segment ends.
    mutating func parseMarker(at offset: Int, segmentEnd: Int, mode: MarkerParser.Continuation) -> Int {
        var parser = MarkerParser(source: source, start: offset, segmentEnd: segmentEnd, continuation: mode)
        let result = parser.parse()
        switch result {
        case .success(let marker):
            var token = Token(kind: .marker, start: offset, end: parser.segmentEnd, payload: markers.count)
            token.isAtLineStart = sawLineBreak
            token.hasLeadingSpace = true
            markers.append(marker)
            tokens.append(token)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            // A module marker that does not parse still makes its type a module, so that the
            // members' `@inngest.provider` markers are not reported as outside a module too.
            if parser.kind == "module" {
                var token = Token(kind: .marker, start: offset, end: parser.segmentEnd, payload: markers.count)
                token.isAtLineStart = sawLineBreak
                token.hasLeadingSpace = true
                markers.append(Marker(kind: parser.kind, location: source.location(at: offset), isMalformed: true))
                tokens.append(token)
            }
        }
        return parser.segmentEnd
    }

    // MARK: - Strings

    /// One level of string-literal nesting.
    struct StringFrame: Sendable {
        /// True for a string level, false for an interpolation level.
        var isString: Bool
        var hashes: Int
        var isMultiline: Bool
        var start: Int
        var parenthesisDepth: Int
    }

    /// Lexes a string literal whose opening `"` is at `quote`, preceded by `hashes` `#`s
    /// starting at `start`.
    mutating func lexString(start: Int, quote: Int, hashes: Int) {
        var stack: [StringFrame] = []
        var index = quote
        var interpolated = false
        var unterminatedAt: Int?

        func open(_ stack: inout [StringFrame], at quote: Int, hashes: Int, start: Int) -> Int {
            let multiline = byte(at: quote + 1) == UInt8(ascii: "\"") && byte(at: quote + 2) == UInt8(ascii: "\"")
            stack.append(StringFrame(isString: true, hashes: hashes, isMultiline: multiline, start: start, parenthesisDepth: 0))
            return quote + (multiline ? 3 : 1)
        }

        func hashesFollow(_ count: Int, at index: Int) -> Bool {
            var offset = 0
            while offset < count {
                if byte(at: index + offset) != UInt8(ascii: "#") { return false }
                offset += 1
            }
            return true
        }

        /// The innermost string frame (there is always one below an interpolation).
        func innermostString(_ stack: [StringFrame]) -> StringFrame? {
            stack.last { $0.isString }
        }

        index = open(&stack, at: quote, hashes: hashes, start: start)
        scanning: while let top = stack.last {
            guard index < count else {
                unterminatedAt = innermostString(stack)?.start
                break scanning
            }
            let current = bytes[index]
            if top.isString {
                switch current {
                case UInt8(ascii: "\\"):
                    guard hashesFollow(top.hashes, at: index + 1) else {
                        index += 1
                        continue scanning
                    }
                    let escaped = index + 1 + top.hashes
                    let next = byte(at: escaped)
                    if next == UInt8(ascii: "(") {
                        interpolated = true
                        stack.append(StringFrame(isString: false, hashes: 0, isMultiline: top.isMultiline, start: escaped, parenthesisDepth: 0))
                        index = escaped + 1
                    } else if Lexer.isLineBreak(next) || escaped >= count {
                        index = escaped
                    } else {
                        index = escaped + 1
                    }
                case UInt8(ascii: "\""):
                    if top.isMultiline {
                        if byte(at: index + 1) == UInt8(ascii: "\"") && byte(at: index + 2) == UInt8(ascii: "\"")
                            && hashesFollow(top.hashes, at: index + 3) {
                            index += 3 + top.hashes
                            stack.removeLast()
                        } else {
                            index += 1
                        }
                    } else if hashesFollow(top.hashes, at: index + 1) {
                        index += 1 + top.hashes
                        stack.removeLast()
                    } else {
                        index += 1
                    }
                case 0x0A, 0x0D:
                    if !top.isMultiline {
                        unterminatedAt = top.start
                        break scanning
                    }
                    index += 1
                default:
                    index += 1
                }
            } else {
                switch current {
                case UInt8(ascii: "("):
                    stack[stack.count - 1].parenthesisDepth += 1
                    index += 1
                case UInt8(ascii: ")"):
                    if top.parenthesisDepth == 0 {
                        stack.removeLast()
                    } else {
                        stack[stack.count - 1].parenthesisDepth -= 1
                    }
                    index += 1
                case UInt8(ascii: "\""):
                    index = open(&stack, at: index, hashes: 0, start: index)
                case UInt8(ascii: "#"):
                    var run = 0
                    while byte(at: index + run) == UInt8(ascii: "#") { run += 1 }
                    if byte(at: index + run) == UInt8(ascii: "\"") {
                        index = open(&stack, at: index + run, hashes: run, start: index)
                    } else {
                        index += run
                    }
                case UInt8(ascii: "/"):
                    let next = byte(at: index + 1)
                    if next == UInt8(ascii: "/") {
                        index = lineEnd(from: index)
                    } else if next == UInt8(ascii: "*") {
                        var depth = 1
                        index += 2
                        while index < count && depth > 0 {
                            if bytes[index] == UInt8(ascii: "*") && byte(at: index + 1) == UInt8(ascii: "/") {
                                depth -= 1
                                index += 2
                            } else if bytes[index] == UInt8(ascii: "/") && byte(at: index + 1) == UInt8(ascii: "*") {
                                depth += 1
                                index += 2
                            } else {
                                index += 1
                            }
                        }
                    } else {
                        index += 1
                    }
                case 0x0A, 0x0D:
                    if !top.isMultiline {
                        unterminatedAt = innermostString(stack)?.start
                        break scanning
                    }
                    index += 1
                default:
                    index += 1
                }
            }
        }
        var flags: UInt8 = interpolated ? 1 : 0
        if let unterminatedAt {
            flags |= 2
            let multiline = stack.first?.isMultiline ?? false
            report(multiline ? "unterminated multi-line string literal" : "unterminated string literal", at: unterminatedAt)
        }
        index = min(index, count)
        position = index
        emit(.string, from: start, to: index, flags: flags)
    }

    // MARK: - Pound, attributes, identifiers

    mutating func lexPound() {
        let start = position
        var run = 0
        while byte(at: start + run) == UInt8(ascii: "#") { run += 1 }
        let after = byte(at: start + run)
        if after == UInt8(ascii: "\"") {
            lexString(start: start, quote: start + run, hashes: run)
        } else if after == UInt8(ascii: "/") {
            lexExtendedRegex(start: start, hashes: run)
        } else if run == 1 && Lexer.isIdentifierStart(after) {
            var end = start + 2
            while end < count && Lexer.isIdentifierBody(bytes[end]) { end += 1 }
            position = end
            emit(.pound, from: start, to: end, keyword: Token.Keyword.classify(bytes, start + 1, end))
        } else {
            position = start + run
            emit(.unknown, from: start, to: start + run)
        }
    }

    mutating func lexAttribute() {
        let start = position
        guard Lexer.isIdentifierStart(byte(at: start + 1)) else {
            position += 1
            emit(.unknown, from: start, to: start + 1)
            return
        }
        var end = start + 2
        while end < count && Lexer.isIdentifierBody(bytes[end]) { end += 1 }
        position = end
        emit(.attribute, from: start, to: end)
    }

    mutating func lexIdentifier() {
        let start = position
        var end = start + 1
        while end < count && Lexer.isIdentifierBody(bytes[end]) { end += 1 }
        position = end
        emit(.identifier, from: start, to: end, keyword: Token.Keyword.classify(bytes, start, end))
    }

    mutating func lexBacktickIdentifier() {
        let start = position
        var end = start + 1
        while end < count && bytes[end] != UInt8(ascii: "`") && !Lexer.isLineBreak(bytes[end]) { end += 1 }
        if end < count && bytes[end] == UInt8(ascii: "`") && end > start + 1 {
            position = end + 1
            emit(.identifier, from: start, to: end + 1)
        } else {
            position = start + 1
            emit(.unknown, from: start, to: start + 1)
        }
    }

    // MARK: - Numbers and operators

    mutating func lexNumber() {
        let start = position
        let isHex = bytes[start] == UInt8(ascii: "0") && (byte(at: start + 1) | 0x20) == UInt8(ascii: "x")
        var end = start + 1
        var isFloat = false
        while end < count {
            let byte = bytes[end]
            if Lexer.isIdentifierBody(byte) && byte != UInt8(ascii: "$") {
                let lower = byte | 0x20
                if !isHex && lower == UInt8(ascii: "e") || isHex && lower == UInt8(ascii: "p") {
                    isFloat = true
                    let sign = self.byte(at: end + 1)
                    if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { end += 1 }
                }
                end += 1
            } else if byte == UInt8(ascii: "."), case let next = self.byte(at: end + 1),
                      next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9") || isHex && Lexer.isIdentifierBody(next) && next != UInt8(ascii: "$") && next != UInt8(ascii: "_") {
                isFloat = true
                end += 2
            } else {
                break
            }
        }
        position = end
        emit(isFloat ? .float : .integer, from: start, to: end)
    }

    mutating func lexOperator() {
        let start = position
        let first = bytes[start]
        if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") {
            let leftBound: Bool
            if start == 0 || sawSpace || sawLineBreak {
                leftBound = false
            } else {
                switch bytes[start - 1] {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
                     UInt8(ascii: ";"), UInt8(ascii: ":"):
                    leftBound = false
                default:
                    leftBound = true
                }
            }
            if leftBound || first == UInt8(ascii: "?") && byte(at: start + 1) != UInt8(ascii: "?")
                && byte(at: start + 1) != UInt8(ascii: "=") {
                position = start + 1
                emit(.operator, from: start, to: start + 1, keyword: Token.Keyword.classifyOperator(bytes, start, start + 1))
                return
            }
        }
        let allowsDots = first == UInt8(ascii: ".")
        var end = start + 1
        while end < count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "/") {
                let next = self.byte(at: end + 1)
                if next == UInt8(ascii: "/") || next == UInt8(ascii: "*") { break }
                end += 1
            } else if Lexer.isOperatorCharacter(byte) || allowsDots && byte == UInt8(ascii: ".") {
                end += 1
            } else {
                break
            }
        }
        position = end
        emit(.operator, from: start, to: end, keyword: Token.Keyword.classifyOperator(bytes, start, end))
    }

    // MARK: - Regex literals

    /// Lexes a bare `/…/` regex when the heuristic allows it; returns false to lex `/` as an
    /// operator instead.
    mutating func lexBareRegexIfPossible() -> Bool {
        guard expressionStart || sawLineBreak else { return false }
        let start = position
        switch byte(at: start + 1) {
        case 0x20, 0x09, 0x0A, 0x0D, 0, UInt8(ascii: "/"), UInt8(ascii: "*"):
            return false
        default:
            break
        }
        if start + 1 >= count { return false }
        var index = start + 1
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                if index + 1 < count && !Lexer.isLineBreak(bytes[index + 1]) { index += 2 } else { return false }
            } else if byte == UInt8(ascii: "/") {
                position = index + 1
                emit(.regex, from: start, to: index + 1)
                return true
            } else if Lexer.isLineBreak(byte) {
                return false
            } else {
                index += 1
            }
        }
        return false
    }

    /// Lexes `#/…/#` (with `hashes` `#`s) starting at `start`.
    mutating func lexExtendedRegex(start: Int, hashes: Int) {
        var index = start + hashes + 1
        var probe = index
        while probe < count && (bytes[probe] == 0x20 || bytes[probe] == 0x09) { probe += 1 }
        let multiline = probe < count && Lexer.isLineBreak(bytes[probe])
        var flags: UInt8 = 0
        while true {
            guard index < count else {
                flags = 2
                report("unterminated regex literal", at: start)
                break
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += (index + 1 < count && !Lexer.isLineBreak(bytes[index + 1])) ? 2 : 1
            } else if byte == UInt8(ascii: "/") && closesRegex(at: index + 1, hashes: hashes) {
                index += 1 + hashes
                break
            } else if Lexer.isLineBreak(byte) && !multiline {
                flags = 2
                report("unterminated regex literal", at: start)
                break
            } else {
                index += 1
            }
        }
        position = index
        emit(.regex, from: start, to: index, flags: flags)
    }

    func closesRegex(at index: Int, hashes: Int) -> Bool {
        var offset = 0
        while offset < hashes {
            if byte(at: index + offset) != UInt8(ascii: "#") { return false }
            offset += 1
        }
        return true
    }
}
