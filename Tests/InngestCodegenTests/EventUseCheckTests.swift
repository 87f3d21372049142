import Foundation
import Testing

@testable import InngestCodegen

/// Events nothing in the target uses are warnings at their declaration, never guessed; a function
/// that sends the event that triggers it, through a trigger without `if:`, is a warning at the send.
@Suite struct EventUseCheckTests {
    static let prelude = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String }
        // @inngest.event("shop/order.shipped")
        public struct OrderShipped: Codable, Sendable { var orderId: String }
        // @inngest.module()
        struct M {}

        """

    static func lines(_ source: String, role: GeneratorOptions.TargetRole = .app, extra: [String: String] = [:]) -> [String] {
        let files = ["A.swift": prelude + source].merging(extra) { $1 }
        let sources = files.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) }
        return Generator.generate(sources, options: GeneratorOptions(role: role)).diagnostics.map(\.description)
    }

    static let unused = "is declared, but nothing in this target"
    static let handler = """
        // @inngest.function(id: "f", event: "shop/order.placed")
        struct F { func handle(_ o: OrderPlaced, context: Context) async throws {} }

        """

    @Test func anEventNothingUsesIsAWarningAtItsDeclaration() {
        let lines = Self.lines(Self.handler)
        #expect(lines == [
            #"A.swift:4:15: warning: event OrderShipped ("shop/order.shipped") is declared, but nothing in this target triggers it, waits for it, "#
                + "cancels on it or sends it, and its names appear nowhere else in the code; use it (a function's trigger, step.waitForEvent, "
                + "cancelOn, or app.send(.orderShipped(…))) or remove it",
        ])
    }

    @Test func mentionsInCommentsAndInItsOwnDeclarationDoNotCount() {
        let lines = Self.lines(Self.handler + """
            // OrderShipped is sent by the warehouse; so is orderShipped, and "shop/order.shipped".
            /* let x = OrderShipped(orderId: "o") */
            extension OrderShipped {
                static let name = "shop/order.shipped"
            }
            """)
        #expect(lines.count == 1 && lines[0].contains("event OrderShipped"), "\(lines)")
    }

    @Test func anyMentionInCodeSilencesIt() {
        for use in [
            "let sample = OrderShipped(orderId: \"o\")",
            "func route(_ e: InngestEvent) -> Bool { e.name == \"shop/order.shipped\" }",
            "func send(app: InngestApp) async throws { try await app.send(.orderShipped(.init(orderId: \"o\"))) }",
            "let kinds: [any Event.Type] = [Shop.OrderShipped.self]",
            "func forward(_ name: String, app: InngestApp) async throws { _ = try InngestEvent(name: name) }",
            "func replay(_ json: JSONValue) throws -> InngestEvent { try InngestEvent(json: json) }",
        ] {
            let lines = Self.lines(Self.handler, extra: ["B.swift": "struct Helper {\n    \(use)\n}\n"]).filter { $0.contains(Self.unused) }
            #expect(lines.isEmpty, "\(use): \(lines)")
        }
    }

    @Test func triggersWaitsCancelsAndSendsUseEvents() {
        let lines = Self.lines("""
            // @inngest.function(id: "f", event: "shop/order.placed", cancelOn: (event: "shop/order.shipped", match: "orderId"))
            struct F { func handle(_ o: OrderPlaced, context: Context) async throws {} }
            """)
        #expect(lines.isEmpty, "\(lines)")
    }

    @Test func aLibraryLeavesItsPublicEventsToItsDependents() {
        #expect(Self.lines(Self.handler, role: .library).isEmpty)
        let internalOnly = Self.lines(Self.handler.replacingOccurrences(of: "event: \"shop/order.placed\"", with: "event: \"shop/order.shipped\"")
            .replacingOccurrences(of: "_ o: OrderPlaced", with: "_ o: OrderShipped"), role: .library)
        #expect(internalOnly.count == 1 && internalOnly[0].hasPrefix("A.swift:2:8: warning: event OrderPlaced")
            && internalOnly[0].contains("(it is not public, so no other target can send it either)"), "\(internalOnly)")
    }

    @Test func aFunctionSendingItsOwnUnfilteredTriggerIsAWarningAtTheSend() {
        let lines = Self.lines("""
            // @inngest.injectable
            final class Jobs: Sendable {
                init() {}
                // @inngest.function(id: "loop", event: "shop/order.placed")
                func again(_ o: OrderPlaced, context: Context) async throws {
                    try await context.step.sendEvent("again", OrderPlaced(orderId: o.orderId))
                }
                // @inngest.function(id: "filtered", event: "shop/order.placed", if: "event.data.orderId != 'x'")
                func filtered(_ o: OrderPlaced, context: Context) async throws {
                    try await context.step.sendEvent("x", OrderPlaced(orderId: "x"))
                }
            }
            struct Conforming: InngestFunction {
                static let id = "conforming"
                static let trigger = Trigger.event(OrderPlaced.self)
                let client: InngestClient
                func handle(_ o: OrderPlaced, context: Context) async throws {
                    try await client.send(.orderPlaced(o))
                    try await client.send(OrderShipped(orderId: o.orderId))
                }
                func onFailure(_ failure: FunctionFailure<OrderPlaced>, context: Context) async throws {
                    try await client.send(OrderPlaced(orderId: "retry"))
                }
            }
            """).filter { !$0.contains(Self.unused) }
        #expect(lines == [
            #"A.swift:12:32: warning: function "loop" is triggered by OrderPlaced ("shop/order.placed") with no if: filter and sends OrderPlaced "#
                + "here, so each run that gets here starts another run of it, and that one another, forever; add an if: to the trigger that the "
                + #"events sent here fail (e.g. if: "event.data.resent != true"), or send a different event"#,
            #"A.swift:24:26: warning: function "conforming" is triggered by OrderPlaced ("shop/order.placed") with no if: filter and sends "#
                + "OrderPlaced here, so each run that gets here starts another run of it, and that one another, forever; add an if: to the trigger "
                + #"that the events sent here fail (e.g. if: "event.data.resent != true"), or send a different event"#,
        ])
    }

    @Test func caseNamesFollowTheRenderer() throws {
        let output = generate(["A.swift": """
            // @inngest.event("a/placed")
            struct Placed: Codable, Sendable {}
            enum Shop {
                // @inngest.event("shop/placed")
                struct Placed: Codable, Sendable {}
            }
            // @inngest.event("url/fetched")
            struct URLFetched: Codable, Sendable {}
            """])
        let events = try #require(output.files["InngestEvents.generated.swift"])
        let names = AppEventCaseNames.of([
            EventModel(typeName: "Placed", eventName: nil, byMarker: true, accessLevel: nil, location: .zero, conditions: []),
            EventModel(typeName: "Shop.Placed", eventName: nil, byMarker: true, accessLevel: nil, location: .zero, conditions: []),
            EventModel(typeName: "URLFetched", eventName: nil, byMarker: true, accessLevel: nil, location: .zero, conditions: []),
        ])
        #expect(names == ["Placed": "placed", "Shop.Placed": "shopPlaced", "URLFetched": "urlFetched"])
        for (type, name) in names { #expect(events.contains("case \(name)(\(type))"), "\(name)") }
    }
}
