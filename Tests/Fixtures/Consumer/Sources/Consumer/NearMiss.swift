import Inngest

// A typo in a marker: the plugin warns at it (file:line:col: warning: … did you mean …) and the
// build goes on; .ci/fixtures checks the warning against expected-warnings.txt. The type is not
// registered, which is what the warning says.

// @Inngest.function(id: "near-miss", event: "greeting/requested")
struct NearMiss {
    func handle(_ request: GreetingRequested, context: Context) async throws {}
}
