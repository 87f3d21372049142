import Testing

@testable import InngestCodegen

/// What `inngest-codegen --event-graph[=dot]` and `--dump-model` print, exactly.
@Suite struct InspectionOutputTests {
    static let source = """
        // @inngest.event("shop/order.placed")
        struct OrderPlaced: Codable, Sendable { var orderId: String }
        // @inngest.event("shop/order.approved")
        struct OrderApproved: Codable, Sendable { var orderId: String }
        // @inngest.event("shop/order.cancelled")
        struct OrderCancelled: Codable, Sendable { var orderId: String }
        // @inngest.event("shop/order.confirmed")
        struct OrderConfirmed: Codable, Sendable { var orderId: String }
        // @inngest.module(providers: [Mailer])
        struct AppModule {
            // @inngest.provider
            static let region: String = "eu"
        }
        // @inngest.injectable
        final class Mailer: Sendable {
            init() {}
            // @inngest.function(id: "send-receipt", event: OrderConfirmed)
            func receipt(_ c: OrderConfirmed, context: Context) async throws {}
        }
        // @inngest.function(id: "process-order", event: "shop/order.placed", cancelOn: (event: "shop/order.cancelled", match: "orderId"))
        struct ProcessOrder {
            func handle(_ o: OrderPlaced, context: Context) async throws {
                _ = try await context.step.waitForEvent("approval", OrderApproved.self, match: \\.orderId, timeout: .hours(1))
                _ = try await context.step.invoke("charge", ChargeCard.self, with: o)
                try await context.step.sendEvent("confirm", OrderConfirmed(orderId: o.orderId))
                try await context.step.run(o.orderId) { 1 }
            }
        }
        struct ChargeCard: InngestFunction {
            static let id = "charge-card"
            static let trigger = Trigger.cron("0 2 * * *")
            func handle(_ run: ScheduledRun, context: Context) async throws {}
        }

        """

    static let model = Inspection.model([("A.swift", Array(source.utf8))]).model

    @Test func theGraphHasOneSortedEdgePerLine() {
        #expect(Inspection.model([("A.swift", Array(Self.source.utf8))]).diagnostics.isEmpty)
        #expect(EventFlowGraph(Self.model).text == """
            cron "0 2 * * *" triggers function charge-card
            event shop/order.approved is awaited by function process-order
            event shop/order.cancelled cancels function process-order
            event shop/order.confirmed triggers function send-receipt
            event shop/order.placed triggers function process-order
            function process-order invokes function charge-card
            function process-order sends event shop/order.confirmed

            """)
    }

    @Test func theGraphInDOT() {
        #expect(EventFlowGraph(Self.model).dot == #"""
            digraph inngest {
                rankdir=LR;
                "cron \"0 2 * * *\"" [shape=note, label="0 2 * * *"];
                "event shop/order.approved" [shape=ellipse, label="shop/order.approved"];
                "event shop/order.cancelled" [shape=ellipse, label="shop/order.cancelled"];
                "event shop/order.confirmed" [shape=ellipse, label="shop/order.confirmed"];
                "event shop/order.placed" [shape=ellipse, label="shop/order.placed"];
                "function charge-card" [shape=box, label="charge-card"];
                "function process-order" [shape=box, label="process-order"];
                "function send-receipt" [shape=box, label="send-receipt"];
                "cron \"0 2 * * *\"" -> "function charge-card" [label="triggers"];
                "event shop/order.approved" -> "function process-order" [label="is awaited by", style=dashed];
                "event shop/order.cancelled" -> "function process-order" [label="cancels", style=dotted];
                "event shop/order.confirmed" -> "function send-receipt" [label="triggers"];
                "event shop/order.placed" -> "function process-order" [label="triggers"];
                "function process-order" -> "function charge-card" [label="invokes"];
                "function process-order" -> "event shop/order.confirmed" [label="sends"];
            }

            """#)
    }

    @Test func theDumpIsPrettyJSONWithSortedKeys() {
        #expect(ModelDump.json(Self.model) == """
            {
              "events": [
                {
                  "eventName": "shop/order.approved",
                  "file": "A.swift",
                  "kind": "event",
                  "line": 4,
                  "name": "OrderApproved"
                },
                {
                  "eventName": "shop/order.cancelled",
                  "file": "A.swift",
                  "kind": "event",
                  "line": 6,
                  "name": "OrderCancelled"
                },
                {
                  "eventName": "shop/order.confirmed",
                  "file": "A.swift",
                  "kind": "event",
                  "line": 8,
                  "name": "OrderConfirmed"
                },
                {
                  "eventName": "shop/order.placed",
                  "file": "A.swift",
                  "kind": "event",
                  "line": 2,
                  "name": "OrderPlaced"
                }
              ],
              "functions": [
                {
                  "file": "A.swift",
                  "id": "charge-card",
                  "kind": "function",
                  "line": 29,
                  "name": "ChargeCard",
                  "steps": [],
                  "triggers": [
                    {
                      "cron": "0 2 * * *"
                    }
                  ]
                },
                {
                  "file": "A.swift",
                  "id": "process-order",
                  "kind": "function",
                  "line": 21,
                  "name": "ProcessOrder",
                  "steps": [
                    {
                      "id": "approval",
                      "line": 23,
                      "tool": "waitForEvent"
                    },
                    {
                      "id": "charge",
                      "line": 24,
                      "tool": "invoke"
                    },
                    {
                      "id": "confirm",
                      "line": 25,
                      "tool": "sendEvent"
                    },
                    {
                      "id": null,
                      "line": 26,
                      "tool": "run"
                    }
                  ],
                  "triggers": [
                    {
                      "event": "shop/order.placed",
                      "type": "OrderPlaced"
                    }
                  ]
                },
                {
                  "file": "A.swift",
                  "id": "send-receipt",
                  "kind": "function",
                  "line": 18,
                  "name": "Mailer.receipt",
                  "steps": [],
                  "triggers": [
                    {
                      "event": "shop/order.confirmed",
                      "type": "OrderConfirmed"
                    }
                  ]
                }
              ],
              "injectables": [
                {
                  "file": "A.swift",
                  "kind": "injectable",
                  "line": 15,
                  "name": "Mailer",
                  "scope": "singleton"
                }
              ],
              "modules": [
                {
                  "file": "A.swift",
                  "kind": "module",
                  "line": 10,
                  "name": "AppModule"
                }
              ],
              "providers": [
                {
                  "file": "A.swift",
                  "kind": "provider",
                  "line": 12,
                  "module": "AppModule",
                  "name": "AppModule.region",
                  "scope": "singleton",
                  "type": "String"
                }
              ]
            }

            """)
    }

    @Test func severalTargetsDumpAsOneObject() {
        let text = ModelDump.json(byTarget: ["B": AppModel(), "A": AppModel()])
        #expect(text == """
            {
              "A": {
                "events": [],
                "functions": [],
                "injectables": [],
                "modules": [],
                "providers": []
              },
              "B": {
                "events": [],
                "functions": [],
                "injectables": [],
                "modules": [],
                "providers": []
              }
            }

            """)
    }

    @Test func jsonStringsAreEscaped() {
        #expect(JSONText.string("a\"b\\c\n\u{1}é").text == "\"a\\\"b\\\\c\\n\\u0001é\"\n")
    }
}
