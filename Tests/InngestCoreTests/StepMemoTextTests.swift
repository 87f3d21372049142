@testable import InngestCore
import Testing

/// A memo read from its text is what reading the whole JSON gives, whichever path reads it: the
/// compact `{"data":…}` the engine writes skips building the object, anything else is parsed whole,
/// and bad text fails with the parser's error.
@Suite struct StepMemoTextTests {
    @Test(arguments: [
        #"{"data":1}"#, #"{"data":"x"}"#, #"{"data":null}"#, #"{"data":{"a":[1,2,{"b":true}]}}"#, #"{"data":[]}"#,
        #"{ "data": 1 }"#, #"{"data":1,"x":2}"#, #"{"x":2,"data":1}"#, #"{"error":{"name":"E","message":"m"}}"#,
        #"{"input":[1]}"#, "null", "7", #""text""#, #"{"data":"}"}"#, #"{"data":"\u0000"}"#,
    ])
    func readsAsTheWholeParseDoes(text: String) throws {
        #expect(try StepMemo(jsonText: text) == StepMemo(json: try JSONValue(json: text.utf8)))
    }

    @Test(arguments: [
        #"{"data":}"#, #"{"data":1"#, #"{"data":1}}"#, #"{"data":1,"data":2}"#, #"{"data":01}"#, #"{"data":"#, "", #"{"data":[}"#,
    ])
    func refusesWhatTheWholeParseRefuses(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(json: text.utf8) }
        #expect(throws: JSONSyntaxError.self) { try StepMemo(jsonText: text) }
    }

    @Test func theDepthLimitCountsTheObjectAroundTheValue() throws {
        let deep = #"{"data":"# + String(repeating: "[", count: 3) + String(repeating: "]", count: 3) + "}"
        #expect(throws: JSONSyntaxError.self) { try JSONValue(json: deep.utf8, maximumDepth: 3) }
        #expect(throws: JSONSyntaxError.self) { try StepMemo(jsonText: deep, maximumDepth: 3) }
        #expect(try StepMemo(jsonText: deep, maximumDepth: 4) == .data(.array([.array([.array([])])])))
    }
}
