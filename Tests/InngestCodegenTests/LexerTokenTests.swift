import InngestCodegen
import Testing

/// Numbers, identifiers, attributes, directives, operators, regex literals, locations.
@Suite struct LexerTokenTests: Sendable {
    @Test(arguments: [
        ("42", Token.Kind.integer),
        ("1_000_000", .integer),
        ("0xFF_FF", .integer),
        ("0b1010", .integer),
        ("1.5", .float),
        ("1e-3", .float),
        ("6.02E+23", .float),
        ("0x1p4", .float),
    ])
    func numberIsOneToken(literal: String, kind: Token.Kind) {
        #expect(ScanFixtures.kinds(literal) == [kind])
        #expect(ScanFixtures.texts(literal) == [literal])
    }

    @Test func rangeOperatorSplitsIntegers() {
        #expect(ScanFixtures.texts("1..<2") == ["1", "..<", "2"])
        #expect(ScanFixtures.texts("a...b") == ["a", "...", "b"])
    }

    @Test(arguments: ["name", "_private", "$0", "café", "日本", "`default`", "`class`", "a1_b2"])
    func identifierIsOneToken(name: String) {
        #expect(ScanFixtures.kinds(name) == [.identifier])
        #expect(ScanFixtures.texts(name) == [name])
    }

    @Test func attributeIsOneTokenAndItsArgumentsFollow() {
        #expect(ScanFixtures.texts("@available(iOS 13, *) @MainActor") == ["@available", "(", "iOS", "13", ",", "*", ")", "@MainActor"])
        #expect(ScanFixtures.kinds("@MainActor").first == .attribute)
    }

    @Test(arguments: ["#if", "#elseif", "#else", "#endif", "#sourceLocation", "#warning", "#selector", "#Preview"])
    func poundWordIsOneToken(word: String) {
        #expect(ScanFixtures.kinds(word) == [.pound])
    }

    @Test(arguments: [
        ("a -> b", ["a", "->", "b"]),
        ("a && b || !c", ["a", "&&", "b", "||", "!", "c"]),
        ("x ?? y", ["x", "??", "y"]),
        ("a?.b", ["a", "?", ".", "b"]),
        ("x!.y", ["x", "!", ".", "y"]),
        ("a != b", ["a", "!=", "b"]),
        ("Int?>", ["Int", "?", ">"]),
        ("[Int]?", ["[", "Int", "]", "?"]),
        ("a+/* c */b", ["a", "+", "b"]),
        ("a ... b", ["a", "...", "b"]),
    ])
    func operatorsSplitLikeSwift(source: String, texts: [String]) {
        #expect(ScanFixtures.texts(source) == texts)
    }

    @Test(arguments: [
        ("let r = /ab+c/", "/ab+c/"),
        ("f(/x\"y/)", "/x\"y/"),
        ("[/a/, /b{/]", "/b{/"),
        ("x = y ?? /a\\/b/", "/a\\/b/"),
        ("return /\\d+/", "/\\d+/"),
        ("let r = #/a/b/#", "#/a/b/#"),
        ("let r = ##/a/#b/##", "##/a/#b/##"),
        ("let r = #/\n  a \"{\n/#", "#/\n  a \"{\n/#"),
        ("/^start/", "/^start/"),
    ])
    func regexLiteralIsOneToken(source: String, regex: String) {
        let buffer = SourceBuffer(source, path: "T.swift")
        let output = Lexer.tokenize(buffer)
        let regexes = output.tokens.filter { $0.kind == .regex }.map { $0.text(in: buffer) }
        #expect(regexes.last == regex)
        #expect(output.diagnostics.isEmpty)
    }

    @Test(arguments: [
        "let half = total/2",
        "let x = a / b / c",
        "let y = (a) / 2 / 3",
        "let z = f(x) /2/ 3",
        "let q = a / (b / c)",
        "let w = [1, 2].map { $0 /2 }",
        "let v = x\n  / y / z",
        "let u = 1 +/ 2 /3",
    ])
    func divisionIsNotRegex(source: String) {
        #expect(!ScanFixtures.kinds(source).contains(.regex))
    }

    @Test func regexContentDoesNotOpenStringsOrBraces() {
        let file = ScanFixtures.scan("let r = /\"{/\nstruct A {}\n")
        #expect(file.types.map(\.name) == ["A"])
        #expect(file.diagnostics.isEmpty)
    }

    @Test(arguments: ["let r = #/abc\nstruct A {}", "let r = #/\nabc"])
    func unterminatedRegexIsReportedAtItsStart(source: String) {
        let output = Lexer.tokenize(source, path: "T.swift")
        #expect(output.diagnostics.map(\.message) == ["unterminated regex literal"])
        #expect(output.diagnostics.first?.location?.description == "T.swift:1:9")
    }

    @Test(arguments: ["\\", "`", "`open", "@", "@ x", "#", "# x", "\u{1}"])
    func strayCharacterIsUnknown(source: String) {
        #expect(ScanFixtures.kinds(source).first == .unknown)
    }

    @Test func tokensRecordLineStartsAndSpaces() {
        let tokens = Lexer.tokenize("a b\nc(d)").tokens
        #expect(tokens.map(\.isAtLineStart) == [true, false, true, false, false, false, true])
        #expect(tokens.map(\.hasLeadingSpace) == [true, true, true, false, false, false, true])
    }

    @Test func lastTokenIsEndOfFile() {
        #expect(Lexer.tokenize("").tokens.map(\.kind) == [.endOfFile])
        #expect(Lexer.tokenize("x").tokens.last?.kind == .endOfFile)
    }
}
