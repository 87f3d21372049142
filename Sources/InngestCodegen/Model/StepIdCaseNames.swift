/// The cases of a function's generated step id enum: each literal step id as a lower-camel-case
/// Swift name (`validate-order` → `validateOrder`, `1st try` → `_1stTry`, `default` →
/// `` `default` ``), unique within the enum (a later id whose name is taken gets `_2`, `_3`…).
enum StepIdCaseNames {
    /// Step id → case name, for `ids` sorted and without repeats.
    static func of(_ ids: [String]) -> [(id: String, caseName: String)] {
        var used = Set<String>()
        return ids.map { id in
            let base = name(for: id)
            var candidate = base
            var suffix = 2
            while !used.insert(candidate).inserted {
                candidate = "\(base)_\(suffix)"
                suffix += 1
            }
            return (id, escaped(candidate))
        }
    }

    /// The enum's members that a case may not shadow, and Swift's keywords that need backticks.
    private static let taken: Set<String> = ["rawValue", "functionId", "allCases", "hashValue", "init", "self", "Type"]
    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "inout", "internal", "let",
        "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript",
        "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
        "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as", "false", "is", "nil", "super",
        "throws", "true", "try", "await", "package", "consume", "borrowing", "consuming", "Any", "Self", "Protocol",
    ]

    /// The camel-case name of `id`: ASCII letters and digits kept, anything else a word break.
    private static func name(for id: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in id.unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        guard let first = words.first else { return "step" }
        var name = Renderer.lowerCamel(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if name.first?.isNumber == true { name = "_" + name }
        if taken.contains(name) { name += "Step" }
        return name
    }

    private static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }
}
