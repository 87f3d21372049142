import Foundation
import Testing

@testable import InngestCodegen

/// Builds the model of in-memory sources.
func buildModel(_ files: [String: String]) -> (model: AppModel, diagnostics: [Diagnostic]) {
    let scanned = files.sorted { $0.key < $1.key }.map { Scanner.scan($0.value, path: $0.key) }
    return ModelBuilder.build(scanned)
}

/// What a model registers, by kind: type names, sorted.
struct Registered: Equatable, CustomStringConvertible {
    var functions: [String] = []
    var events: [String] = []
    var injectables: [String] = []
    var modules: [String] = []

    init(functions: [String] = [], events: [String] = [], injectables: [String] = [], modules: [String] = []) {
        self.functions = functions
        self.events = events
        self.injectables = injectables
        self.modules = modules
    }

    init(_ model: AppModel) {
        functions = model.functions.map(\.typeName).sorted()
        events = model.events.map(\.typeName).sorted()
        injectables = model.injectables.map(\.typeName).sorted()
        modules = model.modules.map(\.typeName).sorted()
    }

    var description: String { "functions \(functions), events \(events), injectables \(injectables), modules \(modules)" }
}

/// Only concrete types — struct, class, enum, actor, and extensions that add a conformance to one —
/// are declarations to register. Protocols that refine ours, their extensions, extensions of our
/// protocols, aliases, generic types and everything in comments, strings or `#if false` are not.
@Suite struct ConcreteTypeTests {
    /// A decoy-rich corpus: every declaration named Decoy… must not be registered; the others must.
    /// It is the WarningFree fixture's file, which `.ci/fixtures` also compiles with the generated code.
    static let corpus: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/WarningFree/Sources/Decoys/Corpus.swift").standardizedFileURL
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "missing \(url.path)"
    }()

    @Test func onlyConcreteTypesAreRegistered() {
        let (model, diagnostics) = buildModel(["Sources/App/Corpus.swift": Self.corpus])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(Registered(model) == Registered(
            functions: ["Charge", "Composed", "Qualified", "Refund"],
            events: ["Aliased", "Login", "Retro", "Wrapper.Nested"],
            injectables: ["Mailer"],
            modules: ["CorpusModule", "FlagsModule"]
        ))
    }

    @Test func generatedCodeNamesNoProtocol() throws {
        let output = generate(["Sources/App/Corpus.swift": Self.corpus])
        let generated = output.files.values.joined(separator: "\n")
        #expect(!generated.contains("Decoy"), "\(generated)")
        let registry = try #require(output.files["InngestRegistry.generated.swift"])
        for name in ["Charge", "Composed", "Qualified", "Refund"] {
            #expect(registry.contains("\(name).self"), "\(name) is registered")
        }
    }

    @Test(arguments: ["Event", "InngestFunction", "Module", "Injectable"])
    func aProtocolOfTheTargetShadowsOursByName(name: String) {
        let (model, _) = buildModel(["A.swift": """
            protocol \(name) {}
            struct Theirs: \(name) {}
            extension Theirs {}
            struct Ours: Inngest.\(name) { static let name = "a/b"; static let id = "ours" }
            """])
        let registered = Registered(model)
        let all = registered.functions + registered.events + registered.injectables + registered.modules
        #expect(!all.contains("Theirs"), "\(registered)")
        #expect(!all.contains(name), "\(registered)")
        #expect(all.contains("Ours"), "\(registered)")
    }

    @Test func aNestedTypeShadowsOursOnlyInsideItsScope() {
        let (model, _) = buildModel(["A.swift": """
            enum Analytics {
                protocol Event {}
                struct Click: Event {}
            }
            extension Analytics {
                struct Scroll: Event {}
            }
            struct Order: Event { static let name = "shop/order" }
            """])
        #expect(Registered(model).events == ["Order"])
    }

    @Test func aSubclassOfAConformingClassIsItsOwnFunction() {
        let (model, diagnostics) = buildModel(["A.swift": """
            struct Tick: Event { static let name = "a/tick" }
            // @inngest.injectable
            final class Clock: Sendable { init() {} }
            class BaseJob: InngestFunction {
                class var id: String { "base-job" }
                static let trigger = Trigger.event(Tick.self)
                let clock: Clock
                init(clock: Clock) { self.clock = clock }
                func handle(_ tick: Tick, context: Context) async throws {}
            }
            final class NightlyJob: BaseJob {
                override class var id: String { "nightly-job" }
            }
            // @inngest.module()
            struct App {}
            """])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(model.functions.map(\.typeName) == ["BaseJob", "NightlyJob"])
        #expect(model.functions.map(\.id) == ["base-job", "nightly-job"])
        #expect(model.functions.last?.initializer.dependencies.map(\.type) == ["Clock"], "the inherited initialiser")
        #expect(Checker.check(model).isEmpty)
    }

    @Test func aSubclassInheritingAStaticIdIsADuplicate() {
        let output = generate(["A.swift": """
            struct Tick: Event { static let name = "a/tick" }
            class BaseJob: InngestFunction {
                static let id = "job"
                static let trigger = Trigger.event(Tick.self)
                init() {}
                func handle(_ tick: Tick, context: Context) async throws {}
            }
            final class NightlyJob: BaseJob {}
            """])
        #expect(errors(output).contains {
            $0.hasPrefix("A.swift:8:13: error: NightlyJob and BaseJob share the function id \"job\" declared at A.swift:3:16")
                && $0.contains("override it in the subclass")
        }, "\(errors(output))")
    }

    @Test(arguments: [
        ("// @inngest.function(id: \"f\", event: \"a/b\")\nprotocol Audited {}", "Audited: it is a protocol"),
        ("// @inngest.event(\"a/b\")\nstruct Box<T> {}", "Box: it is generic"),
        ("// @inngest.injectable\nextension Injectable {}", "Injectable: it extends the protocol Injectable"),
        ("struct Outer<T> {\n// @inngest.module()\nstruct Inner {}\n}", "Outer.Inner: it is nested in the generic type Outer"),
        ("protocol Jobs {\n// @inngest.function(id: \"f\", cron: \"* * * * *\")\nfunc run()\n}", "Jobs: it is a protocol"),
    ])
    func aMarkerOnSomethingThatCannotBeRegisteredIsAnError(source: String, message: String) {
        let (_, diagnostics) = buildModel(["A.swift": source])
        let lines = diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(lines.count == 1 && lines[0].contains("cannot mark \(message)"), "\(lines)")
    }

    @Test func anExtensionThroughATypeAliasExtendsTheAliasedType() {
        let (model, _) = buildModel(["A.swift": """
            struct Payload: Codable, Sendable {}
            typealias Alias = Payload
            extension Alias: Event { static let name = "a/b" }
            """])
        #expect(Registered(model).events == ["Payload"])
    }

    @Test func membersUnderIfFalseAreIgnored() {
        let (model, diagnostics) = buildModel(["A.swift": """
            // @inngest.injectable
            final class Jobs: Sendable {
                init() {}
                #if false
                // @inngest.function(id: "never", cron: "* * * * *")
                func never() {}
                init(unused: Int) {}
                #endif
            }
            """])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(model.functions.isEmpty)
        #expect(model.injectables.first?.initializer.dependencies.isEmpty == true)
    }

    @Test(arguments: [
        (["false"], true), (["!(true)"], true), (["!(true) && (X)"], true), (["X", "(false)"], true),
        (["os(Linux) && false"], true), (["DEBUG"], false), (["false || DEBUG"], false), (["!(false)"], false),
        (["!(a && b) && (c)"], false),
    ])
    func literalConditionsAreEvaluated(conditions: [String], neverTrue: Bool) {
        #expect(CompilationCondition.isNeverTrue(conditions) == neverTrue)
    }

    @Test func aConformingTypeWhoseIdIsNotALiteralIsStillRegistered() throws {
        let output = generate(["A.swift": """
            struct Tick: Event { static let name = "a/tick" }
            struct Job: InngestFunction {
                static let prefix = "job"
                static var id: String { prefix + "-1" }
                static var trigger: Trigger<Tick> { .event(Tick.self) }
                func handle(_ tick: Tick, context: Context) async throws {}
            }
            // @inngest.module()
            struct App {}
            """])
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let registry = try #require(output.files["InngestRegistry.generated.swift"])
        #expect(registry.contains("Job.self"))
    }
}
