/// Every type, extension and type alias of a target by qualified name, answering what the model
/// builder asks about a declaration: which framework protocols it adopts and whether the generated
/// code can name it.
///
/// A type adopts a framework protocol when an entry of its inheritance clause (in its declaration
/// or in an extension) names the protocol, or names a protocol, type alias or superclass declared in
/// the target that does, transitively: `struct Charge: AuditedFunction` adopts `InngestFunction`
/// after `protocol AuditedFunction: InngestFunction {}`. Names are looked up as Swift does, from the
/// innermost enclosing type outwards, so a target's own `protocol Event` (or `Analytics.Event`, seen
/// from inside `Analytics`) shadows the framework's; `Inngest.Event` always means the framework's.
struct TypeIndex {
    /// What a written type name refers to.
    enum Resolution: Equatable {
        /// A type or type alias declared in the target, by qualified name.
        case declared(String)
        /// Something declared elsewhere (the framework, the standard library, a dependency), as written.
        case external(String)
    }

    /// Declarations and extensions by qualified name, in scan order.
    let declarations: [String: [TypeDecl]]
    /// Type aliases by qualified name (the first, when conditional branches declare several).
    let aliases: [String: TypeAliasDecl]

    init(declarations: [String: [TypeDecl]], aliases: [TypeAliasDecl]) {
        self.declarations = declarations
        var byName: [String: TypeAliasDecl] = [:]
        for alias in aliases where byName[alias.name] == nil { byName[alias.name] = alias }
        self.aliases = byName
    }

    /// The declaration (not an extension) of `name`, if the target has one.
    func primary(_ name: String) -> TypeDecl? {
        declarations[name]?.first { $0.kind != .extension }
    }

    /// Whether the target declares a type or a type alias called `name` (qualified).
    func declares(_ name: String) -> Bool {
        primary(name) != nil || aliases[name] != nil
    }

    // MARK: Names

    /// What `written` (a path such as `Event`, `Inngest.Event`, `Outer.Inner<T>`) means inside
    /// `scope` (a qualified type name, `nil` at file scope).
    func resolve(_ written: String, in scope: String?) -> Resolution {
        let path = Self.pathComponents(written)
        guard let first = path.first else { return .external(written) }
        let rest = path.dropFirst().map { "." + $0 }.joined()
        var enclosing = scope
        while let current = enclosing {
            if declares(current + "." + first) { return .declared(current + "." + first + rest) }
            enclosing = current.lastIndex(of: ".").map { String(current[..<$0]) }
        }
        if declares(first) { return .declared(first + rest) }
        return .external(path.joined(separator: "."))
    }

