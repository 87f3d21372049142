/// What each context can see: the provider every visible key resolves to.
///
/// Inside a module, in order of precedence: its own providers, the exports of the modules it
/// imports (in import order), the exports of global modules, then `globalProviders`. The
/// `globalProviders` context sees its own providers, then the exports of global modules.
struct VisibilityTable {
    /// Per context, the provider each visible key resolves to.
    let visible: [[ProviderKey: Int]]

    /// Computes the visibility of every context.
    /// - Parameters:
    ///   - contexts: The contexts (modules, then `globalProviders`).
    ///   - owned: Per context, the providers it owns.
    ///   - exports: Per context, its export map.
    init(contexts: [GraphContext], owned: [[ProviderKey: Int]], exports: [[ProviderKey: Int]]) {
        let globalModules = contexts.indices.filter { contexts[$0].isGlobal }
        let globalProviders = contexts.indices.filter { contexts[$0].isGlobalProviders }
        visible = contexts.indices.map { index in
            let context = contexts[index]
            var sources: [[ProviderKey: Int]] = [owned[index]]
            if !context.isGlobalProviders {
                sources += context.imports.map { exports[$0] }
            }
            sources += globalModules.map { exports[$0] }
            if !context.isGlobalProviders {
                sources += globalProviders.map { owned[$0] }
            }
            var map: [ProviderKey: Int] = [:]
            for source in sources {
                map.merge(source) { kept, _ in kept }
            }
            return map
        }
    }
}
