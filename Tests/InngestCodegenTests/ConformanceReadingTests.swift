import Testing

@testable import InngestCodegen

/// What the generator reads of a conforming function's `trigger` and `options`, and that it
/// skips what it cannot read instead of guessing.
@Suite struct ConformanceReadingTests {
    static func function(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> FunctionModel? {
        let (model, _) = ModelBuilder.build([Scanner.scan(source, path: "A.swift")])
        #expect(model.functions.count == 1, sourceLocation: sourceLocation)
        return model.functions.first
    }

    static func conformance(trigger: String, options: String = "FunctionOptions()") -> String {
        """
        struct E: Event { static let name = "a/b"; var id: String }
        struct F: InngestFunction {
            static let id = "f"
            static let trigger = \(trigger)
            static let options = \(options)
            func handle(_ e: E, context: Context) async throws {}
        }
        """
    }

    @Test(arguments: [
        ("Trigger.event(E.self)", [TriggerModel.Kind.event(typeName: "E", eventName: "a/b")], [nil]),
        (#"Trigger.event(E.self, if: "event.data.id == \"x\"")"#, [.event(typeName: "E", eventName: "a/b")], [#"event.data.id == "x""#]),
        (#"Trigger<InngestEvent>.event(named: "a/b", if: "true")"#, [.event(typeName: "E", eventName: "a/b")], ["true"]),
        (#"Inngest.Trigger.cron("0 * * * *")"#, [.cron("0 * * * *")], [nil]),
        (#"Trigger<P>.anyOf(.event(E.self), .cron("1 * * * *"), Trigger.event(named: "x/y"))"#,
         [.event(typeName: "E", eventName: "a/b"), .cron("1 * * * *"), .event(typeName: nil, eventName: "x/y")], [nil, nil, nil]),
    ] as [(String, [TriggerModel.Kind], [String?])])
    func triggersAreReadStructurally(trigger: String, kinds: [TriggerModel.Kind], conditions: [String?]) throws {
        let function = try #require(Self.function(Self.conformance(trigger: trigger)))
        #expect(function.triggers.map(\.kind) == kinds)
        #expect(function.triggers.map(\.condition?.value) == conditions)
        #expect(function.triggersAreComplete)
    }

    @Test(arguments: ["Self.makeTrigger()", "Trigger.event(E.self, if: condition)", "Trigger.anyOf(.event(E.self), extra)", "flag ? .cron(\"x\") : .event(E.self)"])
    func computedTriggersAreSkipped(trigger: String) throws {
        let function = try #require(Self.function(Self.conformance(trigger: trigger)))
        #expect(!function.triggersAreComplete || function.triggers.allSatisfy { $0.condition == nil })
        let output = generate(["A.swift": Self.conformance(trigger: trigger)])
        #expect(errors(output).isEmpty, "nothing the build cannot read is reported: \(errors(output))")
    }

    @Test func optionsAreReadStructurally() throws {
        let function = try #require(Self.function(Self.conformance(trigger: "Trigger.event(E.self)", options: """
            FunctionOptions(retries: 5, timeouts: .init(start: .seconds(30), finish: .hours(2)),
                                                 cancelOn: [.event(E.self, match: \\.id, if: "async.data.id == event.data.id", timeout: .days(1)),
                                                            CancelOn.event(named: "c/d"), .event(E.self, match: someKeyPath)])
            """)))
        #expect(function.retries == 5)
        #expect(function.timeouts?.start?.nanoseconds == 30_000_000_000)
        #expect(function.timeouts?.finish?.nanoseconds == 7_200_000_000_000)
        #expect(function.cancels.map(\.eventName) == ["a/b", "c/d", "a/b"])
        #expect(function.cancels.first?.match?.properties == ["id"])
        #expect(function.cancels.first?.condition?.value == "async.data.id == event.data.id")
        #expect(function.cancels.first?.timeout?.nanoseconds == 86_400_000_000_000)
        #expect(function.cancels.last?.match == nil, "a key path that is not a literal is left to the compiler")
    }

    @Test func computedOptionsAreSkipped() throws {
        let function = try #require(Self.function(Self.conformance(trigger: "Trigger.event(E.self)", options: "Defaults.options")))
        #expect(function.retries == nil && function.timeouts == nil && function.cancels.isEmpty)
    }

    @Test func flowControlArgumentsAreRead() throws {
        let source = Self.conformance(trigger: "Trigger.event(E.self)", options: "FunctionOptions(retries: 1, concurrency: .limit(2))")
        #expect(errors(generate(["A.swift": source])).isEmpty)
        let function = try #require(Self.function(source))
        #expect(function.retries == 1)
        #expect(function.flowControl.concurrency?.limits.map(\.limit?.value) == [2])
    }

    @Test func onFailureConformanceMakesAFunction() throws {
        let output = generate(["A.swift": """
            struct E: Event { static let name = "a/b" }
            struct F: OnFailure {
                static let id = "f"
                static let trigger = Trigger.event(E.self)
                func handle(_ e: E, context: Context) async throws {}
                func onFailure(_ failure: FunctionFailure<E>, context: Context) async throws {}
            }
            // @inngest.module()
            struct M {}
            """])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        #expect(output.files["InngestRegistry.generated.swift"]?.contains("functions.append(FunctionDefinition(\n            F.self,") == true)
    }
}
