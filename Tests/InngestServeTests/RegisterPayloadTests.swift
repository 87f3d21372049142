import Foundation
import InngestCore
import InngestServe
import Testing

@Suite struct RegisterPayloadTests {
    static let sampleFunctions = [
        FunctionDefinition(id: "send-email", name: "Send email", trigger: .event(name: "user/signup"),
                           options: FunctionOptions(retries: 3)) { _, _ in .null },
        FunctionDefinition(id: "nightly-report", trigger: .cron("TZ=Europe/Paris 0 9 * * 1")) { _, _ in .null },
    ]

    static func golden(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
        return try Data(contentsOf: url)
    }

    @Test func payloadMatchesTheGoldenFile() throws {
        let payload = RegisterPayload(appId: "my-app", url: "https://app.example.com/api/inngest", functions: Self.sampleFunctions)
        let expected = try Self.golden("register-payload.json")
        #expect(String(decoding: payload.jsonData, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func payloadNeverContainsNull() throws {
        let payload = RegisterPayload(appId: "my-app", url: "https://app.example.com/api/inngest", functions: Self.sampleFunctions)
        #expect(!String(decoding: payload.jsonData, as: UTF8.self).contains("null"))
    }

    @Test func stepURLEncodesTheFunctionId() {
        #expect(RegisterPayload.stepURL(serveURL: "http://h/api/inngest", compositeId: "my app-fn&x")
                == "http://h/api/inngest?fnId=my%20app-fn%26x&stepId=step")
        #expect(RegisterPayload.stepURL(serveURL: "http://h/api?x=1", compositeId: "a-b") == "http://h/api?x=1&fnId=a-b&stepId=step")
    }
}
