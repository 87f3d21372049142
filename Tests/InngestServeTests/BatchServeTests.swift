import Foundation
import InngestCore
import InngestDI
import InngestServe
import Testing

/// A batched run over the serve protocol: Inngest's server sends the whole batch in `events` (and
/// its first event in `event`); `ctx.attempt` and `ctx.max_attempts` are those of the run's queue
/// item, as for any run (protocol doc §5.2): batching changes only the events.
@Suite struct BatchServeTests {
    private struct Updated: Event {
        static let name = "shop/product.updated"
        var sku: String
    }

    private struct IndexProducts: InngestFunction {
        static let id = "index-products"
        static let trigger = Trigger<[Updated]>.event(Updated.self)
        static let options = FunctionOptions(batchEvents: .maxSize(10, timeout: .seconds(5)))
        func handle(_ updates: [Updated], context: Context) async throws -> [String] {
            // The typed batch, the untyped one (`Context.events`, ids), and the attempt.
            updates.map(\.sku) + context.events.map { $0.id ?? "?" } + ["attempt \(context.attempt)"]
        }
    }

    private func event(_ sku: String, id: String) -> JSONValue {
        .object(["name": .string(Updated.name), "data": .object(["sku": .string(sku)]), "id": .string(id),
                 "ts": .integer(1_700_000_000_000), "user": .object([:])])
    }

    private func serve() async throws -> InngestServeHandler {
        let functions = [FunctionDefinition(IndexProducts.self) { _ in IndexProducts() }]
        let container = try await Container.boot(EmptyModule.self, rootProviders: functions.compactMap(\.handlerProvider))
        return InngestServeHandler(functions: functions, configuration: try configuration(.dev), resolver: { _ in container.rootResolver },
                                   events: nil, logger: InngestLogger(sink: InngestLogger.discard), clock: FixedClock(date: fixedNow),
                                   requestTimeout: generousTimeout)
    }

    private func call(_ events: [JSONValue], attempt: Int = 0, maxAttempts: Int = 5) -> [UInt8] {
        let body = JSONValue.object([
            "event": events[0],
            "events": .array(events),
            "steps": .object([:]),
            "ctx": .object([
                "fn_id": .string("6a1c0000-0000-0000-0000-000000000000"), "run_id": .string("01RUN"), "env": .string(""),
                "step_id": .string("step"), "attempt": .integer(Int64(attempt)), "max_attempts": .integer(Int64(maxAttempts)),
                "stack": .object(["stack": .array([]), "current": .integer(0)]),
                "disable_immediate_execution": .bool(false), "use_api": .bool(false),
            ]),
            "version": .integer(2),
            "use_api": .bool(false),
        ])
        return Array(body.jsonData)
    }

    @Test func anArrayPayloadReceivesEveryEventOfTheBatch() async throws {
        let serve = try await serve()
        let body = call([event("a-1", id: "01E1"), event("b-2", id: "01E2"), event("c-3", id: "01E3")], attempt: 1, maxAttempts: 4)
        let response = await serve.handle(try post(fnId: "app-index-products", body: body))
        #expect(response.status == 200)
        #expect(response.bodyText == #"["a-1","b-2","c-3","01E1","01E2","01E3","attempt 1"]"#)
    }

    @Test func aBatchOfOneIsAnArrayOfOne() async throws {
        let serve = try await serve()
        let response = await serve.handle(try post(fnId: "app-index-products", body: call([event("a-1", id: "01E1")])))
        #expect(response.status == 200)
        #expect(response.bodyText == #"["a-1","01E1","attempt 0"]"#)
    }
}
