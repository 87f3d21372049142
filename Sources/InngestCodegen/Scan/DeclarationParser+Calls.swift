/// Step tool and `send` calls in skipped bodies: recorded where the body is skipped, then placed
/// (loops, branches) and named (type, member) once the body is closed.
extension DeclarationParser {
    /// Records the call at the current token (a step tool's name or `send`/`sendEvent`) if it is one.
    mutating func recordCall(conditions: ConditionalCompilationStack) {
        guard peek().kind == .leftParen, let close = matchingParenthesis(from: position + 1) else { return }
        let keyword = current.keyword
        if keyword == .send || keyword == .sendEvent {
            recordSend(arguments: (position + 2)..<close, conditions: conditions.conditions)
        }
        if keyword != .send {
            recordStepCall(close: close, conditions: conditions)
        }
    }

    /// The index of the `)` closing the `(` at `open`, or `nil` when the file ends first.
    func matchingParenthesis(from open: Int) -> Int? {
        var index = open
        var depth = 0
        while index < tokens.count - 1 {
            switch tokens[index].kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            default: break
            }
            if depth == 0 { return tokens[index].kind == .rightParen ? index : nil }
            index += 1
        }
        return nil
    }

    /// Records `step.<tool>(…)` (the receiver must be spelt `step`, as in `context.step.run`).
    private mutating func recordStepCall(close: Int, conditions: ConditionalCompilationStack) {
        guard position >= 2, tokens[position - 1].kind == .period, tokens[position - 2].kind == .identifier,
              text(tokens[position - 2]) == "step" else { return }
        let openIndex = position + 1
        let arguments = SourceSpan(text: source.text(tokens[openIndex].start..<tokens[close].end), location: location(tokens[openIndex]))
        let first = tokens[openIndex + 1]
        var literalId: String?
        if openIndex + 2 <= close, first.kind == .string, tokens[openIndex + 2].kind == .comma || tokens[openIndex + 2].kind == .rightParen {
            literalId = StringLiteralDecoder.decode(first, in: source)
        }
        stepCalls.append(StepCallDecl(
            name: text(current), arguments: arguments, conditions: conditions.conditions, location: location(current),
            literalId: literalId, idLocation: openIndex + 1 < close ? location(first) : nil, typeName: frames.last?.name,
            branches: conditions.branches
        ))
        stepCallTokens.append(position)
    }

    /// Records `send(…)`/`sendEvent(…)` with the implicit members and constructions in `arguments`.
    private mutating func recordSend(arguments: Range<Int>, conditions: [String]) {
        var caseNames: [String] = []
        var typeNames: [String] = []
        var index = arguments.lowerBound
        while index < arguments.upperBound {
            let token = tokens[index]
            guard token.kind == .identifier, tokens[index + 1].kind == .leftParen else {
                index += 1
                continue
            }
            let previous = tokens[index - 1]
            if previous.kind == .period {
                let before = tokens[index - 2]
                switch before.kind {
                case .identifier, .rightParen, .rightBracket, .rightBrace, .string, .integer, .float:
                    // A member of something: `Shop.OrderPlaced(…)` is taken whole below, `x.map(…)` is not a name.
                    if before.kind == .identifier, isTypeName(before), isTypeName(token) {
                        var start = index - 2
                        while start >= arguments.lowerBound + 2, tokens[start - 1].kind == .period, tokens[start - 2].kind == .identifier,
                              isTypeName(tokens[start - 2]) {
                            start -= 2
                        }
                        typeNames.append(TokenTextFormatter.type(tokens[start...index], in: source))
                    }
                default:
                    if text(token) != "init" { caseNames.append(name(token)) }
                }
            } else if isTypeName(token) {
                typeNames.append(name(token))
            }
            index += 1
        }
        sends.append(SendDecl(name: text(current), caseNames: caseNames, typeNames: typeNames, location: location(current),
                              conditions: conditions, typeName: frames.last?.name))
    }

    /// Whether a name starts with an uppercase letter, as type names do.
    private func isTypeName(_ token: Token) -> Bool {
        let first = bytes[token.start] == UInt8(ascii: "`") && token.end - token.start > 1 ? bytes[token.start + 1] : bytes[token.start]
        return first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
    }

    /// Sets the loops and branch arms of the step calls recorded since `first`, all inside the block
    /// from the `{` at `open` to the `}` at `close`.
    mutating func placeStepCalls(from first: Int, open: Int, close: Int) {
        let reader = ControlFlowReader(tokens: tokens, bytes: bytes)
        let placements = reader.placements(open: open, close: close, targets: Array(stepCallTokens[first...]))
        for (offset, placement) in placements.enumerated() {
            stepCalls[first + offset].isInLoop = placement.isInLoop
            stepCalls[first + offset].branches += placement.branches
            stepCalls[first + offset].bodyOffset = tokens[open].start
        }
    }

    /// Names `member` as the member holding the calls and sends recorded since the given counts.
    mutating func nameCalls(from firstCall: Int, sends firstSend: Int, member: String) {
        for index in firstCall..<stepCalls.count where stepCalls[index].memberName == nil {
            stepCalls[index].memberName = member
        }
        for index in firstSend..<sends.count where sends[index].memberName == nil {
            sends[index].memberName = member
        }
    }
}
