import Foundation
import Inngest
import InngestTesting
import Testing

/// `concurrency`: steps beyond the limit wait (none is dropped); a sleeping run holds no slot; a
/// slot held by a run interrupted by a crash is released at the next start.
@Suite struct ConcurrencyTests {
    struct Limited: InngestFunction {
        static let id = "limited"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(concurrency: .limit(2, key: \Keyed.key))
        let gauge: Gauge
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("one") { await gauge.measure(key: event.key) }
            try await context.step.run("two") { await gauge.measure(key: event.key) }
            journal.add("done \(event.key) \(event.n)")
        }
    }

    @Test func twentyEventsOfOneKeyNeverHaveMoreThanTwoStepsExecuting() async throws {
        let gauge = Gauge()
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: Limited(gauge: gauge, journal: journal))])
        for n in 0..<20 { try await app.send(Keyed(key: "acme", n: n)) }
        try await app.runUntilIdle()
        #expect(gauge.most(of: "acme") <= 2)
        #expect(gauge.most == 2)
        #expect(journal.all.count == 20)
        #expect(try await app.runs().allSatisfy { $0.status == .completed })
    }

    @Test func eachKeyHasItsOwnLimit() async throws {
        let gauge = Gauge()
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: Limited(gauge: gauge, journal: journal))])
        for n in 0..<12 { try await app.send(Keyed(key: n % 3 == 0 ? "a" : n % 3 == 1 ? "b" : "c", n: n)) }
        try await app.runUntilIdle()
        #expect(["a", "b", "c"].allSatisfy { gauge.most(of: $0) <= 2 })
        #expect(gauge.most >= 3)
        #expect(journal.all.count == 12)
    }

    struct Fanned: InngestFunction {
        static let id = "fanned"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(concurrency: .limit(2, key: \Keyed.key))
        let gauge: Gauge
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            async let a: Void = context.step.run("a") { await gauge.measure(key: event.key) }
            async let b: Void = context.step.run("b") { await gauge.measure(key: event.key) }
            async let c: Void = context.step.run("c") { await gauge.measure(key: event.key) }
            _ = try await (a, b, c)
            journal.add("done \(event.n)")
        }
    }

    @Test func parallelStepsTakeASlotEach() async throws {
        let gauge = Gauge()
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self,
                                                functions: [FunctionDefinition(handler: Fanned(gauge: gauge, journal: journal))])
        for n in 0..<4 { try await app.send(Keyed(key: "acme", n: n)) }
        try await app.runUntilIdle()
        #expect(gauge.most(of: "acme") == 2)
        #expect(journal.all.count == 4)
    }

    struct Sleeper: InngestFunction {
        static let id = "sleeper"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(concurrency: 1)
        let journal: Journal

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("start") { journal.add("start \(event.n)") }
            if event.n == 0 { try await context.step.sleep("nap", for: .minutes(5)) }
            try await context.step.run("end") { journal.add("end \(event.n)") }
        }
    }

    @Test func aSleepingRunHoldsNoSlot() async throws {
        let journal = Journal()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Sleeper(journal: journal))])
        try await app.send(Keyed(key: "k", n: 0))
        try await app.runUntilIdle()
        try await app.send(Keyed(key: "k", n: 1))
        try await app.runUntilIdle()
        #expect(journal.all == ["start 0", "start 1", "end 1"])
        try await app.advance(by: .minutes(5))
        #expect(journal.all == ["start 0", "start 1", "end 1", "end 0"])
    }

    struct Blocking: InngestFunction {
        static let id = "blocking"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(concurrency: 1)
        let journal: Journal
        let entered: Latch
        let never: Latch

        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("work \(event.n)") {
                journal.add("work \(event.n)")
                entered.open()
                await never.wait()
            }
        }
    }

    @Test func aSlotHeldByAnInterruptedRunIsReleasedAtTheNextStart() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let entered = Latch()
        let never = Latch()
        let first = try await makeEngine(path: path, clock: clock, functions: [
            FunctionDefinition(handler: Blocking(journal: journal, entered: entered, never: never)),
        ])
        try await first.start(runLoop: false)
        _ = try await first.send([try InngestEvent(Keyed(key: "k", n: 0)), try InngestEvent(Keyed(key: "k", n: 1))])
        let stuck = Task { try await first.runUntilIdle() }
        await entered.wait()
        // The first engine "dies" with run 0 executing and run 1 parked behind its slot; its lease expires.
        clock.advance(by: .seconds(31))
        let open = Latch()
        open.open()
        let second = try await makeEngine(path: path, clock: clock, functions: [
            FunctionDefinition(handler: Blocking(journal: journal, entered: Latch(), never: open)),
        ])
        #expect(try await second.start(runLoop: false) == 1)
        try await second.runUntilIdle()
        #expect(try await second.runs().allSatisfy { $0.status == .completed })
        #expect(journal.count("work 1") == 1)
        never.open()
        _ = try? await stuck.value
    }

    @Test func theInspectorSaysWhyARunWaits() async throws {
        let path = temporaryDatabase()
        let clock = ManualClock()
        let journal = Journal()
        let entered = Latch()
        let never = Latch()
        let engine = try await makeEngine(path: path, clock: clock, functions: [
            FunctionDefinition(handler: Blocking(journal: journal, entered: entered, never: never)),
        ])
        try await engine.start(runLoop: false)
        _ = try await engine.send([try InngestEvent(Keyed(key: "k", n: 0)), try InngestEvent(Keyed(key: "k", n: 1))])
        let running = Task { try await engine.runUntilIdle() }
        await entered.wait()
        let inspector = try EngineInspector(databasePath: path, clock: clock)
        let waiting = try await inspector.runs(status: .queued)
        #expect(waiting.count == 1)
        #expect(waiting.first?.waitingFor?.contains("concurrency: 1 of 1 slots") == true)
        never.open()
        try await running.value
        try await engine.runUntilIdle()
        #expect(try await engine.runs().allSatisfy { $0.status == .completed && $0.waitingFor == nil })
    }
}

