// Boots the consumer's module on an in-memory engine, sends one event per registered event
// function, and prints every function id and run result. `--expect id…` exits 1 unless each id is
// registered and its runs completed.
import Foundation
import Inngest

let expected = Array(CommandLine.arguments.dropFirst().drop { $0 == "--expect" })
let app = try await InngestApp.boot(
    ConsumerModule.self,
    configuration: InngestConfiguration(appId: "consumer", engine: EngineConfiguration(databasePath: ":memory:")))
print("functions: \(app.functions.map(\.id).joined(separator: ", "))")
try await app.send(.greetingRequested(GreetingRequested(name: "fixture")))
for event in ExtraEvents.all { try await app.send(event) }
_ = try await app.engine.waitUntilAllRunsFinish(timeout: .seconds(20))
var ok = true
for run in try await app.engine.runs() {
    print("\(run.functionId): \(run.status.rawValue) \(run.output?.jsonString ?? run.error?.description ?? "")")
    if run.status != .completed { ok = false }
}
for id in expected where !app.functions.contains(where: { $0.id == id }) {
    print("missing function \(id)")
    ok = false
}
await app.shutdown()
exit(ok ? 0 : 1)
