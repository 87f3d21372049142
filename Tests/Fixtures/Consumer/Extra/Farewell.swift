import Inngest

// Added by .ci/fixtures to prove that one file with a marker is enough: no registration by hand.

// @inngest.event("greeting/farewell")
struct FarewellRequested: Codable, Sendable {
    var name: String
}

// @inngest.function(id: "farewell", event: "greeting/farewell")
struct Farewell {
    let greeter: Greeter

    func handle(_ request: FarewellRequested, context: Context) async throws -> String {
        let text = try await context.step.run("compose") { "Goodbye, \(request.name)!" }
        try await context.step.sleep("linger", for: .milliseconds(200))
        return text + " " + greeter.greet("again")
    }
}
