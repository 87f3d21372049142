/// The whole pipeline for one target: scan → model → check → render.
public enum Generator {
    /// What a generation produced.
    public struct Output: Sendable {
        /// Generated files by name; empty when there were errors.
        public var files: [String: String]
        /// Every problem found, sorted by location.
        public var diagnostics: [Diagnostic]
        /// True when a diagnostic is an error: the build must fail.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Generates the files for a target.
    /// - Parameters:
    ///   - sources: every `.swift` file of the target: path and contents.
    ///   - options: the target's role and the targets it depends on.
    /// - Returns: the files, or the diagnostics that prevent them.
    public static func generate(_ sources: [(path: String, bytes: [UInt8])], options: GeneratorOptions = GeneratorOptions()) -> Output {
        var scanned: [ScannedFile] = []
        for source in sources {
            let file = Scanner.scan(contentsOf: source.bytes, path: source.path)
            scanned.append(file)
        }
        let (model, buildDiagnostics) = ModelBuilder.build(scanned)
        var diagnostics = buildDiagnostics + Checker.check(model)
        diagnostics += Checker.checkUsage(model, options: options)
        if model.modules.isEmpty && !(model.functions.isEmpty && model.injectables.isEmpty) {
            let location = (model.functions.map(\.location) + model.injectables.map(\.location)).min()
            diagnostics.append(Diagnostic(.warning, "this target declares functions or injectables but no module, so InngestApp.boot cannot find them; "
                                          + "declare a root module, e.g. // @inngest.module() struct AppModule {}", at: location))
        }
        diagnostics.sort { ($0.location ?? .zero) < ($1.location ?? .zero) }
        if diagnostics.contains(where: { $0.severity == .error }) { return Output(files: [:], diagnostics: diagnostics) }
        do {
            return Output(files: try Renderer.render(model), diagnostics: diagnostics)
        } catch {
            return Output(files: [:], diagnostics: diagnostics + [Diagnostic(.error, "\(error)", at: nil)])
        }
    }
}
