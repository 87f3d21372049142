import InngestCodegen
import Testing

/// Lines and columns: 1-based, columns in Unicode scalars, CRLF and CR line endings.
@Suite struct LexerLocationTests: Sendable {
    @Test(arguments: [
        ("struct A {}", 1, 8),
        ("\n\n  struct A {}", 3, 10),
        ("let é = 1; struct A {}", 1, 19),
        ("let s = \"😀\"; struct A {}", 1, 21),
        ("\tstruct A {}", 1, 9),
        ("// x\r\nstruct A {}", 2, 8),
        ("// x\r\n\r\nstruct A {}", 3, 8),
        ("// x\rstruct A {}", 2, 8),
        ("\u{FEFF}struct A {}", 1, 8),
    ])
    func typeLocationIsLineAndScalarColumn(source: String, line: Int, column: Int) {
        let type = ScanFixtures.onlyType(source)
        #expect(type?.location.line == line)
        #expect(type?.location.column == column)
        #expect(type?.location.file == "Test.swift")
    }

    @Test func crlfFileScansLikeLfFile() {
        let lf = ScanFixtures.realisticSample
        let crlf = ScanFixtures.crlf(lf)
        let a = ScanFixtures.scan(lf)
        let b = ScanFixtures.scan(crlf)
        #expect(a.types == b.types)
        #expect(b.diagnostics.isEmpty)
    }

    @Test func bufferMapsOffsetsToLocations() {
        let buffer = SourceBuffer("ab\ncé\nd", path: "f")
        #expect(buffer.location(at: 0).description == "f:1:1")
        #expect(buffer.location(at: 3).description == "f:2:1")
        #expect(buffer.location(at: 6).description == "f:2:3")
        #expect(buffer.location(at: 7).description == "f:3:1")
        #expect(buffer.location(at: 999).description == "f:3:2")
    }
}
