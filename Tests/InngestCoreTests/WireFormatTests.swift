import Foundation
import InngestCore
import Testing

@Suite struct WireFormatTests {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func stepRunOpIsCompactWithData() throws {
        let op = GeneratorOp(op: .stepRun, id: StepIdentifier.hash("first step"), name: "first step",
                             data: .object(["first": .string("first step"), "second": .bool(true)]))
        #expect(try json(op) == #"{"data":{"first":"first step","second":true},"displayName":"first step","id":"98bf98df193bcce7c33e6bc50927cf2ac21206cb","name":"first step","op":"StepRun"}"#)
    }

    @Test func sleepOpCarriesDataNull() throws {
        let op = GeneratorOp(op: .sleep, id: StepIdentifier.hash("sleep"), name: "sleep", opts: .object(["duration": .string("2s")]))
        #expect(try json(op) == #"{"data":null,"displayName":"sleep","id":"c3ca5f787365eae0dea86250e27d476406956478","name":"sleep","op":"Sleep","opts":{"duration":"2s"}}"#)
    }

    @Test func memoFormatsDecodeAsInngestSendsThem() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(StepMemo.self, from: Data(#"{"data":{"x":1}}"#.utf8)) == .data(.object(["x": .integer(1)])))
        #expect(try decoder.decode(StepMemo.self, from: Data(#"{"error":{"name":"E","message":"m"}}"#.utf8))
                == .error(SerializedError(name: "E", message: "m")))
        #expect(try decoder.decode(StepMemo.self, from: Data("null".utf8)) == .value(.null))
        #expect(try decoder.decode(StepMemo.self, from: Data(#"{"name":"e","data":{}}"#.utf8))
                == .value(.object(["name": .string("e"), "data": .object([:])])))
    }

    @Test func eventEnvelopeOmitsUnsetFields() throws {
        #expect(try json(InngestEvent(name: "a/b", data: .object(["k": .string("v")]))) == #"{"data":{"k":"v"},"name":"a/b"}"#)
    }

    @Test(arguments: [
        ("", "event name is empty"),
        (String(repeating: "x", count: 256), "longer than 255"),
    ])
    func invalidEventsAreRejected(name: String, message: String) {
        #expect { try InngestEvent(name: name).validate() } throws: { "\($0)".contains(message) }
    }

    @Test func oversizedEventsAreRejected() {
        let big = InngestEvent(name: "a/b", data: .object(["blob": .string(String(repeating: "x", count: 600_000))]))
        #expect { try big.validate() } throws: { "\($0)".contains("Inngest accepts at most 524288") }
        let fits = InngestEvent(name: "a/b", data: .object(["blob": .string(String(repeating: "x", count: 500_000))]))
        #expect(throws: Never.self) { try fits.validate() }
    }

    @Test func nonObjectDataIsRejected() {
        #expect { try InngestEvent(name: "a/b", data: .array([])).validate() } throws: { "\($0)".contains("must be a JSON object") }
    }

    @Test(arguments: ["", "{", "[1,", "nul", "\"unterminated", "{\"a\":}", "\u{0}"])
    func malformedJSONIsAnError(text: String) {
        #expect(throws: (any Error).self) { try JSONValue(json: Data(text.utf8)) }
    }

    @Test func deeplyNestedJSONDoesNotCrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        _ = try? JSONValue(json: Data(text.utf8))
    }

    @Test func payloadsRoundTripThroughJSONValue() throws {
        struct Order: Codable, Equatable { var id: String; var cents: Int64; var tags: [String]; var note: String? }
        let order = Order(id: "o-1", cents: 9_007_199_254_740_993, tags: ["a", "b"], note: nil)
        #expect(try JSONValue(encoding: order).decode(Order.self) == order)
    }

    @Test func undecodablePayloadNamesTheEventAndType() {
        struct Order: Decodable { var id: String }
        let event = InngestEvent(name: "shop/order", data: .object(["id": .integer(3)]))
        #expect { try event.payload(as: Order.self) } throws: { "\($0)".contains("event shop/order does not decode into Order") }
    }
}
