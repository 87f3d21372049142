/// The command line after the verb: `--name value` options, `--flag` switches and positional words.
struct CommandLineArguments {
    /// Options given a value, by name without the dashes.
    private(set) var options: [String: String] = [:]
    /// Switches given, by name without the dashes.
    private(set) var flags: Set<String> = []
    /// Words that are not options.
    private(set) var positional: [String] = []

    /// Parses `words`: a name in `switches` takes no value; any other `--name` takes the next word.
    /// - Throws: `UsageError` for an option without its value or a name that is neither.
    init(_ words: [String], options known: Set<String>, switches: Set<String>) throws(UsageError) {
        var words = words[...]
        while let word = words.popFirst() {
            guard word.hasPrefix("--"), word.count > 2 else {
                positional.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if switches.contains(name) {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                flags.insert(name)
            } else if known.contains(name) {
                guard let value = inlineValue ?? words.popFirst() else { throw UsageError("--\(name) needs a value") }
                options[name] = value
            } else {
                let all = (known.union(switches)).sorted().map { "--\($0)" }.joined(separator: ", ")
                throw UsageError("unknown option --\(name)" + (all.isEmpty ? "" : "; this command takes \(all)"))
            }
        }
    }
}

/// A command line the tool cannot carry out as written.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
