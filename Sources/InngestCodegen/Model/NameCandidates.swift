/// The names of a target that the model builder must look at, gathered as it enters each
/// declaration, while the declaration is at hand.
///
/// Most names of a target are ordinary code: no marker, and nothing inherited but plain names
/// that the target does not declare and that spell no framework protocol (`Codable`,
/// `Sendable`). Nothing comes of them, and a target may have tens of thousands. Reading every
/// name's declarations again afterwards cost two cache misses a name (its list, then its box), so
/// each declaration is judged when it is entered. Only whether the target declares an inherited
/// name has to wait for the whole index: each such name keeps the names that inherit it.
struct NameCandidates {
    /// A plain inherited name, and who inherits it.
    private struct Use {
        /// Whether it is a plain name that spells no framework protocol (``TypeIndex/isPlainForeignCandidate(_:)``).
        let isPlain: Bool
        var names: [String] = []
    }

    /// Names that have a marker, or inherit something other than a plain name.
    private var certain: [String] = []
    private var uses: [String: Use] = [:]

    /// Notes a declaration of `name` as the builder enters it.
    mutating func note(_ declaration: TypeDecl, named name: String) {
        if declaration.mayHaveMarkers {
            certain.append(name)
            return
        }
        // One lookup an entry: the default is built only for an entry seen the first time.
        let plain = declaration.fileScopeInheritance { entry in
            Self.add(name, to: &uses[entry, default: Use(isPlain: TypeIndex.isPlainForeignCandidate(entry))])
        }
        if !plain { certain.append(name) }
    }

    private static func add(_ name: String, to use: inout Use) -> Bool {
        if use.isPlain { use.names.append(name) }
        return use.isPlain
    }

    /// The names to look at once every declaration is entered: those noted as certain, those that
    /// inherit a name the target declares, and type aliases with declarations of their own.
    func names(index: TypeIndex, declarations: [String: [TypeDecl]]) -> [String] {
        var names = Set(certain)
        for (entry, use) in uses where use.isPlain && index.declares(TypeIndex.firstComponent(of: entry)) {
            names.formUnion(use.names)
        }
        for alias in index.aliases.keys where declarations[alias] != nil { names.insert(alias) }
        return Array(names)
    }
}
