import Testing

@testable import InngestCodegen

/// Every step tool call is recorded with its literal id, its type and member, and the loops and
/// branch arms around it; `send(…)` calls with the names in their arguments.
@Suite struct StepCallPlacementTests {
    @Test func everyToolIsRecordedWithItsLiteralIdTypeAndMember() throws {
        let file = ScanFixtures.scan("""
            struct F {
                func handle(_ e: E, context: Context) async throws {
                    try await context.step.run("charge") { 1 }
                    try await context.step.sleep("nap", for: .seconds(1))
                    _ = try await context.step.waitForEvent("w", A.self, timeout: .hours(1))
                    _ = try await context.step.invoke("i", G.self, with: e)
                    try await context.step.sendEvent("s", Done(id: e.id))
                    try await context.step.run("n-\\(e.id)") { 2 }
                    try await context.step.run(name) { 3 }
                    try await runner.run("not-a-step") { 4 }
                    // try await context.step.run("in-a-comment") { 5 }
                    let text = "context.step.run(\\"in-a-string\\")"
                }
            }
            extension F {
                var helper: Int { get async throws { try await step.run("from-a-property") { 6 } } }
            }
            """)
        #expect(file.stepCalls.map(\.name) == ["run", "sleep", "waitForEvent", "invoke", "sendEvent", "run", "run", "run"])
        #expect(file.stepCalls.map(\.literalId) == ["charge", "nap", "w", "i", "s", nil, nil, "from-a-property"])
        #expect(file.stepCalls.map(\.memberName) == Array(repeating: "handle", count: 7) + ["helper"])
        #expect(file.stepCalls.allSatisfy { $0.typeName == "F" })
        #expect(file.stepCalls[0].location == SourceLocation(file: "Test.swift", line: 3, column: 32))
        #expect(file.stepCalls[0].idLocation == SourceLocation(file: "Test.swift", line: 3, column: 36))
        #expect(!file.stepCalls.contains { $0.isInLoop })
    }

