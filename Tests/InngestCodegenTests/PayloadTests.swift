import Testing

@testable import InngestCodegen

/// The payload type of a marker function with several triggers: a generated enum, the user's own
/// payload, or `InngestEvent`; a handler that takes one of the events is an error.
@Suite struct PayloadTests {
    static let prelude = """
        // @inngest.event("a/placed")
        struct Placed: Codable, Sendable {}
        // @inngest.event("a/abandoned")
        struct Abandoned: Codable, Sendable {}
        // @inngest.module(providers: [Jobs])
        struct M {}

        """

    /// Mentions every prelude event, so that the unused-event warning stays out of these tests.
    static let uses = ["Uses.swift": "let preludeEvents: [any Event.Type] = [Placed.self, Abandoned.self]\n"]

    static func output(_ source: String) -> Generator.Output {
        generate(["A.swift": prelude + source].merging(uses) { $1 })
    }

    @Test func severalPayloadTypesGenerateAnEnumNestedInTheType() throws {
        let output = Self.output("""
            // @inngest.function(id: "f", triggers: [Placed, Abandoned, (cron: "0 * * * *")])
            public struct F { public func handle(_ p: Payload, context: Context) async throws {} }
            // @inngest.injectable
            final class Jobs: Sendable { init() {} }
            """)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let registry = try #require(output.files["InngestRegistry.generated.swift"])
        #expect(registry.contains("""
            extension F {
                /// The payload of the function "f": one case per payload type of its triggers.
                public enum Payload: TriggerPayload {
                    /// A run triggered by `Placed`.
                    case placed(Placed)
                    /// A run triggered by `Abandoned`.
                    case abandoned(Abandoned)
                    /// A run triggered by its cron schedule.
                    case cron(ScheduledRun)

                    /// Reads the case of the triggering event's name.
                    public init(triggeringEvent event: InngestEvent) throws {
                        switch event.name {
                        case Placed.name: self = .placed(try event.payload(as: Placed.self))
                        case Abandoned.name: self = .abandoned(try event.payload(as: Abandoned.self))
                        case ScheduledRun.name: self = .cron(try event.payload(as: ScheduledRun.self))
                        default: throw NonRetriableError("event \\(event.name) does not trigger the function " + "f")
                        }
                    }
                }
            }
            """), "\(registry)")
        #expect(registry.contains("public static var trigger: Trigger<F.Payload> { .anyOf(.event(Placed.self), .event(Abandoned.self), .cron(\"0 * * * *\")) }"))
    }

    @Test func aMethodsEnumIsNamedAfterIt() throws {
        let output = Self.output("""
            // @inngest.injectable
            final class Jobs: Sendable {
                init() {}
                // @inngest.function(id: "f", triggers: [Placed, Abandoned])
                func sweep(_ p: SweepPayload) {}
                // @inngest.function(id: "g", triggers: [Placed, Abandoned])
                func untyped(_ e: InngestEvent) {}
            }
            """)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let registry = try #require(output.files["InngestRegistry.generated.swift"])
        #expect(registry.contains("extension Jobs {\n    /// The payload of the function \"f\""))
        #expect(registry.contains("    enum SweepPayload: TriggerPayload {"))
        #expect(registry.contains("static var trigger: Trigger<Jobs.SweepPayload> { .anyOf(.event(Placed.self), .event(Abandoned.self)) }"))
        #expect(registry.contains("static var trigger: Trigger<InngestEvent> { .anyOf(.event(Placed.self), .event(Abandoned.self)) }"))
        #expect(!registry.contains("UntypedPayload"))
    }

    @Test func theUsersOwnPayloadIsUsed() throws {
        let output = Self.output("""
            enum Either: TriggerPayload { init(triggeringEvent event: InngestEvent) throws { self = .x }; case x }
            // @inngest.function(id: "f", triggers: [Placed, Abandoned])
            struct F { func handle(_ p: Either, context: Context) async throws {} }
            // @inngest.function(id: "g", triggers: [Placed, Abandoned])
            struct G {
                enum Payload: TriggerPayload { init(triggeringEvent event: InngestEvent) throws { self = .x }; case x }
                func handle(_ p: Payload, context: Context) async throws {}
            }
            // @inngest.injectable
            final class Jobs: Sendable { init() {} }
            """)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let registry = try #require(output.files["InngestRegistry.generated.swift"])
        #expect(registry.contains("static var trigger: Trigger<Either> {"))
        #expect(registry.contains("static var trigger: Trigger<Payload> {"), "the type's own Payload is used, not generated")
        #expect(!registry.contains("enum Payload"))
    }

    @Test func anEventPayloadForSeveralTypesIsAnError() {
        let lines = errors(Self.output("""
            // @inngest.injectable
            final class Jobs: Sendable {
                init() {}
                // @inngest.function(id: "f", triggers: [Placed, (cron: "0 * * * *")])
                func sweep(_ p: Placed) {}
            }
            """))
        #expect(lines == [#"A.swift:11:10: error: function "f" has triggers of several payload types (Placed, cron), so its handler must take "#
            + "an enum of them: SweepPayload (generated, one case per type) or a TriggerPayload of your own, not Placed"])
    }

    @Test func severalTriggersOfOneTypeNeedNoEnum() throws {
        let output = Self.output("""
            // @inngest.function(id: "f", triggers: [(event: Placed, if: "event.data.a == 1"), (event: "a/placed", if: "event.data.b == 2")])
            struct F { func handle(_ p: Placed, context: Context) async throws {} }
            // @inngest.injectable
            final class Jobs: Sendable { init() {} }
            """)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let registry = try #require(output.files["InngestRegistry.generated.swift"])
        #expect(registry.contains(#"Trigger<Placed> { .anyOf(.event(Placed.self, if: "event.data.a == 1"), .event(Placed.self, if: "event.data.b == 2")) }"#))
    }
}
