import Foundation
import InngestCore
import Testing

/// The strict JSON reader: what it accepts is kept exactly, what it cannot keep it refuses with the
/// byte offset, and no input can exhaust the stack.
@Suite struct JSONReaderTests {
    private func read(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONValue(json: Array(text.utf8)) }

    private func refusal(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsEveryKindOfValue() throws {
        #expect(try read(#" {"a": [1, -2, 3.5, true, false, null, "x"], "b": {}} "#)
                == .object(["a": .array([.integer(1), .integer(-2), .double(3.5), .bool(true), .bool(false), .null, .string("x")]),
                            "b": .object([:])]))
        #expect(try read("9223372036854775807") == .integer(.max))
        #expect(try read("-9223372036854775808") == .integer(.min))
        #expect(try read("1e2") == .double(100))
        #expect(try read("1.0") == .double(1))
        #expect(try read("0.1") == .double(0.1))
        #expect(try read("5e-324") == .double(.leastNonzeroMagnitude))
        #expect(try read("1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
    }

    @Test func negativeZeroKeepsItsSign() throws {
        guard case .double(let zero) = try read("-0") else { Issue.record("not a double"); return }
        #expect(zero == 0 && zero.sign == .minus)
        #expect(JSONValue.double(-0.0).jsonString == "-0")
        #expect(try read("0") == .integer(0))
    }

    @Test(arguments: [
        "9223372036854775808",            // one past Int64.max
        "18446744073709551616",           // 2^64
        "9007199254740993.0",             // 2^53 + 1: no double holds it
        "0.10000000000000000001",         // more digits than a double keeps
        "3.141592653589793238462643",
        "1e400", "-1e400", "1e-400",      // out of range, or rounds to zero
        "123456789012345678901234567890",
    ])
    func numbersThatCannotBeKeptExactlyAreRefused(_ text: String) {
        #expect(refusal(text)?.contains("cannot be kept exactly") == true, "\(text)")
    }

