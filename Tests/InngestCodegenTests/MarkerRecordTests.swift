import Testing

@testable import InngestCodegen

/// `(key: value)` lists in markers, element locations, and literals kept as written.
@Suite struct MarkerRecordTests {
    static func argument(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> MarkerArgument? {
        let file = ScanFixtures.scan("// @inngest.x(k: \(text))\nstruct A {}")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)", sourceLocation: sourceLocation)
        return file.types.first?.markers.first?.arguments.first
    }

    @Test func recordKeepsLabelsValuesAndLocations() throws {
        let argument = try #require(Self.argument(#"(event: "a/b", if: "x", n: 3,)"#))
        let entries = try #require(argument.value.recordValue)
        #expect(entries.map(\.label) == ["event", "if", "n"])
        #expect(entries.map(\.value) == [.string("a/b"), .string("x"), .integer(3)])
        // `// @inngest.x(k: (` puts `event` at column 19 and its value at 26.
        #expect(entries[0].location.column == 19)
        #expect(entries[0].valueLocation.column == 26)
    }

    @Test func emptyRecordAndNesting() throws {
        #expect(Self.argument("()")?.value == .record([]))
        let nested = try #require(Self.argument(#"[(cron: "0 * * * *"), ["x"]]"#))
        #expect(nested.elements.count == 2)
        #expect(nested.elements[0].value.recordValue?.first?.value == .string("0 * * * *"))
        #expect(nested.elements[1].elements.first?.value == .string("x"))
    }

    @Test func arrayElementsHaveTheirOwnLocations() throws {
        let argument = try #require(Self.argument(#"["a", B, (event: "c")]"#))
        #expect(argument.value == .array([.string("a"), .identifier("B"), .record(argument.elements[2].value.recordValue ?? [])]))
        #expect(argument.elements.map(\.valueLocation.column) == [19, 24, 27])
    }

    @Test func stringValuesKeepTheirLiteralAsWritten() throws {
        let argument = try #require(Self.argument(#""a\"b""#))
        #expect(argument.literal?.text == #""a\"b""#)
        // The decoded `b` is byte 2; in the source it follows `"a\"`, at column 18 + 4.
        #expect(argument.location(inValueAt: 2).column == 22)
        let raw = try #require(Self.argument(##"#"a"b"#"##))
        #expect(raw.value == .string(#"a"b"#))
        #expect(raw.location(inValueAt: 2).column == 22)
    }

    @Test(arguments: [
        (#"// @inngest.x(k: (1))"#, 19, "expected a label such as 'event:' in '(…)', found '1'"),
        (#"// @inngest.x(k: (a 1))"#, 19, "expected a label such as 'event:' in '(…)', found 'a'"),
        (#"// @inngest.x(k: (a: ))"#, 22, "expected a value after 'a:', found ')'"),
        (#"// @inngest.x(k: (a: 1 b: 2))"#, 24, "expected ',' or ')' in the list, found 'b'"),
        (#"// @inngest.x(k: (a: 1"#, 23, "expected ',' or ')' in the list, found the end of the comment"),
    ])
    func malformedRecordsAreErrorsAtTheirColumn(source: String, column: Int, message: String) {
        let file = ScanFixtures.scan("\(source)\nstruct A {}")
        #expect(file.diagnostics.map(\.message) == [message])
        #expect(file.diagnostics.first?.location?.column == column)
    }

    @Test func recordMayContinueOverLines() throws {
        let file = ScanFixtures.scan("""
            // @inngest.x(k: (start: "5m",
            //                finish: "1h"))
            struct A {}
            """)
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
        let entries = try #require(file.types.first?.markers.first?.arguments.first?.value.recordValue)
        #expect(entries.map(\.label) == ["start", "finish"])
        #expect(entries[1].location.line == 2)
    }
}
