/// Reads the tokens of one file and builds its ``TypeDecl``s.
///
/// It works at two levels only — file scope and type bodies — and skips everything else
/// (function bodies, closures, initial values, accessor bodies) by counting braces, so
/// types declared inside them are ignored. It is iterative: type nesting is an explicit
/// stack, every loop consumes a token, and the end-of-file token stops every loop, so no
/// input makes it crash, recurse deeply or hang.
struct DeclarationParser: Sendable {
    /// Types nested deeper than this are skipped, with a warning.
    static let maximumTypeNesting = 256

    /// An open type body.
    struct Frame: Sendable {
        var typeIndex: Int
        var name: String
        var kind: TypeDecl.Kind
    }

    let source: SourceBuffer
    let bytes: [UInt8]
    let tokens: [Token]
    let markers: [Marker]
    /// The index of the current token.
    var position = 0
    var types: [TypeDecl] = []
    var typeAliases: [TypeAliasDecl] = []
    var stepCalls: [StepCallDecl] = []
    var sends: [SendDecl] = []
    /// The token index of each entry of `stepCalls`, for ``ControlFlowReader``.
    var stepCallTokens: [Int] = []
    var diagnostics: [Diagnostic] = []
    var frames: [Frame] = []
    var conditions = ConditionalCompilationStack()
    var prefix = DeclarationPrefix()
    /// Set while looking ahead, so that markers are not reported twice.
    var reportsMarkers = true
    var reportedDeepNesting = false
    /// Whether a type body that can be parsed later is left to ``DeferredMembers`` (off only to
    /// test that deferring changes nothing).
    var defersMembers = true
    /// The file's deferred bodies, made for the first of them.
    var deferredFile: DeferredMembers?
    /// The distinct inheritance clauses of the file so far: a type whose clause repeats one
    /// (`: Codable, Sendable`) shares its list, so that a target's thousands of types do not each
    /// keep (and at the end free) an array of their own.
    var inheritanceClauses: [[String]] = []

    init(source: SourceBuffer, lexed: Lexer.Output) {
        self.init(source: source, tokens: lexed.tokens, markers: lexed.markers)
    }

    init(source: SourceBuffer, tokens: [Token], markers: [Marker]) {
        self.source = source
        self.bytes = source.bytes
        self.tokens = tokens
        self.markers = markers
    }

    // MARK: - Token helpers

    var current: Token { tokens[position] }

    /// The token `offset` places ahead, or the end-of-file token.
    func peek(_ offset: Int = 1) -> Token {
        let index = position + offset
        return index < tokens.count ? tokens[index] : tokens[tokens.count - 1]
    }

    var atEnd: Bool { current.kind == .endOfFile }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    func text(_ token: Token) -> String {
        source.text(token.start..<token.end)
    }

    /// The name a token spells, backticks stripped.
    func name(_ token: Token) -> String {
        if bytes[token.start] == UInt8(ascii: "`") && token.end - token.start >= 2 {
            return source.text(token.start + 1..<token.end - 1)
        }
        return text(token)
    }

    func location(_ token: Token) -> SourceLocation {
        source.location(at: token.start)
    }

    func isOperator(_ token: Token, _ keyword: Token.Keyword) -> Bool {
        token.kind == .operator && token.keyword == keyword
    }

