import Foundation
@testable import InngestCore
import Testing

/// `JSONValue.decode` reads the tree in place; it must give what `JSONDecoder` gives for the same
/// text, value for value and failure for failure.
@Suite struct JSONValueDecoderTests {
    struct Address: Codable, Equatable { var street: String; var zip: String? }
    struct Person: Codable, Equatable {
        var name: String
        var age: Int
        var score: Double
        var tags: [String]
        var address: Address?
        var born: Date
        var avatar: Data
        var site: URL
        var balance: Decimal
        var flags: [String: Bool]
        var byNumber: [Int: String]
        var matrix: [[Int?]]
    }
    enum Shape: Codable, Equatable {
        case circle(radius: Double)
        case square(Double)
        case none
    }
    enum Level: String, Codable { case low, high }
    class Base: Codable { var id = 0 }
    final class Derived: Base {
        var extra = ""
        enum CodingKeys: String, CodingKey { case extra }
        required init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            extra = try container.decode(String.self, forKey: .extra)
            try super.init(from: container.superDecoder())
        }
        override func encode(to encoder: any Encoder) throws {}
    }

    /// Decodes `text` both ways and checks they agree: the same value, or both fail with the same
    /// kind of error.
    private func agree<T: Decodable & Equatable>(_ type: T.Type, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = Result { try JSONCoding.decoder.decode(T.self, from: Data(text.utf8)) }
        let value = try JSONValue(json: Array(text.utf8))
        let direct = Result { try value.decode(T.self) }
        switch (reference, direct) {
        case (.success(let expected), .success(let actual)):
            #expect(actual == expected, sourceLocation: sourceLocation)
        case (.failure(let expected), .failure(let actual)):
            #expect(kind(expected) == kind(actual), "\(expected) vs \(actual)", sourceLocation: sourceLocation)
        case (.success(let expected), .failure(let actual)):
            Issue.record("JSONDecoder gives \(expected), the tree decoder fails: \(actual)", sourceLocation: sourceLocation)
        case (.failure(let expected), .success(let actual)):
            Issue.record("JSONDecoder fails (\(expected)), the tree decoder gives \(actual)", sourceLocation: sourceLocation)
        }
    }

    private func kind(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .typeMismatch?: "typeMismatch"
        case .valueNotFound?: "valueNotFound"
        case .keyNotFound(let key, _)?: "keyNotFound \(key.stringValue)"
        case .dataCorrupted?: "dataCorrupted"
        default: "other"
        }
    }

    @Test func aRecordWithEveryKindOfMember() throws {
        let text = #"""
            {"name":"Ada","age":36,"score":9.5,"tags":["a","b"],"address":{"street":"Main"},"born":"1815-12-10T00:00:00Z",
             "avatar":"AAEC","site":"https://example.com/a?b=1","balance":12.34,"flags":{"x":true},"byNumber":{"1":"one","20":"twenty"},
             "matrix":[[1,null],[],[3]]}
            """#
        try agree(Person.self, text)
        let person = try JSONValue(json: Array(text.utf8)).decode(Person.self)
        #expect(person.address == Address(street: "Main", zip: nil))
        #expect(person.byNumber[20] == "twenty")
    }

    @Test func numbersConvertOnlyWhenExact() throws {
        for text in ["1", "1.0", "1e2", "-0", "1.5", "300", "-1", "9223372036854775807", "-9223372036854775808", "1e300", "\"1\"", "true", "null"] {
            try agree(Int.self, text)
            try agree(UInt8.self, text)
            try agree(Int32.self, text)
            try agree(UInt64.self, text)
            try agree(Double.self, text)
            try agree(Float.self, text)
        }
    }

    @Test func stringsBoolsAndNulls() throws {
        for text in ["\"a\"", "\"\"", "\"a\\u0000b\"", "true", "false", "null", "0", "[]", "{}"] {
            try agree(String.self, text)
            try agree(Bool.self, text)
            try agree(String?.self, text)
            try agree([String].self, text)
        }
    }

    @Test func missingKeysNullsAndWrongShapes() throws {
        try agree(Address.self, #"{"zip":"1"}"#)
        try agree(Address.self, #"{"street":null}"#)
        try agree(Address.self, #"{"street":"s","zip":null}"#)
        try agree(Address.self, #"{"street":1}"#)
        try agree(Address.self, #"["street"]"#)
        try agree(Address.self, "null")
        try agree([Address].self, #"[{"street":"a"},{"zip":"b"}]"#)
        try agree([Int].self, "[1,null,2]")
        try agree([Int?].self, "[1,null,2]")
        try agree([String: Int].self, #"{"a":1,"b":"2"}"#)
    }

    @Test func enumsDatesDataAndURLs() throws {
        try agree(Shape.self, #"{"circle":{"radius":2}}"#)
        try agree(Shape.self, #"{"square":{"_0":3}}"#)
        try agree(Shape.self, #"{"none":{}}"#)
        try agree(Shape.self, #"{"triangle":{}}"#)
        try agree(Level.self, #""high""#)
        try agree(Level.self, #""medium""#)
        for text in [#""2024-02-29T12:00:00Z""#, #""2024-02-29T12:00:00.123Z""#, #""2024-02-29""#, #""yesterday""#, "0"] {
            try agree(Date.self, text)
        }
        for text in [#""AAEC""#, #""not base64!""#, #""""#, "[1,2]"] { try agree(Data.self, text) }
        for text in [#""https://example.com""#, #""""#, #""a b""#] { try agree(URL.self, text) }
        for text in ["12.34", "0.1", "1e-3", #""1.5""#] { try agree(Decimal.self, text) }
    }

    @Test func superDecodersReadTheSuperKey() throws {
        let derived = try JSONValue(json: Array(#"{"extra":"e","super":{"id":7}}"#.utf8)).decode(Derived.self)
        #expect(derived.extra == "e" && derived.id == 7)
    }

    @Test func errorsCarryTheCodingPath() throws {
        let value = try JSONValue(json: Array(#"{"items":[{"street":"a"},{"street":2}]}"#.utf8))
        struct Wrapper: Decodable { var items: [Address] }
        #expect {
            try value.decode(Wrapper.self)
        } throws: { error in
            guard case .typeMismatch(_, let context)? = error as? DecodingError else { return false }
            return context.codingPath.map(\.stringValue) == ["items", "Index 1", "street"]
        }
    }

    @Test func aJSONValueDecodesToItself() throws {
        let value = try JSONValue(json: Array(#"{"a":[1,2.5,"x",null,true]}"#.utf8))
        #expect(try value.decode(JSONValue.self) == value)
        #expect(try value.decode([String: JSONValue].self)["a"] == value["a"])
    }
}
