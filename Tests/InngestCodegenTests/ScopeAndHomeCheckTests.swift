import Foundation
import Testing

@testable import InngestCodegen

/// The graph check's scope rule (a singleton must not keep a transient or run-scoped instance),
/// lazy parameters as no cycle edge, and handlers resolving in the module that lists them.
@Suite struct ScopeAndHomeCheckTests {
    @Test func aSingletonThatKeepsATransientIsAnError() {
        let output = generate(["A.swift": """
            // @inngest.injectable(scope: transient)
            final class Clock: Sendable { init() {} }
            // @inngest.injectable(scope: run)
            final class RunState: Sendable { init() {} }
            // @inngest.injectable
            final class Keeper: Sendable { init(clock: Clock, state: Provider<RunState>) {} }
            // @inngest.injectable(scope: transient)
            final class Fine: Sendable { init(state: RunState) {} }
            // @inngest.module(providers: [Clock, RunState, Keeper, Fine])
            enum M {
                // @inngest.provider
                static func label(state: RunState) -> String { "" }
            }
            """])
        #expect(errors(output) == [
            "A.swift:6:13: error: Keeper (singleton) depends on Clock (transient) for parameter 'clock': a singleton keeps one Clock forever. "
                + "Take `Provider<Clock>` and call `get()` when needed, or make Keeper transient.",
            "A.swift:12:17: error: M.label(state:) (singleton) depends on RunState (run) for parameter 'state': a singleton keeps one RunState forever. "
                + "Take `Provider<RunState>` and call `get()` when needed, or make M.label(state:) transient.",
        ])
    }

    @Test func aScopeTheBuildCannotBeSureOfIsLeftToTheBoot() {
        let output = generate(["A.swift": """
            // @inngest.injectable(scope: transient)
            final class Clock: Sendable { init() {} }
            // @inngest.injectable
            final class Keeper: Sendable { init(clock: Clock) {} }
            // @inngest.module(imports: [ClockModule], providers: [Keeper])
            struct M {}
            // @inngest.module(providers: [Clock], exports: [Clock])
            struct ClockModule {}
            struct Opaque: Module { static var moduleDescriptor: ModuleDescriptor { make() } }
            """])
        #expect(errors(output).isEmpty, "an unknown module may provide a singleton Clock: \(errors(output))")
    }

    @Test func lazyParametersBreakCycles() {
        let output = generate(["A.swift": """
            // @inngest.injectable
            final class A: Sendable { init(b: B) {} }
            // @inngest.injectable
            final class B: Sendable { init(a: Provider<A>) {} }
            // @inngest.module(providers: [A, B])
            enum M {
                // @inngest.provider
                static func x(y: Int) -> String { "" }
                // @inngest.provider
                static func y(x: String) -> Int { 1 }
            }
            """])
        #expect(errors(output) == [
            "A.swift:10:17: error: dependency cycle: Int → String → Int; break it by removing one of these constructor parameters, "
                + "or take one of them as Provider<T> and call get() when it is needed",
        ])
    }

    @Test func aListedFunctionResolvesInItsModule() throws {
        let source = """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.injectable
            final class Hidden: Sendable { init() {} }
            // @inngest.function(id: "f", event: "a/b")
            struct F {
                let hidden: Hidden
                func handle(_ e: E, context: Context) async throws {}
            }
            struct G: InngestFunction {
                static let id = "g"
                static let trigger = Trigger.event(E.self)
                let hidden: Hidden
                func handle(_ e: E, context: Context) async throws {}
            }
            // @inngest.injectable
            final class Jobs: Sendable {
                init(hidden: Hidden) {}
                // @inngest.function(id: "j", event: "a/b")
                func run(_ e: E) async throws {}
            }
            // @inngest.module(providers: [Hidden, F, G, Jobs])
            struct Inner {}
            // @inngest.module(imports: [Inner])
            struct Root {}
            """
        let output = generate(["A.swift": source])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let wiring = try #require(output.files["InngestWiring.generated.swift"])
        #expect(wiring.contains("providers: [Hidden.inngestProvider, Jobs.inngestProvider],"), "\(wiring)")
        #expect(wiring.contains("functions: [F.self, G.self],"), "\(wiring)")
        let registry = try #require(output.files["InngestRegistry.generated.swift"])
        #expect(registry.contains(#"consumer: "__InngestFunction_Jobs_run.init(owner:)", location: "A.swift:20", home: Jobs.self"#), "\(registry)")

        let unlisted = generate(["A.swift": source.replacingOccurrences(of: "providers: [Hidden, F, G, Jobs]", with: "providers: [Hidden, Jobs]")])
        #expect(errors(unlisted).map { $0.components(separatedBy: " for parameter")[0] } == [
            "A.swift:7:9: error: F.init(hidden:) in Root needs Hidden",
            "A.swift:13:9: error: G.init(hidden:) in Root needs Hidden",
        ])
    }

    @Test func aMethodOwnersDependenciesAndVisibilityFollowItsModule() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.injectable
            final class Jobs: Sendable {
                init() {}
                // @inngest.function(id: "j", event: "a/b")
                func run(_ e: E) async throws {}
            }
            // @inngest.module(providers: [Jobs])
            struct Inner {}
            // @inngest.module(imports: [Inner])
            struct Root {}
            """])
        #expect(errors(output).isEmpty, "Jobs is not exported, but its handler resolves in Inner: \(errors(output))")
    }

    @Test func aFunctionListedByTwoModulesIsAnError() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.function(id: "f", event: "a/b")
            struct F { func handle(_ e: E, context: Context) async throws {} }
            // @inngest.module(providers: [F])
            struct One {}
            // @inngest.module(imports: [One], providers: [F])
            struct Two {}
            """])
        #expect(errors(output) == [
            "A.swift:4:8: error: F is listed by two modules, One (A.swift:5:4) and Two (A.swift:7:4); its handler resolves in one module: keep it in the providers of one of them",
        ])
    }

    @Test func aHandwrittenDescriptorsFunctionsAreRead() {
        let output = generate(["A.swift": """
            // @inngest.event("a/b")
            struct E: Codable, Sendable {}
            // @inngest.injectable
            final class Hidden: Sendable { init() {} }
            // @inngest.function(id: "f", event: "a/b")
            struct F {
                let hidden: Hidden
                func handle(_ e: E, context: Context) async throws {}
            }
            struct Inner: Module {
                static var moduleDescriptor: ModuleDescriptor {
                    ModuleDescriptor("Inner", providers: [Hidden.inngestProvider], functions: [F.self])
                }
            }
            // @inngest.module(imports: [Inner])
            struct Root {}
            """])
        #expect(errors(output).isEmpty, "\(errors(output))")
    }
}
