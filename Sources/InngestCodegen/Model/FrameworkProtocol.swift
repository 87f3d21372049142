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

    /// Protocols of the framework that refine one of these: adopting one adopts it.
    static let refinements: [String: FrameworkProtocol] = ["OnFailure": .function]

    /// The framework protocol that `written`, a name no declaration of the target shadows, spells
    /// or refines: `Event`, `Inngest.Event`, `InngestCore.Event`, `InngestDI.Event`, `OnFailure`, ….
    static func spelled(by written: String) -> FrameworkProtocol? {
        spellings[written]
    }

    /// Every spelling of a protocol or a refinement, with and without a module prefix: what
    /// ``spelled(by:)`` looks up (it runs for every protocol every type of the target adopts).
    private static let spellings: [String: FrameworkProtocol] = {
        var spellings: [String: FrameworkProtocol] = [:]
        for (name, framework) in allCases.map({ ($0.rawValue, $0) }) + refinements.map({ ($0.key, $0.value) }) {
            for prefix in [""] + modulePrefixes { spellings[prefix + name] = framework }
        }
        return spellings
    }()
}
