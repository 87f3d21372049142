/// What `inngest-codegen --event-graph`, `--dump-model` and `--write-lock` look at: a target's
/// model, built from the same inputs as a generation, with every problem a generation reports.
package enum Inspection {
    /// The model of a target and its diagnostics, sorted by location.
    /// - Parameters:
    ///   - sources: every `.swift` file of the target: path and contents.
    ///   - options: the target's role and lock file.
    package static func model(_ sources: [(path: String, bytes: [UInt8])],
                              options: GeneratorOptions = GeneratorOptions()) -> (model: AppModel, diagnostics: [Diagnostic]) {
        let scanned = sources.map { Scanner.scan(contentsOf: $0.bytes, path: $0.path) }
        let (model, buildDiagnostics) = ModelBuilder.build(scanned)
        let diagnostics = buildDiagnostics + Checker.check(model) + Checker.checkUsage(model, options: options)
        return (model, diagnostics.sorted { ($0.location ?? .zero) < ($1.location ?? .zero) })
    }

    /// Whether the target's code has an `@inngest.` marker on a declaration: what makes
    /// `inngest lock` give the target a section.
    package static func usesMarkers(_ model: AppModel) -> Bool {
        model.files.contains { file in
            file.types.contains { type in
                !type.markers.isEmpty || type.membersMayHaveMarkers && ((type.methods + type.initializers).contains { !$0.markers.isEmpty }
                    || type.properties.contains { !$0.markers.isEmpty })
            }
        }
    }
}
