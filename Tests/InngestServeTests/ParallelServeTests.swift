import Foundation
import InngestCore
import InngestServe
import Testing

/// Parallel steps over the serve protocol, byte for byte: one response plans every branch, the
/// server calls back for each (`stepId=<hash>`), and once both are recorded the handler returns.
@Suite struct ParallelServeTests {
    private let left = StepIdentifier.hash("left")
    private let right = StepIdentifier.hash("right")

    private func parallel(_ ran: Counter) -> FunctionDefinition {
        function("fn") { context in
            async let left = context.step.run("left") { ran.hit("left"); return "L" }
            async let right = context.step.run("right") { ran.hit("right"); return "R" }
            return .string(try await [left, right].joined())
        }
    }

    @Test func parallelRunsArePlannedThenRunOneCallEach() async throws {
        let ran = Counter()
        let serve = try await handler([parallel(ran)], try configuration(.dev))

        let plan = await serve.handle(try post(body: executionBody()))
        #expect(plan.status == 206)
        #expect(plan.bodyText == #"[{"data":null,"displayName":"left","id":"\#(left)","name":"left","op":"StepPlanned"},"#
                + #"{"data":null,"displayName":"right","id":"\#(right)","name":"right","op":"StepPlanned"}]"#)
        #expect(ran["left"] == 0 && ran["right"] == 0)

        // The server runs the planned steps concurrently, each call without the other's result.
        let runRight = await serve.handle(try post(stepId: right, body: executionBody(disableImmediate: true)))
        #expect(runRight.status == 206)
        #expect(runRight.bodyText == #"[{"data":"R","displayName":"right","id":"\#(right)","name":"right","op":"StepRun"}]"#)
        let runLeft = await serve.handle(try post(stepId: left, body: executionBody(disableImmediate: true)))
        #expect(runLeft.bodyText == #"[{"data":"L","displayName":"left","id":"\#(left)","name":"left","op":"StepRun"}]"#)
        #expect(ran["left"] == 1 && ran["right"] == 1)

        let done = await serve.handle(try post(body: executionBody(steps: [left: .object(["data": .string("L")]),
                                                                        right: .object(["data": .string("R")])])))
        #expect(done.status == 200 && done.bodyText == #""LR""#)
        #expect(ran["left"] == 1 && ran["right"] == 1)
    }

    @Test func disabledImmediateExecutionPlansEvenOneStep() async throws {
        let ran = Counter()
        let serve = try await handler([function("fn") { context in
            .string(try await context.step.run("only") { ran.hit("only"); return "x" })
        }], try configuration(.dev))
        let plan = await serve.handle(try post(body: executionBody(disableImmediate: true)))
        #expect(plan.bodyText == #"[{"data":null,"displayName":"only","id":"\#(StepIdentifier.hash("only"))","name":"only","op":"StepPlanned"}]"#)
        #expect(ran["only"] == 0)
    }

    @Test func aRerunWithANewInputRunsTheStepOnIt() async throws {
        let serve = try await handler([function("fn") { context in
            .integer(Int64(try await context.step.run("double", input: 21) { $0 * 2 }))
        }], try configuration(.dev))
        let hash = StepIdentifier.hash("double")
        let first = await serve.handle(try post(body: executionBody()))
        #expect(first.bodyText == #"[{"data":42,"displayName":"double","id":"\#(hash)","name":"double","op":"StepRun","opts":{"input":[21]}}]"#)
        // Inngest reruns from the step by targeting it with its new input in the memo.
        let rerun = await serve.handle(try post(stepId: hash, body: executionBody(steps: [hash: .object(["input": .array([.integer(50)])])])))
        #expect(rerun.status == 206)
        #expect(rerun.bodyText == #"[{"data":100,"displayName":"double","id":"\#(hash)","name":"double","op":"StepRun","opts":{"input":[50]}}]"#)
        let done = await serve.handle(try post(body: executionBody(steps: [hash: .object(["data": .integer(100)])])))
        #expect(done.status == 200 && done.bodyText == "100")
    }
}
