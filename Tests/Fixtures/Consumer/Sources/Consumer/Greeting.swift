import Inngest

// @inngest.event("greeting/requested")
struct GreetingRequested: Codable, Sendable {
    var name: String
}

// @inngest.injectable
final class Greeter: Sendable {
    init() {}
    func greet(_ name: String) -> String { "Hello, \(name)!" }
}

// @inngest.function(id: "greet", event: "greeting/requested", retries: 1)
struct Greet {
    let greeter: Greeter

    func handle(_ request: GreetingRequested, context: Context) async throws -> String {
        try await context.step.run("compose") { greeter.greet(request.name) }
    }
}

// @inngest.module(providers: [Greeter])
struct ConsumerModule {}
