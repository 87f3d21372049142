/// Says how to make a type visible to a context, by looking at who else in the graph has it.
struct MissingProviderAdvice: Sendable {
    let contexts: [GraphContext]
    let owned: [[ProviderKey: Int]]
    let exports: [[ProviderKey: Int]]

    /// One or more sentences: which module exports `key` (import it), which provides it without
    /// exporting it (export it), or else the generic advice of `context`.
    func advice(for key: ProviderKey, in context: Int) -> String {
        let target = contexts[context]
        var sentences: [String] = []
        for index in contexts.indices where index != context && exports[index][key] != nil {
            let module = contexts[index].name
            if target.isGlobalProviders {
                sentences.append("\(module) exports \(key), but globalProviders only see the exports of global "
                    + "modules: mark \(module) global (isGlobal: true), or add \(key) to globalProviders.")
            } else {
                sentences.append("\(module) exports \(key): add \(module) to \(target.name)'s imports.")
            }
        }
        for index in contexts.indices where index != context && !contexts[index].isGlobalProviders
            && owned[index][key] != nil && exports[index][key] == nil {
            let module = contexts[index].name
            var sentence = "\(module) provides \(key) but does not export it: add it to \(module)'s exports"
            if target.isGlobalProviders {
                sentence += ", and mark \(module) global (isGlobal: true)"
            } else if !target.imports.contains(index) && !contexts[index].isGlobal {
                sentence += ", and add \(module) to \(target.name)'s imports"
            }
            sentences.append(sentence + ".")
        }
        return sentences.isEmpty ? target.defaultAdvice(for: key) : sentences.joined(separator: " ")
    }
}
