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

    /// The modules a `dynamicImports` list configures: `[ConfigModule.forRoot(…), DynamicModule(CacheModule.self, …)]`
    /// gives `ConfigModule` and `CacheModule`; `nil` for any other shape.
    static func dynamicImportModules(_ expression: String) -> [String]? {
        dynamicImportModules(ExpressionCursor(expression))
    }

    private static func dynamicImportModules(_ list: ExpressionCursor) -> [String]? {
        var list = list
        guard let elements = list.arrayElements() else { return nil }
        var modules: [String] = []
        for var element in elements {
            var initializer = element
            var named = element
            let isDescriptor = (initializer.take(.period) && initializer.take(.identifier, "init"))
                || (named.take(.identifier, "DynamicModule") && (named.kind == .leftParen || (named.take(.period) && named.take(.identifier, "init"))))
            if isDescriptor {
                // DynamicModule(ConfigModule.self, …) or .init(ConfigModule.self, …)
                var call = initializer.kind == .leftParen ? initializer : named
                guard let arguments = call.arguments(), call.atEnd, let first = arguments.first, first.label == nil else { return nil }
                var type = first.value
                guard let module = type.typeReference() else { return nil }
                modules.append(module)
                continue
            }
            guard var callee = element.path(), callee.count >= 2, element.arguments() != nil, element.atEnd else { return nil }
            callee.removeLast()
            modules.append(callee.joined(separator: "."))
        }
        return modules
    }

    /// The lists a hand-written descriptor states.
    struct Lists: Equatable {
        var imports: [String] = []
        var providers: [String] = []
        var exports: [String] = []
        /// The function types its `functions:` lists.
        var functions: [String] = []
        /// The modules its `dynamicImports` name; `nil` when they cannot be read.
        var dynamicImportModules: [String]? = []
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
            case ("functions", _):
                if let names = argument.literalList(suffix: "self") { lists.functions = names } else { lists.unreadable.insert(.providers) }
            case ("dynamicImports", _):
                lists.dynamicImportModules = dynamicImportModules(argument)
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
