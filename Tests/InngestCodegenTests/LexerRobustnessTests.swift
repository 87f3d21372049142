import InngestCodegen
import Testing

/// Hostile input never crashes or hangs the lexer and scanner, and unterminated constructs
/// are always reported.
@Suite struct LexerRobustnessTests: Sendable {
    /// Fragments that stress the lexer when glued together at random.
    static let fragments: [String] = [
        "\"", "\"\"\"", "#", "##", "#\"", "\"#", "\\(", "\\#(", "\\", "(", ")", "{", "}", "[", "]",
        "/", "//", "/*", "*/", "///", "/**", "*", "\n", "\r\n", " ", "\t", "<", ">", "->", "?", "!",
        "struct ", "class ", "enum ", "extension ", "protocol ", "actor ", "func ", "init", "var ",
        "let ", "case ", "static ", "public ", "@MainActor ", "@inngest.", "// @inngest.function(",
        "id: ", "\"x\"", "[A, B]", ",", ":", "=", "#if X\n", "#else\n", "#endif\n", "X", "Foo",
        "é", "😀", "`", "@", "0x", "1.5", "/re/", "#/", "/#", "'", ";", ".", "...", "InngestFunction",
    ]

    /// Random bytes: half fully random, half random scalars (mostly valid UTF-8).
    static func randomBytes(_ random: inout ScanFixtures.PRNG) -> [UInt8] {
        let length = random.next(below: 600)
        if random.next(below: 2) == 0 {
            return (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        var bytes: [UInt8] = []
        while bytes.count < length {
            let value = UInt32(truncatingIfNeeded: random.next()) % (random.next(below: 4) == 0 ? 0x11_0000 : 0x80)
            if let scalar = Unicode.Scalar(value) {
                bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                bytes.append(0xED)  // a lone surrogate lead: invalid
            }
        }
        return bytes
    }

    @Test(arguments: 0..<8)
    func randomBytesNeverCrashAndInvalidUTF8IsRejected(seed: Int) {
        var random = ScanFixtures.PRNG(seed: UInt64(seed))
        for _ in 0..<150 {
            let bytes = Self.randomBytes(&random)
            let file = Scanner.scan(contentsOf: bytes, path: "Random.swift")
            let rejected = file.diagnostics.first?.message.hasPrefix("file is not valid UTF-8") == true
            #expect(rejected == (String(validating: bytes, as: UTF8.self) == nil))
            if rejected {
                #expect(file.diagnostics.count == 1 && file.types.isEmpty)
            }
            // The lexer itself also copes with invalid UTF-8.
            let output = Lexer.tokenize(SourceBuffer(bytes: bytes, path: "Random.swift"))
            #expect(output.tokens.last?.kind == .endOfFile)
        }
    }

    @Test(arguments: 0..<8)
    func randomFragmentSoupNeverCrashesAndTokensStayOrdered(seed: Int) {
        var random = ScanFixtures.PRNG(seed: UInt64(1_000 + seed))
        for _ in 0..<150 {
            let count = random.next(below: 120)
            let source = (0..<count).map { _ in Self.fragments[random.next(below: Self.fragments.count)] }.joined()
            let buffer = SourceBuffer(source, path: "Soup.swift")
            let output = Lexer.tokenize(buffer)
            var previousEnd = 0
            for token in output.tokens {
                #expect(token.start >= previousEnd && token.end >= token.start && token.end <= buffer.bytes.count)
                previousEnd = token.end
            }
            _ = Scanner.scan(source, path: "Soup.swift")
        }
    }

    /// The sample's strings, `#/` regexes and block comments: where each starts, and the
    /// prefix lengths that cut it open (past its opening delimiter, before its end).
    static func openConstructs(in source: String) -> [(start: Int, cuts: Range<Int>)] {
        let buffer = SourceBuffer(source, path: "Sample.swift")
        let bytes = buffer.bytes
        var constructs: [(start: Int, cuts: Range<Int>)] = []
        for token in Lexer.tokenize(buffer).tokens {
            guard token.kind == .string || token.kind == .regex && bytes[token.start] == UInt8(ascii: "#") else { continue }
            var opening = token.start
            while bytes[opening] == UInt8(ascii: "#") { opening += 1 }
            let isMultiline = token.kind == .string && opening + 2 < token.end
                && bytes[opening + 1] == UInt8(ascii: "\"") && bytes[opening + 2] == UInt8(ascii: "\"")
            opening += isMultiline ? 3 : 1
            constructs.append((token.start, (opening + 1)..<token.end))
        }
        var index = 0
        var depth = 0
        var start = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "/") && bytes[index + 1] == UInt8(ascii: "*") {
                if depth == 0 { start = index }
                depth += 1
                index += 2
            } else if depth > 0 && bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { constructs.append((start, (start + 2)..<index)) }
            } else {
                index += 1
            }
        }
        return constructs
    }

    @Test func everyPrefixOfARealisticFileScansAndReportsOpenConstructs() {
        let bytes = Array(ScanFixtures.realisticSample.utf8)
        let buffer = SourceBuffer(bytes: bytes, path: "Prefix.swift")
        let constructs = Self.openConstructs(in: ScanFixtures.realisticSample)
        #expect(constructs.count >= 6)
        var checked = 0
        for length in 0...bytes.count {
            let file = Scanner.scan(contentsOf: Array(bytes[..<length]), path: "Prefix.swift")
            if file.diagnostics.first?.message.hasPrefix("file is not valid UTF-8") == true {
                continue  // cut inside a multi-byte character
            }
            guard let open = constructs.first(where: { $0.cuts.contains(length) }) else { continue }
            let expected = buffer.location(at: open.start)
            let unterminated = file.diagnostics.filter { $0.message.hasPrefix("unterminated") }
            #expect(unterminated.contains { $0.location == expected }, "prefix \(length): \(file.diagnostics)")
            checked += 1
        }
        #expect(checked > 200)
    }

    @Test func everyPrefixInsideATypeBodyReportsTheMissingBrace() {
        let source = "struct A {\n    var x = 1\n    func f() {}\n}\n"
        let bytes = Array(source.utf8)
        for length in 10..<(bytes.count - 2) {
            let file = Scanner.scan(contentsOf: Array(bytes[..<length]), path: "P.swift")
            #expect(file.diagnostics.contains { $0.message.hasPrefix("expected '}'") }, "prefix \(length)")
        }
    }

    @Test func fiveMegabyteFileScans() {
        let unit = ScanFixtures.realisticSample + "\n"
        let copies = 5_000_000 / unit.utf8.count + 1
        let source = String(repeating: unit, count: copies)
        let file = Scanner.scan(source, path: "Big.swift")
        #expect(file.types.count == 5 * copies)
        #expect(file.diagnostics.isEmpty)
    }

    @Test(arguments: [
        String(repeating: "{", count: 10_000),
        String(repeating: "}", count: 10_000),
        String(repeating: "(", count: 10_000),
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        String(repeating: "/*", count: 10_000),
        String(repeating: "\"\\(", count: 10_000),
        String(repeating: "\"\"\"\n\\(", count: 5_000),
        String(repeating: "#if X\n", count: 10_000),
        String(repeating: "struct A {", count: 10_000),
        String(repeating: "func f() {", count: 10_000),
        String(repeating: "<", count: 10_000),
        "struct A" + String(repeating: "<", count: 10_000),
    ])
    func deepNestingNeverCrashes(source: String) {
        let file = Scanner.scan(source, path: "Deep.swift")
        #expect(file.diagnostics.count <= 3)
    }

    @Test func tenThousandNestedBracesReportOneMissingBrace() {
        let file = Scanner.scan(String(repeating: "{", count: 10_000), path: "Deep.swift")
        #expect(file.diagnostics.map(\.message) == ["expected '}' to match this '{' before the end of the file"])
        #expect(file.diagnostics.first?.location?.column == 1)
    }

    @Test func deeplyNestedTypesStopAtTheNestingLimit() {
        let depth = 1_000
        let source = String(repeating: "struct A {\n", count: depth) + String(repeating: "}\n", count: depth)
        let file = Scanner.scan(source, path: "Deep.swift")
        #expect(file.types.count == 256)
        #expect(file.diagnostics.map(\.severity) == [.warning])
    }

    @Test(arguments: [true, false])
    func oneGiantStringScans(terminated: Bool) {
        let body = String(repeating: "struct X { \\(y) ", count: 300_000)
        let source = "let s = \"" + body + (terminated ? "\"\nstruct A {}" : "")
        let file = Scanner.scan(source, path: "Giant.swift")
        #expect(file.types.map(\.name) == (terminated ? ["A"] : []))
        #expect(file.diagnostics.count == (terminated ? 0 : 1))
    }

    @Test func unbalancedClosingBracesDoNotHideLaterTypes() {
        let file = ScanFixtures.scan("}}} ) ] struct A {}\n}\nstruct B {}")
        #expect(file.types.map(\.name) == ["A", "B"])
    }
}