    /// `Outer<T>.Inner` → `["Outer", "Inner"]`: the components without generic arguments.
    static func pathComponents(_ written: String) -> [String] {
        // Bytes, not characters: the four that matter are ASCII, which no other scalar's UTF-8 contains.
        let utf8 = written.utf8
        if !utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: ".") || $0 == 0x20 }) {
            return written.isEmpty ? [] : [written]
        }
        var components: [String] = []
        var current: [UInt8] = []
        var depth = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: ">"): depth -= 1
            case UInt8(ascii: ".") where depth == 0:
                if !current.isEmpty { components.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            case 0x20 where depth == 0:
                break
            default:
                if depth == 0 { current.append(byte) }
            }
        }
        if !current.isEmpty { components.append(String(decoding: current, as: UTF8.self)) }
        return components
    }

    /// The protocol names of an inheritance entry: `InngestFunction & Sendable` → both,
    /// `@unchecked Sendable` → `Sendable`, `any P` → `P`; `~Copyable` and function types give none.
    static func components(of entry: String) -> [String] {
        // The common entry is one plain name (`Sendable`, `Inngest.Event`): it is its own component.
        if let first = entry.utf8.first, first == UInt8(ascii: "_") || (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z"),
           entry != "any", entry != "some", entry.utf8.allSatisfy(isPlainNameByte) {
            return [entry]
        }
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in entry {
            switch character {
            case "<", "(", "[": depth += 1
            case ">", ")", "]": depth -= 1
            default: break
            }
            if character == "&" && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.compactMap { part in
            var words = part.split(separator: " ").map(String.init)
            while let first = words.first, first.hasPrefix("@") || first == "any" || first == "some" { words.removeFirst() }
            var name = words.joined(separator: " ")
            while name.hasPrefix("("), name.hasSuffix(")") { name = String(name.dropFirst().dropLast()) }
            guard let start = name.first, start.isLetter || start == "_" else { return nil }
            return name.contains("->") ? nil : name
        }
    }

    /// A byte of a plain dotted name: ASCII letters, digits, `_` and `.`.
    private static func isPlainNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    // MARK: Conformance

    /// Whether every inheritance entry of `list`, the declarations of `name`, is a plain name
    /// (`Codable`, `Swift.Hashable`) whose first component the target does not declare and that
    /// spells no framework protocol: then `name` adopts none (``frameworkProtocols(of:)``) and has
    /// no superclass in the target. `verdicts` remembers each entry's answer, so that a target of
    /// thousands of types asks once for `Codable`. False whenever it would take more (a nested
    /// declaration, a type alias, a composition).
    func inheritsOnlyForeignNames(_ name: String, _ list: [TypeDecl], verdicts: inout [String: Bool]) -> Bool {
        if !aliases.isEmpty && aliases[name] != nil { return false }
        for position in list.indices {
            let foreign = list[position].fileScopeInheritance { entry in
                if let verdict = verdicts[entry] { return verdict }
                let verdict = isForeignName(entry)
                verdicts[entry] = verdict
                return verdict
            }
            if !foreign { return false }
        }
        return true
    }

    /// Whether `entry` is a plain name the target does not declare (its first component) and that
    /// is no framework protocol.
    private func isForeignName(_ entry: String) -> Bool {
        Self.isPlainForeignCandidate(entry) && !declares(Self.firstComponent(of: entry))
    }

    /// Whether `entry` is a plain name (`Codable`, `Swift.Hashable`) that spells no framework
    /// protocol: foreign unless the target declares its first component.
    static func isPlainForeignCandidate(_ entry: String) -> Bool {
        guard let first = entry.utf8.first, first != UInt8(ascii: "."), first < UInt8(ascii: "0") || first > UInt8(ascii: "9"),
              entry != "any", entry != "some", entry.utf8.allSatisfy(Self.isPlainNameByte) else { return false }
        return FrameworkProtocol.spelled(by: entry) == nil
    }

    /// `Swift.Hashable` → `Swift`.
    static func firstComponent(of entry: String) -> String {
        entry.firstIndex(of: ".").map { String(entry[..<$0]) } ?? entry
    }

    /// The framework protocols `name` adopts, directly or through what the target declares.
    func frameworkProtocols(of name: String) -> Set<FrameworkProtocol> {
        var found = Set<FrameworkProtocol>()
        for external in lineage(of: name).externals {
            if let spelled = FrameworkProtocol.spelled(by: external) { found.insert(spelled) }
        }
        return found
    }

    /// Whether `name` adopts `framework`.
    func adopts(_ name: String, _ framework: FrameworkProtocol) -> Bool {
        frameworkProtocols(of: name).contains(framework)
    }

    /// The protocols and classes of the target `name` inherits from, transitively (through type
    /// aliases too), nearest first; and every name declared elsewhere that any of them lists.
    func lineage(of name: String) -> (ancestors: [String], externals: Set<String>) {
        var ancestors: [String] = []
        var externals = Set<String>()
        var visited: Set<String> = [name]
        var queue: [String] = [name]
        var next = 0
        while next < queue.count {
            let current = queue[next]
            next += 1
            // An entry repeated (in many extensions, or many declarations of one name) resolves the
            // same way each time: it is read once.
            var entries: [(String, String?)] = []
            var seenEntries = Set<Entry>()
            for declaration in declarations[current] ?? [] {
                for entry in declaration.inheritance where seenEntries.insert(Entry(written: entry, scope: declaration.parentName)).inserted {
                    entries.append((entry, declaration.parentName))
                }
            }
            if let alias = aliases[current], primary(current) == nil {
                entries.append((alias.aliased, alias.parentName))
            }
            for (entry, scope) in entries {
                for component in Self.components(of: entry) {
                    switch resolve(component, in: scope) {
                    case .external(let written):
                        externals.insert(written)
                    case .declared(let target):
                        guard visited.insert(target).inserted else { continue }
                        if aliases[target] != nil && primary(target) == nil {
                            queue.append(target)
                        } else if let kind = primary(target)?.kind, kind == .protocol || kind == .class {
                            ancestors.append(target)
                            queue.append(target)
                        }
                    }
                }
            }
        }
        return (ancestors, externals)
    }

    /// An inheritance entry as written, and the type it is written in.
    private struct Entry: Hashable {
        var written: String
        var scope: String?
    }

    /// The superclass of `name` when it is a class whose superclass is declared in the target.
    func superclass(of name: String) -> String? {
        guard let declaration = primary(name), declaration.kind == .class else { return nil }
        for entry in declaration.inheritance {
            guard case .declared(let target) = resolve(entry, in: declaration.parentName) else { continue }
            if primary(target)?.kind == .class { return target }
        }
        return nil
    }

    /// `name`, then its superclasses declared in the target, nearest first.
    func classChain(from name: String) -> [String] {
        var chain = [name]
        while let last = chain.last, let parent = superclass(of: last), !chain.contains(parent) { chain.append(parent) }
        return chain
    }

    // MARK: Registration

    /// Why the generated code cannot register `name`, or `nil` when it can: only concrete types
    /// (struct, class, enum, actor, or an extension of one declared elsewhere) that can be named
    /// without generic arguments are registered.
    func registrationBlocker(_ name: String) -> String? {
        let primary = primary(name)
        if primary?.kind == .protocol { return "it is a protocol; mark the concrete types that adopt it" }
        if primary == nil {
            if case .external(let written) = resolve(name, in: nil), let framework = FrameworkProtocol.spelled(by: written) {
                return "it extends the protocol \(framework.rawValue); mark a concrete type"
            }
            if let alias = aliases[name] {
                let targets = Self.components(of: alias.aliased)
                if targets.count != 1 { return "it is a protocol composition; mark a concrete type" }
            }
        }
        if isGeneric(name) {
            return "it is generic, and the generated code must name a concrete type; mark a non-generic type"
        }
        var parent = (primary ?? declarations[name]?.first)?.parentName
        var seen = Set<String>()
        while let current = parent, seen.insert(current).inserted {
            if isGeneric(current) {
                return "it is nested in the generic type \(current), so the generated code cannot name it; move it out or mark a non-generic type"
            }
            parent = (self.primary(current) ?? declarations[current]?.first)?.parentName
        }
        return nil
    }

    /// Generic types of the standard library that a target may extend.
    static let standardGenericTypes: Set<String> = [
        "Array", "ArraySlice", "ContiguousArray", "Dictionary", "Set", "Optional", "Result", "Range", "ClosedRange",
        "KeyValuePairs", "Slice", "Swift.Array", "Swift.Dictionary", "Swift.Set", "Swift.Optional", "Swift.Result",
    ]

    /// Whether `name` cannot be named without generic arguments: declared with generic parameters,
    /// specialised in an extension (`Box<Int>`), or declared elsewhere and either a standard generic
    /// type or extended with a `where` clause (a conditional conformance).
    func isGeneric(_ name: String) -> Bool {
        if name.contains("<") { return true }
        if let primary = primary(name) { return primary.genericParameters != nil }
        if aliases[name] != nil { return aliases[name]?.genericParameters != nil }
        return Self.standardGenericTypes.contains(name) || (declarations[name] ?? []).contains { $0.whereClause != nil }
    }
}
