/// A resolution context of the validated graph: one per module, plus one for `globalProviders`.
struct GraphContext: Sendable {
    /// The name used in messages: the module's name, or `globalProviders`.
    let name: String
    /// Whether this is the pseudo-module holding `globalProviders`.
    let isGlobalProviders: Bool
    /// Whether the module is global (its exports are visible everywhere).
    let isGlobal: Bool
    /// Module names along the shortest import path from the root to this module.
    let importPath: [String]
    /// Indices of the contexts this module imports, in declaration order.
    let imports: [Int]
    /// `file:line` of the module declaration, when known.
    let location: String?

    /// The name of the pseudo-module holding `globalProviders`.
    static let globalProvidersName = "globalProviders"

    /// Where to add a missing provider of `key`, as a sentence.
    func defaultAdvice(for key: ProviderKey) -> String {
        if isGlobalProviders {
            return "Add \(key) to globalProviders, or export it from a global module."
        }
        return "Add \(key) to \(name)'s providers, or import a module that exports it."
    }
}
