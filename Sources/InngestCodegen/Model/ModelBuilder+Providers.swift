#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Inline providers (`// @inngest.provider` on a module's static members) and how parameters of
/// initialisers and provider functions become dependencies (optional, lazy, the resolver, tokens).
extension ModelBuilder {
    /// The scopes a provider may have.
    static let scopes = ["singleton", "transient", "run"]
    /// The keys of `@inngest.provider`.
    static let providerKeys = ["scope", "token", "multi", "alias"]
    /// Parameter types that receive the module's resolver itself.
    static let resolverTypes: Set<String> = ["ModuleRef", "Resolver", "Inngest.ModuleRef", "Inngest.Resolver", "InngestDI.ModuleRef", "InngestDI.Resolver"]
    /// Spellings of the lazy handle type.
    static let lazyPrefixes = ["Provider<", "Inngest.Provider<", "InngestDI.Provider<"]
    /// Spellings of the type a `forRoot`-style member returns.
    static let dynamicModuleTypes: Set<String> = ["DynamicModule", "Inngest.DynamicModule", "InngestDI.DynamicModule"]

    /// Reads the `@inngest.provider` members of `name` into its module (the last one collected,
    /// when `name` is a module), and reports every provider or inject marker that stands where it
    /// has no meaning.
    mutating func collectProviders(_ name: String, _ declarations: [TypeDecl], isModule: Bool) {
        var providers: [ProviderModel] = []
        // By index, and only the members with markers: a `for … in` would copy every declaration
        // and member of a name that may have thousands.
        for position in declarations.indices {
            for marker in declarations[position].markers where marker.kind == "provider" {
                diagnostics.append(Diagnostic(.error, "@inngest.provider cannot mark a type; \(Marker.providerPlacement). To provide \(name) itself, "
                                              + "mark it // @inngest.injectable and list it in a module's providers", at: marker.location))
            }
            guard declarations[position].membersMayHaveMarkers else { continue }
            let initializers = declarations[position].initializers
            for member in initializers.indices where !initializers[member].markers.isEmpty {
                for marker in initializers[member].markers where marker.kind == "provider" {
                    diagnostics.append(Diagnostic(.error, "@inngest.provider cannot mark an initialiser; \(Marker.providerPlacement). "
                                                  + "To choose the initialiser the wiring calls, write // @inngest.inject", at: marker.location))
                }
            }
            let properties = declarations[position].properties
            for member in properties.indices where !properties[member].markers.isEmpty {
                let property = properties[member]
                let markers = property.markers.filter { $0.kind == "provider" }
                guard let marker = markers.first,
                      checkProviderPlacement(marker, markers, member: property.name, of: name, isStatic: property.isStatic, isModule: isModule)
                else { continue }
                if let provider = valueProvider(property, marker, module: name) { providers.append(provider) }
            }
            let methods = declarations[position].methods
            for member in methods.indices where !methods[member].markers.isEmpty {
                let method = methods[member]
                let markers = method.markers.filter { $0.kind == "provider" }
                guard let marker = markers.first else {
                    for inject in method.markers where inject.kind == "inject" {
                        diagnostics.append(Diagnostic(.error, "@inngest.inject marks the initialiser the wiring calls, or a @inngest.provider static func "
                                                      + "whose parameters it maps to tokens; \(name).\(method.name) is neither", at: inject.location))
                    }
                    continue
                }
                guard checkProviderPlacement(marker, markers, member: method.name, of: name, isStatic: method.isStatic, isModule: isModule) else { continue }
                if let provider = functionProvider(method, marker, module: name) { providers.append(provider) }
            }
        }
        providers.sort { $0.location < $1.location }
        guard isModule, !providers.isEmpty, let index = model.modules.indices.last, model.modules[index].typeName == name else { return }
        if !model.modules[index].hasGeneratedDescriptor {
            for provider in providers {
                diagnostics.append(Diagnostic(.error, "\(name) declares moduleDescriptor itself, so the plugin generates no descriptor and "
                                              + "\(provider.consumer) would not be registered: add it to moduleDescriptor's providers yourself "
                                              + "and remove the marker, or remove moduleDescriptor", at: provider.location))
            }
            return
        }
        model.modules[index].inlineProviders = providers
    }

