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

    /// The stages of a generation, in order, for ``generate(_:options:phaseEnded:)``.
    package enum Phase: CaseIterable, Sendable {
        /// Lexing and scanning every file (the local targets it depends on included, with their models).
        case scan
        /// Building the target's model.
        case model
        /// The checks.
        case check
        /// Rendering the files (nothing when there are errors).
        case render
    }

    /// Generates the files for a target.
    /// - Parameters:
    ///   - sources: every `.swift` file of the target: path and contents.
    ///   - options: the target's role and the targets it depends on.
    /// - Returns: the files, or the diagnostics that prevent them.
    public static func generate(_ sources: [(path: String, bytes: [UInt8])], options: GeneratorOptions = GeneratorOptions()) -> Output {
        generate(sources, options: options) { _ in }.output
    }

    /// What a generation scanned and modelled, returned rather than freed for a caller that
    /// exits right after: `inngest-codegen` leaves it to the process's end, as compilers leave
    /// their syntax trees (freeing some 25,000 declarations of a 1,000-file target is a fifth of
    /// the generation's time).
    package struct Leftovers: Sendable {
        let scanned: [[ScannedFile]]
        let models: [AppModel]
    }

    /// ``generate(_:options:)``, calling `phaseEnded` as each ``Phase`` ends (the benchmark's
    /// clock), with what it scanned and modelled.
    package static func generate(_ sources: [(path: String, bytes: [UInt8])], options: GeneratorOptions,
                                 phaseEnded: (Phase) -> Void) -> (output: Output, leftovers: Leftovers) {
        // The local targets it depends on, each modelled with what it depends on in turn. Their
        // own builds report their problems; here they are what the checks and the event enum see.
        var external = AppModel()
        var dependencyFiles = Set<String>()
        var scans: [[ScannedFile]] = []
        var models: [AppModel] = []
        for dependency in options.dependencies {
            let files = Scanner.scanAll(dependency.sources)
            let (model, _) = ModelBuilder.build(files, external: external)
            external = external.absorbing(model.declared(in: dependency.moduleName))
            dependencyFiles.formUnion(dependency.sources.map(\.path))
            scans.append(files)
            models.append(model)
        }
        let scanned = Scanner.scanAll(sources)
        phaseEnded(.scan)
        let (model, buildDiagnostics) = ModelBuilder.build(scanned, external: external)
        phaseEnded(.model)
        scans.append(scanned)
        models += [model, external]
        let leftovers = Leftovers(scanned: scans, models: models)
        // At a dependency's line, only an error of the whole app's graph is news: everything else
        // (and every warning) is that target's build's to report.
        let checks = Checker.check(model.absorbing(external), role: options.role).filter { diagnostic in
            guard let file = diagnostic.location?.file, dependencyFiles.contains(file) else { return true }
            return options.role == .app && diagnostic.severity == .error
        }
        var diagnostics = buildDiagnostics + checks
        diagnostics += Checker.checkUsage(model, options: options)
        if model.modules.isEmpty && !(model.functions.isEmpty && model.injectables.isEmpty) {
            let location = (model.functions.map(\.location) + model.injectables.map(\.location)).min()
            diagnostics.append(Diagnostic(.warning, "this target declares functions or injectables but no module, so InngestApp.boot cannot find them; "
                                          + "declare a root module, e.g. // @inngest.module() struct AppModule {}", at: location))
        }
        diagnostics.sort { ($0.location ?? .zero) < ($1.location ?? .zero) }
        phaseEnded(.check)
        defer { phaseEnded(.render) }
        if diagnostics.contains(where: { $0.severity == .error }) { return (Output(files: [:], diagnostics: diagnostics), leftovers) }
        do {
            let files = try Renderer.render(model, external: external, importing: options.dependencies.map(\.moduleName))
            return (Output(files: files, diagnostics: diagnostics), leftovers)
        } catch {
            return (Output(files: [:], diagnostics: diagnostics + [Diagnostic(.error, "\(error)", at: nil)]), leftovers)
        }
    }
}
