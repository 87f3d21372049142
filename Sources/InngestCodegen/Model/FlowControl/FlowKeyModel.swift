/// A flow-control expression (a `key`, `priority`'s `run`) as the build read it: a literal
/// expression, a key path (which gives `event.data.<path>`), or something written another way
/// that only the boot check sees.
public enum FlowKeyModel: Sendable, Hashable {
    /// A string literal: an expression over `event`.
    case expression(LocatedString)
    /// A key path, `\OrderPlaced.customerId`: `event.data.customerId` at run time.
    case keyPath(KeyPathModel)
    /// Written, but not as a literal: left to the boot check.
    case unread(SourceLocation)

    /// The literal expression, when written as one.
    public var expression: LocatedString? {
        if case .expression(let text) = self { return text }
        return nil
    }

    /// Where it is written.
    public var location: SourceLocation {
        switch self {
        case .expression(let text): text.location
        case .keyPath(let path): path.location
        case .unread(let location): location
        }
    }
}
