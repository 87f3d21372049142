import Inngest

// Modules whose descriptors the plugin does not write: by hand (value providers), inherited, and
// static lists used as written.

struct FeatureFlags: Sendable {
    var beta = false
}

struct FlagsModule: Module {
    static var moduleDescriptor: ModuleDescriptor {
        let flags = FeatureFlags(beta: true)
        return ModuleDescriptor("FlagsModule", providers: [.value(flags)], exports: [FeatureFlags.self])
    }
}

struct SettingsModule: Module {
    static let providers: [ProviderDescriptor] = [.value(FeatureFlags())]
    static var exports: [Any.Type] { [FeatureFlags.self] }
    static let isGlobal = false
}

class BaseModule: Module {
    class var moduleDescriptor: ModuleDescriptor { ModuleDescriptor("BaseModule") }
}

final class DerivedModule: BaseModule {}

// @inngest.event("shape/flagged")
struct Flagged: Codable, Sendable {}

// @inngest.function(id: "flagged", event: "shape/flagged")
struct UsesFlags {
    let flags: FeatureFlags
    func handle(_ event: Flagged, context: Context) async throws -> Bool { flags.beta }
}

// @inngest.module(imports: [FlagsModule, SettingsModule])
struct HandwrittenModule {}