    /// Whether a provider marker stands on a static member of a module; reports where it may go when not.
    private mutating func checkProviderPlacement(_ marker: Marker, _ markers: [Marker], member: String, of name: String,
                                                 isStatic: Bool, isModule: Bool) -> Bool {
        if markers.count > 1 {
            diagnostics.append(Diagnostic(.error, "\(name).\(member) has more than one @inngest.provider marker; keep one", at: markers[1].location))
        }
        guard isModule else {
            diagnostics.append(Diagnostic(.error, "@inngest.provider marks a static member of a module, and \(name) is not a module: "
                                          + "move \(member) into a module (a type marked @inngest.module or conforming to Module, or an extension of one)",
                                          at: marker.location))
            return false
        }
        guard isStatic else {
            diagnostics.append(Diagnostic(.error, "@inngest.provider marks a static member, and \(name).\(member) is an instance member: "
                                          + "make it static (static let, static var or static func); the wiring never creates an instance of \(name)",
                                          at: marker.location))
            return false
        }
        return true
    }

    /// The keys every provider marker may take.
    private struct ProviderKeys {
        var scope: (String, SourceLocation)?
        var token: (String, SourceLocation)?
        var isMulti = false
        var isAlias = false
    }

    private mutating func providerKeys(_ marker: Marker) -> ProviderKeys {
        var reader = MarkerReader(marker)
        var keys = ProviderKeys()
        if let (scope, location) = reader.identifier("scope") {
            if Self.scopes.contains(scope) {
                keys.scope = (scope, location)
            } else {
                let hint = Spelling.suggestion(for: scope, among: Self.scopes).map { "; did you mean '\($0)'?" } ?? ""
                reader.fail(location, "unknown scope '\(scope)'; expected singleton, transient or run\(hint)")
            }
        }
        keys.token = reader.identifier("token")
        keys.isMulti = reader.flag("multi")
        keys.isAlias = reader.flag("alias")
        reader.finish(allowed: Self.providerKeys)
        diagnostics += reader.diagnostics
        if keys.isMulti, let (_, location) = keys.token {
            diagnostics.append(Diagnostic(.error, "'multi' and 'token' cannot be combined: a multi-binding contributes to the collection [T], "
                                          + "which is resolved by type; drop one of them", at: location))
            keys.token = nil
        }
        return keys
    }

    /// `static let name: T = …` or `static var name: T { … }`: a value provider.
    private mutating func valueProvider(_ property: PropertyDecl, _ marker: Marker, module: String) -> ProviderModel? {
        let keys = providerKeys(marker)
        var valid = true
        if keys.isAlias {
            diagnostics.append(Diagnostic(.error, "'alias' marks a static func taking the existing provider, e.g. "
                                          + "static func \(property.name)(_ existing: Existing) -> SomeType { existing }; "
                                          + "\(module).\(property.name) is a property", at: marker.location))
            valid = false
        }
        if let (scope, location) = keys.scope, scope != "singleton" {
            diagnostics.append(Diagnostic(.error, "a value provider is always a singleton: remove 'scope: \(scope)', or make \(module).\(property.name) "
                                          + "a static func to build a new instance per \(scope == "run" ? "run" : "resolution")", at: location))
            valid = false
        }
        if property.isStored && !property.isLet {
            diagnostics.append(Diagnostic(.error, "\(module).\(property.name) is a stored static var, which is shared mutable state; "
                                          + "make it a static let (or a computed static var) to provide it", at: property.location))
            valid = false
        }
        guard let type = property.type else {
            diagnostics.append(Diagnostic(.error, "\(module).\(property.name) needs a type annotation to be provided: write "
                                          + "static let \(property.name): SomeType = …; the provider is registered under that type", at: property.location))
            return nil
        }
        guard valid else { return nil }
        return ProviderModel(moduleName: module, memberName: property.name, kind: .value, type: type, scope: "singleton",
                             token: keys.token?.0, isMulti: keys.isMulti, location: property.location, conditions: property.conditions)
    }

