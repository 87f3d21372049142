import Foundation
import InngestServe
import Testing

@Suite struct CanonicalJSONTests {
    private func canonical(_ text: String) throws -> String {
        String(decoding: try CanonicalJSON.canonicalize(Array(text.utf8)), as: UTF8.self)
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (0.1, "0.1"), (4.5, "4.5"), (1e20, "100000000000000000000"),
        (1e21, "1e+21"), (1.5e21, "1.5e+21"), (1e-6, "0.000001"), (1e-7, "1e-7"), (1.25e-7, "1.25e-7"),
        (123456789012345680000.0, "123456789012345680000"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (333333333.33333329, "333333333.3333333"),
        (-1e-7, "-1e-7"), (0.000001234, "0.000001234"),
    ])
    func numbersUseECMAScriptFormatting(value: Double, expected: String) throws {
        #expect(try CanonicalJSON.format(value) == expected)
    }

    @Test func nonFiniteNumbersHaveNoCanonicalForm() {
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.format(.infinity) }
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.format(.nan) }
    }

    @Test func objectsAreSortedAndCompact() throws {
        #expect(try canonical(#" { "b" : [1, 2.50, {"z":null,"y":true}], "a" : "x" } "#) == #"{"a":"x","b":[1,2.5,{"y":true,"z":null}]}"#)
    }

    @Test func keysSortByUTF16CodeUnits() throws {
        // U+1F600 is D83D DE00 in UTF-16, which sorts before U+FB33 (but after it by code point).
        #expect(try canonical(#"{"\#u{FB33}":1,"\#u{1F600}":2,"a":3}"#) == "{\"a\":3,\"\u{1F600}\":2,\"\u{FB33}\":1}")
    }

    @Test func stringsUseMinimalEscaping() throws {
        #expect(try canonical(#"["\u0001\b\f\n\r\t\"\\\/é€\u2028"]"#) == "[\"\\u0001\\b\\f\\n\\r\\t\\\"\\\\/é€\u{2028}\"]")
    }

    @Test func largeIntegersAreWrittenAsDoubles() throws {
        #expect(try canonical("[9007199254740992,9007199254740993,-12]") == "[9007199254740992,9007199254740992,-12]")
    }

    @Test(arguments: ["", "{", "nope", "{\"a\":}"])
    func nonJSONIsAnError(text: String) {
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonicalize(Array(text.utf8)) }
    }
}
