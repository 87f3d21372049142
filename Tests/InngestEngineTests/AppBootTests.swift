import Foundation
import Inngest
import InngestTesting
import Testing

/// A service the handler below needs.
final class Ledger: Sendable {
    let prefix: String
    init(prefix: String) { self.prefix = prefix }
}

struct Book: InngestFunction {
    static let id = "book"
    static let trigger = Trigger.event(Ping.self)
    let ledger: Ledger

    func handle(_ ping: Ping, context: Context) async throws -> String {
        try await context.step.run("write") { ledger.prefix + ping.id }
    }
}

/// What the generated registry produces for `Book`.
let bookDefinition = FunctionDefinition(Book.self, dependencies: [.init("ledger", Ledger.self)], consumer: "Book.init(ledger:)",
                                        location: "Sources/App/Book.swift:14") { resolver in
    Book(ledger: try await resolver.resolve(Ledger.self))
}

struct LedgerModule: Module {
    static var moduleDescriptor: ModuleDescriptor {
        ModuleDescriptor("LedgerModule", providers: [ProviderDescriptor(Ledger.self, consumer: "Ledger.init(prefix:)") { _ in Ledger(prefix: "#") }],
                         exports: [Ledger.self])
    }
}

struct RootWithLedger: Module {
    static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("RootWithLedger", imports: [LedgerModule.self]) }
}

struct RootWithoutLedger: Module {
    static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("RootWithoutLedger") }
}

@Suite struct AppBootTests {
    @Test func handlersGetTheirServicesFromTheModuleGraph() async throws {
        let app = try await InngestTestApp.boot(RootWithLedger.self, functions: [bookDefinition])
        try await app.send(Ping(id: "42"))
        try await app.runUntilIdle()
        #expect(try await app.runs().first?.output == .string("#42"))
    }

    @Test func overridesReplaceServicesInTests() async throws {
        let app = try await InngestTestApp.boot(RootWithLedger.self, functions: [bookDefinition],
                                                overrides: [.value(Ledger(prefix: "fake-"), as: Ledger.self)])
        try await app.send(Ping(id: "1"))
        try await app.runUntilIdle()
        #expect(try await app.runs().first?.output == .string("fake-1"))
    }

    @Test func missingProviderFailsBootNamingConsumerParameterModuleAndPath() async throws {
        await #expect {
            try await InngestTestApp.boot(RootWithoutLedger.self, functions: [bookDefinition])
        } throws: { error in
            let text = "\(error)"
            return error is DependencyGraphError && text.contains("Book.init(ledger:)") && text.contains("'ledger'")
                && text.contains("RootWithoutLedger") && text.contains("path: RootWithoutLedger → Book")
                && text.hasPrefix("Sources/App/Book.swift:14: ")
        }
    }

    @Test func nothingRunsWhenBootFails() async throws {
        let journal = Journal()
        let broken = FunctionDefinition(ThreeSteps.self, dependencies: [.init("ledger", Ledger.self)]) { _ in
            ThreeSteps(journal: journal, failures: 0)
        }
        await #expect(throws: DependencyGraphError.self) {
            try await InngestTestApp.boot(RootWithoutLedger.self, functions: [broken])
        }
        #expect(journal.all.isEmpty)
    }
}

@Suite struct ServeModeTests {
    /// The same functions and module graph, served to an Inngest server instead of the engine.
    @Test func theSameFunctionsAreServedToAnInngestServer() async throws {
        let serve = try ServeConfiguration(appId: "shop", mode: .dev)
        let app = try await InngestApp.boot(RootWithLedger.self,
                                            configuration: InngestConfiguration(appId: "shop", orchestration: .inngest(serve)),
                                            functions: [bookDefinition])
        let handler = app.serveHandler(serve)
        func call(steps: String) async -> ServeResponse {
            let body = ##"{"ctx":{"attempt":0,"disable_immediate_execution":false,"max_attempts":4,"run_id":"01RUN","stack":{"current":0,"stack":[]},"use_api":false},"event":{"data":{"id":"7"},"id":"01EVT","name":"test/ping","ts":1700000000000,"user":{}},"events":[{"data":{"id":"7"},"id":"01EVT","name":"test/ping","ts":1700000000000,"user":{}}],"steps":"## + steps + ##","use_api":false,"version":2}"##
            return await handler.handle(ServeRequest(method: "POST", target: "/api/inngest?fnId=shop-book&stepId=step", body: Array(body.utf8)))
        }
        let first = await call(steps: "{}")
        #expect(first.status == 206)
        #expect(first.bodyText == ##"[{"data":"#7","displayName":"write","id":"\##(StepIdentifier.hash("write"))","name":"write","op":"StepRun"}]"##)
        let second = await call(steps: ##"{"\##(StepIdentifier.hash("write"))":{"data":"#7"}}"##)
        #expect(second.status == 200)
        #expect(second.bodyText == ##""#7""##)
        #expect(try await app.engine.runs().isEmpty, "the embedded engine stays idle")
    }

    @Test func appIdsMustAgree() async throws {
        let serve = try ServeConfiguration(appId: "other", mode: .dev)
        await #expect {
            try await InngestApp.boot(RootWithLedger.self, configuration: InngestConfiguration(appId: "shop", orchestration: .inngest(serve)))
        } throws: { "\($0)".contains("the app id is \"shop\" but the serve configuration says \"other\"") }
    }
}
