import Testing

@testable import InngestCodegen

/// Mistakes the compiler would report as a conformance failure, said plainly at the user's line
/// by the build; and the cases where the build cannot be sure, left to the compiler.
@Suite struct PlainMessageTests {
    @Test func anEventMarkerOnATypeThatIsNotCodable() {
        let output = generate(["A.swift": """
            // @inngest.event("a/plain")
            struct Plain { var x: Int }
            // @inngest.event("a/sendable")
            struct OnlySendable: Sendable, Hashable { var x: Int }
            """])
        #expect(errors(output) == [
            "A.swift:1:4: error: Plain is marked @inngest.event but is not Codable: an event's payload is sent and stored as JSON. Declare it `struct Plain: Codable, Sendable`",
            "A.swift:3:4: error: OnlySendable is marked @inngest.event but is not Codable: an event's payload is sent and stored as JSON. "
                + "Declare it `struct OnlySendable: Codable, Sendable`",
        ])
    }

    @Test func codableThroughAnExtensionAProtocolOrAnotherModuleIsNotReported() {
        let output = generate(["A.swift": """
            // @inngest.event("a/extended")
            struct Extended { var x: Int }
            extension Extended: Codable, Sendable {}
            protocol Payload: Codable, Sendable {}
            // @inngest.event("a/refined")
            struct Refined: Payload { var x: Int }
            // @inngest.event("a/elsewhere")
            struct Elsewhere: SomeProtocolOfAnotherModule { var x: Int }
            // @inngest.event("a/halves")
            struct Halves: Encodable, Decodable, Sendable { var x: Int }
            """])
        #expect(errors(output).isEmpty, "\(errors(output))")
    }

    @Test func aMarkedFunctionTypeWithNoHandle() {
        let output = generate(["A.swift": """
            // @inngest.event("a/ok")
            struct Ok: Codable, Sendable {}
            // @inngest.function(id: "none", event: "a/ok")
            struct NoHandle: Sendable {}
            """])
        #expect(errors(output) == [
            "A.swift:3:4: error: NoHandle is marked @inngest.function but has no handle method: add "
                + "`func handle(_ event: <its event type>, context: Context) async throws` (returning a Codable value, or nothing)",
        ])
    }

    @Test func aHandleFromAnExtensionASuperclassOrAProtocolIsFound() {
        let output = generate(["A.swift": """
            // @inngest.event("a/ok")
            struct Ok: Codable, Sendable {}
            // @inngest.function(id: "extended", event: "a/ok")
            struct Extended {}
            extension Extended { func handle(_ e: Ok, context: Context) async throws {} }
            protocol Handles {}
            extension Handles { func handle(_ e: Ok, context: Context) async throws {} }
            // @inngest.function(id: "by-protocol", event: "a/ok")
            struct ByProtocol: Handles {}
            // @inngest.function(id: "by-other-module", event: "a/ok")
            final class ByOtherModule: SomeBaseClassOfAnotherModule {}
            """])
        #expect(errors(output).isEmpty, "\(errors(output))")
    }

    @Test func aMarkedFunctionTypeWhoseHandleTakesAnotherEvent() {
        let output = generate(["A.swift": """
            // @inngest.event("a/ok")
            struct Ok: Codable, Sendable {}
            // @inngest.event("a/other")
            struct Other: Codable, Sendable {}
            // @inngest.function(id: "wrong", event: "a/ok")
            struct Wrong {
                func handle(_ e: Other, context: Context) async throws {}
            }
            """])
        #expect(errors(output) == [
            "A.swift:6:8: error: function \"wrong\" is triggered by \"a/ok\", which is Ok, but Wrong.handle takes Other: take Ok",
        ])
    }

    @Test func adviceNeverNamesAnImportThatIsAlreadyThere() {
        let output = generate(["A.swift": """
            // @inngest.injectable
            final class Gate: Sendable { init() {} }
            // @inngest.module(providers: [Gate])
            struct GateModule {}
            // @inngest.injectable
            final class User: Sendable { init(gate: Gate) {} }
            // @inngest.module(imports: [GateModule], providers: [User])
            struct AppModule {}
            """])
        #expect(errors(output) == [
            "A.swift:6:35: error: User.init(gate:) in AppModule needs Gate for parameter 'gate', but nothing visible to AppModule provides it. "
                + "GateModule provides Gate and AppModule imports GateModule, but GateModule does not export it: add Gate to GateModule's exports.",
        ])
    }
}
