import Inngest

/// Not Sendable, so no singleton of it may be shared by every run.
final class Cache {
    var entries: [String] = []
    init() {}
}

/// A singleton injectable that is not Sendable.
// @inngest.injectable
final class SharedCache {
    var entries: [String] = []
    init() {}
}

/// A token for a Cache.
enum CacheToken: ProviderToken { typealias Value = Cache }

/// Configured by a path.
struct Settings: Module {
    static func forRoot(path: String) -> DynamicModule { DynamicModule(Settings.self) }
}

// @inngest.module(imports: [Settings.forRoot(path: 42)], providers: [SharedCache])
enum CacheModule {
    // @inngest.provider
    static func cache() -> Cache { Cache() }

    // @inngest.provider(token: CacheToken)
    static func tokenCache() -> Cache { Cache() }

    // A transient is not shared: no error.
    // @inngest.provider(scope: transient)
    static func fresh() -> Cache { Cache() }
}