    /// `static func make(…) -> T`: a factory provider, or an alias when marked so.
    private mutating func functionProvider(_ method: FunctionDecl, _ marker: Marker, module: String) -> ProviderModel? {
        let keys = providerKeys(marker)
        let written = "\(module).\(method.name)"
        guard method.genericParameters == nil else {
            diagnostics.append(Diagnostic(.error, "\(written) is generic, so the wiring cannot name the type it provides: "
                                          + "give it concrete parameter and return types", at: method.location))
            return nil
        }
        guard let type = method.returnType, type != "Void", type != "()" else {
            diagnostics.append(Diagnostic(.error, "\(written) returns nothing: write the type it provides as its return type, "
                                          + "e.g. static func \(method.name)(…) -> SomeType", at: method.location))
            return nil
        }
        if keys.isAlias {
            var combined: [(String, SourceLocation)] = []
            if let scope = keys.scope { combined.append(("scope", scope.1)) }
            if let token = keys.token { combined.append(("token", token.1)) }
            if keys.isMulti { combined.append(("multi", marker.location)) }
            if let first = combined.first {
                diagnostics.append(Diagnostic(.error, "'alias' cannot be combined with \(combined.map { "'\($0.0)'" }.joined(separator: " or ")): "
                                              + "an alias resolves to the existing provider, whose scope applies; drop 'alias' to make "
                                              + "\(written) a factory", at: first.1))
                return nil
            }
            guard method.parameters.count == 1, let existing = method.parameters.first else {
                diagnostics.append(Diagnostic(.error, "an alias provider takes exactly one parameter, the existing provider it converts "
                                              + "(static func \(method.name)(_ existing: Existing) -> \(type)), but \(written) takes "
                                              + "\(method.parameters.count); drop 'alias' to make it a factory", at: method.location))
                return nil
            }
            guard !method.isAsync, !method.isThrows else {
                diagnostics.append(Diagnostic(.error, "an alias converts the existing instance synchronously: remove async and throws from "
                                              + "\(written), or drop 'alias' to make it a factory", at: method.location))
                return nil
            }
            let dependency = Self.dependency(label: existing.label, name: existing.name, type: existing.type)
            guard !dependency.isOptional, !dependency.isLazy, !dependency.isResolver else {
                diagnostics.append(Diagnostic(.error, "the parameter of the alias \(written) must name the existing provider's type, not \(existing.type)",
                                              at: method.location))
                return nil
            }
            return ProviderModel(moduleName: module, memberName: method.name, kind: .alias(existing: dependency.type, label: existing.label),
                                 type: type, scope: "singleton", token: nil, isMulti: false, location: method.location, conditions: method.conditions)
        }
        let signature = "\(written)(\(method.parameters.map { "\($0.label ?? "_"):" }.joined()))"
        let tokens = tokenMap(method.markers, method.parameters, of: signature)
        guard let dependencies = dependencies(method.parameters, tokens: tokens, of: signature, at: method.location) else { return nil }
        let initializer = InitializerModel(dependencies: dependencies, isAsync: method.isAsync, isThrows: method.isThrows, functionName: method.name)
        return ProviderModel(moduleName: module, memberName: method.name, kind: .factory(initializer), type: type,
                             scope: keys.scope?.0 ?? "singleton", token: keys.token?.0, isMulti: keys.isMulti,
                             location: method.location, conditions: method.conditions)
    }

    // MARK: Parameters

