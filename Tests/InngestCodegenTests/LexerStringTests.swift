import InngestCodegen
import Testing

/// String literals: one token each, interpolation, multi-line and raw forms, unterminated
/// literals, decoded values.
@Suite struct LexerStringTests: Sendable {
    @Test(arguments: [
        #""a \"quoted\" b \\ c""#,
        #""x \(f(a, "y)", { $0 + ")" }(1))) z""#,
        #""outer \("inner \("deepest") inner") outer""#,
        #""\(a /* ) */ + b)""#,
        "\"\"\"\n  line \"quoted\" \\(x) \"\"\n  \"\"\"",
        "\"\"\"\n  a \\(\"\"\"\n  nested\n  \"\"\") b\n  \"\"\"",
        ##"#"a "quoted" \(not) b"#"##,
        ###"##"x"#y"##"###,
        "#\"\"\"\n  raw \"\"\" inside\n  \"\"\"#",
        ##"#"\#(value) interpolated"#"##,
    ])
    func stringLiteralIsOneToken(literal: String) {
        let tokens = Lexer.tokenize("let s = \(literal)\nnext").tokens
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .operator, .string, .identifier, .endOfFile])
        #expect(Lexer.tokenize("let s = \(literal)\nnext").diagnostics.isEmpty)
    }

    @Test(arguments: [
        (#""plain""#, false),
        (#""a \(b) c""#, true),
        (##"#"raw \(b)"#"##, false),
        (##"#"raw \#(b)"#"##, true),
        ("\"\"\"\n\\(x)\n\"\"\"", true),
    ])
    func interpolationIsFlagged(literal: String, interpolated: Bool) {
        let token = Lexer.tokenize(literal).tokens[0]
        #expect(token.isInterpolated == interpolated)
    }

    @Test(arguments: [
        #"let s = "struct Fake: InngestFunction {""#,
        #"let s = "\("struct Fake {")""#,
        "let s = \"\"\"\n  struct Fake {\n  }\n  \"\"\"",
        ##"let s = #"struct Fake { "# + "}""##,
        "let s = \"// @inngest.function(id: \\\"x\\\")\"\nlet t = 1",
    ])
    func codeInsideStringsDeclaresNothing(source: String) {
        let file = ScanFixtures.scan(source)
        #expect(file.types.isEmpty)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    }

    @Test(arguments: [
        ("let s = \"abc\nstruct A {}", "unterminated string literal", 1, 9),
        ("let s = \"a \\(b\nstruct A {}", "unterminated string literal", 1, 9),
        ("let s = #\"abc\"\nstruct A {}", "unterminated string literal", 1, 9),
    ])
    func unterminatedSingleLineStringStopsAtTheLineBreak(source: String, message: String, line: Int, column: Int) {
        let file = ScanFixtures.scan(source)
        #expect(file.diagnostics.map(\.message) == [message])
        #expect(file.diagnostics.first?.location?.line == line)
        #expect(file.diagnostics.first?.location?.column == column)
        #expect(file.types.map(\.name) == ["A"])
    }

    @Test(arguments: [
        "let s = \"\"\"\nabc\nstruct A {}",
        "let s = #\"\"\"\nabc\"\"\"\n",
        "let s = \"\"\"\n\\(foo(\n",
    ])
    func unterminatedMultiLineStringIsReportedAtItsStart(source: String) {
        let output = Lexer.tokenize(source, path: "T.swift")
        #expect(output.diagnostics.map(\.message) == ["unterminated multi-line string literal"])
        #expect(output.diagnostics.first?.location?.description == "T.swift:1:9")
    }

    @Test(arguments: [
        (#""a\tb\n\"c\" \\ \0""#, "a\tb\n\"c\" \\ \0"),
        (#""\u{1F600} \u{E9}""#, "😀 é"),
        (##"#"a\nb "q" \#n"#"##, "a\\nb \"q\" \n"),
        ("\"\"\"\n    first\n      second\n    \"\"\"", "first\n  second"),
        ("\"\"\"\n    joined \\\n    line\n    \"\"\"", "joined line"),
        ("\"\"\"\r\n  crlf\r\n  \"\"\"", "crlf"),
        (#""""#, ""),
    ])
    func plainStringValueIsDecoded(literal: String, value: String) {
        let type = ScanFixtures.member("static let v = \(literal)")
        #expect(type?.properties.first?.stringLiteralValue == value)
    }

    @Test(arguments: [#""a \(b)""#, #""a" + "b""#, "String(\"x\")", "#\"\\#(x)\"#"])
    func nonPlainStringHasNoValue(expression: String) {
        let type = ScanFixtures.member("static let v = \(expression)")
        #expect(type?.properties.first?.hasInitializer == true)
        #expect(type?.properties.first?.stringLiteralValue == nil)
    }
}
