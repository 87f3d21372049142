/// A provider as placed in the graph: its (possibly overridden) descriptor and owning context.
struct PlacedProvider {
    /// The descriptor in effect (the override when one replaced the declared provider).
    let descriptor: ProviderDescriptor
    /// The owning context.
    let context: Int
}

/// A handler's provider and the type whose module hosts it (the function type, or the class
/// whose method the function runs).
package struct HostedProvider: Sendable {
    /// The identity of the home type.
    package let home: ObjectIdentifier
    /// The handler's provider.
    package let provider: ProviderDescriptor

    /// Hosts `provider` in the module of `home`.
    package init(home: ObjectIdentifier, provider: ProviderDescriptor) {
        self.home = home
        self.provider = provider
    }
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
    /// The contributions of each multi-binding's collection provider, by the collection's index.
    private(set) var collectionMembers: [Int: [Int]] = [:]

    /// Catalogues the providers of `modules` plus the extra provider lists.
    /// - Parameters:
    ///   - modules: The discovered modules; context `i` is module `i`, and the last context holds `globalProviders`.
    ///   - rootProviders: Extra providers of the root module.
    ///   - globalProviders: Providers visible from every module.
    ///   - overrides: Replacements for providers with the same key, wherever they are.
    ///   - hosted: Handler providers, each placed in the module that lists its home type.
    init(
        modules: [DiscoveredModule], rootProviders: [ProviderDescriptor],
        globalProviders: [ProviderDescriptor], overrides: [ProviderDescriptor], hosted: [HostedProvider] = []
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
        let placement = hostPlacement(hosted, modules: modules)
        for (index, module) in modules.enumerated() {
            let name = module.descriptor.name
            let own = module.descriptor.providers
            let extra = (index == 0 ? rootProviders : []) + (placement[index] ?? [])
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

        addCollections(globalContext: modules.count)

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

    /// Which module each hosted provider goes to: the one listing its home in `functions`, else the
    /// one providing its home (a class whose methods are functions), else the root.
    private mutating func hostPlacement(_ hosted: [HostedProvider], modules: [DiscoveredModule]) -> [Int: [ProviderDescriptor]] {
        var listedBy: [ObjectIdentifier: Int] = [:]
        var providedBy: [ObjectIdentifier: Int] = [:]
        for (index, module) in modules.enumerated() {
            for function in module.descriptor.functions {
                let id = ObjectIdentifier(function)
                if let first = listedBy[id] {
                    let name = TypeName.of(function)
                    problems.append(DependencyProblem(
                        .invalidModule,
                        "\(name) is listed by two modules, \(modules[first].descriptor.name) and \(module.descriptor.name); its "
                            + "handler resolves in one module. Keep it in one of them.",
                        location: module.descriptor.location
                    ))
                    continue
                }
                listedBy[id] = index
            }
            for provider in module.descriptor.providers where providedBy[provider.key.id] == nil {
                providedBy[provider.key.id] = index
            }
        }
        var placement: [Int: [ProviderDescriptor]] = [:]
        for entry in hosted {
            let module = listedBy[entry.home] ?? providedBy[entry.home] ?? 0
            placement[module, default: []].append(entry.provider)
        }
        return placement
    }

    /// One provider per multi-binding, in the `globalProviders` context (visible everywhere), whose
    /// dependencies are every contribution to it, in declaration order.
    private mutating func addCollections(globalContext: Int) {
        var members: [ProviderKey: [Int]] = [:]
        var bindings: [ProviderKey: MultiBinding] = [:]
        var order: [ProviderKey] = []
        for (index, provider) in providers.enumerated() {
            guard case .contribution(let binding) = provider.descriptor.kind else { continue }
            if members[binding.key] == nil { order.append(binding.key) }
            members[binding.key, default: []].append(index)
            bindings[binding.key] = bindings[binding.key] ?? binding
        }
        for key in order {
            guard let binding = bindings[key], let nodes = members[key] else { continue }
            if let existing = owned[globalContext][key] {
                problems.append(DependencyProblem(
                    .duplicateProvider,
                    "globalProviders provides \(key), which is also the multi-binding of \(nodes.count) contribution(s). "
                        + "Remove \(key) from globalProviders, or stop contributing to it.",
                    location: providers[existing].descriptor.location
                ))
                continue
            }
            let collection = ProviderDescriptor(
                key: key, scope: .singleton, dependencies: [],
                consumer: "\(key) (multi-binding of \(nodes.count))", location: nil, kind: .collection(binding),
                make: { resolver in try await resolver.collect(nodes, into: binding) },
                makeNow: { resolver in try resolver.collectNow(nodes, into: binding) }
            )
            owned[globalContext][key] = providers.count
            collectionMembers[providers.count] = nodes
            providers.append(PlacedProvider(descriptor: collection, context: globalContext))
        }
    }

    private mutating func place(
        _ declared: ProviderDescriptor, in context: Int, replacements: [ProviderKey: ProviderDescriptor],
        used: inout Set<ProviderKey>, duplicateMessage: String, fallbackLocation: String?
    ) {
        if case .contribution = declared.kind {
            // Only its collection finds it: its key is private, so it cannot be a duplicate or overridden.
            providers.append(PlacedProvider(descriptor: declared, context: context))
            return
        }
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