/// Limits shared by key across functions, and options refused at boot.
@Suite struct SharedConcurrencyTests {
    struct First: InngestFunction {
        static let id = "first"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(concurrency: .limit(1, key: "\"crm\"", scope: .account))
        let gauge: Gauge
        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("call") { await gauge.measure(until: 2) }
        }
    }

    struct Second: InngestFunction {
        static let id = "second"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(concurrency: .limit(1, key: "\"crm\"", scope: .account))
        let gauge: Gauge
        func handle(_ event: Keyed, context: Context) async throws {
            try await context.step.run("call") { await gauge.measure(until: 2) }
        }
    }

    @Test func anAccountKeyIsSharedByEveryFunctionThatUsesIt() async throws {
        let gauge = Gauge()
        let app = try await InngestTestApp.boot(EmptyTestModule.self, functions: [
            FunctionDefinition(handler: First(gauge: gauge)), FunctionDefinition(handler: Second(gauge: gauge)),
        ])
        for n in 0..<4 { try await app.send(Keyed(key: "", n: n)) }
        try await app.runUntilIdle()
        #expect(gauge.most == 1)
        #expect(try await app.runs().filter { $0.status == .completed }.count == 8)
    }

    struct Bad: InngestFunction {
        static let id = "bad"
        static let trigger = Trigger.event(Keyed.self)
        static let options = FunctionOptions(concurrency: .limit(2, key: "data.customerId"))
        func handle(_ event: Keyed, context: Context) async throws {}
    }

    struct Clash: InngestFunction {
        static let id = "clash"
        static let trigger = Trigger<[Keyed]>.event(Keyed.self)
        static let options = FunctionOptions(debounce: .period(.seconds(5)), batchEvents: .maxSize(10, timeout: .seconds(5)))
        func handle(_ events: [Keyed], context: Context) async throws {}
    }

    @Test func optionsThatInngestWouldRefuseFailTheBoot() async throws {
        let unknown = await #expect(throws: EngineError.self) {
            _ = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Bad())])
        }
        #expect(unknown?.code == .invalidOptions || unknown?.code == .invalidExpression)
        #expect(unknown?.description.contains("data.customerId") == true)
        let clash = await #expect(throws: EngineError.self) {
            _ = try await InngestTestApp.boot(EmptyTestModule.self, functions: [FunctionDefinition(handler: Clash())])
        }
        #expect(clash?.code == .invalidOptions)
        #expect(clash?.description.contains("debounce") == true)
    }
}
