#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The name of each event's `AppEvent` case, as the renderer writes them: the lower-camel-case type
/// name (`OrderPlaced` → `orderPlaced`, `URLFetched` → `urlFetched`, `Shop.Placed` → `placed`), or,
/// when an earlier event (in type-name order) took that name, the lower-camel-case of the whole
/// qualified name without dots (`ShopPlaced` → `shopPlaced`).
enum AppEventCaseNames {
    /// Event type name → case name, for `events` in the model's order (sorted by type name).
    static func of(_ events: [EventModel]) -> [String: String] {
        var used = Set<String>()
        var names: [String: String] = [:]
        for event in events {
            var name = Renderer.lowerCamel(event.typeName.split(separator: ".").last.map(String.init) ?? event.typeName)
            if !used.insert(name).inserted {
                name = Renderer.lowerCamel(event.typeName.replacing(".", with: ""))
                used.insert(name)
            }
            names[event.typeName] = name
        }
        return names
    }
}
