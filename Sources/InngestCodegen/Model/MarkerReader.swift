/// Reads a marker's arguments (or the entries of a `(key: value)` list in one) strictly: every key
/// must be known, every value of the right kind. Problems become diagnostics at the argument;
/// nothing is ignored.
struct MarkerReader {
    private let arguments: [MarkerArgument]
    /// What the arguments belong to, for messages: `@inngest.function`, `timeouts`.
    private let context: String
    private(set) var diagnostics: [Diagnostic] = []
    private var consumed = Set<Int>()

    /// Reads a marker's arguments.
    init(_ marker: Marker) {
        arguments = marker.arguments
        context = "@inngest.\(marker.kind)"
    }

    /// Reads the entries of a `(key: value)` list, named `context` in messages.
    init(entries: [MarkerArgument], in context: String) {
        arguments = entries
        self.context = context
    }

    /// Whether an argument with this label is written (and not yet read).
    func has(_ label: String) -> Bool {
        arguments.enumerated().contains { $0.element.label == label && !consumed.contains($0.offset) }
    }

    /// The whole argument of `label`, once: for values the typed readers do not cover.
    mutating func argument(_ label: String) -> MarkerArgument? {
        take(label)
    }

    /// The value of `label`, once.
    private mutating func take(_ label: String) -> MarkerArgument? {
        for (index, argument) in arguments.enumerated() where argument.label == label && !consumed.contains(index) {
            consumed.insert(index)
            return argument
        }
        return nil
    }

    /// The first unlabeled argument, if any.
    mutating func positional() -> MarkerArgument? {
        for (index, argument) in arguments.enumerated() where argument.label == nil && !consumed.contains(index) {
            consumed.insert(index)
            return argument
        }
        return nil
    }

    /// A string value with where it is written.
    mutating func locatedString(_ label: String) -> LocatedString? {
        guard let argument = take(label) else { return nil }
        guard case .string(let value) = argument.value else {
            fail(argument.valueLocation, "'\(label)' takes a quoted string, e.g. \(label): \"…\"")
            return nil
        }
        return LocatedString(value, at: argument.valueLocation, literal: argument.literal)
    }

    /// A string value.
    mutating func string(_ label: String) -> (String, SourceLocation)? {
        guard let argument = take(label) else { return nil }
        guard case .string(let value) = argument.value else {
            fail(argument.valueLocation, "'\(label)' takes a quoted string, e.g. \(label): \"…\"")
            return nil
        }
        return (value, argument.valueLocation)
    }

    /// An integer value.
    mutating func integer(_ label: String) -> (Int, SourceLocation)? {
        guard let argument = take(label) else { return nil }
        guard case .integer(let value) = argument.value else {
            fail(argument.valueLocation, "'\(label)' takes a whole number, e.g. \(label): 3")
            return nil
        }
        return (value, argument.valueLocation)
    }

    /// A bare identifier value.
    mutating func identifier(_ label: String) -> (String, SourceLocation)? {
        guard let argument = take(label) else { return nil }
        guard case .identifier(let value) = argument.value else {
            fail(argument.valueLocation, "'\(label)' takes a name without quotes")
            return nil
        }
        return (value, argument.valueLocation)
    }

    /// A string or an identifier (e.g. an event name or an event type).
    mutating func stringOrIdentifier(_ label: String) -> (MarkerValue, SourceLocation)? {
        guard let argument = take(label) else { return nil }
        switch argument.value {
        case .string, .identifier: return (argument.value, argument.valueLocation)
        default:
            fail(argument.valueLocation, "'\(label)' takes a quoted name or a type name")
            return nil
        }
    }

    /// An array of type names.
    mutating func typeList(_ label: String) -> [String] {
        guard let argument = take(label) else { return [] }
        guard case .array(let values) = argument.value else {
            fail(argument.valueLocation, "'\(label)' takes a list of type names, e.g. \(label): [A, B]")
            return []
        }
        var names: [String] = []
        for value in values {
            if case .identifier(let name) = value {
                names.append(name)
            } else {
                fail(argument.valueLocation, "'\(label)' must list type names without quotes")
            }
        }
        return names
    }

    /// A bare flag, written `global` or `global: true`.
    mutating func flag(_ label: String) -> Bool {
        if let argument = take(label) {
            if case .bool(let value) = argument.value { return value }
            fail(argument.valueLocation, "'\(label)' takes true or false, or is written alone")
            return false
        }
        for (index, argument) in arguments.enumerated()
        where argument.label == nil && !consumed.contains(index) && argument.value == .identifier(label) {
            consumed.insert(index)
            return true
        }
        return false
    }

    /// Reports each of `labels` that is written as not supported yet (`reason` says why), so that
    /// the key is refused with that message rather than as unknown.
    mutating func refuseUnsupported(_ labels: [String], reason: String) {
        for label in labels {
            guard let argument = take(label) else { continue }
            fail(argument.location, "'\(label)' is not supported yet: \(reason)")
        }
    }

    /// Reports every argument not consumed: unknown keys are errors, never ignored. `instead`
    /// names what to write for a key that users of other frameworks reach for (NestJS's
    /// `controllers`), when no spelling of an allowed key is near.
    mutating func finish(allowed: [String], instead: [String: String] = [:]) {
        for (index, argument) in arguments.enumerated() where !consumed.contains(index) {
            let expected = allowed.isEmpty ? "it takes no arguments" : "expected \(allowed.joined(separator: ", "))"
            if let label = argument.label {
                let hint = Spelling.suggestion(for: label, among: allowed).map { "; did you mean '\($0)'?" }
                    ?? instead[label].map { "; \($0)" } ?? ""
                fail(argument.location, "unknown key '\(label)' in \(context) (\(expected))\(hint)")
            } else {
                fail(argument.location, "unexpected argument in \(context) (\(expected))")
            }
        }
    }

    mutating func fail(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }
}
