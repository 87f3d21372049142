import InngestTime

/// Reads an `@inngest.function(…)` marker: its id and name, its triggers (`event:` with `if:`,
/// `cron:`, or `triggers: […]`), `retries`, `timeouts`, `cancelOn`, `onFailure` and the flow-control
/// keys (see `FunctionMarkerReader+FlowControl.swift`). Every problem is a diagnostic at the argument.
struct FunctionMarkerReader {
    /// What the marker says.
    struct Contents {
        /// The id and where it is written.
        var id: (value: String, location: SourceLocation)?
        /// The display name.
        var name: String?
        /// The triggers, in order.
        var triggers: [TriggerModel] = []
        /// The retries.
        var retries: Int?
        /// The timeouts.
        var timeouts: TimeoutsModel?
        /// The `cancelOn` entries.
        var cancels: [CancelModel] = []
        /// The failure handler's method name and where it is written.
        var onFailure: (name: String, location: SourceLocation)?
        /// The flow-control options.
        var flowControl = FlowControlModel()
    }

    /// Inngest's flow-control options.
    static let flowControlKeys = ["concurrency", "throttle", "rateLimit", "debounce", "batchEvents", "priority", "idempotency", "singleton"]

    /// Every key the marker takes.
    static let keys = ["id", "name", "event", "if", "cron", "triggers", "retries", "timeouts", "cancelOn", "onFailure"] + flowControlKeys

    /// Keys Inngest has that the marker does not support yet (refused with ``unsupportedReason``
    /// rather than as unknown); none today.
    static let unsupportedKeys: [String] = []

    /// Why ``unsupportedKeys`` are refused.
    static let unsupportedReason = "swift-inngest does not implement it yet, and a function is refused rather than run without "
        + "the behaviour it asks for; remove the key for now"

    /// The problems found so far.
    var diagnostics: [Diagnostic] = []

    /// Reads `marker`.
    static func read(_ marker: Marker) -> (Contents, [Diagnostic]) {
        var reader = FunctionMarkerReader()
        let contents = reader.read(marker)
        return (contents, reader.diagnostics)
    }

    private mutating func read(_ marker: Marker) -> Contents {
        var arguments = MarkerReader(marker)
        var contents = Contents()
        contents.id = arguments.string("id").map { ($0.0, $0.1) }
        contents.name = arguments.string("name")?.0
        let listArgument = arguments.argument("triggers")
        let event = arguments.stringOrIdentifier("event")
        let condition = arguments.locatedString("if")
        let cron = arguments.locatedString("cron")
        contents.retries = arguments.integer("retries")?.0
        if let timeouts = arguments.argument("timeouts") { contents.timeouts = readTimeouts(timeouts) }
        if let cancel = arguments.argument("cancelOn") { contents.cancels = readCancels(cancel) }
        if let failure = arguments.argument("onFailure") {
            if case .identifier(let name) = failure.value, !name.contains(".") {
                contents.onFailure = (name, failure.valueLocation)
            } else {
                fail(failure.valueLocation, "'onFailure' takes the name of a method of the same type, without quotes: onFailure: handleFailure")
            }
        }
        contents.flowControl = readFlowControl(&arguments)
        arguments.refuseUnsupported(Self.unsupportedKeys, reason: Self.unsupportedReason)
        arguments.finish(allowed: Self.keys)
        diagnostics += arguments.diagnostics

        if contents.id == nil {
            fail(marker.location, "@inngest.function needs an id: // @inngest.function(id: \"my-function\", event: \"app/thing.happened\")")
        }
        if let listArgument {
            contents.triggers = readTriggerList(listArgument)
            for (written, location) in [(event != nil, event?.1), (condition != nil, condition?.location), (cron != nil, cron?.location)]
            where written {
                fail(location ?? marker.location, "@inngest.function takes its triggers either in triggers: […] or as event: (with if:) or cron:, not both")
            }
            return contents
        }
        if let condition, event == nil {
            fail(condition.location, "'if' filters the event: trigger, so it needs event: (or write (event: …, if: …) in triggers: […])")
        }
        switch (event, cron) {
        case (nil, nil):
            fail(marker.location, "@inngest.function needs a trigger: add event: \"domain/name\", cron: \"0 * * * *\" or triggers: […]")
        case (.some, .some(let cron)):
            fail(cron.location, "@inngest.function takes one trigger as event: or cron:; for several, write triggers: [(event: …), (cron: …)]")
        case (.some(let event), nil):
            contents.triggers = [eventTrigger(event.0, at: event.1, literal: marker.argument("event")?.literal, condition: condition)]
        case (nil, .some(let cron)):
            contents.triggers = [TriggerModel(.cron(cron.value), location: cron.location, literal: cron.literal)]
        }
        return contents
    }

    private func eventTrigger(_ value: MarkerValue, at location: SourceLocation, literal: SourceSpan?, condition: LocatedString?) -> TriggerModel {
        if case .identifier(let typeName) = value {
            return TriggerModel(.event(typeName: typeName, eventName: nil), condition: condition, location: location)
        }
        return TriggerModel(.event(typeName: nil, eventName: value.stringValue), condition: condition, location: location, literal: literal)
    }

    // MARK: Triggers

