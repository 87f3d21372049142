import Synchronization

/// The type bodies of one file whose members are parsed when something first reads them.
///
/// Most types of a target are ordinary code: nothing marks them or their members, and the model
/// never reads their methods or properties. Building those members was half of the scan's time,
/// so the parser defers a body when parsing it later is certain to give what parsing it now
/// would (``DeclarationParser/deferrableBodyEnd()``): no marker, no `#` directive, no nested type
/// or `typealias`, no recorded call. Such a body adds nothing to its file but its members, and can
/// raise no diagnostic, so the only thing deferred is the work.
///
/// It keeps the file's source, not its tokens (they were two thirds of the generator's memory):
/// a body read later is lexed again from its `{` to its `}`, which gives the tokens the file gave
/// there, and parsed with the same parser under the same `#if` conditions. A type's box keeps only
/// a ``Body``, a few words that point here: one object per file, not per type, to allocate and to free.
final class DeferredMembers: Sendable {
    /// A type body's members.
    struct Members: Sendable {
        var initializers: [FunctionDecl] = []
        var methods: [FunctionDecl] = []
        var properties: [PropertyDecl] = []
        var enumCases: [String] = []
    }

    /// One deferred body: what parsing it needs besides the file.
    struct Body: Sendable {
        let file: DeferredMembers
        /// The body's `{`, as the whole file's lexing gave it (with its trivia flags).
        let open: Token
        /// The byte offset just past the body's `}`.
        let end: Int
        let kind: TypeDecl.Kind
        /// The type's qualified name.
        let name: String
        let conditions: ConditionalCompilationStack

        /// `read` applied to the members, parsing them on the first call (once, whichever thread asks).
        func read<Value>(_ read: (Members) -> Value) -> Value {
            file.read(self, read)
        }

        /// Whether something has read the members (for the tests).
        var isParsed: Bool { file.parsed.withLock { $0[open.start] != nil } }
    }

    private let source: SourceBuffer
    /// The members parsed so far, by the byte offset of their body's `{`.
    private let parsed = Mutex<[Int: Members]>([:])

    /// The deferred bodies of the file whose source this is.
    init(source: SourceBuffer) {
        self.source = source
    }

    private func read<Value>(_ body: Body, _ read: (Members) -> Value) -> Value {
        parsed.withLock { parsed in
            if let members = parsed[body.open.start] { return read(members) }
            let members = parse(body)
            parsed[body.open.start] = members
            return read(members)
        }
    }

    private func parse(_ body: Body) -> Members {
        var tokens = Lexer.tokenize(source, range: body.open.start..<body.end).tokens
        tokens[0] = body.open
        var parser = DeclarationParser(source: source, tokens: tokens, markers: [])
        parser.conditions = body.conditions
        parser.types = [TypeDecl(kind: body.kind, name: body.name, location: SourceLocation(file: source.path, line: 1, column: 1))]
        parser.frames = [DeclarationParser.Frame(typeIndex: 0, name: body.name, kind: body.kind)]
        parser.position = 1
        parser.parseOpenBodies()
        let type = parser.types[0]
        return Members(initializers: type.initializers, methods: type.methods, properties: type.properties, enumCases: type.enumCases)
    }
}
