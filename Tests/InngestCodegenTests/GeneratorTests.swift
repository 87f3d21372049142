import Foundation
import Testing

@testable import InngestCodegen

/// Runs the generator over in-memory sources.
func generate(_ files: [String: String]) -> Generator.Output {
    Generator.generate(files.sorted { $0.key < $1.key }.map { ($0.key, Array($0.value.utf8)) })
}

/// The error lines, as a user sees them.
func errors(_ output: Generator.Output) -> [String] {
    output.diagnostics.filter { $0.severity == .error }.map(\.description)
}

@Suite struct GeneratorTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test func templatesMatchFiles() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Templates").standardizedFileURL
        for (name, template) in Templates.all {
            let file = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(file == template.text + "\n", "Templates/\(name) differs from the compiled-in copy: run .ci/embed-templates")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".template") }
        #expect(Set(files) == Set(Templates.all.keys))
    }

    /// The demo's sources (Sources/ShopDemo) and the extra inputs in Golden/Input generate exactly
    /// the golden files. `UPDATE_GOLDEN=1 swift test --filter goldenOutput` rewrites them after a
    /// deliberate change.
    @Test func goldenOutput() throws {
        let demo = Self.goldenDirectory.appendingPathComponent("../../../Sources/ShopDemo").standardizedFileURL
        var sources: [String: String] = [:]
        for directory in [demo, Self.goldenDirectory.appendingPathComponent("Input")] {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
                sources["Sources/App/\(name)"] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            }
        }
        let output = generate(sources)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        #expect(Set(output.files.keys) == Set(Renderer.fileNames))
        for (name, contents) in output.files {
            let url = Self.goldenDirectory.appendingPathComponent(name.replacingOccurrences(of: ".generated.swift", with: ".swift.golden"))
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
                try contents.write(to: url, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(contents == expected, "\(name) differs from \(url.lastPathComponent)")
        }
        #expect(generate(sources).files == output.files, "deterministic")
    }

    @Test func emptyTargetStillWritesEveryFile() {
        let output = generate(["a.swift": "let x = 1\n"])
        #expect(output.diagnostics.isEmpty)
        #expect(Set(output.files.keys) == Set(Renderer.fileNames))
    }

    @Test func duplicateFunctionIdIsReportedAtBothDeclarations() {
        let output = generate([
            "Sources/A.swift": """
            // @inngest.event("x/y")
            struct E: Codable, Sendable {}
            // @inngest.function(id: "dup", event: "x/y")
            struct F1 { func handle(_ e: E, context: Context) async throws {} }
            """,
            "Sources/B.swift": """
            struct F2: InngestFunction {
                static let id = "dup"
                static let trigger = Trigger.event(E.self)
            }
            """,
        ])
        #expect(errors(output) == [
            #"Sources/A.swift:3:26: error: duplicate function id "dup": also declared at Sources/B.swift:2:16; function ids must be unique in an app, rename one"#,
            #"Sources/B.swift:2:16: error: duplicate function id "dup": also declared at Sources/A.swift:3:26; function ids must be unique in an app, rename one"#,
        ])
        #expect(output.files.isEmpty)
    }

    @Test func unknownEventSuggestsTheClosestName() {
        let output = generate(["A.swift": """
            // @inngest.event("shop/order.placed")
            struct OrderPlaced: Codable, Sendable {}
            // @inngest.function(id: "f", event: "shop/order.place")
            struct F { func handle(_ e: OrderPlaced, context: Context) async throws {} }
            """])
        #expect(errors(output).count == 1)
        #expect(errors(output).first?.hasPrefix(#"A.swift:3:38: error: unknown event "shop/order.place""#) == true)
        #expect(errors(output).first?.contains(#"Did you mean "shop/order.placed"?"#) == true)
    }

    @Test func invalidCronPointsIntoTheString() {
        let output = generate(["A.swift": """
            final class Jobs: Sendable {
                // @inngest.function(id: "j", cron: "0 25 * * *")
                func run(context: Context) async throws {}
            }
            """])
        let line = errors(output).first ?? ""
        #expect(line.hasPrefix("A.swift:2:44: error: invalid cron \"0 25 * * *\""), "\(line)")
    }

    @Test func unknownMarkerKeysAndKindsAreErrors() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.function(id: "f", event: "a/b", retires: 3)
            struct F {}
            // @inngest.functoin(id: "g")
            struct G {}
            // @inngest.func(id: "h")
            struct H {}
            """])
        let lines = errors(output)
        #expect(lines.contains { $0.hasPrefix("A.swift:3:") && $0.contains("unknown key 'retires'") && $0.contains("did you mean 'retries'?") })
        #expect(lines.contains { $0.hasPrefix("A.swift:5:4: error: unknown marker @inngest.functoin") && $0.contains("did you mean @inngest.function?") })
        #expect(lines.contains { $0.hasPrefix("A.swift:7:4: error: unknown marker @inngest.func") && $0.contains("did you mean @inngest.function?") })
    }

    @Test(arguments: ["controllers", "functions", "handlers"])
    func aModuleListingFunctionsNestJSStyleIsToldToUseProviders(key: String) {
        let output = generate(["A.swift": """
            struct E: Event { static let name = "a/b" }
            // @inngest.function(id: "f", event: E)
            final class F: Sendable { func handle(_ e: E, context: Context) async throws {} }
            // @inngest.module(\(key): [F])
            struct AppModule {}
            """])
        let column = "// @inngest.module(".count + 1
        #expect(errors(output) == ["A.swift:4:\(column): error: unknown key '\(key)' in @inngest.module (expected imports, providers, exports, global); "
            + "list function types (and the classes whose methods are functions) in 'providers', where NestJS has 'controllers'"])
    }

    @Test func optionRangesAreChecked() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.function(id: "f", event: "a/b", retries: 21)
            struct F {}
            // @inngest.function(id: "g", event: "a/b", cron: "* * * * *")
            struct G {}
            // @inngest.function(event: "a/b")
            struct H {}
            """])
        let lines = errors(output)
        #expect(lines.contains { $0.contains("retries: 21; Inngest allows 0 to 20") })
        #expect(lines.contains { $0.contains("takes one trigger as event: or cron:; for several, write triggers: [(event: …), (cron: …)]") })
        #expect(lines.contains { $0.contains("@inngest.function needs an id") })
    }

    @Test func conflictingDeclarationsAreErrors() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Event { static let name = "a/b" }
            // @inngest.injectable
            final class S: Sendable {
                init(a: Int) {}
                init(b: String) {}
            }
            """])
        let lines = errors(output)
        #expect(lines.contains { $0.contains("E both conforms to Event and has an @inngest.event marker") })
        #expect(lines.contains { $0.hasPrefix("A.swift:4:") && $0.contains("S has 2 initialisers; mark the one to inject with // @inngest.inject") })
    }

    @Test func moduleMarkerMayStandOnAConformingType() throws {
        let output = generate(["A.swift": """
            // @inngest.injectable
            final class S: Sendable { init() {} }
            // @inngest.module(providers: [S], exports: [S])
            struct PaymentsModule: Module {}
            """])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(wiring.contains("extension PaymentsModule {"), "the conformance is the user's; the generator adds only the descriptor")
        #expect(wiring.contains("providers: [S.inngestProvider]"))

        let both = generate(["A.swift": """
            // @inngest.module(providers: [S])
            struct M: Module { static let providers: [Any.Type] = [S.self] }
            """])
        #expect(errors(both).first?.contains("M lists its providers both in its @inngest.module marker and in static properties") == true)
    }

    @Test func injectMarkerChoosesTheInitialiser() throws {
        let output = generate(["A.swift": """
            // @inngest.injectable(scope: transient)
            final class S: Sendable {
                init(a: Int) {}
                // @inngest.inject
                init(clock: Clock, name: String = "x") {}
            }
            // @inngest.injectable
            final class Clock: Sendable { init() {} }
            // @inngest.module(providers: [S, Clock])
            struct M {}
            """])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(wiring.contains("S.self, scope: .transient"))
        #expect(wiring.contains(#"dependencies: [.init("clock", (Clock).self)]"#))
        #expect(wiring.contains("S(clock: try await resolver.resolve((Clock).self))"))
    }

    @Test func missingProvidersAreBuildErrorsWithAdvice() {
        let output = generate(["Sources/App.swift": """
            // @inngest.injectable
            final class Gateway: Sendable { init() {} }
            // @inngest.injectable
            final class Payments: Sendable { init(gateway: Gateway, clock: Clock?) {} }
            // @inngest.injectable
            final class Mailer: Sendable { init(smtp: SMTP) {} }
            // @inngest.module(providers: [Gateway])
            struct GatewayModule {}
            // @inngest.module(imports: [GatewayModule], providers: [Payments, Mailer], exports: [Payments])
            struct PaymentsModule {}
            // @inngest.module(imports: [PaymentsModule])
            struct AppModule {}
            """])
        #expect(errors(output) == [
            "Sources/App.swift:4:39: error: Payments.init(gateway:clock:) in PaymentsModule needs Gateway for parameter 'gateway', but nothing visible to PaymentsModule provides it. "
                + "GatewayModule provides Gateway and PaymentsModule imports GatewayModule, but GatewayModule does not export it: add Gateway to GatewayModule's exports.",
            "Sources/App.swift:6:37: error: Mailer.init(smtp:) in PaymentsModule needs SMTP for parameter 'smtp', but nothing visible to PaymentsModule provides it. "
                + "Add SMTP to PaymentsModule's providers (mark it // @inngest.injectable), or import a module that exports it.",
        ])
    }

    @Test func handlersAreCheckedAgainstTheRootModule() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.injectable
            final class Hidden: Sendable { init() {} }
            // @inngest.module(providers: [Hidden])
            struct Inner {}
            // @inngest.module(imports: [Inner])
            struct Root {}
            // @inngest.function(id: "f", event: "a/b")
            struct F {
                let hidden: Hidden
                func handle(_ e: E, context: Context) async throws {}
            }
            """])
        #expect(errors(output).first?.hasPrefix("A.swift:11:9: error: F.init(hidden:) in Root needs Hidden for parameter 'hidden'") == true, "\(errors(output))")
    }

    @Test func constructorCyclesShowTheFullPath() {
        let output = generate(["A.swift": """
            // @inngest.injectable
            final class A: Sendable { init(b: B) {} }
            // @inngest.injectable
            final class B: Sendable { init(c: C) {} }
            // @inngest.injectable
            final class C: Sendable { init(a: A) {} }
            // @inngest.module()
            struct M {}
            """])
        #expect(errors(output).contains { $0.contains("dependency cycle: A → B → C → A") })
    }

    @Test func graphsReachingIntoOtherTargetsAreLeftToTheBootCheck() {
        let output = generate(["A.swift": """
            // @inngest.injectable
            final class S: Sendable { init(db: Database) {} }
            // @inngest.module(imports: [DatabaseModule], providers: [S])
            struct M {}
            """])
        #expect(errors(output).isEmpty)
    }

    @Test func privateTypesCannotBeRegistered() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            private struct E: Codable, Sendable {}
            """])
        #expect(errors(output).first?.contains("E is private; the generated registration code cannot see it") == true)
    }

    @Test func functionsWithoutAModuleGetAWarning() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.function(id: "f", event: "a/b")
            struct F { func handle(_ e: E, context: Context) async throws {} }
            """])
        #expect(output.diagnostics.map(\.severity) == [.warning])
        #expect(!output.files.isEmpty)
    }

    @Test func methodPayloadMustMatchTheTrigger() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.event("c/d")
            struct D: Codable, Sendable {}
            final class Jobs: Sendable {
                // @inngest.function(id: "f", event: "a/b")
                func run(_ d: D, context: Context) async throws {}
            }
            """])
        #expect(errors(output).contains { $0.contains(#"is triggered by "a/b", which is E, but its payload type is D"#) })
    }
}