    @Test func loopsAreForWhileRepeatAndClosuresOfLoopFunctions() throws {
        let file = ScanFixtures.scan("""
            struct F {
                func handle(_ items: [Item], context: Context) async throws {
                    try await context.step.run("before") { 0 }
                    for item in items { try await context.step.run("for") { item } }
                    while more { try await context.step.run("while") { 1 } }
                    repeat {
                        try await context.step.run("repeat") { 2 }
                    } while more
                    try await context.step.run("after-repeat") { 3 }
                    items.forEach { item in Task { try await context.step.run("forEach") { item } } }
                    _ = items.reduce(0) { sum, item in sum + (try? await context.step.run("reduce") { 1 }) }
                    _ = items.map({ item in context.step.run("map") { item } })
                    let once = { try await context.step.run("closure") { 4 } }
                    if items.contains(where: { $0.ok }) { try await context.step.run("if-after-closure") { 5 } }
                    for try await event in stream {
                        func nested() async throws { try await context.step.run("nested-in-loop") { 6 } }
                    }
                }
            }
            """)
        let inLoop = Dictionary(uniqueKeysWithValues: file.stepCalls.map { ($0.literalId ?? "", $0.isInLoop) })
        #expect(inLoop == [
            "before": false, "for": true, "while": true, "repeat": true, "after-repeat": false, "forEach": true,
            "reduce": true, "map": true, "closure": false, "if-after-closure": false, "nested-in-loop": true,
        ])
    }

    @Test func armsOfIfElseSwitchAndConditionalCompilationAreKnown() throws {
        let file = ScanFixtures.scan("""
            struct F {
                func handle(_ e: E, context: Context) async throws {
                    if e.big {
                        try await context.step.run("a") { 1 }
                    } else if e.small {
                        try await context.step.run("b") { 2 }
                    } else {
                        try await context.step.run("c") { 3 }
                    }
                    switch e.kind {
                    case .x:
                        try await context.step.run("d") { 4 }
                    case .y, .z:
                        if case .y = e.kind { try await context.step.run("e") { 5 } }
                    @unknown default:
                        try await context.step.run("f") { 6 }
                    }
                    #if DEBUG
                    try await context.step.run("g") { 7 }
                    #else
                    try await context.step.run("h") { 8 }
                    #endif
                    guard e.ok else { return }
                    try await context.step.run("i") { 9 }
                }
            }
            """)
        let calls = Dictionary(uniqueKeysWithValues: file.stepCalls.map { ($0.literalId ?? "", $0) })
        func exclusive(_ a: String, _ b: String) -> Bool { calls[a]!.excludes(calls[b]!) }
        #expect(exclusive("a", "b") && exclusive("a", "c") && exclusive("b", "c"))
        #expect(exclusive("d", "e") && exclusive("d", "f") && exclusive("e", "f"))
        #expect(exclusive("g", "h"))
        #expect(!exclusive("a", "d") && !exclusive("c", "i") && !exclusive("g", "i") && !exclusive("f", "g"))
        #expect(file.stepCalls.map(\.literalId).count == 9)
    }

    @Test func separateIfStatementsAreNotArmsOfOneBranch() throws {
        let file = ScanFixtures.scan("""
            struct F {
                func handle(_ e: E, context: Context) async throws {
                    if e.a { try await context.step.run("x") { 1 } }
                    if e.b { try await context.step.run("x") { 2 } } else { print("no") }
                }
            }
            """)
        #expect(file.stepCalls.count == 2)
        #expect(!file.stepCalls[0].excludes(file.stepCalls[1]))
        #expect(file.stepCalls[0].bodyOffset == file.stepCalls[1].bodyOffset)
    }

    @Test func sendsKeepTheCasesAndTypesTheirArgumentsName() throws {
        let file = ScanFixtures.scan("""
            final class Shop {
                func checkout(app: InngestApp, order: Order) async throws {
                    try await app.send(.orderPlaced(OrderPlaced(orderId: order.id)))
                    try await app.send([Shop.Refunded(id: order.id, at: Date()), .init(x: 1)])
                    try await client.sendEvent(event)
                    try await order.items.map { $0.send(x) }
                }
            }
            """)
        #expect(file.sends.map(\.caseNames) == [["orderPlaced"], [], [], []])
        #expect(file.sends.map(\.typeNames) == [["OrderPlaced"], ["Shop.Refunded", "Date"], [], []])
        #expect(file.sends.map(\.memberName) == ["checkout", "checkout", "checkout", "checkout"])
        #expect(file.sends.first?.location == SourceLocation(file: "Test.swift", line: 3, column: 23))
        #expect(file.stepCalls.isEmpty, "a sendEvent that is not step.sendEvent is no step")
    }

    @Test func randomBodiesNeverTrap() {
        let pieces = [
            "context.step.run(\"a\") ", "step.sleep(x, ", "send(.a(", "Send(", "for x in y ", "while ", "repeat ", "if ", "else ",
            "switch ", "case .a:", "default:", "guard ", "{", "}", "(", ")", "[", "]", "\n#if A\n", "\n#else\n", "\n#endif\n",
            "map ", "reduce(0) ", ".forEach(", ",", ";", "\"s\"", "// c\n", "x", ".",
        ]
        var random = ScanFixtures.PRNG(seed: 17)
        for _ in 0..<400 {
            var body = "struct F { func handle(context: Context) async throws {"
            for _ in 0..<Int(random.next() % 60) { body += pieces[Int(random.next() % UInt64(pieces.count))] }
            let file = ScanFixtures.scan(body + "}}")
            #expect(file.stepCalls.allSatisfy { $0.branches.allSatisfy { $0.arm >= 0 } })
        }
    }

    @Test func extensionsAndNestedTypesNameTheirType() throws {
        let file = ScanFixtures.scan("""
            enum Outer {
                struct Inner {
                    func handle(context: Context) async throws { try await context.step.run("a") { 1 } }
                }
            }
            extension Outer.Inner {
                func more(context: Context) async throws { try await context.step.run("b") { 2 } }
            }
            func free(step: Step) async throws { try await step.run("c") { 3 } }
            """)
        #expect(file.stepCalls.map(\.typeName) == ["Outer.Inner", "Outer.Inner", nil])
        #expect(file.stepCalls.map(\.memberName) == ["handle", "more", "free"])
    }
}
