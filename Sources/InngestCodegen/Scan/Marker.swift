/// A decorator comment such as `// @inngest.function(id: "x", retries: 3)`.
///
/// A marker is a comment whose text, after `//`, `///`, `/*` or `/**`, whitespace and (in
/// block comments) a leading `*`, starts with `@inngest.`. It attaches to the next
/// declaration. The scanner checks only its syntax; which kinds and labels mean
/// something is for the semantic layer.
public struct Marker: Hashable, Sendable {
    /// The kinds the generator understands; any other kind is an error.
    static let knownKinds = ["function", "event", "injectable", "module", "inject", "provider"]

    /// Where an `@inngest.provider` marker may stand, for messages about one that stands elsewhere.
    static let providerPlacement = "@inngest.provider goes on a static let, static var or static func of a module "
        + "(a type marked @inngest.module or conforming to Module, or an extension of one)"

    /// The word after `@inngest.`: `function`, `event`, `injectable`, `module`, or
    /// anything else that was written.
    public var kind: String
    /// The arguments in source order; empty for a bare `@inngest.injectable`.
    public var arguments: [MarkerArgument]
    /// The location of the `@`.
    public var location: SourceLocation
    /// A marker whose arguments did not parse (already reported): it still tells what its
    /// declaration is, but nothing else is read from it.
    public var isMalformed: Bool

    /// Creates a marker.
    public init(kind: String, arguments: [MarkerArgument] = [], location: SourceLocation, isMalformed: Bool = false) {
        self.kind = kind
        self.arguments = arguments
        self.location = location
        self.isMalformed = isMalformed
    }

    /// The first argument with this label, if any.
    public func argument(_ label: String) -> MarkerArgument? {
        arguments.first { $0.label == label }
    }

    /// The unlabeled arguments, in order.
    public var unlabeledArguments: [MarkerArgument] {
        arguments.filter { $0.label == nil }
    }
}
