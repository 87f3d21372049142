/// Finds which of some names a target's code mentions: identifiers (outside comments and strings)
/// and string literals, each outside the places a query excludes (its own declaration).
///
/// It is only asked about the few events nothing in the model refers to, so it may afford to lex: a
/// first pass over each file's bytes looks for the words and literals anywhere, cheaply, and only
/// the files with a hit are lexed to see whether the hit is code. It also says whether the code
/// builds untyped events whose name it cannot read (`InngestEvent(name: someVariable, …)`,
/// `InngestEvent(json:)`): such code may send any event.
struct CodeMentionSearch {
    /// What counts as a mention of one event.
    struct Query {
        /// The event's type name: the key of the answer.
        var key: String
        /// Identifiers that mention it: its type name's last component, its `AppEvent` case.
        var words: [String]
        /// A string literal that mentions it: its event name.
        var literal: String?
        /// Where its own declaration names it (type and extension names, its `name` literal).
        var excluded: Set<SourceLocation>
    }

    /// What the search found.
    struct Answer {
        /// The keys of the queries whose names the code mentions.
        var mentioned: Set<String> = []
        /// Whether the code builds untyped events with a name the search cannot read.
        var buildsDynamicEvents = false
    }

    /// The identifier whose constructions may carry any event name.
    static let untypedEvent = "InngestEvent"

    /// Searches `files` for the mentions of `queries`.
    static func search(_ queries: [Query], in files: [ScannedFile]) -> Answer {
        var byWord: [String: [Int]] = [:]
        var byLiteral: [String: [Int]] = [:]
        for (index, query) in queries.enumerated() {
            for word in Set(query.words) { byWord[word, default: []].append(index) }
            if let literal = query.literal, !literal.isEmpty { byLiteral[literal, default: []].append(index) }
        }
        var needles = Set(byWord.keys)
        needles.insert(untypedEvent)
        let prefilter = BytePrefilter(words: needles, literals: Set(byLiteral.keys))
        var answer = Answer()
        for file in files where prefilter.mayMention(file.bytes) {
            let source = SourceBuffer(bytes: file.bytes, path: file.path)
            let tokens = Lexer.tokenize(source).tokens
            for (position, token) in tokens.enumerated() {
                switch token.kind {
                case .identifier:
                    let text = identifierName(token, in: source)
                    if text == untypedEvent, buildsDynamicEvent(tokens, at: position, in: source) { answer.buildsDynamicEvents = true }
                    for index in byWord[text] ?? [] where !answer.mentioned.contains(queries[index].key) {
                        if !queries[index].excluded.contains(source.location(at: token.start)) { answer.mentioned.insert(queries[index].key) }
                    }
                case .string:
                    guard !byLiteral.isEmpty, let value = StringLiteralDecoder.decode(token, in: source) else { continue }
                    for index in byLiteral[value] ?? [] where !answer.mentioned.contains(queries[index].key) {
                        if !queries[index].excluded.contains(source.location(at: token.start)) { answer.mentioned.insert(queries[index].key) }
                    }
                default:
                    break
                }
            }
        }
        return answer
    }

    /// The name an identifier token spells, backticks stripped.
    private static func identifierName(_ token: Token, in source: SourceBuffer) -> String {
        if source.bytes[token.start] == UInt8(ascii: "`") && token.end - token.start >= 2 {
            return source.text(token.start + 1..<token.end - 1)
        }
        return source.text(token.start..<token.end)
    }

    /// Whether `InngestEvent` at `position` starts `InngestEvent(name: <not a string literal>, …)` or
    /// `InngestEvent(json: …)` (also spelt `InngestEvent.init(…)`).
    private static func buildsDynamicEvent(_ tokens: [Token], at position: Int, in source: SourceBuffer) -> Bool {
        var index = position + 1
        if index + 2 < tokens.count, tokens[index].kind == .period, source.text(tokens[index + 1].start..<tokens[index + 1].end) == "init" {
            index += 2
        }
        guard index + 3 < tokens.count, tokens[index].kind == .leftParen, tokens[index + 1].kind == .identifier,
              tokens[index + 2].kind == .colon else { return false }
        switch source.text(tokens[index + 1].start..<tokens[index + 1].end) {
        case "json":
            return true
        case "name":
            let value = tokens[index + 3]
            let after = index + 4 < tokens.count ? tokens[index + 4].kind : .endOfFile
            return !(value.kind == .string && !value.isInterpolated && (after == .comma || after == .rightParen))
        default:
            return false
        }
    }
}
