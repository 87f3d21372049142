import Synchronization

/// The members of one type body, parsed when something first reads them.
///
/// Most types of a target are ordinary code: nothing marks them or their members, and the model
/// never reads their methods or properties. Building those members was half of the scan's time,
/// so the parser defers a body when parsing it later is certain to give what parsing it now
/// would (``DeclarationParser/deferrableBodyEnd()``): no marker, no `#` directive, no nested type
/// or `typealias`, no recorded call. Such a body adds nothing to its file but its members, and can
/// raise no diagnostic, so the only thing deferred is the work.
///
/// It keeps the file's tokens (shared with the other deferred bodies of the file, not copied) and
/// parses the body with the same parser, from the same token, under the same `#if` conditions.
final class DeferredMembers: Sendable {
    /// A type body's members.
    struct Members: Sendable {
        var initializers: [FunctionDecl] = []
        var methods: [FunctionDecl] = []
        var properties: [PropertyDecl] = []
        var enumCases: [String] = []
    }

    /// What parsing the body needs.
    private struct Body: Sendable {
        let source: SourceBuffer
        let tokens: [Token]
        /// The index of the body's `{`.
        let open: Int
        let kind: TypeDecl.Kind
        let name: String
        let conditions: ConditionalCompilationStack
    }

    private let body: Body
    private let parsed = Mutex<Members?>(nil)

    /// Defers the body whose `{` is `tokens[open]`, of the type `name` (qualified) of `kind`.
    init(source: SourceBuffer, tokens: [Token], open: Int, kind: TypeDecl.Kind, name: String, conditions: ConditionalCompilationStack) {
        body = Body(source: source, tokens: tokens, open: open, kind: kind, name: name, conditions: conditions)
    }

    /// Whether something has read the members (for the tests).
    var isParsed: Bool { parsed.withLock { $0 != nil } }

    /// `read` applied to the members, parsing them on the first call (once, whichever thread asks).
    func read<Value>(_ read: (Members) -> Value) -> Value {
        parsed.withLock { parsed in
            if let members = parsed { return read(members) }
            let members = Self.parse(body)
            parsed = members
            return read(members)
        }
    }

    private static func parse(_ body: Body) -> Members {
        var parser = DeclarationParser(source: body.source, tokens: body.tokens, markers: [])
        parser.conditions = body.conditions
        parser.types = [TypeDecl(kind: body.kind, name: body.name, location: SourceLocation(file: body.source.path, line: 1, column: 1))]
        parser.frames = [DeclarationParser.Frame(typeIndex: 0, name: body.name, kind: body.kind)]
        parser.position = body.open + 1
        parser.parseOpenBodies()
        let type = parser.types[0]
        return Members(initializers: type.initializers, methods: type.methods, properties: type.properties, enumCases: type.enumCases)
    }
}
