import InngestTime

/// The build-time checks over a whole target. Every problem is reported, each at the user's line;
/// where two declarations are involved, both are named.
public enum Checker {
    /// Runs every check.
    /// - Parameters:
    ///   - model: the target's model, with the declarations of the local targets it depends on.
    ///   - role: whether the target is the app or a library that other targets may extend.
    /// - Returns: errors and warnings, sorted by location.
    public static func check(_ model: AppModel, role: GeneratorOptions.TargetRole = .app) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += duplicateFunctionIds(model)
        diagnostics += duplicateEventNames(model)
        diagnostics += crons(model)
        diagnostics += retries(model)
        diagnostics += EventReferenceCheck.check(model)
        diagnostics += ExpressionCheck.check(model)
        diagnostics += MatchCheck.check(model)
        diagnostics += DurationCheck.check(model)
        diagnostics += FlowControlCheck.check(model)
        diagnostics += visibility(model)
        diagnostics += DependencyGraphCheck.check(model, role: role)
        diagnostics += DuplicateStepIdCheck.check(model)
        diagnostics += LoopStepIdCheck.check(model)
        diagnostics += SelfTriggerCheck.check(model)
        return diagnostics.sorted { ($0.location ?? .zero) < ($1.location ?? .zero) }
    }

    /// The checks that depend on how the target is built: events nothing in the target uses (the
    /// target's role decides which count), and the ids `inngest.lock` has that are gone.
    /// - Parameters:
    ///   - model: the target's model.
    ///   - options: the target's role and lock file.
    /// - Returns: warnings, sorted by location.
    package static func checkUsage(_ model: AppModel, options: GeneratorOptions) -> [Diagnostic] {
        var diagnostics = UnusedEventCheck.check(model, role: options.role)
        if let lock = options.lockFile { diagnostics += LockCheck.check(model, lock: lock) }
        return diagnostics.sorted { ($0.location ?? .zero) < ($1.location ?? .zero) }
    }

    /// Two functions with one id: an error at each declaration, naming the other.
    static func duplicateFunctionIds(_ model: AppModel) -> [Diagnostic] {
        var byId: [String: [FunctionModel]] = [:]
        for function in model.functions { if let id = function.id { byId[id, default: []].append(function) } }
        var diagnostics: [Diagnostic] = []
        for (id, functions) in byId where functions.count > 1 {
            for function in functions {
                let others = functions.filter { $0 != function }
                if let sharer = others.first(where: { $0.idLocation == function.idLocation }) {
                    // A subclass inherits its superclass's id.
                    diagnostics.append(Diagnostic(.error, "\(function.typeName) and \(sharer.typeName) share the function id \"\(id)\" declared at \(function.idLocation), "
                                                  + "because a subclass inherits its superclass's id; function ids must be unique in an app: "
                                                  + "declare it as `class var id: String` and override it in the subclass", at: function.location))
                    continue
                }
                let locations = others.map { "\($0.idLocation)" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, "duplicate function id \"\(id)\": also declared at \(locations); function ids must be unique in an app, rename one",
                                              at: function.idLocation))
            }
        }
        return diagnostics
    }

    /// Two event types with one name.
    static func duplicateEventNames(_ model: AppModel) -> [Diagnostic] {
        var byName: [String: [EventModel]] = [:]
        for event in model.events { if let name = event.eventName { byName[name, default: []].append(event) } }
        var diagnostics: [Diagnostic] = []
        for (name, events) in byName where events.count > 1 {
            for event in events {
                let others = events.filter { $0 != event }.map { "\($0.typeName) (\($0.location))" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, "event name \"\(name)\" is also declared by \(others); give each event type its own name",
                                              at: event.location))
            }
        }
        return diagnostics
    }

    /// Cron expressions parse, name real zones and can fire; an error points into the string.
    static func crons(_ model: AppModel) -> [Diagnostic] {
        model.functions.flatMap { function in
            function.triggers.compactMap { trigger -> Diagnostic? in
                guard case .cron(let text) = trigger.kind else { return nil }
                do throws(CronParseError) {
                    _ = try CronExpression(text)
                    return nil
                } catch {
                    let offset = String(text.prefix(error.offset)).utf8.count
                    let location = trigger.literal?.location(inLiteralAt: offset) ?? trigger.location
                    return Diagnostic(.error, "invalid cron \"\(text)\" in function \"\(function.displayId)\": \(error.message)", at: location)
                }
            }
        }
    }

    /// Retries within Inngest's 0–20.
    static func retries(_ model: AppModel) -> [Diagnostic] {
        model.functions.compactMap { function in
            guard let retries = function.retries, !(0...20).contains(retries) else { return nil }
            return Diagnostic(.error, "function \"\(function.id ?? function.typeName)\" has retries: \(retries); Inngest allows 0 to 20",
                              at: function.location)
        }
    }

    /// Generated code lives in another file: it cannot see private types.
    static func visibility(_ model: AppModel) -> [Diagnostic] {
        let declarations: [(String, String?, SourceLocation)] =
            model.events.map { ($0.typeName, $0.accessLevel, $0.location) }
            + model.functions.map { ($0.typeName, $0.accessLevel, $0.location) }
            + model.injectables.map { ($0.typeName, $0.accessLevel, $0.location) }
            + model.modules.map { ($0.typeName, $0.accessLevel, $0.location) }
        var seen = Set<String>()
        return declarations.compactMap { name, access, location in
            guard access == "private" || access == "fileprivate", seen.insert(name).inserted else { return nil }
            return Diagnostic(.error, "\(name) is \(access ?? ""); the generated registration code cannot see it. Make it internal or public",
                              at: location)
        }
    }
}
