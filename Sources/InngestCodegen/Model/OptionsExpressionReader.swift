/// Reads a conforming function's `static let options = FunctionOptions(…)` as far as it is
/// written in literal shapes: `retries: 3`, `timeouts: Timeouts(start: .minutes(5), finish: .hours(1))`
/// and `cancelOn: [.event(OrderCancelled.self, match: \.orderId, if: "…", timeout: .hours(1)),
/// .event(named: "…")]`, and the flow-control arguments (`concurrency:` …) as
/// ``FlowControlExpressionReader`` reads them. Whatever is written another way is left out
/// (nothing is guessed): the boot check judges it.
enum OptionsExpressionReader {
    /// What the expression states.
    struct Options {
        /// A literal retry count.
        var retries: Int?
        /// Literal timeouts.
        var timeouts: TimeoutsModel?
        /// The `cancelOn` entries written in literal shapes.
        var cancels: [CancelModel] = []
        /// The flow-control options written in literal shapes.
        var flowControl = FlowControlModel()
    }

    /// Reads the expression; diagnostics for arguments the framework does not support yet (none today).
    static func read(_ span: SourceSpan) -> (Options, [Diagnostic]) {
        var options = Options()
        var diagnostics: [Diagnostic] = []
        var cursor = ExpressionCursor(span)
        if cursor.take(.identifier, "Inngest") {
            guard cursor.take(.period) else { return (options, []) }
        }
        if cursor.take(.identifier, "FunctionOptions") {
            if cursor.take(.period) {
                guard cursor.take(.identifier, "init") else { return (options, []) }
            }
        } else {
            guard cursor.take(.period), cursor.take(.identifier, "init") else { return (options, []) }
        }
        guard let arguments = cursor.arguments(), cursor.atEnd else { return (options, []) }
        for var argument in arguments {
            switch argument.label {
            case "retries":
                options.retries = argument.value.integer()
            case "timeouts":
                options.timeouts = timeouts(&argument.value)
            case "cancelOn":
                options.cancels = (argument.value.arrayElements() ?? []).compactMap { element in
                    var element = element
                    return cancel(&element)
                }
            case let label? where FunctionMarkerReader.unsupportedKeys.contains(label):
                diagnostics.append(Diagnostic(.error, "'\(label)' is not supported yet: \(FunctionMarkerReader.unsupportedReason)",
                                              at: argument.location))
            case let label? where FunctionMarkerReader.flowControlKeys.contains(label):
                _ = FlowControlExpressionReader.read(label, argument.value, at: argument.value.location, into: &options.flowControl)
            default:
                break
            }
        }
        return (options, diagnostics)
    }

    /// `Timeouts(start: …, finish: …)` or `.init(…)`, each a literal duration or `nil`.
    private static func timeouts(_ cursor: inout ExpressionCursor) -> TimeoutsModel? {
        if cursor.take(.identifier, "Timeouts") {
            if cursor.take(.period) { guard cursor.take(.identifier, "init") else { return nil } }
        } else {
            guard cursor.take(.period), cursor.take(.identifier, "init") else { return nil }
        }
        guard let arguments = cursor.arguments(), cursor.atEnd else { return nil }
        var timeouts = TimeoutsModel()
        for var argument in arguments {
            switch argument.label {
            case "start": timeouts.start = argument.value.duration()
            case "finish": timeouts.finish = argument.value.duration()
            default: return nil
            }
        }
        return timeouts
    }

    /// `.event(T.self, match:, if:, timeout:)`, `.event(named:, if:, timeout:)`, or the same after `CancelOn`.
    private static func cancel(_ cursor: inout ExpressionCursor) -> CancelModel? {
        if cursor.take(.identifier, "Inngest") {
            guard cursor.take(.period) else { return nil }
        }
        _ = cursor.take(.identifier, "CancelOn")
        guard cursor.take(.period), cursor.take(.identifier, "event"), let arguments = cursor.arguments(), cursor.atEnd,
              var first = arguments.first else { return nil }
        var cancel: CancelModel
        if first.label == nil, let type = first.value.typeReference() {
            cancel = CancelModel(typeName: type, eventName: nil, location: first.location)
        } else if first.label == "named", let name = first.value.string() {
            cancel = CancelModel(typeName: nil, eventName: name.value, location: name.location)
        } else {
            return nil
        }
        for var argument in arguments.dropFirst() {
            switch argument.label {
            case "match": cancel.match = argument.value.keyPath()
            case "if": cancel.condition = argument.value.string()
            case "timeout": cancel.timeout = argument.value.duration()
            default: return nil
            }
        }
        return cancel
    }
}
