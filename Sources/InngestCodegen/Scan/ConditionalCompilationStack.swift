/// The `#if` blocks enclosing the current position, turned into condition strings.
///
/// Inside `#if X` the condition is `X`; in a following `#elseif Y` it is `!(X) && (Y)`;
/// in `#else` after both it is `!(X) && !(Y)`. Nested blocks give one entry each,
/// outermost first.
struct ConditionalCompilationStack: Sendable {
    /// One open `#if … #endif` block.
    struct Block: Sendable {
        /// The conditions of the clauses before the current one.
        var previous: [String]
        /// The condition of the current clause, as stored in declarations.
        var current: String
        /// Where the `#if` is, for "missing #endif".
        var location: SourceLocation
        /// The byte offset of the `#if`: which block this is.
        var offset = -1
        /// Which clause is current: 0 for the `#if`, then one more for each `#elseif` and the `#else`.
        var clause = 0
    }

    private(set) var blocks: [Block] = []

    /// The conditions in force, outermost first.
    var conditions: [String] { blocks.map(\.current) }

    /// The current clause of every open block, outermost first, as branch arms.
    var branches: [StepCallDecl.Branch] { blocks.map { StepCallDecl.Branch(group: $0.offset, arm: $0.clause) } }

    /// Enters `#if condition`.
    mutating func enterIf(_ condition: String, at location: SourceLocation, offset: Int = -1) {
        blocks.append(Block(previous: [condition], current: condition, location: location, offset: offset))
    }

    /// Moves to `#elseif condition`; ignored without an open block.
    mutating func enterElseIf(_ condition: String) {
        guard var block = blocks.popLast() else { return }
        let negated = block.previous.map { "!(\($0))" }.joined(separator: " && ")
        block.current = negated + " && (\(condition))"
        block.previous.append(condition)
        block.clause += 1
        blocks.append(block)
    }

    /// Moves to `#else`; ignored without an open block.
    mutating func enterElse() {
        guard var block = blocks.popLast() else { return }
        block.current = block.previous.map { "!(\($0))" }.joined(separator: " && ")
        block.clause += 1
        blocks.append(block)
    }

    /// Leaves the innermost block at `#endif`; returns false without an open block.
    @discardableResult
    mutating func exit() -> Bool {
        blocks.popLast() != nil
    }
}
