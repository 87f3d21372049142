/// A step call with a literal id inside a loop: a warning at the id.
///
/// Every iteration claims the same id, which is numbered `id`, `id:1`, `id:2`… in the order the
/// calls run (in the embedded engine and served to Inngest alike), so when the iterations change
/// order or number between attempts, an iteration is handed another one's memoized result. An id
/// that includes the loop variable keeps each iteration's result its own.
enum LoopStepIdCheck {
    /// The warnings, one per call.
    static func check(_ model: AppModel) -> [Diagnostic] {
        var reported = Set<SourceLocation>()
        var diagnostics: [Diagnostic] = []
        for function in model.functions {
            for call in function.stepCalls where call.isInLoop {
                guard let id = call.literalId else { continue }
                let location = call.idLocation ?? call.location
                guard reported.insert(location).inserted else { continue }
                diagnostics.append(Diagnostic(
                    .warning,
                    "step id \"\(id)\" is inside a loop, so every iteration uses it: the repeats are recorded as \"\(id)\", "
                        + "\"\(id):1\", \"\(id):2\"… in the order they run (in the embedded engine and served to Inngest alike), so if the "
                        + "iterations change order or number between attempts (the collection changed), an iteration is handed another one's "
                        + "memoized result; include the loop variable in the id, e.g. \"\(id)-\\(item.id)\"",
                    at: location
                ))
            }
        }
        return diagnostics
    }
}
