import Testing

@testable import InngestCodegen

/// Locations inside text kept as written, and inside string literals.
@Suite struct SourceSpanTests {
    static let origin = SourceLocation(file: "A.swift", line: 3, column: 10)

    @Test func bytesMapToLinesAndColumns() {
        let span = SourceSpan(text: "ab\n  é c\r\nd", location: Self.origin)
        #expect(span.location(atByte: 1) == SourceLocation(file: "A.swift", line: 3, column: 11))
        #expect(span.location(atByte: 3) == SourceLocation(file: "A.swift", line: 4, column: 1))
        // `é` is two bytes but one column.
        #expect(span.location(atByte: 8) == SourceLocation(file: "A.swift", line: 4, column: 5))
        #expect(span.location(atByte: 11) == SourceLocation(file: "A.swift", line: 5, column: 1))
    }

    @Test(arguments: [
        (#""abc""#, 2, 13),
        (#""a\tb""#, 2, 14),
        (#""\u{1F600}x""#, 4, 20),
        (##"#"a\nb"#"##, 3, 15),
        (##"#"a\#nb"#"##, 2, 16),
        (#""ab""#, 2, 13),
    ])
    func literalOffsetsCountEscapesAsWritten(literal: String, offset: Int, column: Int) {
        let span = SourceSpan(text: literal, location: Self.origin)
        #expect(span.location(inLiteralAt: offset).column == column)
    }

    @Test func multiLineLiteralsPointAtTheLiteral() {
        let span = SourceSpan(text: "\"\"\"\n  a == \n  \"\"\"", location: Self.origin)
        #expect(span.location(inLiteralAt: 3) == Self.origin)
    }

    @Test func aMarkerOnAnOnFailureConformanceSaysWhatToDo() {
        let lines = errors(generate(["A.swift": """
            struct E: Event { static let name = "a/b" }
            // @inngest.function(id: "f", event: "a/b")
            struct F: OnFailure {
                func handle(_ e: E, context: Context) async throws {}
                func onFailure(_ failure: FunctionFailure<E>, context: Context) async throws {}
            }
            """]))
        #expect(lines.contains { $0.contains("both conforms to InngestFunction and has an @inngest.function marker")
            && $0.contains("name the failure handler with onFailure: <method> instead") }, "\(lines)")
    }

    @Test func conformanceCronErrorsPointIntoTheLiteral() {
        let lines = errors(generate(["A.swift": """
            struct F: InngestFunction {
                static let id = "f"
                static let trigger = Trigger.cron("0 24 * * *")
                func handle(_ run: ScheduledRun, context: Context) async throws {}
            }
            """]))
        #expect(lines.first?.hasPrefix("A.swift:3:42: error: invalid cron \"0 24 * * *\"") == true, "\(lines)")
    }
}
