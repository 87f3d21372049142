/// A provider as placed in the graph: its (possibly overridden) descriptor and owning context.
struct PlacedProvider {
    /// The descriptor in effect (the override when one replaced the declared provider).
    let descriptor: ProviderDescriptor
    /// The owning context.
    let context: Int
}

/// Places every provider in its context, applies overrides and reports duplicates.
///
/// Providers are numbered in declaration order: contexts in discovery order (root first, with
/// `rootProviders` after the root's own providers, `globalProviders` last), then each context's
/// providers in order. That numbering breaks ties in the instantiation order.
struct ProviderCatalog {
    /// Every provider kept (duplicates dropped), in declaration order.
    private(set) var providers: [PlacedProvider] = []
    /// Per context, the index of the provider of each key the context owns.
    private(set) var owned: [[ProviderKey: Int]]
    /// Duplicate and override problems.
    private(set) var problems: [DependencyProblem] = []

    /// Catalogues the providers of `modules` plus the extra provider lists.
    /// - Parameters:
    ///   - modules: The discovered modules; context `i` is module `i`, and the last context holds `globalProviders`.
    ///   - rootProviders: Extra providers of the root module.
    ///   - globalProviders: Providers visible from every module.
    ///   - overrides: Replacements for providers with the same key, wherever they are.
    init(
        modules: [DiscoveredModule], rootProviders: [ProviderDescriptor],
        globalProviders: [ProviderDescriptor], overrides: [ProviderDescriptor]
    ) {
        owned = Array(repeating: [:], count: modules.count + 1)
        var replacements: [ProviderKey: ProviderDescriptor] = [:]
        for override in overrides {
            guard replacements[override.key] == nil else {
                problems.append(DependencyProblem(
                    .invalidOverride,
                    "\(override.key) is overridden more than once. Keep a single override for \(override.key).",
                    location: override.location
                ))
                continue
            }
            replacements[override.key] = override
        }

        var used: Set<ProviderKey> = []
        for (index, module) in modules.enumerated() {
            let name = module.descriptor.name
            let own = module.descriptor.providers
            let extra = index == 0 ? rootProviders : []
            for (position, declared) in (own + extra).enumerated() {
                let duplicateMessage: String
                // Own providers come first, so a duplicate found among the extras involves rootProviders.
                if position >= own.count {
                    duplicateMessage = "\(name) provides \(declared.key) more than once (counting rootProviders). "
                        + "Remove the duplicate from \(name)'s providers or from rootProviders."
                } else {
                    duplicateMessage = "\(name) provides \(declared.key) more than once. "
                        + "Remove the duplicate from \(name)'s providers."
                }
                place(declared, in: index, replacements: replacements, used: &used,
                      duplicateMessage: duplicateMessage, fallbackLocation: module.descriptor.location)
            }
        }
        for declared in globalProviders {
            place(declared, in: modules.count, replacements: replacements, used: &used,
                  duplicateMessage: "globalProviders provides \(declared.key) more than once. "
                    + "Remove the duplicate from globalProviders.",
                  fallbackLocation: nil)
        }

        for override in overrides where !used.contains(override.key) {
            problems.append(DependencyProblem(
                .invalidOverride,
                "The override for \(override.key) replaces nothing: no module, rootProviders or globalProviders "
                    + "provides \(override.key). Remove the override, or provide \(override.key) in the graph.",
                location: override.location
            ))
            used.insert(override.key)
        }
    }

    private mutating func place(
        _ declared: ProviderDescriptor, in context: Int, replacements: [ProviderKey: ProviderDescriptor],
        used: inout Set<ProviderKey>, duplicateMessage: String, fallbackLocation: String?
    ) {
        guard owned[context][declared.key] == nil else {
            problems.append(DependencyProblem(
                .duplicateProvider, duplicateMessage, location: declared.location ?? fallbackLocation
            ))
            return
        }
        var descriptor = declared
        if let replacement = replacements[declared.key] {
            descriptor = replacement
            used.insert(declared.key)
        }
        owned[context][declared.key] = providers.count
        providers.append(PlacedProvider(descriptor: descriptor, context: context))
    }
}
