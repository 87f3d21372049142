/// The parts of a generated module descriptor beyond its lists: dynamic imports and the providers
/// its static members declare, each wrapped in the `#sourceLocation` of the user's line so that
/// the compiler reports a type error (a wrong `forRoot` argument, a non-`Sendable` singleton) there.
extension Renderer {
    /// The `dynamicImports:` argument line, or nothing.
    static func dynamicImportsArgument(_ module: ModuleModel) -> String {
        if !module.dynamicImports.isEmpty { return "\n            dynamicImports: Self.inngestDynamicImports," }
        if module.hasDynamicImportsProperty { return "\n            dynamicImports: Self.dynamicImports," }
        return ""
    }

    /// The static members after `moduleDescriptor`: `inngestDynamicImports` and
    /// `inngestModuleProviders`, when the module has any.
    static func moduleMembers(_ module: ModuleModel) -> String {
        var members = ""
        if !module.dynamicImports.isEmpty {
            members += "\n\n    /// The modules the marker imports configured by a call (dynamic modules), in order.\n"
            members += "    static var inngestDynamicImports: [DynamicModule] {\n"
            members += "        var imports: [DynamicModule] = []\n"
            for entry in module.dynamicImports {
                members += "#sourceLocation(file: \(literal(entry.location.file)), line: \(entry.location.line))\n"
                members += "        imports.append(\(entry.text))\n"
            }
            members += "        return imports\n    }"
        }
        if !module.inlineProviders.isEmpty {
            members += "\n\n    /// The providers this module's static members declare with // @inngest.provider, in source order.\n"
            members += "    static var inngestModuleProviders: [ProviderDescriptor] {\n"
            members += "        var providers: [ProviderDescriptor] = []\n"
            for provider in module.inlineProviders {
                let extra = Array(provider.conditions.dropFirst(module.conditions.count))
                let guards = conditions(extra)
                let file = literal(provider.location.file)
                members += guards["open", default: ""]
                members += "#sourceLocation(file: \(file), line: \(provider.location.line))\n"
                members += providerStatements(provider)
                members += guards["close", default: ""].isEmpty ? "" : guards["close", default: ""].dropFirst() + "\n"
            }
            members += "        return providers\n    }"
        }
        return members
    }

    /// The statements that append one inline provider, each starting on the user's line.
    static func providerStatements(_ provider: ProviderModel) -> String {
        let member = "\(provider.moduleName).\(provider.memberName)"
        let location = literal("\(provider.location.file):\(provider.location.line)")
        let type = "(\(provider.type))"
        let scope = provider.scope == "singleton" ? "" : ", scope: .\(provider.scope)"
        let requireSendable = provider.scope == "singleton" ? "        inngestRequireSendable(\(type).self)\n" : ""
        switch provider.kind {
        case .value:
            if let token = provider.token {
                return "        providers.append(.value(\(member), token: \(token).self).located(at: \(location)))\n"
            }
            if provider.isMulti {
                return requireSendable
                    + "        providers.append(.multi(\(type).self, consumer: \(literal(provider.consumer)), location: \(location)) { _ in \(member) })\n"
            }
            return "        providers.append(.value(\(member), as: \(type).self).located(at: \(location)))\n"
        case .alias(let existing, let label):
            let argument = label.map { "\($0): $0" } ?? "$0"
            return "        providers.append(.alias(\(type).self, to: (\(existing)).self) { \(member)(\(argument)) }.located(at: \(location)))\n"
        case .factory(let initializer):
            let parts = construction(provider.moduleName, initializer)
            let head: String
            var prefix = ""
            var construct = ""
            if let token = provider.token {
                if provider.scope == "singleton" { prefix = "        inngestRequireSendable((\(token).Value).self)\n" }
                head = "ProviderDescriptor(token: \(token).self\(scope), "
            } else if provider.isMulti {
                prefix = requireSendable
                head = "ProviderDescriptor.multi(\(type).self\(scope), "
            } else if provider.scope == "singleton" {
                head = "ProviderDescriptor.singleton(\(type).self, "
            } else {
                head = "ProviderDescriptor(\(type).self\(scope), "
                construct = constructArgument(provider.moduleName, initializer, at: provider.location)
            }
            let arguments = "dependencies: [\(parts["dependencies", default: ""])], consumer: \(parts["consumer", default: ""]), location: \(location)"
                + construct
            return prefix
                + "        providers.append(\(head)\(arguments)) { \(parts["resolverName", default: "_"]) in\n"
                + "#sourceLocation(file: \(literal(provider.location.file)), line: \(provider.location.line))\n"
                + "            \(parts["construction", default: ""])\n"
                + "        })\n"
        }
    }
}
