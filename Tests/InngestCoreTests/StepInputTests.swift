import Foundation
import InngestCore
import Testing

/// `step.run(_:input:_:)`: the input is reported in `opts.input` as Inngest's JS SDK does, and a
/// memo holding only `{"input": […]}` (the UI's "rerun step with new input") runs the step again
/// with that input instead of answering it from memo.
@Suite struct StepInputTests {
    private struct Order: Codable, Sendable, Equatable {
        var id: String
        var cents: Int
    }

    private let charge = StepIdentifier.hash("charge")

    private func charging(_ ran: Counter) -> FunctionDefinition {
        function { context in
            let receipt = try await context.step.run("charge", input: Order(id: "o-1", cents: 500)) { order in
                ran.hit("charge")
                return "charged \(order.id) \(order.cents)"
            }
            return .string(receipt)
        }
    }

    @Test func theInputIsReportedWithTheStep() async throws {
        let outcome = await Executor.execute(charging(Counter()), request: request(), resolver: try await emptyResolver())
        let input: JSONValue = .array([.object(["id": .string("o-1"), "cents": .integer(500)])])
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: charge, name: "charge", opts: .object(["input": input]),
                                             data: .string("charged o-1 500"))], retryAfter: nil))
        var planned = request()
        planned.immediateExecution = false
        let plan = await Executor.execute(charging(Counter()), request: planned, resolver: try await emptyResolver())
        #expect(plan == .ops([GeneratorOp(op: .stepPlanned, id: charge, name: "charge", opts: .object(["input": input]))], retryAfter: nil))
    }

    @Test(arguments: [nil, "charge"])
    func aRerunWithANewInputRunsTheBodyOnIt(target: String?) async throws {
        let ran = Counter()
        let replaced: JSONValue = .array([.object(["id": .string("o-2"), "cents": .integer(900)])])
        let memo: [String: StepMemo] = [charge: StepMemo(json: .object(["input": replaced]))]
        let outcome = await Executor.execute(charging(ran), request: request(memo: memo, target: target.map { StepIdentifier.hash($0) }),
                                             resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: charge, name: "charge", opts: .object(["input": replaced]),
                                             data: .string("charged o-2 900"))], retryAfter: nil))
        #expect(ran["charge"] == 1)
    }

    @Test func aStepWithoutDeclaredInputRunsAgainToo() async throws {
        let ran = Counter()
        let fn = function { context in
            .integer(Int64(try await context.step.run("count") { () -> Int in ran.hit("count"); return 3 }))
        }
        let memo: [String: StepMemo] = [StepIdentifier.hash("count"): .input([.integer(1)])]
        let outcome = await Executor.execute(fn, request: request(memo: memo), resolver: try await emptyResolver())
        #expect(outcome == .ops([GeneratorOp(op: .stepRun, id: StepIdentifier.hash("count"), name: "count",
                                             opts: .object(["input": .array([.integer(1)])]), data: .integer(3))], retryAfter: nil))
        #expect(ran["count"] == 1)
    }

    @Test(arguments: [JSONValue.array([.string("not an order")]), .array([]), .array([.null, .null])])
    func anInputThatDoesNotFitFailsTheStepForGood(input: JSONValue) async throws {
        let ran = Counter()
        let memo: [String: StepMemo] = [charge: StepMemo(json: .object(["input": input]))]
        let outcome = await Executor.execute(charging(ran), request: request(memo: memo), resolver: try await emptyResolver())
        guard case .ops(let ops, _) = outcome, let op = ops.first else { Issue.record("expected a step op, got \(outcome)"); return }
        #expect(op.op == .stepFailed && op.error?.name == "NonRetriableError", "\(op)")
        #expect(ran["charge"] == 0)
    }

    @Test func theMemoFormsAreReadAndWrittenAsInngestSendsThem() throws {
        #expect(StepMemo(json: .object(["input": .array([.integer(1)])])) == .input([.integer(1)]))
        #expect(StepMemo.input([.integer(1)]).jsonValue == .object(["input": .array([.integer(1)])]))
        #expect(StepMemo(json: .object(["input": .integer(1)])) == .value(.object(["input": .integer(1)])), "only an array is an input")
        #expect(StepMemo(json: .object(["input": .array([]), "data": .null])) == .value(.object(["input": .array([]), "data": .null])))
    }
}
