import InngestCodegen
import Testing

/// Marker syntax errors: reported at the exact column, saying what was expected.
@Suite struct MarkerErrorTests: Sendable {
    @Test(arguments: [
        (#"// @inngest.event("order/placed)"#, 1, 19, "unterminated string literal in marker '@inngest.event'"),
        (#"// @inngest.function(id: "x""#, 1, 29, "expected ',' or ')' after an argument of '@inngest.function', found the end of the comment"),
        (#"// @inngest.function(id: )"#, 1, 26, "expected a value after 'id:', found ')'"),
        (#"// @inngest.function(id:, retries: 3)"#, 1, 25, "expected a value after 'id:', found ','"),
        (#"// @inngest.function(id:"#, 1, 25, "expected a value after 'id:', found the end of the comment"),
        (#"// @inngest.function(id: "x" retries: 3)"#, 1, 30, "expected ',' or ')' after an argument of '@inngest.function', found 'r'"),
        (#"// @inngest.function(id: {x})"#, 1, 26, "expected a value (a string, number, true, false, name, array or (key: value) list), found '{'"),
        (#"// @inngest.function(id: "x") trailing"#, 1, 31, "expected the end of the comment after the arguments of '@inngest.function', found 't'"),
        (#"// @inngest.function extra"#, 1, 22, "expected '(' or the end of the comment after '@inngest.function', found 'e'"),
        (#"// @inngest."#, 1, 13, "expected a marker kind after '@inngest.', such as 'function', found the end of the comment"),
        (#"// @inngest.(x)"#, 1, 13, "expected a marker kind after '@inngest.', such as 'function', found '('"),
        (#"// @inngest.module(imports: [A, B)"#, 1, 34, "expected ',' or ']' in the array, found ')'"),
        (#"// @inngest.module(imports: [A,"#, 1, 32, "expected ']' to close the array, found the end of the comment"),
        (#"// @inngest.module(imports: [,])"#, 1, 30, "expected a value or ']' in the array, found ','"),
        (#"// @inngest.event("a\qb")"#, 1, 21, #"invalid escape sequence in marker string; expected \n, \t, \r, \0, \", \', \\ or \u{…}"#),
        (#"// @inngest.event("a\(b)")"#, 1, 21, "string interpolation is not allowed in a marker"),
        (#"// @inngest.function(retries: 99999999999999999999)"#, 1, 31, "integer '99999999999999999999' does not fit in Int"),
        (#"// @inngest.function(retries: -x)"#, 1, 32, "expected a digit after '-', found 'x'"),
        (#"// @inngest.function(retries: 3x)"#, 1, 32, "expected a digit or the end of the number, found 'x'"),
        (#"// @inngest.function(id: ."#, 1, 27, "expected a name after '.', found the end of the comment"),
        (#"// @inngest.event("\u{D800}")"#, 1, 22, "'\\u{…}' is not a valid Unicode scalar"),
        ("// @inngest.module(\n//   imports: [A],\nstruct M {}", 2, 19, "expected ')' to close the arguments of '@inngest.module', found the end of the comment"),
        ("/* @inngest.function(id: \"x\",\n   retries: */", 2, 13, "expected a value after 'retries:', found the end of the comment"),
        ("// @inngest.event(\n// \"multi\n// line\")", 2, 4, "unterminated string literal in marker '@inngest.event'"),
    ])
    func syntaxErrorIsReportedWhereSomethingElseWasExpected(source: String, line: Int, column: Int, message: String) {
        let file = ScanFixtures.scan(source + "\nstruct A {}")
        let errors = file.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message == message)
        #expect(errors.first?.location?.line == line)
        #expect(errors.first?.location?.column == column)
    }

    @Test func malformedMarkerAttachesNothing() {
        let file = ScanFixtures.scan("// @inngest.function(id: \nstruct A {}")
        #expect(file.types.first?.markers.isEmpty == true)
        #expect(file.diagnostics.count == 1)
    }

    @Test func deeplyNestedArrayIsRejected() {
        let file = ScanFixtures.scan("// @inngest.x(" + String(repeating: "[", count: 10_000) + "\nstruct A {}")
        #expect(file.diagnostics.map(\.message) == ["arrays in a marker may nest at most 16 levels deep"])
    }
}
