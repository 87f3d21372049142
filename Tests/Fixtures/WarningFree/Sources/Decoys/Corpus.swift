// The decoy corpus of ConcreteTypeTests: protocols refining ours, their extensions, aliases,
// generic types, and types in comments, strings and #if false. Only the concrete types may be
// registered, or the generated code would not compile.
import Inngest

protocol DecoyAuditedFunction: InngestFunction {}
protocol DecoyAuditedEvent: Inngest.Event {}
protocol DecoyFeatureModule: Module {}
protocol DecoyService: Injectable, Sendable {}
protocol DecoyRefinedTwice: DecoyAuditedFunction {}
extension DecoyAuditedFunction where Self: Sendable {
    static var options: FunctionOptions { FunctionOptions(retries: 2) }
}
extension InngestFunction { func decoyLog() {} }
extension Inngest.Event { var decoyTag: String { Self.name } }
extension Module {}
extension Injectable where Self: AnyObject {}
typealias DecoyHandler = InngestFunction & Sendable
typealias DecoyPayload = Event
struct DecoyBox<T: Codable & Sendable>: Event {
    static var name: String { "decoy/box" }
    var value: T
}
struct DecoyOuter<T> {
    struct DecoyInner: Event { static var name: String { "decoy/inner" } }
}
extension DecoyOuter {
    struct DecoyInExtension: Injectable {}
}
extension Array: @retroactive Injectable where Element: Injectable {}
extension Dictionary {
    struct DecoyInStandardGeneric: Event { static var name: String { "decoy/dictionary" } }
}
func decoyRun(_ function: some InngestFunction) {}
func decoyAll<T>(_ value: T) where T: InngestFunction {}
let decoyAny: [any Event] = []
let decoyText = "struct DecoyInString: InngestFunction {}"
let decoyMulti = """
    struct DecoyInMultiline: Event {}
    """
let decoyRaw = #"struct DecoyInRaw: Module {}"#
// struct DecoyInComment: InngestFunction {}
/* struct DecoyInBlock: Event {} */
#if false
struct DecoyInIfFalse: Event { static let name = "decoy/if-false" }
#endif
#if true
#else
final class DecoyInElse: Injectable {}
#endif

struct Charge: DecoyAuditedFunction {
    static let id = "charge"
    static let trigger = Trigger.event(Login.self)
    func handle(_ login: Login, context: Context) async throws {}
}
struct Refund: DecoyRefinedTwice {
    static let id = "refund"
    static let trigger = Trigger.event(Login.self)
    func handle(_ login: Login, context: Context) async throws {}
}
struct Composed: DecoyHandler {
    static let id = "composed"
    static let trigger = Trigger.event(Login.self)
    func handle(_ login: Login, context: Context) async throws {}
}
struct Qualified: Inngest.InngestFunction {
    static let id = "qualified"
    static let trigger = Trigger.event(Login.self)
    func handle(_ login: Login, context: Context) async throws {}
}
struct Login: DecoyAuditedEvent { static let name = "audit/login" }
struct Aliased: DecoyPayload { static let name = "audit/aliased" }
struct Retro {}
extension Retro: Event { static let name = "audit/retro" }
final class Mailer: DecoyService { init() {} }
struct FlagsModule: DecoyFeatureModule {}
enum Wrapper {
    struct Nested: Event { static let name = "audit/nested" }
}

// @inngest.module(providers: [Mailer])
struct CorpusModule {}
