/// Turns a typed key path over an event's data into the Inngest expression that reads it:
/// `\OrderPlaced.customerId` gives `event.data.customerId`.
enum EventDataPath {
    /// The expression for `keyPath`; a path that is not a chain of stored properties gives text that
    /// does not parse, which the boot check refuses with the key path in the message.
    static func expression<Root>(_ keyPath: PartialKeyPath<Root>) -> String {
        guard let path = Step.propertyPath(keyPath) else { return "<\(keyPath) is not a stored property>" }
        return "event.data.\(path)"
    }
}