    @Test(arguments: [
        ("", "empty"), ("   ", "only whitespace"), ("{", "ends inside an object"), ("[1,", "ends where a value"),
        (#"{"a""#, "expected ':'"), (#"{"a":1,}"#, "expected a quoted key"), ("[1 2]", "expected ',' or ']'"),
        ("01", "leading zero"), ("-", "digit after its sign"), ("1.", "digits after its '.'"), ("1e", "digits in its exponent"),
        ("+1", "where a value should start"), ("tru", "truncated"), ("nul", "truncated"), ("NaN", "where a value should start"),
        ("Infinity", "where a value should start"), (#""abc"#, "never ends"), (#""\x""#, "not a JSON escape"),
        (#""\u12zz""#, "four hex digits"), (#""\u12""#, "ends inside a \\u escape"), ("\"a\u{01}b\"", "control character"), ("1 2", "after the end"), ("{} {}", "after the end"),
        ("\u{FEFF}{}", "byte order mark"), ("[1]]", "after the end"), (#"{"a":1 "b":2}"#, "expected ',' or '}'"),
    ])
    func malformedAndTruncatedTextIsRefusedWithItsPlace(_ text: String, _ expected: String) {
        let message = refusal(text)
        #expect(message?.contains(expected) == true, "\(text.debugDescription): \(message ?? "accepted")")
        #expect(message?.contains("at byte") == true)
    }

    @Test func truncationAtEveryByteIsRefusedNeverAccepted() throws {
        let text = #"{"name":"order/placed","data":{"items":[{"sku":"a\u00e9\ud83d\ude00","qty":2,"price":19.99}],"ok":true},"ts":1700000000000}"#
        let bytes = Array(text.utf8)
        #expect(try JSONValue(json: bytes)["ts"] == .integer(1_700_000_000_000))
        for end in 0..<bytes.count {
            #expect(throws: JSONSyntaxError.self, "prefix of \(end) bytes") { try JSONValue(json: bytes[..<end]) }
        }
    }

    @Test func stringsKeepNULAndEveryEscape() throws {
        #expect(try read(#""a\u0000b""#) == .string("a\u{0}b"))
        #expect(try read(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try read(#""\u00e9\u0041""#) == .string("éA"))
        #expect(try read(#""\ud83d\ude00""#) == .string("😀"))
        #expect(JSONValue.string("a\u{0}b\u{1F}\"").jsonString == #""a\u0000b\u001f\"""#)
        #expect(try read(JSONValue.string("a\u{0}b").jsonString) == .string("a\u{0}b"))
    }

    @Test(arguments: [#""\ud800""#, #""\udc00""#, #""\ud800x""#, #""\ud800\u0041""#, #""\ud83d""#])
    func loneSurrogatesAreRefused(_ text: String) {
        #expect(refusal(text)?.contains("surrogate") == true, "\(text)")
    }

    @Test func invalidUTF8IsRefusedNotReplaced() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22]] {
            #expect(throws: JSONSyntaxError.self) { try JSONValue(json: bytes) }
        }
        #expect(throws: JSONSyntaxError.self) { try JSONValue(json: [0x7B, 0x00, 0x7D]) }  // a raw NUL byte between braces
    }

    @Test func duplicateKeysAreRefusedAlsoWhenEqualAfterNormalization() {
        #expect(refusal(#"{"a":1,"a":2}"#)?.contains("appears twice") == true)
        #expect(refusal("{\"e\u{301}\":1,\"\u{E9}\":2}")?.contains("appears twice") == true)
        #expect(refusal(#"{"\u00e9":1,"é":2}"#)?.contains("appears twice") == true)
    }

    @Test func nestingIsCappedWithoutExhaustingTheStack() throws {
        for depth in [129, 4_000, 100_000] {
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            #expect(refusal(text)?.contains("nested more than 128 levels") == true, "depth \(depth)")
            let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            #expect(refusal(objects)?.contains("nested more than 128 levels") == true, "depth \(depth)")
        }
        let deepest = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(try read(deepest).nestingDepth == 128)
        #expect(throws: JSONSyntaxError.self) { try JSONValue(json: Array("[[[]]]".utf8), maximumDepth: 2) }
    }

    @Test func deepValuesBuiltInCodeAreWrittenAndMeasuredWithoutRecursion() {
        var value = JSONValue.integer(1)
        for index in 0..<4_000 { value = index.isMultiple(of: 2) ? .array([value]) : .object(["k": value]) }
        #expect(value.nestingDepth == 4_000)
        #expect(value.jsonBytes.count == 2 * 2_000 + 6 * 2_000 + 1)
        #expect(value.payloadProblem(path: "data")?.contains("nested more than 100 levels") == true)
    }

    @Test func writingThenReadingIsTheIdentity() throws {
        let values: [JSONValue] = [
            .object(["z": .integer(-1), "a": .double(1.5), "é": .string("line\nbreak \u{0}"), "😀": .array([.null, .bool(false)])]),
            .double(1e21), .double(1e-7), .double(123456789.125), .double(-2.5e-300), .integer(.max), .integer(.min),
            .string(String(repeating: "x", count: 10_000)),
        ]
        for value in values {
            #expect(try JSONValue(json: value.jsonBytes) == value, "\(value.jsonString.prefix(60))")
        }
        #expect(JSONValue.object(["b": .integer(1), "a": .integer(2), "B": .integer(3)]).jsonString == #"{"B":3,"a":2,"b":1}"#)
        #expect(JSONValue.double(1e21).jsonString == "1e+21")
        #expect(JSONValue.double(100).jsonString == "100")
    }

    @Test func codableValuesRoundTripThroughTheReader() throws {
        struct Order: Codable, Equatable {
            var id: String
            var total: Decimal
            var at: Date
            var tags: [String]
        }
        let order = Order(id: "o-1", total: Decimal(string: "19.99") ?? 0, at: Date(timeIntervalSince1970: 1_700_000_000), tags: ["a"])
        #expect(try JSONValue(encoding: order).decode(Order.self) == order)
        struct Precise: Encodable { var value: Decimal }
        #expect(throws: JSONSyntaxError.self, "a Decimal with more digits than a double keeps is refused, not rounded") {
            try JSONValue(encoding: Precise(value: Decimal(string: "0.1234567890123456789012345") ?? 0))
        }
    }
}
