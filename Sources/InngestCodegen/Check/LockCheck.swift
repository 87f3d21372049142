/// Compares a target's functions with its section of `inngest.lock`: a warning for each locked
/// function id or literal step id that is gone, saying what happens to the runs in flight and how
/// to accept the change. Ids the lock does not have yet are not reported, and a target without a
/// section has nothing to compare.
enum LockCheck {
    /// How to accept a change, for every message.
    static let accept = "if that is intended, accept it by writing the lock again: swift package --allow-writing-to-package-directory inngest lock"

    /// What becomes of the runs of a function whose id is gone.
    static let functionConsequences = "in this engine, its runs still in flight fail for good with FunctionNotFound when they next execute "
        + "(a queued run at once, a sleeping or waiting one when it wakes, a failed step at its retry), and its events no longer start runs; "
        + "an Inngest server knows a function by \"<app id>-<function id>\", so a new id is a new function there, and each call Inngest still "
        + "makes for a run of the old one is answered FunctionNotFound (retriable), so those runs cannot finish"

    /// The warnings for `model` against the lock file `lock`.
    static func check(_ model: AppModel, lock: GeneratorOptions.LockFileInput) -> [Diagnostic] {
        let (file, problems) = LockFileReader.read(lock.bytes, path: lock.path)
        guard let locked = file.sections[lock.targetName] else { return problems }
        var diagnostics = problems
        var byId: [String: FunctionModel] = [:]
        var byDeclaration: [String: FunctionModel] = [:]
        for function in model.functions {
            if let id = function.id, byId[id] == nil { byId[id] = function }
            byDeclaration[LockFile.declaration(of: function)] = byDeclaration[LockFile.declaration(of: function)] ?? function
        }
        let lockedIds = Set(locked.map(\.id))
        for entry in locked {
            let line = entry.location.map { " (line \($0.line))" } ?? ""
            if let function = byId[entry.id] {
                let present = Set(function.stepCalls.compactMap(\.literalId))
                let hasDynamicIds = function.stepCalls.contains { $0.literalId == nil }
                for step in entry.steps where !present.contains(step.id) {
                    let stepLine = step.location.map { " (line \($0.line))" } ?? ""
                    let dynamic = hasDynamicIds ? " (a step whose id is computed may still produce it, but the build cannot tell)" : ""
                    diagnostics.append(Diagnostic(
                        .warning,
                        "step \"\(step.id)\" of function \"\(entry.id)\" is in inngest.lock\(stepLine) but no longer in the function's code\(dynamic): "
                            + "if you renamed it, a run in flight that already completed it runs it again under the new id when it resumes, "
                            + "since its memoized result is keyed by the old id (in this engine and on an Inngest server alike), and a run "
                            + "sleeping or waiting in it sleeps or waits again; if you removed it, its recorded results are ignored; \(accept)",
                        at: function.location
                    ))
                }
            } else if let declaration = entry.declaration, let function = byDeclaration[declaration], let id = function.id, !lockedIds.contains(id) {
                diagnostics.append(Diagnostic(
                    .warning,
                    "the id of function \(declaration) is \"\(id)\", but inngest.lock\(line) has \"\(entry.id)\": \(functionConsequences); \(accept)",
                    at: function.idLocation
                ))
            } else {
                let declared = entry.declaration.map { " (\($0))" } ?? ""
                diagnostics.append(Diagnostic(
                    .warning,
                    "function \"\(entry.id)\"\(declared) is in inngest.lock but target \(lock.targetName) no longer declares it: "
                        + "\(functionConsequences); \(accept)",
                    at: entry.location
                ))
            }
        }
        return diagnostics
    }
}
