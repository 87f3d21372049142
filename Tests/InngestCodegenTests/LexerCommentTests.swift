import InngestCodegen
import Testing

/// Comments: dropped from the token stream, nested block comments, unterminated ones.
@Suite struct LexerCommentTests: Sendable {
    @Test(arguments: [
        "// line comment\nx",
        "/// doc comment\nx",
        "/* block */ x",
        "/** doc block */ x",
        "/* a /* b */ c */ x",
        "/* a /* b /* c */ d */ e */ x",
        "/*/ still open */ x",
        "/**/ x",
    ])
    func commentsProduceNoTokens(source: String) {
        #expect(ScanFixtures.texts(source) == ["x"])
    }

    @Test func nestedBlockCommentEndsAtTheMatchingClose() {
        #expect(ScanFixtures.texts("/* a /* b */ c */ struct X {}") == ["struct", "X", "{", "}"])
    }

    @Test(arguments: [
        "/* struct X {} */",
        "// struct X {}",
        "/// struct X: InngestFunction {}",
        "/* outer /* struct Inner {} */ struct X {} */",
        "/**\n * struct X {}\n */",
    ])
    func codeInsideCommentsDeclaresNothing(source: String) {
        let file = ScanFixtures.scan(source)
        #expect(file.types.isEmpty)
        #expect(file.diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("let a = 1\n  /* never closed", 2, 3),
        ("/* outer /* inner */ still open", 1, 1),
        ("x /* a /* b */", 1, 3),
    ])
    func unterminatedBlockCommentIsReportedAtItsStart(source: String, line: Int, column: Int) {
        let output = Lexer.tokenize(source, path: "T.swift")
        #expect(output.diagnostics.count == 1)
        #expect(output.diagnostics.first?.message == "unterminated block comment")
        #expect(output.diagnostics.first?.location?.line == line)
        #expect(output.diagnostics.first?.location?.column == column)
    }

    @Test func commentCountsAsLeadingSpace() {
        let tokens = Lexer.tokenize("a/* c */b").tokens
        #expect(tokens[1].hasLeadingSpace)
        #expect(!tokens[1].isAtLineStart)
    }

    @Test func multiLineBlockCommentCountsAsLineBreak() {
        let tokens = Lexer.tokenize("a /* one\ntwo */ b").tokens
        #expect(tokens[1].isAtLineStart)
    }

    @Test func lineCommentEndsAtTheLineBreak() {
        let tokens = Lexer.tokenize("a // c\nb").tokens
        #expect(tokens.count == 3)
        #expect(tokens[1].isAtLineStart)
    }
}