    /// The tokens the `@inngest.inject(parameter: Token, …)` markers among `markers` map the
    /// parameters to, by parameter name. A key naming no parameter is an error at the key.
    mutating func tokenMap(_ markers: [Marker], _ parameters: [Parameter], of signature: String) -> [String: String] {
        var tokens: [String: String] = [:]
        for marker in markers where marker.kind == "inject" {
            for argument in marker.arguments {
                guard let label = argument.label else {
                    diagnostics.append(Diagnostic(.error, "@inngest.inject takes parameter: Token pairs, e.g. // @inngest.inject(primary: PrimaryDatabase), "
                                                  + "or nothing", at: argument.location))
                    continue
                }
                guard case .identifier(let token) = argument.value else {
                    diagnostics.append(Diagnostic(.error, "'\(label)' takes the name of a ProviderToken type without quotes, e.g. \(label): PrimaryDatabase",
                                                  at: argument.valueLocation))
                    continue
                }
                guard let parameter = parameters.first(where: { $0.name == label }) ?? parameters.first(where: { $0.label == label }) else {
                    let names = parameters.map(\.name)
                    let hint = Spelling.suggestion(for: label, among: names).map { "; did you mean '\($0)'?" } ?? ""
                    diagnostics.append(Diagnostic(.error, "@inngest.inject names '\(label)', which is no parameter of \(signature) "
                                                  + "(\(names.isEmpty ? "it has none" : "its parameters: \(names.joined(separator: ", "))"))\(hint)",
                                                  at: argument.location))
                    continue
                }
                if parameter.hasDefault {
                    diagnostics.append(Diagnostic(.error, "parameter '\(parameter.name)' of \(signature) has a default value, so it is not injected: "
                                                  + "remove the default, or remove '\(label)' from @inngest.inject", at: argument.location))
                    continue
                }
                if tokens[parameter.name] != nil {
                    diagnostics.append(Diagnostic(.error, "@inngest.inject maps '\(label)' twice; keep one", at: argument.location))
                    continue
                }
                tokens[parameter.name] = token
            }
        }
        return tokens
    }

    /// The dependencies of `parameters` (those without a default value), with their tokens; `nil`
    /// after reporting a parameter that cannot take its token.
    mutating func dependencies(_ parameters: [Parameter], tokens: [String: String], of signature: String,
                               at location: SourceLocation) -> [DependencyModel]? {
        var dependencies: [DependencyModel] = []
        var valid = true
        for parameter in parameters where !parameter.hasDefault {
            var dependency = Self.dependency(label: parameter.label, name: parameter.name, type: parameter.type)
            dependency.location = parameter.location
            if let token = tokens[parameter.name] {
                if dependency.isLazy || dependency.isResolver {
                    diagnostics.append(Diagnostic(.error, "parameter '\(parameter.name)' of \(signature) is \(parameter.type), which cannot be resolved "
                                                  + "by the token \(token): take \(token).Value (or \(token).Value?) instead", at: location))
                    valid = false
                }
                dependency.token = token
            }
            dependencies.append(dependency)
        }
        return valid ? dependencies : nil
    }

    /// What a parameter of type `type` asks for: the resolver (`ModuleRef`, `Resolver`), a lazy
    /// handle (`Provider<T>`), an optional (`T?`, `Optional<T>`), or `T`.
    static func dependency(label: String?, name: String, type written: String) -> DependencyModel {
        var type = trimmedWhitespace(written)
        if resolverTypes.contains(type) {
            return DependencyModel(label: label, name: name, type: type, isOptional: false, isResolver: true)
        }
        if let prefix = lazyPrefixes.first(where: { type.hasPrefix($0) }), type.hasSuffix(">") {
            let inner = trimmedWhitespace(String(type.dropFirst(prefix.count).dropLast()))
            return DependencyModel(label: label, name: name, type: inner, isOptional: false, isLazy: true)
        }
        var optional = false
        if type.hasSuffix("?") {
            type.removeLast()
            optional = true
        } else if type.hasPrefix("Optional<"), type.hasSuffix(">") {
            type = String(type.dropFirst("Optional<".count).dropLast())
            optional = true
        }
        return DependencyModel(label: label, name: name, type: type, isOptional: optional)
    }

    /// `text` without leading and trailing whitespace as Foundation's `.whitespaces` means it: tab
    /// and the space separators (Unicode's Zs), not line breaks. Plain ASCII ends return at once.
    private static func trimmedWhitespace(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return text }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        var scalars = Substring(text).unicodeScalars
        while let head = scalars.first, isSpace(head) { scalars.removeFirst() }
        while let tail = scalars.last, isSpace(tail) { scalars.removeLast() }
        return String(scalars)
    }
}
