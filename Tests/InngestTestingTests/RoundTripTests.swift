import Inngest
import InngestTesting
import Testing

@Suite struct RoundTripTests {
    @Test func aResultWhoseCodableDoesNotReadBackFailsTheRunSayingSo() async throws {
        let app = try await InngestTestApp.boot(function: ReturnsLossy())
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .failed)
        let message = try #require(run.error?.message)
        #expect(message.contains("would not survive Inngest's memo"))
        #expect(message.contains("\"v5\""))
        #expect(message.contains("Lossy"))
    }

    @Test func aResultJSONCannotHoldFailsEachAttemptAsInProduction() async throws {
        let app = try await InngestTestApp.boot(function: ReturnsNaN())
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .failed)
        let ratio = try #require(run.step(named: "ratio"))
        #expect(ratio.attempts.count == FunctionOptions().maxAttempts)
        #expect(ratio.attempts.allSatisfy { $0.error?.message.contains("Unable to encode Double") == true })
    }

    @Test func aMockedResultJSONCannotHoldFailsTheStepForGood() async throws {
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [
            FunctionDefinition(id: "raw", trigger: .event(name: OrderPlaced.name)) { _, context in
                _ = try await context.step.run("deep") { 1 }
                return .null
            },
        ], steps: [.step(named: "deep", returning: Self.nested(JSONValue.maximumPayloadDepth + 2))])
        let run = try await app.run(OrderPlaced(orderId: "o-1", total: 5))
        #expect(run.status == .failed)
        let deep = try #require(run.step(named: "deep"))
        #expect(deep.attempts.count == 1)
        #expect(deep.error?.message.contains("would not survive Inngest's memo") == true)
    }

    static func nested(_ depth: Int) -> JSONValue {
        (0..<depth).reduce(JSONValue.integer(1)) { inner, _ in .array([inner]) }
    }
}
