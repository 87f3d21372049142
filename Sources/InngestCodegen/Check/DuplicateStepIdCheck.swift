/// Two step calls with one literal id in one handler body: an error at the second, naming the first.
///
/// Both calls claim the same id, so the second is hashed as `id:1` (``StepIdentifier``, in the
/// embedded engine and served to Inngest alike): a repeated id is numbered in the order the calls
/// are reached. When a later attempt reaches them in
/// another order, each is handed the other's memoized result. Calls in different arms of one
/// `if … else`, `switch` or `#if` never both run and are not reported; nor are calls in different
/// members (whether both run depends on which members the handler calls), nor dynamic ids.
enum DuplicateStepIdCheck {
    /// The errors, one per repeated call.
    static func check(_ model: AppModel) -> [Diagnostic] {
        var reported = Set<SourceLocation>()
        var diagnostics: [Diagnostic] = []
        for function in model.functions {
            var bodies: [BodyKey: [StepCallDecl]] = [:]
            for call in function.stepCalls where call.literalId != nil && call.bodyOffset >= 0 {
                bodies[BodyKey(file: call.location.file, offset: call.bodyOffset), default: []].append(call)
            }
            for calls in bodies.values {
                for (index, call) in calls.enumerated() {
                    guard let id = call.literalId, let first = calls[..<index].first(where: { $0.literalId == id && !$0.excludes(call) }) else {
                        continue
                    }
                    let location = call.idLocation ?? call.location
                    guard reported.insert(location).inserted else { continue }
                    let firstLocation = first.idLocation ?? first.location
                    diagnostics.append(Diagnostic(
                        .error,
                        "step id \"\(id)\" is already used at \(firstLocation.line):\(firstLocation.column) in this handler: when both run, this "
                            + "one is recorded as \"\(id):1\" (a repeated id is numbered in the order the calls are reached, in the embedded engine "
                            + "and served to Inngest alike), so when a later attempt reaches them in another order (a branch taken differently, "
                            + "parallel steps, code changed while runs are in flight) each is handed the other's memoized result; give this step "
                            + "an id of its own",
                        at: location
                    ))
                }
            }
        }
        return diagnostics
    }

    /// One member body: its file and the offset of its `{`.
    private struct BodyKey: Hashable {
        var file: String
        var offset: Int
    }
}
