import Foundation
import InngestCore
import InngestServe
import Testing

@Suite struct CanonicalJSONTests {
    private func canonical(_ text: String) throws -> String {
        String(decoding: try CanonicalJSON.canonicalize(Array(text.utf8)), as: UTF8.self)
    }

    @Test(arguments: [
        (0.0, "0"), (1.5, "1.5"), (-1.5, "-1.5"), (0.1, "0.1"), (4.5, "4.5"), (1e20, "100000000000000000000"),
        (1e21, "1e+21"), (1.5e21, "1.5e+21"), (1e-6, "0.000001"), (1e-7, "1e-7"), (1.25e-7, "1.25e-7"),
        (123456789012345680000.0, "123456789012345680000"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (333333333.33333329, "333333333.3333333"),
        (-1e-7, "-1e-7"), (0.000001234, "0.000001234"),
    ])
    func doublesUseECMAScriptFormatting(value: Double, expected: String) throws {
        #expect(String(decoding: try CanonicalJSON.serialize(.double(value)), as: UTF8.self) == expected)
    }

    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan, -0.0])
    func numbersWithoutAFormOfTheirOwnAreRefused(value: Double) {
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.serialize(.array([.double(value)])) }
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

    /// Every integer a 64-bit integer holds keeps all its digits: two integers never share a form
    /// (the old writer rounded them through a double, so …993 read as …992).
    @Test(arguments: [
        ("9007199254740992", "9007199254740992"), ("9007199254740993", "9007199254740993"),
        ("-9007199254740993", "-9007199254740993"), ("9223372036854775807", "9223372036854775807"),
        ("-9223372036854775808", "-9223372036854775808"),
    ])
    func integersKeepEveryDigit(text: String, expected: String) throws {
        #expect(try canonical("[\(text)]") == "[\(expected)]")
    }

    /// Spellings of one value share its canonical form.
    @Test(arguments: [
        ("1e2", "100"), ("1E2", "100"), ("100.0", "100"), ("1.0", "1"), ("1.50", "1.5"), ("0.0", "0"), ("1e-7", "1e-7"),
        ("1e21", "1e+21"), ("\"\\u0041\"", "\"A\""), ("\"\\u00e9\"", "\"é\""), ("\"a\\/b\"", "\"a/b\""),
        ("\"\\ud83d\\ude00\"", "\"\u{1F600}\""), ("\"\\u0026\\u003c\\u003e\"", "\"&<>\""),
    ])
    func spellingsOfOneValueShareItsForm(text: String, expected: String) throws {
        #expect(try canonical(text) == expected)
    }

    /// Text that reading would change has no canonical form: it cannot stand for a signed value.
    @Test(arguments: [
        "[9223372036854775808]", "[18446744073709551617]", "[12345678901234567890]", "[1E400]", "[-1e400]", "[0.10000000000000000001]",
        "[9007199254740993.0]", "[-0]", "[-0.0]", "[\"\\ud800\"]", "[\"\\udc00x\"]", #"{"a":1,"a":2}"#,
        "{\"\u{E9}\":1,\"e\u{301}\":2}",
    ])
    func textThatReadingWouldChangeIsRefused(text: String) {
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonicalize(Array(text.utf8)) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonicalize([0x22, 0xC3, 0x28, 0x22]) }
    }

    /// NFC and NFD spellings of a key are different text, so they have different forms (they are
    /// not folded together, which would let one be signed for the other).
    @Test func normalizationFormsAreNotFolded() throws {
        let nfc = try CanonicalJSON.canonicalize(Array("{\"caf\u{E9}\":1}".utf8))
        let nfd = try CanonicalJSON.canonicalize(Array("{\"cafe\u{301}\":1}".utf8))
        #expect(nfc != nfd)  // Bytes: Swift's String == would call them equal.
        #expect(nfd == Array("{\"cafe\u{301}\":1}".utf8))
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 4_000) + String(repeating: "]", count: 4_000)
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonicalize(Array(deep.utf8)) }
    }

    @Test(arguments: ["", "{", "nope", "{\"a\":}", "{\"a\":1} x", "\u{0}"])
    func nonJSONIsAnError(text: String) {
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.canonicalize(Array(text.utf8)) }
    }
}
