/// Reads, for given tokens of one code block, which loops and branch arms enclose them: what the
/// step id checks need to tell a call that repeats (in a loop) from calls that never both run (in
/// two arms of one `if … else` or `switch`).
///
/// It runs only over blocks that hold a recorded step call, after the block was skipped, so the
/// scanner's pass over ordinary code stays as cheap as before. It follows brackets and a few
/// statement words, lexically, never recursing: a loop is `for … in`, `while`, `repeat`, or a
/// closure passed to a function that runs it per element (``isLoopFunction(_:)``, trailing or in its
/// parentheses); an arm is the body of an `if`, of each `else if`/`else` after it, or the statements
/// under each `case`/`default` label of a `switch`.
struct ControlFlowReader {
    /// Where one token stands.
    struct Placement: Sendable {
        /// Inside a loop of the block.
        var isInLoop: Bool
        /// The `if`/`switch` arms around it, outermost first.
        var branches: [StepCallDecl.Branch]
    }

    /// Whether a function of this name runs its closure argument once per element: one of
    /// ``loopFunctions``, or a name ending in `ForEach` or `Map` (`asyncForEach`, `concurrentMap`).
    static func isLoopFunction(_ name: String) -> Bool {
        loopFunctions.contains(name) || name.hasSuffix("ForEach") || name.hasSuffix("Map")
    }

    /// Functions whose closure argument runs once per element (or per comparison).
    static let loopFunctions: Set<String> = [
        "forEach", "map", "compactMap", "flatMap", "reduce", "filter", "contains", "allSatisfy", "first", "firstIndex",
        "last", "lastIndex", "sorted", "sort", "min", "max", "drop", "prefix", "partition", "removeAll", "mapValues",
        "compactMapValues", "count", "split",
    ]

    private enum Kind: Equatable {
        case plain
        case loop
        case repeatLoop
        case arm(group: Int, arm: Int)
        case switchBody(group: Int)
        case parenthesis(callsLoopFunction: Bool)
    }

    private struct Entry {
        var kind: Kind
        var loops: Int
        var branches: [StepCallDecl.Branch]
        /// For a `switch` body: the current case label, from 0; -1 before the first.
        var switchArm = -1
    }

    let tokens: [Token]
    let bytes: [UInt8]

    /// The placement of each token in `targets` (indices into `tokens`, ascending), for the block
    /// whose `{` is at `open` and whose `}` is at `close`.
    func placements(open: Int, close: Int, targets: [Int]) -> [Placement] {
        var result: [Placement] = []
        result.reserveCapacity(targets.count)
        var nextTarget = 0
        var stack = [Entry(kind: .plain, loops: 0, branches: [])]
        var pending: (kind: Kind, depth: Int)?
        var chain: (group: Int, arm: Int)?
        var closed: (entry: Entry, index: Int)?
        var index = open + 1
        while index < close && nextTarget < targets.count {
            let token = tokens[index]
            if index == targets[nextTarget] {
                let context = self.context(stack)
                result.append(Placement(isInLoop: context.loops > 0, branches: context.branches))
                nextTarget += 1
            }
            let justClosed = closed.flatMap { $0.index == index - 1 ? $0.entry : nil }
            switch token.kind {
            case .identifier:
                if token.keyword == .else, case .arm(let group, let arm)? = justClosed?.kind {
                    chain = (group, arm + 1)
                } else if token.keyword == .if {
                    let previousIsElse = index > 0 && tokens[index - 1].keyword == .else && tokens[index - 1].kind == .identifier
                    let link = previousIsElse ? chain : nil
                    pending = (.arm(group: link?.group ?? token.start, arm: link?.arm ?? 0), stack.count)
                    chain = nil
                } else if spells(token, "for") || (spells(token, "while") && justClosed?.kind != .repeatLoop) {
                    pending = (.loop, stack.count)
                } else if spells(token, "repeat") {
                    pending = (.repeatLoop, stack.count)
                } else if spells(token, "switch") {
                    pending = (.switchBody(group: token.start), stack.count)
                } else if spells(token, "guard") {
                    pending = (.plain, stack.count)
                } else if token.keyword == .case || spells(token, "default"), case .switchBody = stack[stack.count - 1].kind,
                          isLabel(at: index) {
                    stack[stack.count - 1].switchArm += 1
                }
            case .leftBrace:
                var kind = Kind.plain
                if let waiting = pending, waiting.depth == stack.count {
                    kind = waiting.kind
                    pending = nil
                } else if let link = chain, index > 0, tokens[index - 1].keyword == .else {
                    kind = .arm(group: link.group, arm: link.arm)
                } else if opensLoopClosure(at: index, justClosed: justClosed, in: stack) {
                    kind = .loop
                }
                chain = nil
                push(kind, onto: &stack)
            case .leftParen, .leftBracket:
                let callsLoop = token.kind == .leftParen && index > 0 && tokens[index - 1].kind == .identifier
                    && Self.isLoopFunction(text(tokens[index - 1]))
                push(.parenthesis(callsLoopFunction: callsLoop), onto: &stack)
            case .rightBrace, .rightParen, .rightBracket:
                if stack.count > 1 {
                    closed = (stack.removeLast(), index)
                }
                if let waiting = pending, waiting.depth > stack.count { pending = nil }
            default:
                break
            }
            index += 1
        }
        while result.count < targets.count {
            result.append(Placement(isInLoop: false, branches: []))
        }
        return result
    }

