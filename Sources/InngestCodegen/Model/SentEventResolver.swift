/// Which events of the target a send's arguments name.
struct SentEventResolver {
    private var byCase: [String: String] = [:]
    private var byType: Set<String> = []
    private var byLastComponent: [String: [String]] = [:]

    /// Indexes the target's events by `AppEvent` case, by type and by the last component of the type.
    init(events: [EventModel]) {
        for (type, caseName) in AppEventCaseNames.of(events) { byCase[caseName] = type }
        for event in events {
            byType.insert(event.typeName)
            byLastComponent[String(event.typeName.split(separator: ".").last ?? ""), default: []].append(event.typeName)
        }
    }

    /// The event types `send` names, sorted: its `AppEvent` cases and the event types it constructs
    /// (by qualified name, or by a last component that only one event has).
    func events(namedBy send: SendDecl) -> [String] {
        var found = Set<String>()
        for name in send.caseNames { if let type = byCase[name] { found.insert(type) } }
        for written in send.typeNames {
            if byType.contains(written) {
                found.insert(written)
            } else if let matches = byLastComponent[String(written.split(separator: ".").last ?? "")], matches.count == 1,
                      matches[0].hasSuffix("." + written) {
                found.insert(matches[0])
            }
        }
        return found.sorted()
    }
}
