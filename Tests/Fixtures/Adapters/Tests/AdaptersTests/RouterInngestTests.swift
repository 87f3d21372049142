// The Hummingbird adapter's test: this fixture enables the `Hummingbird` trait on swift-inngest.
// `swift test --package-path Tests/Fixtures/Adapters` (what `.ci/run` runs).
import HTTPTypes
import Hummingbird
import Inngest
import InngestHummingbird
import NIOCore
import Testing

struct Hello: Event {
    static let name = "test/hello"
    var name: String
}

struct Greet: InngestFunction, Sendable {
    static let id = "greet"
    static let trigger = Trigger.event(Hello.self)

    func handle(_ hello: Hello, context: Context) async throws -> String {
        try await context.step.run("compose") { "Hello, \(hello.name)!" }
    }
}

struct RootModule: Module {
    static var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("RootModule") }
}

/// An execute call for `greet` with no step recorded, as an Inngest server sends it.
let greetCall = #"{"ctx":{"attempt":0,"disable_immediate_execution":false,"max_attempts":4,"run_id":"01RUN","stack":{"current":0,"stack":[]},"use_api":false},"event":{"data":{"name":"Ada"},"id":"01EVT","name":"test/hello","ts":1700000000000,"user":{}},"events":[{"data":{"name":"Ada"},"id":"01EVT","name":"test/hello","ts":1700000000000,"user":{}}],"steps":{},"use_api":false,"version":2}"#

@Suite struct RouterInngestTests {
    @Test func aHummingbirdRouterServesTheFunctions() async throws {
        let serve = try ServeConfiguration(appId: "hb", mode: .dev)
        let app = try await InngestApp.boot(RootModule.self, configuration: InngestConfiguration(appId: "hb", orchestration: .inngest(serve)),
                                            functions: [FunctionDefinition(handler: Greet())])
        let router = Router()
        router.addInngest(app.serveHandler(serve))

        let introspection = try await router.respond(to: "/api/inngest", method: .get)
        #expect(introspection.status == .ok)
        #expect(introspection.body.contains(#""function_count":1"#))
        #expect(introspection.headers[HTTPField.Name("X-Inngest-SDK")!]?.hasPrefix("inngest-swift:v") == true)
        #expect(introspection.headers[HTTPField.Name("X-Inngest-Framework")!] == "hummingbird")

        let execution = try await router.respond(to: "/api/inngest?fnId=hb-greet&stepId=step", method: .post, body: ByteBuffer(string: greetCall))
        #expect(execution.status.code == 206)
        #expect(execution.body.contains(#""data":"Hello, Ada!""#))

        // A sync carries {"url": …}: its body is read only up to 64 KiB (plus the byte that shows it is larger).
        // The handler's 413, not Hummingbird's bare one: the SDK's headers and its JSON error.
        let large = ByteBuffer(repeating: UInt8(ascii: " "), count: ServeSDK.maximumControlBodySize + 1)
        let huge = ByteBuffer(repeating: UInt8(ascii: " "), count: ServeSDK.maximumControlBodySize * 2)
        let tooLarge = ByteBuffer(repeating: UInt8(ascii: " "), count: ServeSDK.maximumRequestBodySize + 1)
        for (method, body) in [(HTTPRequest.Method.put, large), (.get, huge), (.post, tooLarge)] {
            let refused = try await router.respond(to: "/api/inngest?fnId=hb-greet&stepId=step", method: method, body: body)
            #expect(refused.status.code == 413)
            #expect(refused.headers[HTTPField.Name("X-Inngest-SDK")!]?.hasPrefix("inngest-swift:v") == true)
            #expect(refused.body.contains(#""name":"RequestTooLarge""#))
        }
    }

    @Test func aFrameworkNamedByTheConfigurationIsKept() async throws {
        let serve = try ServeConfiguration(appId: "hb", mode: .dev, framework: "custom")
        let app = try await InngestApp.boot(RootModule.self, configuration: InngestConfiguration(appId: "hb", orchestration: .inngest(serve)),
                                            functions: [FunctionDefinition(handler: Greet())])
        let router = Router()
        router.addInngest(app.serveHandler(serve))
        let introspection = try await router.respond(to: "/api/inngest", method: .get)
        #expect(introspection.headers[HTTPField.Name("X-Inngest-Framework")!] == "custom")
    }
}
