/// The protocols of swift-inngest whose adopters the generator registers.
enum FrameworkProtocol: String, CaseIterable, Sendable {
    /// `InngestFunction`: a function.
    case function = "InngestFunction"
    /// `Event`: an event type.
    case event = "Event"
    /// `Module`: a module.
    case module = "Module"
    /// `Injectable`: a service wired by constructor.
    case injectable = "Injectable"

    /// The module prefixes the protocol may be written with.
    static let modulePrefixes = ["Inngest.", "InngestCore.", "InngestDI."]

    /// Whether `written`, a name that no declaration of the target shadows, spells this protocol:
    /// `Event`, `Inngest.Event`, `InngestCore.Event`, `InngestDI.Event`.
    func isSpelled(by written: String) -> Bool {
        written == rawValue || Self.modulePrefixes.contains { written == $0 + rawValue }
    }

    /// Protocols of the framework that refine one of these: adopting one adopts it.
    static let refinements: [String: FrameworkProtocol] = ["OnFailure": .function]

    /// The framework protocol `written` spells (or refines), if any.
    static func spelled(by written: String) -> FrameworkProtocol? {
        if let found = allCases.first(where: { $0.isSpelled(by: written) }) { return found }
        for (name, refined) in refinements where written == name || modulePrefixes.contains(where: { written == $0 + name }) {
            return refined
        }
        return nil
    }
}