    private mutating func readTriggerList(_ argument: MarkerArgument) -> [TriggerModel] {
        guard case .array = argument.value else {
            fail(argument.valueLocation, "'triggers' takes a list: triggers: [\"app/a\", AppB, (event: \"app/c\", if: \"…\"), (cron: \"0 * * * *\")]")
            return []
        }
        if argument.elements.isEmpty {
            fail(argument.valueLocation, "'triggers' needs at least one trigger")
        }
        return argument.elements.compactMap { readTrigger($0) }
    }

    private mutating func readTrigger(_ element: MarkerArgument) -> TriggerModel? {
        switch element.value {
        case .string, .identifier:
            return eventTrigger(element.value, at: element.valueLocation, literal: element.literal, condition: nil)
        case .record(let entries):
            var entry = MarkerReader(entries: entries, in: "a trigger")
            let event = entry.stringOrIdentifier("event")
            let eventLiteral = entries.first { $0.label == "event" }?.literal
            let condition = entry.locatedString("if")
            let cron = entry.locatedString("cron")
            entry.finish(allowed: ["event", "if", "cron"])
            diagnostics += entry.diagnostics
            switch (event, cron) {
            case (.some(let event), nil):
                return eventTrigger(event.0, at: event.1, literal: eventLiteral, condition: condition)
            case (nil, .some(let cron)):
                if let condition { fail(condition.location, "'if' filters event triggers; a cron trigger takes none") }
                return TriggerModel(.cron(cron.value), location: cron.location, literal: cron.literal)
            case (.some, .some(let cron)):
                fail(cron.location, "a trigger is an event or a cron, not both: write two triggers")
            case (nil, nil):
                fail(element.valueLocation, "a trigger needs event: or cron:, e.g. (event: \"app/a\", if: \"…\") or (cron: \"0 * * * *\")")
            }
            return nil
        default:
            fail(element.valueLocation, "a trigger is an event name, an event type, (event: …, if: …) or (cron: …)")
            return nil
        }
    }

    // MARK: Options

    private mutating func readTimeouts(_ argument: MarkerArgument) -> TimeoutsModel? {
        guard case .record(let entries) = argument.value else {
            fail(argument.valueLocation, "'timeouts' takes (start: \"…\", finish: \"…\") with Inngest time strings, e.g. timeouts: (finish: \"1h\")")
            return nil
        }
        var reader = MarkerReader(entries: entries, in: "timeouts")
        let start = reader.locatedString("start").flatMap { duration($0, "start") }
        let finish = reader.locatedString("finish").flatMap { duration($0, "finish") }
        reader.finish(allowed: ["start", "finish"])
        diagnostics += reader.diagnostics
        if entries.isEmpty { fail(argument.valueLocation, "'timeouts' needs start:, finish: or both") }
        return start == nil && finish == nil ? nil : TimeoutsModel(start: start, finish: finish)
    }

    private mutating func readCancels(_ argument: MarkerArgument) -> [CancelModel] {
        if case .array = argument.value {
            if argument.elements.isEmpty { fail(argument.valueLocation, "'cancelOn' needs at least one event") }
            return argument.elements.compactMap { readCancel($0) }
        }
        return readCancel(argument).map { [$0] } ?? []
    }

    private mutating func readCancel(_ element: MarkerArgument) -> CancelModel? {
        switch element.value {
        case .string(let name):
            return CancelModel(typeName: nil, eventName: name, location: element.valueLocation)
        case .identifier(let typeName):
            return CancelModel(typeName: typeName, eventName: nil, location: element.valueLocation)
        case .record(let entries):
            var entry = MarkerReader(entries: entries, in: "cancelOn")
            let event = entry.stringOrIdentifier("event")
            let match = entry.locatedString("match")
            let condition = entry.locatedString("if")
            let timeout = entry.locatedString("timeout").flatMap { duration($0, "timeout") }
            entry.finish(allowed: ["event", "match", "if", "timeout"])
            diagnostics += entry.diagnostics
            guard let event else {
                fail(element.valueLocation, "a cancelOn entry needs event:, e.g. (event: \"shop/order.cancelled\", match: \"orderId\")")
                return nil
            }
            var cancel = CancelModel(typeName: event.0.identifierValue, eventName: event.0.stringValue, location: event.1,
                                     condition: condition, timeout: timeout)
            if let match {
                let parts = match.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if parts.allSatisfy(Self.isPropertyName) {
                    cancel.match = KeyPathModel(root: nil, properties: parts, location: match.location)
                } else {
                    fail(match.location, "'match' takes a stored property of the event, or a path of them: match: \"orderId\", match: \"customer.id\"")
                }
            }
            return cancel
        default:
            fail(element.valueLocation, "'cancelOn' takes an event name, an event type, (event: …, match: …, if: …, timeout: …) or a list of them")
            return nil
        }
    }

    /// Parses an Inngest time string, reporting it at the string when it does not parse.
    mutating func duration(_ text: LocatedString, _ label: String) -> LocatedDuration? {
        do throws(TimeStringError) {
            let duration = try TimeString.parse(text.value)
            let (seconds, attoseconds) = duration.components
            return LocatedDuration(nanoseconds: seconds * 1_000_000_000 + attoseconds / 1_000_000_000, location: text.location)
        } catch {
            fail(text.location, "'\(label)' is not an Inngest time string: \(error.message)")
            return nil
        }
    }

    static func isPropertyName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Reports an error at `location`.
    mutating func fail(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }
}
