@testable import InngestCodegen
import Testing

/// Input handling: UTF-8 validation, byte-order marks, diagnostics and locations as text.
@Suite struct ScannerInputTests: Sendable {
    @Test(arguments: [
        ([0xFF], 1, 1),
        (Array("struct A {}\nlet x = \"".utf8) + [0xC3, 0x28], 2, 10),
        (Array("é".utf8) + [0xED, 0xA0, 0x80], 1, 2),
        ([0xF0, 0x9F, 0x98], 1, 1),
        ([0xC0, 0xAF], 1, 1),
    ])
    func invalidUTF8GivesOneErrorAndNoTypes(bytes: [UInt8], line: Int, column: Int) {
        let file = Scanner.scan(contentsOf: bytes, path: "Bad.swift")
        #expect(file.types.isEmpty)
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.severity == .error)
        #expect(file.diagnostics.first?.message.hasPrefix("file is not valid UTF-8") == true)
        #expect(file.diagnostics.first?.location?.line == line)
        #expect(file.diagnostics.first?.location?.column == column)
    }

    @Test func validBytesScanLikeText() {
        let source = ScanFixtures.realisticSample
        #expect(Scanner.scan(contentsOf: Array(source.utf8), path: "Test.swift").types == ScanFixtures.scan(source).types)
    }

    @Test func byteOrderMarkIsSkipped() {
        let file = Scanner.scan(contentsOf: [0xEF, 0xBB, 0xBF] + Array("struct A {}".utf8), path: "B.swift")
        #expect(file.types.first?.location.description == "B.swift:1:8")
    }

    @Test(arguments: [
        (Diagnostic(.error, "boom", at: InngestCodegen.SourceLocation(file: "a.swift", line: 3, column: 7)), "a.swift:3:7: error: boom"),
        (Diagnostic(.warning, "careful", at: nil), "warning: careful"),
        (Diagnostic(.note, "see here", at: InngestCodegen.SourceLocation(file: "b", line: 1, column: 1)), "b:1:1: note: see here"),
    ])
    func diagnosticDescriptionIsCompilerStyle(diagnostic: Diagnostic, text: String) {
        #expect(diagnostic.description == text)
    }

    @Test func locationsOrderByFileLineAndColumn() {
        let a = InngestCodegen.SourceLocation(file: "a", line: 2, column: 5)
        let b = InngestCodegen.SourceLocation(file: "a", line: 10, column: 1)
        let c = InngestCodegen.SourceLocation(file: "b", line: 1, column: 1)
        #expect([c, b, a].sorted() == [a, b, c])
        #expect(a.description == "a:2:5")
    }

    @Test func diagnosticsAreSortedBySourcePosition() {
        let file = ScanFixtures.scan("struct A {\n// @inngest.event(\"x\nlet s = \"open\n")
        let lines = file.diagnostics.compactMap { $0.location?.line }
        #expect(lines == lines.sorted())
        #expect(file.diagnostics.count == 3)
    }

    @Test func aFileTooLargeForTokenOffsetsIsRefusedWithItsSize() {
        #expect(Scanner.sizeProblem(byteCount: Token.maximumOffset - 1) == nil)
        #expect(Scanner.sizeProblem(byteCount: 6_000_000) == nil)
        let problem = Scanner.sizeProblem(byteCount: Token.maximumOffset)
        #expect(problem == "file is too large to scan (4294967295 bytes; the limit is 4294967294)")
        #expect(Scanner.sizeProblem(byteCount: Int.max)?.hasPrefix("file is too large to scan") == true)
    }

    @Test func tokensKeepEveryFieldInSixteenBytes() {
        #expect(MemoryLayout<Token>.stride == 16)
        var token = Token(kind: .string, start: Token.maximumOffset - 2, end: Token.maximumOffset - 1,
                          isAtLineStart: true, hasLeadingSpace: false, payload: 70_000)
        token.flags = 3
        #expect(token.start == 4_294_967_293 && token.end == 4_294_967_294 && token.payload == 70_000)
        #expect(token.isAtLineStart && !token.hasLeadingSpace && token.isInterpolated && token.isUnterminated)
        token.hasLeadingSpace = true
        token.isAtLineStart = false
        token.flags = 2
        #expect(!token.isAtLineStart && token.hasLeadingSpace && !token.isInterpolated && token.isUnterminated)
        #expect(token != Token(kind: .string, start: token.start, end: token.end, isAtLineStart: false, hasLeadingSpace: true, payload: 70_000))
    }
}