    /// Counts of `<` and of closing `>` (not in `->`) in an operator token.
    func angleCounts(_ token: Token) -> (opening: Int, closing: Int) {
        guard token.kind == .operator else { return (0, 0) }
        var opening = 0
        var closing = 0
        var index = token.start
        while index < token.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { opening += 1 }
            if byte == UInt8(ascii: ">") && !(index > token.start && bytes[index - 1] == UInt8(ascii: "-")) { closing += 1 }
            index += 1
        }
        return (opening, closing)
    }

    /// Whether `next`, first on its line, continues the expression or type ending with
    /// `previous` rather than starting a new statement.
    func continues(_ previous: Token, _ next: Token, nextIndex: Int) -> Bool {
        switch next.kind {
        case .period, .leftBrace, .colon:
            return true
        case .operator:
            let after = nextIndex + 1 < tokens.count ? tokens[nextIndex + 1] : next
            return after.hasLeadingSpace || next.keyword == .arrow
        case .identifier:
            if next.keyword == .as || next.keyword == .is { return true }
        default:
            break
        }
        switch previous.kind {
        case .comma, .colon, .period:
            return true
        case .operator:
            return previous.hasLeadingSpace || previous.keyword == .arrow || previous.keyword == .equal
                || previous.keyword == .ampersand
        default:
            return false
        }
    }

    // MARK: - Driver

    /// Scans the whole file.
    mutating func run() {
        while current.kind != .endOfFile { step() }
        finish()
    }

    /// Parses members until the open type bodies are closed (or the file ends): a deferred body.
    mutating func parseOpenBodies() {
        while !frames.isEmpty && current.kind != .endOfFile { step() }
    }

    /// Reads the declaration, marker, directive or stray token at the current position.
    mutating func step() {
        let token = current
        switch token.kind {
        case .endOfFile:
            return
        case .marker:
            prefix.markers.append(markers[token.payload])
            advance()
        case .pound:
            handlePound()
        case .attribute:
            prefix.attributes.append(parseAttribute())
        case .identifier:
            handleIdentifier()
        case .rightBrace:
            reportUnattachedMarkers(found: "'}'")
            _ = frames.popLast()
            advance()
        case .leftBrace:
            reportUnattachedMarkers(found: "a code block")
            skipBraces()
        default:
            reportUnattachedMarkers(foundToken: token)
            advance()
        }
    }

    mutating func finish() {
        reportUnattachedMarkers(found: "the end of the file")
        if let outermost = frames.first {
            let declaration = types[outermost.typeIndex]
            diagnostics.append(Diagnostic(
                .error,
                "expected '}' to close the body of \(declaration.kind.rawValue) \(declaration.name) before the end of the file",
                at: declaration.location
            ))
        }
        if let block = conditions.blocks.first {
            diagnostics.append(Diagnostic(.error, "expected #endif to close this #if before the end of the file", at: block.location))
        }
    }

    /// Reports every pending marker as attached to nothing, and forgets the prefix.
    mutating func reportUnattachedMarkers(found: String) {
        if reportsMarkers && !prefix.markers.isEmpty {
            for marker in prefix.markers where !marker.isMalformed {
                diagnostics.append(Diagnostic(
                    .error,
                    "marker @inngest.\(marker.kind) is not followed by a declaration (found \(found))"
                        + (marker.kind == "provider" ? "; \(Marker.providerPlacement)" : ""),
                    at: marker.location
                ))
            }
        }
        prefix = DeclarationPrefix()
    }

    /// ``reportUnattachedMarkers(found:)`` quoting `token`, which is only described when a
    /// marker is pending.
    mutating func reportUnattachedMarkers(foundToken token: Token) {
        if prefix.markers.isEmpty {
            prefix = DeclarationPrefix()
        } else {
            reportUnattachedMarkers(found: describe(token))
        }
    }

    /// A short quotation of a token for messages.
    func describe(_ token: Token) -> String {
        if token.kind == .string { return "a string literal" }
        let quoted = text(token)
        return quoted.count > 40 ? "'\(quoted.prefix(40))…'" : "'\(quoted)'"
    }

    /// Reports a marker token met inside skipped code.
    mutating func reportSkippedMarker(_ token: Token, inside what: String) {
        guard reportsMarkers else { return }
        let marker = markers[token.payload]
        guard !marker.isMalformed else { return }
        diagnostics.append(Diagnostic(
            .error,
            "marker @inngest.\(marker.kind) is not followed by a declaration (markers inside \(what) are not scanned)",
            at: marker.location
        ))
    }

    // MARK: - Directives and attributes

    mutating func handlePound() {
        let token = current
        switch token.keyword {
        case .if, .elseif:
            let condition = restOfLine()
            if token.keyword == .if {
                conditions.enterIf(condition, at: location(token), offset: token.start)
            } else {
                conditions.enterElseIf(condition)
            }
        case .else:
            _ = restOfLine()
            conditions.enterElse()
        case .endif:
            _ = restOfLine()
            conditions.exit()
        default:
            // #warning, #error, #sourceLocation, freestanding macros: skipped, and like
            // directive lines they may stand between a marker and its declaration.
            advance()
            if current.kind == .leftParen && !current.hasLeadingSpace {
                skipParentheses()
            }
            if current.kind == .leftBrace && !current.isAtLineStart {
                skipBraces()
            }
        }
    }

    /// Consumes the directive and the rest of its line; returns the line's text.
    mutating func restOfLine() -> String {
        advance()
        let start = position
        while !current.isAtLineStart && current.kind != .marker { advance() }
        return TokenTextFormatter.expression(tokens[start..<position], in: source)
    }

    /// Consumes an attribute and its arguments; returns its text.
    mutating func parseAttribute() -> String {
        let start = position
        advance()
        if current.kind == .leftParen && !current.hasLeadingSpace {
            skipParentheses()
        }
        return TokenTextFormatter.expression(tokens[start..<position], in: source)
    }

    // MARK: - Skipping

    /// Skips a balanced `{ … }` starting at the current `{`, recording the step calls in it
    /// (unless looking ahead) with the `#if` conditions they are under.
    mutating func skipBraces() {
        let open = current
        let openIndex = position
        let firstCall = stepCalls.count
        var depth = 0
        var bodyConditions = conditions
        while true {
            let token = current
            switch token.kind {
            case .identifier where token.keyword.isRecordedCall && reportsMarkers:
                recordCall(conditions: bodyConditions)
            case .pound where token.isAtLineStart:
                trackDirective(token, in: &bodyConditions)
            case .leftBrace:
                depth += 1
            case .rightBrace:
                depth -= 1
                if depth == 0 {
                    if stepCalls.count > firstCall { placeStepCalls(from: firstCall, open: openIndex, close: position) }
                    advance()
                    return
                }
            case .marker:
                reportSkippedMarker(token, inside: "function bodies, closures and initial values")
            case .endOfFile:
                if reportsMarkers {
                    diagnostics.append(Diagnostic(.error, "expected '}' to match this '{' before the end of the file", at: location(open)))
                }
                return
            default:
                break
            }
            advance()
        }
    }

    /// Follows a `#if`, `#elseif`, `#else` or `#endif` inside skipped code, without moving.
    func trackDirective(_ token: Token, in stack: inout ConditionalCompilationStack) {
        func condition() -> String {
            var end = position + 1
            while end < tokens.count - 1 && !tokens[end].isAtLineStart && tokens[end].kind != .marker { end += 1 }
            return TokenTextFormatter.expression(tokens[(position + 1)..<end], in: source)
        }
        switch token.keyword {
        case .if: stack.enterIf(condition(), at: location(token), offset: token.start)
        case .elseif: stack.enterElseIf(condition())
        case .else: stack.enterElse()
        case .endif: stack.exit()
        default: break
        }
    }

    /// Skips a balanced `( … )` or `[ … ]` starting at the current bracket; stops early at
    /// an unbalanced `}` or the end of the file.
    mutating func skipParentheses() {
        var depth = 0
        while true {
            let token = current
            switch token.kind {
            case .leftParen, .leftBracket:
                depth += 1
            case .rightParen, .rightBracket:
                depth -= 1
                if depth <= 0 {
                    advance()
                    return
                }
            case .leftBrace:
                skipBraces()
                continue
            case .rightBrace, .endOfFile:
                return
            case .marker:
                reportSkippedMarker(token, inside: "argument lists")
            default:
                break
            }
            advance()
        }
    }

    // MARK: - Identifiers

    mutating func handleIdentifier() {
        let token = current
        let keyword = token.keyword
        if keyword.isModifier && modifierApplies() {
            consumeModifier()
            return
        }
        switch keyword {
        case .struct: parseType(.struct)
        case .class: parseType(.class)
        case .enum: parseType(.enum)
        case .protocol: parseType(.protocol)
        case .extension: parseType(.extension)
        case .actor where peek().kind == .identifier:
            parseType(.actor)
        case .func:
            parseFunction(isInitializer: false)
        case .`init` where !frames.isEmpty:
            parseFunction(isInitializer: true)
        case .var, .let:
            parseProperty()
        case .case where !frames.isEmpty:
            parseEnumCase()
        case .typealias where peek().kind == .identifier:
            parseTypeAlias()
        case .subscript, .deinit, .typealias, .associatedtype, .import, .operator, .precedencegroup, .macro:
            skipOtherDeclaration()
        default:
            if isUnknownModifier() {
                prefix.modifiers.append(text(token))
                advance()
                return
            }
            reportUnattachedMarkers(foundToken: token)
            advance()
        }
    }

    /// Words that start statements, never taken for unknown modifiers.
    static let statementWords: Set<String> = [
        "if", "guard", "for", "while", "repeat", "switch", "return", "throw", "try", "await",
        "defer", "do", "else", "catch", "in", "where", "as", "is", "break", "continue",
        "fallthrough", "discard", "consume", "copy", "then", "yield",
    ]

    /// Whether the plain word at the current token is a modifier this scanner does not know
    /// (a future or underscored one, such as `_const`): it is directly followed, on the same
    /// line, by a declaration keyword or a known modifier, and is not a statement word.
    func isUnknownModifier() -> Bool {
        let next = peek()
        guard next.kind == .identifier, !next.isAtLineStart,
              next.keyword.isDeclarationKeyword || next.keyword.isModifier else { return false }
        return !DeclarationParser.statementWords.contains(text(current))
    }

    /// Whether the modifier word at the current token really is a modifier here: it must be
    /// followed (after a `(set)`-like detail) by a word or an attribute —
    /// for `class`, by a declaration keyword or another modifier, since `class Foo` declares
    /// a type.
    func modifierApplies() -> Bool {
        let offset = hasModifierDetail() ? 4 : 1
        let next = peek(offset)
        switch next.kind {
        case .identifier:
            if current.keyword == .class {
                return next.keyword.isModifier || next.keyword.isDeclarationKeyword
            }
            return true
        case .attribute:
            return current.keyword != .class
        default:
            return false
        }
    }

    /// Whether the current modifier word is followed by `(set)`, `(unsafe)`, `(safe)` or
    /// `(nonsending)`.
    func hasModifierDetail() -> Bool {
        guard peek().kind == .leftParen, !peek().hasLeadingSpace, peek(2).kind == .identifier,
              peek(3).kind == .rightParen else { return false }
        switch text(peek(2)) {
        case "set", "unsafe", "safe", "nonsending": return true
        default: return false
        }
    }

    mutating func consumeModifier() {
        let token = current
        var written = text(token)
        let hasDetail = hasModifierDetail()
        advance()
        if hasDetail {
            written += "(\(text(peek())))"
            advance()
            advance()
            advance()
        }
        if token.keyword.isAccessLevel && !hasDetail && prefix.accessLevel == nil {
            prefix.accessLevel = written
        } else {
            prefix.modifiers.append(written)
        }
    }

    // MARK: - Types

    mutating func parseType(_ kind: TypeDecl.Kind) {
        let keywordToken = current
        advance()
        var nameToken = current
        var name: String
        var genericParameters: String?
        if kind == .extension {
            let range = collectType(stopAtComma: true, stopAtLineBreak: true)
            guard !range.isEmpty else {
                reportUnattachedMarkers(found: "an incomplete extension")
                return
            }
            nameToken = tokens[range.lowerBound]
            name = TokenTextFormatter.type(tokens[range], in: source)
        } else {
            guard nameToken.kind == .identifier else {
                reportUnattachedMarkers(found: "an incomplete \(text(keywordToken)) declaration")
                return
            }
            name = self.name(nameToken)
            advance()
            if current.kind == .operator && bytes[current.start] == UInt8(ascii: "<") {
                genericParameters = parseGenericParameterClause()
            }
        }
        var inheritance: [String] = []
        if current.kind == .colon {
            advance()
            while true {
                let range = collectType(stopAtComma: true, stopAtLineBreak: true)
                if !range.isEmpty {
                    inheritance.append(TokenTextFormatter.type(tokens[range], in: source))
                }
                guard current.kind == .comma else { break }
                advance()
            }
        }
        if !inheritance.isEmpty {
            if let shared = inheritanceClauses.first(where: { $0 == inheritance }) {
                inheritance = shared
            } else if inheritanceClauses.count < 32 {
                inheritanceClauses.append(inheritance)
            }
        }
        var whereClause: String?
        if current.keyword == .where {
            let start = position + 1
            skipWhereClause()
            whereClause = TokenTextFormatter.type(tokens[start..<max(start, position)], in: source)
        }
        guard current.kind == .leftBrace else {
            reportUnattachedMarkers(found: "an incomplete \(text(keywordToken)) declaration")
            return
        }
        if frames.count >= DeclarationParser.maximumTypeNesting {
            if !reportedDeepNesting {
                reportedDeepNesting = true
                diagnostics.append(Diagnostic(
                    .warning,
                    "types nested more than \(DeclarationParser.maximumTypeNesting) levels deep are not scanned",
                    at: location(nameToken)
                ))
            }
            reportUnattachedMarkers(found: "a type nested too deeply")
            skipBraces()
            return
        }
        let parent = frames.last
        let qualified = parent.map { "\($0.name).\(name)" } ?? name
        var declaration = TypeDecl(
            kind: kind,
            name: qualified,
            genericParameters: genericParameters,
            inheritance: inheritance,
            whereClause: whereClause,
            accessLevel: prefix.accessLevel,
            modifiers: prefix.modifiers,
            attributes: prefix.attributes,
            markers: prefix.markers,
            conditions: conditions.conditions,
            location: location(nameToken),
            parentName: parent?.name
        )
        prefix = DeclarationPrefix()
        if defersMembers, let close = deferrableBodyEnd() {
            let file = deferredFile ?? DeferredMembers(source: source)
            deferredFile = file
            declaration.deferMembers(to: DeferredMembers.Body(file: file, open: current, end: tokens[close].end, kind: kind,
                                                              name: qualified, conditions: conditions))
            types.append(declaration)
            position = close
            advance()  // "}"
            return
        }
        types.append(declaration)
        frames.append(Frame(typeIndex: types.count - 1, name: qualified, kind: kind))
        advance()  // "{"
    }

    /// The index of the `}` closing the body whose `{` is the current token, when parsing the
    /// body later is certain to give what parsing it now would: nothing in it but members, with no
    /// marker (so no diagnostic either), no `#` directive (so the conditions of the type hold for
    /// all), no type or typealias keyword (no declaration of the file's own lists), no step or send
    /// call (no entry of `stepCalls`/`sends`), and closed. `class` may be a modifier and `actor`
    /// a name: they are taken as declarations, which only makes the body parse now.
    func deferrableBodyEnd() -> Int? {
        var index = position
        var depth = 0
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .leftBrace:
                depth += 1
            case .rightBrace:
                depth -= 1
                if depth == 0 { return index }
            case .marker, .pound, .endOfFile:
                return nil
            case .identifier:
                switch token.keyword {
                case .struct, .class, .enum, .actor, .protocol, .extension, .typealias: return nil
                case let keyword where keyword.isRecordedCall: return nil
                default: break
                }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Parses `<…>` at the current token; returns the normalised text inside.
    mutating func parseGenericParameterClause() -> String? {
        let openIndex = position
        var depth = 0
        while true {
            let token = current
            switch token.kind {
            case .endOfFile, .leftBrace, .rightBrace, .marker:
                return nil
            case .operator:
                let counts = angleCounts(token)
                depth += counts.opening - counts.closing
                if depth <= 0 && counts.closing > 0 {
                    guard position > openIndex else {
                        // `<>` or `<…>` lexed as one operator token.
                        let written = text(token)
                        advance()
                        return written.count >= 2 ? String(written.dropFirst().dropLast()) : nil
                    }
                    let inner = TokenTextFormatter.type(tokens[(openIndex + 1)..<position], in: source)
                    // The operator's characters after the clause's `>` (ASCII, so bytes are characters).
                    let closing = source.text(token.start..<token.end - 1)
                    advance()
                    return closing.isEmpty ? inner : inner + closing
                }
            default:
                break
            }
            advance()
        }
    }

    /// Skips a generic `where` clause, up to a `{` or the end of its statement.
    mutating func skipWhereClause() {
        advance()
        var depth = 0
        while true {
            let token = current
            switch token.kind {
            case .endOfFile, .rightBrace, .marker:
                return
            case .leftBrace where depth == 0:
                return
            case .leftParen, .leftBracket:
                depth += 1
            case .rightParen, .rightBracket:
                depth = max(0, depth - 1)
            case .pound where token.isAtLineStart:
                return
            default:
                if depth == 0 && token.isAtLineStart && !continues(tokens[position - 1], token, nextIndex: position) {
                    return
                }
            }
            advance()
        }
    }

    // MARK: - Type and expression runs

    /// Consumes a type and returns its token range. Stops, at nesting depth 0, at `,` (when
    /// asked), `:`, `=`, `where`, a closing bracket, and at a line break that does not
    /// continue the type (when asked); always at braces, `;`, markers and the end.
    mutating func collectType(stopAtComma: Bool, stopAtLineBreak: Bool) -> Range<Int> {
        let begin = position
        var depth = 0
        while true {
            let token = current
            switch token.kind {
            case .endOfFile, .leftBrace, .rightBrace, .semicolon, .marker:
                return begin..<position
            case .pound where token.isAtLineStart:
                return begin..<position
            default:
                break
            }
            if depth == 0 {
                if stopAtLineBreak && position > begin && token.isAtLineStart
                    && !continues(tokens[position - 1], token, nextIndex: position) {
                    return begin..<position
                }
                switch token.kind {
                case .comma where stopAtComma:
                    return begin..<position
                case .colon, .rightParen, .rightBracket:
                    return begin..<position
                case .identifier where token.keyword == .where:
                    return begin..<position
                case .operator where token.keyword == .equal:
                    return begin..<position
                default:
                    break
                }
            }
            switch token.kind {
            case .leftParen, .leftBracket:
                depth += 1
            case .rightParen, .rightBracket:
                depth -= 1
            case .operator:
                let counts = angleCounts(token)
                if counts.closing > depth + counts.opening {
                    return begin..<position
                }
                depth += counts.opening - counts.closing
            default:
                break
            }
            advance()
        }
    }

    /// Consumes an expression and returns its token range. Stops, at depth 0, at `,` (when
    /// asked), `;`, a closing bracket or brace, a `#` directive or marker first on its
    /// line, a line break that does not continue the expression (when asked), and a `{`
    /// that opens a `willSet`/`didSet` block (when asked).
    mutating func collectExpression(stopAtComma: Bool, stopAtLineBreak: Bool, stopAtObservers: Bool) -> Range<Int> {
        let begin = position
        var depth = 0
        while true {
            let token = current
            if token.kind == .endOfFile { return begin..<position }
            if depth == 0 {
                switch token.kind {
                case .comma where stopAtComma:
                    return begin..<position
                case .semicolon, .rightParen, .rightBracket, .rightBrace, .marker:
                    return begin..<position
                case .pound where token.isAtLineStart:
                    return begin..<position
                case .leftBrace where stopAtObservers && opensObserverBlock():
                    return begin..<position
                default:
                    if stopAtLineBreak && position > begin && token.isAtLineStart
                        && !continues(tokens[position - 1], token, nextIndex: position) {
                        return begin..<position
                    }
                }
            }
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace:
                depth += 1
            case .rightParen, .rightBracket, .rightBrace:
                depth -= 1
            case .marker:
                reportSkippedMarker(token, inside: "function bodies, closures and initial values")
            default:
                break
            }
            advance()
        }
    }

    /// Whether the `{` at the current token starts `willSet`/`didSet` observers.
    func opensObserverBlock() -> Bool {
        var offset = 1
        while peek(offset).kind == .attribute || peek(offset).kind == .marker { offset += 1 }
        let keyword = peek(offset).keyword
        return peek(offset).kind == .identifier && (keyword == .willSet || keyword == .didSet)
    }

    // MARK: - Functions

    mutating func parseFunction(isInitializer: Bool) {
        let keywordToken = current
        advance()
        var nameToken = keywordToken
        var isFailable = false
        let functionName: String
        if isInitializer {
            functionName = "init"
            if current.kind == .operator && !current.hasLeadingSpace
                && (current.keyword == .question || current.keyword == .exclamation) {
                isFailable = true
                advance()
            }
        } else {
            nameToken = current
            switch nameToken.kind {
            case .identifier:
                functionName = name(nameToken)
            case .operator:
                functionName = text(nameToken)
            default:
                reportUnattachedMarkers(found: "an incomplete function declaration")
                return
            }
            advance()
        }
        var genericParameters: String?
        if current.kind == .operator && bytes[current.start] == UInt8(ascii: "<") {
            genericParameters = parseGenericParameterClause()
        }
        guard current.kind == .leftParen else {
            reportUnattachedMarkers(found: "an incomplete function declaration")
            return
        }
        let parameters = parseParameterList()
        var isAsync = false
        var isThrows = false
        var isRethrows = false
        var thrownType: String?
        effects: while current.kind == .identifier {
            switch current.keyword {
            case .async, .reasync:
                isAsync = true
                advance()
            case .throws:
                isThrows = true
                advance()
                if current.kind == .leftParen && !current.hasLeadingSpace {
                    advance()
                    let range = collectType(stopAtComma: false, stopAtLineBreak: false)
                    thrownType = TokenTextFormatter.type(tokens[range], in: source)
                    if current.kind == .rightParen { advance() }
                }
            case .rethrows:
                isThrows = true
                isRethrows = true
                advance()
            default:
                break effects
            }
        }
        var returnType: String?
        if isOperator(current, .arrow) {
            advance()
            let range = collectType(stopAtComma: true, stopAtLineBreak: true)
            returnType = TokenTextFormatter.type(tokens[range], in: source)
        }
        if current.keyword == .where {
            skipWhereClause()
        }
        var hasBody = false
        if current.kind == .leftBrace {
            hasBody = true
            let firstCall = stepCalls.count, firstSend = sends.count
            skipBraces()
            nameCalls(from: firstCall, sends: firstSend, member: functionName)
        }
        guard let frame = frames.last else {
            reportUnattachedMarkers(found: "a global function")
            return
        }
        let declaration = FunctionDecl(
            name: functionName,
            parameters: parameters,
            isStatic: prefix.isStatic,
            isAsync: isAsync,
            isThrows: isThrows,
            isFailable: isFailable,
            returnType: returnType,
            genericParameters: genericParameters,
            accessLevel: prefix.accessLevel,
            attributes: prefix.attributes,
            markers: prefix.markers,
            conditions: conditions.conditions,
            location: location(nameToken),
            modifiers: prefix.modifiers,
            thrownType: thrownType,
            isRethrows: isRethrows,
            hasBody: hasBody
        )
        prefix = DeclarationPrefix()
        types[frame.typeIndex].append(declaration, isInitializer: isInitializer)
    }

    /// Parses `( … )` at the current token into parameters.
    mutating func parseParameterList() -> [Parameter] {
        advance()  // "("
        var parameters: [Parameter] = []
        while true {
            let token = current
            switch token.kind {
            case .rightParen:
                advance()
                return parameters
            case .endOfFile, .leftBrace, .rightBrace:
                return parameters
            case .comma:
                advance()
                continue
            case .marker:
                reportSkippedMarker(token, inside: "parameter lists")
                advance()
                continue
            default:
                break
            }
            let start = position
            if let parameter = parseParameter() {
                parameters.append(parameter)
            }
            // Skip whatever is left of a malformed parameter.
            var depth = 0
            while true {
                let token = current
                if token.kind == .endOfFile || token.kind == .leftBrace && depth == 0 || token.kind == .rightBrace { break }
                if depth == 0 && (token.kind == .comma || token.kind == .rightParen) { break }
                switch token.kind {
                case .leftParen, .leftBracket: depth += 1
                case .rightParen, .rightBracket: depth -= 1
                case .leftBrace:
                    skipBraces()
                    continue
                default: break
                }
                advance()
            }
            if position == start && current.kind != .comma && current.kind != .rightParen {
                advance()
            }
        }
    }

    /// Parses one `[@attr] [label] name: Type [= default]`.
    mutating func parseParameter() -> Parameter? {
        var attributes: [String] = []
        while current.kind == .attribute {
            attributes.append(parseAttribute())
        }
        let start = location(current)
        // The label and the name, when both are written (no list: this runs for every parameter).
        var first: String?
        var second: String?
        while current.kind == .identifier && second == nil {
            if first == nil { first = name(current) } else { second = name(current) }
            advance()
        }
        guard let first else { return nil }
        var type = ""
        if current.kind == .colon {
            advance()
            let range = collectType(stopAtComma: true, stopAtLineBreak: false)
            type = TokenTextFormatter.type(tokens[range], in: source)
        }
        var defaultValue: String?
        if isOperator(current, .equal) {
            advance()
            let range = collectExpression(stopAtComma: true, stopAtLineBreak: false, stopAtObservers: false)
            defaultValue = TokenTextFormatter.expression(tokens[range], in: source)
        }
        let label: String? = first == "_" ? nil : first
        return Parameter(
            label: label,
            name: second ?? first,
            type: type,
            hasDefault: defaultValue != nil,
            defaultValue: defaultValue,
            attributes: attributes,
            location: start
        )
    }

    // MARK: - Properties

    mutating func parseProperty() {
        let isLet = current.keyword == .let
        advance()
        // At file scope the declaration is reported (if marked) and dropped: only its tokens are
        // consumed, and the calls in its initial value or accessors named, as for a member; its
        // text, type and location are never built.
        let isMember = !frames.isEmpty
        // The first binding, and the others in `more` (a list only when there are several).
        var first: PropertyDecl?
        var more: [PropertyDecl] = []
        let isStatic = prefix.isStatic
        let conditionList = conditions.conditions
        while true {
            let nameToken = current
            var bindingName: String?
            if nameToken.kind == .identifier {
                bindingName = name(nameToken)
                advance()
            } else if nameToken.kind == .leftParen {
                skipParentheses()
            } else {
                break
            }
            var type: String?
            if current.kind == .colon {
                advance()
                let range = collectType(stopAtComma: true, stopAtLineBreak: true)
                if isMember { type = TokenTextFormatter.type(tokens[range], in: source) }
            }
            var initializer: String?
            var initializerSpan: SourceSpan?
            var stringValue: String?
            var hasInitializer = false
            if isOperator(current, .equal) {
                advance()
                hasInitializer = true
                let range = collectExpression(stopAtComma: true, stopAtLineBreak: true, stopAtObservers: true)
                if isMember {
                    initializer = TokenTextFormatter.expression(tokens[range], in: source)
                    stringValue = plainString(range)
                    if isStatic { initializerSpan = span(range) }
                }
            }
            var isStored = true
            let firstCall = stepCalls.count, firstSend = sends.count
            if current.kind == .leftBrace {
                if opensObserverBlock() {
                    skipBraces()
                } else {
                    isStored = false
                    let open = position
                    skipBraces()
                    if isMember && isStatic && !hasInitializer {
                        let close = current.kind == .endOfFile ? position : position - 1
                        if let range = singleExpression(in: (open + 1)..<close) {
                            initializer = TokenTextFormatter.expression(tokens[range], in: source)
                            stringValue = plainString(range)
                            initializerSpan = span(range)
                        }
                    }
                }
            }
            if let bindingName { nameCalls(from: firstCall, sends: firstSend, member: bindingName) }
            if isMember, let bindingName {
                let binding = PropertyDecl(
                    name: bindingName,
                    type: type,
                    isStatic: isStatic,
                    isLet: isLet,
                    isStored: isStored,
                    hasInitializer: hasInitializer,
                    initializer: initializer,
                    stringLiteralValue: stringValue,
                    initializerSpan: initializerSpan,
                    attributes: prefix.attributes,
                    markers: prefix.markers,
                    conditions: conditionList,
                    location: location(nameToken),
                    accessLevel: prefix.accessLevel,
                    modifiers: prefix.modifiers
                )
                if first == nil { first = binding } else { more.append(binding) }
            }
            guard current.kind == .comma else { break }
            advance()
        }
        guard let frame = frames.last else {
            reportUnattachedMarkers(found: "a global variable")
            return
        }
        guard let first else {
            reportUnattachedMarkers(found: "an incomplete property declaration")
            return
        }
        prefix = DeclarationPrefix()
        guard !more.isEmpty else {
            types[frame.typeIndex].append(first)
            return
        }
        // `var a, b: Int` declares both as Int.
        var bindings = [first] + more
        var carried: String?
        for index in bindings.indices.reversed() {
            if let type = bindings[index].type {
                carried = type
            } else if !bindings[index].hasInitializer && bindings[index].isStored {
                bindings[index].type = carried
            } else {
                carried = nil
            }
        }
        for binding in bindings { types[frame.typeIndex].append(binding) }
    }

    /// The token range of the single expression making up an accessor body, looking through
    /// `get { … }` and a leading `return`; nil when the body is anything else.
    mutating func singleExpression(in body: Range<Int>) -> Range<Int>? {
        guard !body.isEmpty else { return nil }
        var range = body
        let first = tokens[range.lowerBound]
        if first.kind == .identifier {
            switch first.keyword {
            case .get:
                var index = range.lowerBound + 1
                while index < range.upperBound && tokens[index].kind == .identifier
                    && (tokens[index].keyword == .async || tokens[index].keyword == .throws) {
                    index += 1
                }
                guard index < range.upperBound, tokens[index].kind == .leftBrace else { return nil }
                // The get body must be the whole accessor block.
                let saved = position
                let savedReporting = reportsMarkers
                reportsMarkers = false
                position = index
                skipBraces()
                let closeIndex = position - 1
                let reachedEnd = position == range.upperBound
                position = saved
                reportsMarkers = savedReporting
                guard reachedEnd, closeIndex > index else { return nil }
                range = (index + 1)..<closeIndex
            case .set, .willSet, .didSet:
                return nil
            default:
                break
            }
        }
        guard !range.isEmpty else { return nil }
        if tokens[range.lowerBound].keyword == .return && tokens[range.lowerBound].kind == .identifier {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        guard !range.isEmpty else { return nil }
        let saved = position
        let savedReporting = reportsMarkers
        reportsMarkers = false
        position = range.lowerBound
        let expression = collectExpression(stopAtComma: false, stopAtLineBreak: true, stopAtObservers: false)
        position = saved
        reportsMarkers = savedReporting
        guard expression == range else { return nil }
        return expression
    }

    /// The text of the tokens in `range` exactly as written; `nil` for an empty range.
    func span(_ range: Range<Int>) -> SourceSpan? {
        guard !range.isEmpty else { return nil }
        let first = tokens[range.lowerBound]
        return SourceSpan(text: source.text(first.start..<tokens[range.upperBound - 1].end), location: location(first))
    }

    /// The decoded value when `range` is exactly one plain string literal.
    func plainString(_ range: Range<Int>) -> String? {
        guard range.count == 1 else { return nil }
        return StringLiteralDecoder.decode(tokens[range.lowerBound], in: source)
    }

    // MARK: - Enum cases and other declarations

    mutating func parseEnumCase() {
        reportUnattachedMarkers(found: "an enum case")
        advance()  // "case"
        let isEnum = frames.last?.kind == .enum
        while current.kind == .identifier {
            if isEnum, let frame = frames.last {
                types[frame.typeIndex].enumCases.append(name(current))
            }
            advance()
            if current.kind == .leftParen {
                skipParentheses()
            }
            if isOperator(current, .equal) {
                advance()
                _ = collectExpression(stopAtComma: true, stopAtLineBreak: true, stopAtObservers: false)
            }
            guard current.kind == .comma else { break }
            advance()
        }
    }

    /// Records `typealias Name<…> = Type`; markers before it are reported as attached to nothing.
    mutating func parseTypeAlias() {
        reportUnattachedMarkers(found: "a 'typealias' declaration")
        advance()  // "typealias"
        let nameToken = current
        let aliasName = name(nameToken)
        advance()
        var genericParameters: String?
        if current.kind == .operator && bytes[current.start] == UInt8(ascii: "<") {
            genericParameters = parseGenericParameterClause()
        }
        guard isOperator(current, .equal) else { return }
        advance()
        let range = collectType(stopAtComma: true, stopAtLineBreak: true)
        guard !range.isEmpty else { return }
        if current.keyword == .where {
            skipWhereClause()
        }
        let parent = frames.last
        typeAliases.append(TypeAliasDecl(
            name: parent.map { "\($0.name).\(aliasName)" } ?? aliasName,
            aliased: TokenTextFormatter.type(tokens[range], in: source),
            genericParameters: genericParameters,
            conditions: conditions.conditions,
            location: location(nameToken),
            parentName: parent?.name
        ))
    }

    /// Skips `subscript`, `deinit`, `typealias`, `associatedtype`, `import`, `operator`,
    /// `precedencegroup` and `macro` declarations.
    mutating func skipOtherDeclaration() {
        reportUnattachedMarkers(found: "a '\(text(current))' declaration")
        advance()
        var depth = 0
        while true {
            let token = current
            switch token.kind {
            case .endOfFile, .marker:
                return
            case .rightBrace where depth == 0:
                return
            case .leftBrace:
                skipBraces()
                if depth == 0 { return }
                continue
            case .leftParen, .leftBracket:
                depth += 1
            case .rightParen, .rightBracket:
                depth = max(0, depth - 1)
            case .pound where token.isAtLineStart:
                return
            default:
                if depth == 0 && token.isAtLineStart && !continues(tokens[position - 1], token, nextIndex: position) {
                    return
                }
            }
            advance()
        }
    }
}
