/// Reads what the scanner can of a module's lists when they are written in Swift rather than in a
/// marker: the static `imports`, `providers`, `exports` and `isGlobal` of a module by conformance,
/// and a hand-written `moduleDescriptor` that is one `ModuleDescriptor(…)` call.
///
/// Only exact literal shapes are read: `[A.self, B.self]`, `[S.inngestProvider]`, `true`, `false`.
/// Anything else (a computed list, a concatenation, a value or factory provider, a helper call)
/// makes that list unreadable, and the build-time graph check then assumes nothing about it.
enum ModuleListReader {
    /// A static list property's value, `[A.self, B.self]`; `nil` when it is anything else.
    static func typeList(_ expression: String) -> [String]? {
        var cursor = ExpressionCursor(expression)
        return cursor.literalList(suffix: "self")
    }

    /// `true` or `false`; `nil` for anything else.
    static func bool(_ expression: String) -> Bool? {
        var cursor = ExpressionCursor(expression)
        let word = cursor.text
        guard cursor.take(.identifier), cursor.atEnd else { return nil }
        return word == "true" ? true : word == "false" ? false : nil
    }

    /// The lists a hand-written descriptor states.
    struct Lists: Equatable {
        var imports: [String] = []
        var providers: [String] = []
        var exports: [String] = []
        var isGlobal = false
        /// The lists written in a shape this reader does not accept.
        var unreadable: Set<ModuleModel.Part> = []
    }

    /// The lists of a `ModuleDescriptor("Name", imports: [A.self], providers: [S.inngestProvider],
    /// exports: [S.self], isGlobal: true, location: …)` call (or `.init(…)`); `nil` when the
    /// expression is not such a call. A list the call leaves out has its default (empty, not
    /// global); a list written in any other shape is in `unreadable`.
    static func descriptor(_ expression: String) -> Lists? {
        var cursor = ExpressionCursor(expression)
        if cursor.take(.period) {
            guard cursor.take(.identifier, "init") else { return nil }
        } else {
            guard let callee = cursor.path(), callee == ["ModuleDescriptor"] || callee == ["ModuleDescriptor", "init"] else { return nil }
        }
        guard cursor.take(.leftParen) else { return nil }
        var lists = Lists()
        var index = 0
        while !cursor.take(.rightParen) {
            var argument = cursor.element()
            var label: String?
            var labeled = argument
            let word = labeled.text
            if labeled.take(.identifier), labeled.take(.colon) {
                label = word
                argument = labeled
            }
            switch (label, index) {
            case (nil, 0), ("location", _):
                break
            case ("imports", _):
                if let names = argument.literalList(suffix: "self") { lists.imports = names } else { lists.unreadable.insert(.imports) }
            case ("providers", _):
                if let names = argument.literalList(suffix: "inngestProvider") { lists.providers = names } else { lists.unreadable.insert(.providers) }
            case ("exports", _):
                if let names = argument.literalList(suffix: "self") { lists.exports = names } else { lists.unreadable.insert(.exports) }
            case ("isGlobal", _):
                let value = argument.text
                if argument.take(.identifier), argument.atEnd, value == "true" || value == "false" {
                    lists.isGlobal = value == "true"
                } else {
                    lists.unreadable.insert(.isGlobal)
                }
            default:
                return nil
            }
            index += 1
            if !cursor.take(.comma) {
                guard cursor.take(.rightParen) else { return nil }
                break
            }
        }
        return cursor.atEnd ? lists : nil
    }
}
