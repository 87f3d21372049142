extension Token {
    /// The keywords and operators the scanner reacts to. Identifiers spelling one of these
    /// words get it as their ``Token/keyword``; backticked names never do.
    enum Keyword: UInt8, Sendable {
        case none
        // Declarations.
        case `struct`, `class`, `enum`, actor, `protocol`, `extension`
        case `func`, `init`, `var`, `let`, `case`, `subscript`, `deinit`, `typealias`
        case `associatedtype`, `import`, `operator`, `precedencegroup`, macro
        // Access levels.
        case `public`, `private`, `fileprivate`, `internal`, open, package
        // Other modifiers.
        case `static`, final, override, mutating, nonmutating, lazy, weak, unowned
        case convenience, required, dynamic, optional, indirect, nonisolated, distributed
        case prefix, postfix, infix, consuming, borrowing, __consuming
        // Words inside declarations.
        case `where`, `return`, async, reasync, `throws`, `rethrows`, get, set, willSet, didSet
        case `as`, `is`, `true`, `false`, `if`, `else`, elseif, endif
        // Step tools whose calls the scanner records in function bodies, and `send`.
        case waitForEvent, run, sleep, sendEvent, invoke, send
        // Operators (set on `.operator` tokens).
        case equal, arrow, ampersand, question, exclamation, ellipsis, tilde

        /// Whether this word can start a declaration that the scanner tracks or skips.
        var isDeclarationKeyword: Bool {
            switch self {
            case .struct, .class, .enum, .actor, .protocol, .extension, .func, .`init`, .var, .let,
                 .case, .subscript, .deinit, .typealias, .associatedtype, .import, .operator,
                 .precedencegroup, .macro:
                return true
            default:
                return false
            }
        }

        /// Whether this word names a step tool (`step.run(…)`, …) or `send(…)`: calls the scanner
        /// records in function bodies.
        var isRecordedCall: Bool {
            switch self {
            case .waitForEvent, .run, .sleep, .sendEvent, .invoke, .send: return true
            default: return false
            }
        }

        /// Whether this word is an access level.
        var isAccessLevel: Bool {
            switch self {
            case .public, .private, .fileprivate, .internal, .open, .package: return true
            default: return false
            }
        }

        /// Whether this word is a declaration modifier (access levels included).
        var isModifier: Bool {
            if isAccessLevel { return true }
            switch self {
            case .static, .class, .final, .override, .mutating, .nonmutating, .lazy, .weak,
                 .unowned, .convenience, .required, .dynamic, .optional, .indirect, .nonisolated,
                 .distributed, .prefix, .postfix, .infix, .consuming, .borrowing, .__consuming:
                return true
            default:
                return false
            }
        }

        /// The table of words, bucketed by length and first byte.
        private static let buckets: [[(word: [UInt8], keyword: Keyword)]] = {
            let words: [(String, Keyword)] = [
                ("struct", .struct), ("class", .class), ("enum", .enum), ("actor", .actor),
                ("protocol", .protocol), ("extension", .extension), ("func", .func),
                ("init", .`init`), ("var", .var), ("let", .let), ("case", .case),
                ("subscript", .subscript), ("deinit", .deinit), ("typealias", .typealias),
                ("associatedtype", .associatedtype), ("import", .import), ("operator", .operator),
                ("precedencegroup", .precedencegroup), ("macro", .macro),
                ("public", .public), ("private", .private), ("fileprivate", .fileprivate),
                ("internal", .internal), ("open", .open), ("package", .package),
                ("static", .static), ("final", .final), ("override", .override),
                ("mutating", .mutating), ("nonmutating", .nonmutating), ("lazy", .lazy),
                ("weak", .weak), ("unowned", .unowned), ("convenience", .convenience),
                ("required", .required), ("dynamic", .dynamic), ("optional", .optional),
                ("indirect", .indirect), ("nonisolated", .nonisolated),
                ("distributed", .distributed), ("prefix", .prefix), ("postfix", .postfix),
                ("infix", .infix), ("consuming", .consuming), ("borrowing", .borrowing),
                ("__consuming", .__consuming), ("where", .where), ("return", .return),
                ("async", .async), ("reasync", .reasync), ("throws", .throws),
                ("rethrows", .rethrows), ("get", .get), ("set", .set), ("willSet", .willSet),
                ("didSet", .didSet), ("as", .as), ("is", .is), ("true", .true),
                ("false", .false), ("if", .if), ("else", .else), ("elseif", .elseif),
                ("endif", .endif), ("waitForEvent", .waitForEvent),
                ("run", .run), ("sleep", .sleep), ("sendEvent", .sendEvent), ("invoke", .invoke), ("send", .send),
            ]
            var table = [[(word: [UInt8], keyword: Keyword)]](repeating: [], count: 16 * 128)
            for (word, keyword) in words {
                let bytes = Array(word.utf8)
                table[bytes.count * 128 + Int(bytes[0])].append((bytes, keyword))
            }
            return table
        }()

        /// The keyword spelled by `bytes[start..<end]`, or `.none`.
        static func classify(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Keyword {
            let length = end - start
            guard length >= 2, length < 16 else { return .none }
            let first = bytes[start]
            // Every word starts with a lowercase letter or `_`: type names and the like stop here.
            guard first == UInt8(ascii: "_") || first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") else { return .none }
            let bucket = buckets[length * 128 + Int(first)]
            if bucket.isEmpty { return .none }
            candidates: for entry in bucket {
                var index = 1
                while index < length {
                    if entry.word[index] != bytes[start + index] { continue candidates }
                    index += 1
                }
                return entry.keyword
            }
            return .none
        }

        /// The significant operator spelled by `bytes[start..<end]`, or `.none`.
        static func classifyOperator(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Keyword {
            switch end - start {
            case 1:
                switch bytes[start] {
                case UInt8(ascii: "="): return .equal
                case UInt8(ascii: "&"): return .ampersand
                case UInt8(ascii: "?"): return .question
                case UInt8(ascii: "!"): return .exclamation
                case UInt8(ascii: "~"): return .tilde
                default: return .none
                }
            case 2:
                if bytes[start] == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: ">") { return .arrow }
                return .none
            case 3:
                if bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".")
                    && bytes[start + 2] == UInt8(ascii: ".") {
                    return .ellipsis
                }
                return .none
            default:
                return .none
            }
        }
    }
}
