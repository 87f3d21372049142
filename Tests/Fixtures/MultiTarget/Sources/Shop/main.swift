// Boots the whole app on an in-memory engine, sends one order with the app's AppEvent (which has
// the events of Orders and Billing), and exits 1 unless every function of every target ran to
// completion.
import Foundation
import Inngest
import Orders

let app = try await InngestApp.boot(
    ShopModule.self, configuration: InngestConfiguration(appId: "shop", engine: EngineConfiguration(databasePath: ":memory:")))
print("functions: \(app.functions.map(\.id).sorted().joined(separator: ", "))")
try await app.send(.orderPlaced(OrderPlaced(orderId: "o-1", cents: 1200)))
_ = try await app.engine.waitUntilAllRunsFinish(timeout: .seconds(20))
var completed = Set<String>()
for run in try await app.engine.runs() {
    print("\(run.functionId): \(run.status.rawValue) \(run.output?.jsonString ?? run.error?.description ?? "")")
    if run.status == .completed { completed.insert(run.functionId) }
}
await app.shutdown()
exit(completed == ["record-order", "invoice-order", "notify-invoiced"] ? 0 : 1)
