/// The parts of a module's lists that are more than names: dynamic imports in a marker's `imports`,
/// and function types in `providers`.
extension ModelBuilder {
    /// A marker's `imports: [CoreModule, ConfigModule.forRoot(url: "…")]`: the imported modules (a
    /// dynamic import's module among them) and the dynamic imports, in order.
    mutating func importList(_ reader: inout MarkerReader) -> ([String], [DynamicImportModel]) {
        guard let argument = reader.argument("imports") else { return ([], []) }
        guard case .array = argument.value else {
            reader.fail(argument.valueLocation, "'imports' takes a list of modules, e.g. imports: [CoreModule, ConfigModule.forRoot(url: \"…\")]")
            return ([], [])
        }
        var imports: [String] = []
        var dynamicImports: [DynamicImportModel] = []
        for element in argument.elements {
            switch element.value {
            case .identifier(let name):
                if !imports.contains(name) { imports.append(name) }
            case .call(let callee, let text):
                let module = callee.split(separator: ".").dropLast().joined(separator: ".")
                if !imports.contains(module) { imports.append(module) }
                dynamicImports.append(DynamicImportModel(moduleName: module, text: text, location: element.location))
            default:
                reader.fail(element.location, "'imports' lists module types without quotes, or calls that configure one, such as ConfigModule.forRoot(url: \"…\")")
            }
        }
        return (imports, dynamicImports)
    }

    /// Moves the function types that generated descriptors list in `providers` to `functions`: a
    /// handler resolves in the module that lists it (NestJS's controllers), and is not a provider.
    mutating func assignListedFunctions() {
        let functionTypes = Set(model.functions.filter { if case .markedMethod = $0.declaration { false } else { true } }.map(\.typeName))
        guard !functionTypes.isEmpty else { return }
        for index in model.modules.indices where model.modules[index].hasGeneratedDescriptor && model.modules[index].knows(.providers) {
            let listed = model.modules[index].providers.filter(functionTypes.contains)
            model.modules[index].functions += listed.filter { !model.modules[index].functions.contains($0) }
            model.modules[index].providers.removeAll(where: functionTypes.contains)
        }
    }
}