    /// The loops and arms in force inside the innermost entry.
    private func context(_ stack: [Entry]) -> (loops: Int, branches: [StepCallDecl.Branch]) {
        let top = stack[stack.count - 1]
        if case .switchBody(let group) = top.kind, top.switchArm >= 0 {
            return (top.loops, top.branches + [StepCallDecl.Branch(group: group, arm: top.switchArm)])
        }
        return (top.loops, top.branches)
    }

    private func push(_ kind: Kind, onto stack: inout [Entry]) {
        var (loops, branches) = context(stack)
        switch kind {
        case .loop, .repeatLoop: loops += 1
        case .arm(let group, let arm): branches.append(StepCallDecl.Branch(group: group, arm: arm))
        default: break
        }
        stack.append(Entry(kind: kind, loops: loops, branches: branches))
    }

    /// Whether the `{` at `index` is a closure given to a loop function: `xs.map { … }`,
    /// `xs.reduce(0) { … }`, `xs.map({ … })`.
    private func opensLoopClosure(at index: Int, justClosed: Entry?, in stack: [Entry]) -> Bool {
        let previous = tokens[index - 1]
        if previous.kind == .identifier && Self.isLoopFunction(text(previous)) { return true }
        if previous.kind == .rightParen, case .parenthesis(true)? = justClosed?.kind { return true }
        if case .parenthesis(true) = stack[stack.count - 1].kind { return true }
        return false
    }

    /// Whether the `case` or `default` at `index` is a label of the switch, not the `case` of an
    /// `if case`, `for case` or a continued condition.
    private func isLabel(at index: Int) -> Bool {
        let previous = tokens[index - 1]
        switch previous.kind {
        case .leftBrace, .rightBrace, .semicolon, .attribute:
            return true
        case .comma:
            return false
        case .identifier where previous.keyword == .if || spells(previous, "guard") || spells(previous, "while") || spells(previous, "for"):
            return false
        default:
            return tokens[index].isAtLineStart
        }
    }

    private func text(_ token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// Whether `token` spells `word` exactly.
    private func spells(_ token: Token, _ word: StaticString) -> Bool {
        guard token.kind == .identifier, token.end - token.start == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { buffer in
            var offset = 0
            while offset < buffer.count {
                if bytes[token.start + offset] != buffer[offset] { return false }
                offset += 1
            }
            return true
        }
    }
}
