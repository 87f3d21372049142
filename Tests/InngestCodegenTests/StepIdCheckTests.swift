import Testing

@testable import InngestCodegen

/// Repeated literal step ids in one handler body are errors at the second; literal ids in loops
/// are warnings; dynamic ids, comments, strings and exclusive branches are left alone.
@Suite struct StepIdCheckTests {
    static let prelude = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String; var items: [String] }
        // @inngest.module()
        struct M {}

        """

    /// Every diagnostic for `source` after the prelude (which takes 4 lines).
    static func lines(_ source: String) -> [String] {
        generate(["A.swift": prelude + source]).diagnostics.map(\.description)
    }

    static let duplicate = "is already used at"
    static let loop = "is inside a loop"

    @Test func aRepeatedIdIsAnErrorAtTheSecondNamingTheFirst() throws {
        let lines = Self.lines("""
            // @inngest.function(id: "f", event: "shop/order.placed")
            struct F {
                func handle(_ order: OrderPlaced, context: Context) async throws {
                    try await context.step.run("charge") { 1 }
                    try await context.step.sleep("settle", for: .seconds(5))
                    try await context.step.run("charge") { 2 }
                }
            }
            """)
        #expect(lines == [
            #"A.swift:10:36: error: step id "charge" is already used at 8:36 in this handler: when both run, this one is recorded as "#
                + #""charge:1" (a repeated id is numbered in the order the calls are reached, in the embedded engine and served to Inngest "#
                + "alike), so when a later attempt reaches them in another order (a branch taken differently, parallel steps, code changed "
                + "while runs are in flight) each is handed the other's memoized result; give this step an id of its own",
        ])
    }

    @Test func everyToolClaimsIdsAndAThirdRepeatNamesTheFirst() {
        let lines = Self.lines("""
            final class Jobs: Sendable {
                init() {}
                // @inngest.function(id: "m", event: "shop/order.placed")
                func method(_ order: OrderPlaced, context: Context) async throws {
                    try await context.step.sleep("x", for: .seconds(1))
                    _ = try await context.step.waitForEvent("x", event: "shop/order.placed", timeout: .hours(1))
                    try await context.step.sendEvent("x", OrderPlaced(orderId: "o", items: []))
                }
            }
            """).filter { $0.contains(Self.duplicate) }
        #expect(lines.map { String($0.prefix(while: { $0 != " " })) } == ["A.swift:10:49:", "A.swift:11:42:"])
        #expect(lines.allSatisfy { $0.contains("already used at 9:38") })
    }

    @Test func decoysAreNotReported() {
        let lines = Self.lines("""
            // @inngest.function(id: "f", event: "shop/order.placed")
            struct F {
                func handle(_ order: OrderPlaced, context: Context) async throws {
                    try await context.step.run("a") { 1 }
                    // try await context.step.run("a") { 1 }
                    /* try await context.step.run("a") { 1 } */
                    let text = "try await context.step.run(\\"a\\") { 1 }"
                    try await context.step.run("a-\\(order.orderId)") { 2 }
                    try await context.step.run("a-\\(order.orderId)") { 3 }
                    try await context.step.run(order.orderId) { 4 }
                    try await context.step.run(order.orderId) { 5 }
                    try await other.run("a") { 6 }
                    if order.items.isEmpty {
                        try await context.step.run("b") { 7 }
                    } else {
                        try await context.step.run("b") { 8 }
                    }
                    switch order.items.count {
                    case 0: try await context.step.run("c") { 9 }
                    default: try await context.step.run("c") { 10 }
                    }
                    #if DEBUG
                    try await context.step.run("d") { 11 }
                    #else
                    try await context.step.run("d") { 12 }
                    #endif
                    #if false
                    try await context.step.run("a") { 13 }
                    #endif
                }
                func helper(context: Context) async throws {
                    try await context.step.run("a") { 14 }
                }
            }
            """)
        #expect(lines.isEmpty, "\(lines)")
    }

    @Test func nestedClosuresAndSeparateIfsAreOneBody() {
        let lines = Self.lines("""
            // @inngest.function(id: "f", event: "shop/order.placed")
            struct F {
                func handle(_ order: OrderPlaced, context: Context) async throws {
                    async let a = context.step.run("load") { 1 }
                    let b = try await withThrowingTaskGroup(of: Int.self) { group in
                        group.addTask { try await context.step.run("load") { 2 } }
                        return 0
                    }
                    if order.items.isEmpty { try await context.step.run("note") { 3 } }
                    if order.orderId.isEmpty { try await context.step.run("note") { 4 } }
                    _ = try await (a, b)
                }
            }
            """).filter { $0.contains(Self.duplicate) }
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix(#"A.swift:10:56: error: step id "load" is already used at 8:40"#) == true)
        #expect(lines.last?.hasPrefix(#"A.swift:14:63: error: step id "note" is already used at 13:61"#) == true)
    }

    @Test func aLiteralIdInALoopIsAWarning() {
        let lines = Self.lines("""
            // @inngest.function(id: "f", event: "shop/order.placed")
            struct F {
                func handle(_ order: OrderPlaced, context: Context) async throws {
                    for item in order.items {
                        try await context.step.run("ship") { item }
                        try await context.step.run("ship-\\(item)") { item }
                    }
                    try await order.items.asyncForEach { item in try await context.step.run("pack") { item } }
                    order.items.forEach { item in Task { try await context.step.run("label") { item } } }
                }
            }
            """)
        #expect(lines == [
            #"A.swift:9:40: warning: step id "ship" is inside a loop, so every iteration uses it: the repeats are recorded as "ship", "#
                + #""ship:1", "ship:2"… in the order they run (in the embedded engine and served to Inngest alike), so if the iterations "#
                + #"change order or number between attempts (the collection changed), an iteration is handed another one's memoized "#
                + #"result; include the loop variable in the id, e.g. "ship-\(item.id)""#,
            #"A.swift:12:81: warning: step id "pack" is inside a loop, so every iteration uses it: the repeats are recorded as "pack", "#
                + #""pack:1", "pack:2"… in the order they run (in the embedded engine and served to Inngest alike), so if the iterations "#
                + #"change order or number between attempts (the collection changed), an iteration is handed another one's memoized "#
                + #"result; include the loop variable in the id, e.g. "pack-\(item.id)""#,
            #"A.swift:13:73: warning: step id "label" is inside a loop, so every iteration uses it: the repeats are recorded as "label", "#
                + #""label:1", "label:2"… in the order they run (in the embedded engine and served to Inngest alike), so if the iterations "#
                + #"change order or number between attempts (the collection changed), an iteration is handed another one's memoized "#
                + #"result; include the loop variable in the id, e.g. "label-\(item.id)""#,
        ])
    }

    @Test func extensionsOfTheFunctionTypeAreItsCode() {
        let lines = Self.lines("""
            struct F: InngestFunction {
                static let id = "f"
                static let trigger = Trigger.event(OrderPlaced.self)
                func handle(_ order: OrderPlaced, context: Context) async throws { try await ship(order, context) }
            }
            typealias G = F
            extension G {
                func ship(_ order: OrderPlaced, _ context: Context) async throws {
                    while true { try await context.step.sleep("poll", for: .seconds(1)) }
                }
            }
            """)
        #expect(lines.count == 1 && lines[0].hasPrefix(#"A.swift:13:51: warning: step id "poll" is inside a loop"#), "\(lines)")
    }
}
