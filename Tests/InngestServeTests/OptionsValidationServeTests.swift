import Foundation
import InngestCore
import InngestDI
import InngestServe
import Synchronization
import Testing

/// Functions whose options Inngest would refuse or misread are caught before anything is
/// registered: `InngestServeHandler.validate(_:)` throws at boot, and a handler created anyway says
/// so in its log at once and refuses every sync.
@Suite struct OptionsValidationServeTests {
    private let ping = Array(#"{"url":"https://app.example.com/api/inngest"}"#.utf8)

    private func misconfigured() -> [FunctionDefinition] {
        [
            FunctionDefinition(id: "index", trigger: .event(name: "shop/product.updated"),
                               options: FunctionOptions(batchEvents: .maxSize(150, timeout: .seconds(5)))) { _, _ in .null },
            FunctionDefinition(id: "sync", trigger: .event(name: "shop/sync"),
                               options: FunctionOptions(concurrency: .limit(0, key: "evnt.data.id"))) { _, _ in .null },
        ]
    }

    @Test func validateThrowsAConfigurationErrorListingEveryProblem() throws {
        let error = try #require(throws: ServeConfigurationError.self) { try InngestServeHandler.validate(misconfigured()) }
        let lines = error.description.split(separator: "\n").map(String.init)
        #expect(lines.first == "3 function options are invalid; fix the options before syncing:")
        #expect(lines.contains(#"function "index": batchEvents.maxSize is 150; it must be 1 … 100"#))
        #expect(lines.contains(#"function "sync": concurrency.limit is 0; it must be at least 1"#))
        #expect(lines.contains { $0.hasPrefix(#"function "sync": concurrency.key "evnt.data.id" is not an expression Inngest accepts"#) })
    }

    @Test func validFunctionsPass() throws {
        try InngestServeHandler.validate(RegisterPayloadTests.sampleFunctions + [
            FunctionDefinition(id: "index", trigger: .event(name: "shop/product.updated"),
                               options: FunctionOptions(batchEvents: .maxSize(100, timeout: .seconds(5), key: "event.data.storeId"))) { _, _ in .null },
        ])
    }

    @Test func aMisconfiguredHandlerLogsAtCreationAndRefusesToSync() async throws {
        let logged = Mutex<[String]>([])
        let resolver = try await Container.boot(EmptyModule.self).rootResolver
        let serve = InngestServeHandler(functions: misconfigured(), configuration: try ServeConfiguration(appId: "my-app", mode: .dev),
                                        resolver: { _ in resolver }, events: nil,
                                        logger: InngestLogger(sink: { level, message, _ in
                                            if level == .error { logged.withLock { $0.append(message) } }
                                        }), clock: FixedClock(date: fixedNow), requestTimeout: generousTimeout)
        #expect(logged.withLock { $0.count } == 1)
        #expect(logged.withLock { $0.first?.contains(#"function "index": batchEvents.maxSize is 150"#) } == true)

        for headers: ServeHeaders in [["X-Inngest-Sync-Kind": "in_band"], [:]] {
            let response = await serve.handle(ServeRequest(method: "PUT", target: "/api/inngest", headers: headers, body: ping))
            #expect(response.status == 500)
            let json = try JSONValue(json: response.body)
            #expect(json["code"] == .string("invalid_function_options"))
            #expect(json["message"]?.stringValue?.contains(#"function "sync": concurrency.limit is 0"#) == true)
            #expect(!response.bodyText.contains("\"functions\""), "nothing is registered")
        }
    }
}
