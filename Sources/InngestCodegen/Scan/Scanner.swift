/// Turns one Swift source file into a declaration model, without SwiftSyntax.
///
/// ``scan(_:path:)`` lexes the file with ``Lexer`` (markers are parsed there, by
/// ``MarkerParser``), then walks the tokens at file scope and in type bodies only.
/// Everything the caller needs is in the returned ``ScannedFile``; problems are
/// diagnostics, never thrown errors or traps.
///
/// Marker attachment: a marker belongs to the next declaration — a type, an extension, or
/// a method, initialiser or property of a type. Only comments, blank lines, attributes,
/// modifiers and `#` directive lines (`#if`, `#warning(…)`, …) may stand between them;
/// anything else, or the end of the file, makes the error "marker @inngest.X is not
/// followed by a declaration" at the marker.
public enum Scanner: Sendable {
    /// The words whose absence proves a file declares nothing of interest.
    private static let needles: [[UInt8]] = [
        Array("@inngest".utf8), Array("InngestFunction".utf8), Array("Event".utf8),
        Array("Module".utf8), Array("Injectable".utf8),
    ]

    /// Cheap prefilter: false only when the file cannot contain anything of interest — no
    /// `@inngest`, none of the words `InngestFunction`, `Event`, `Module`, `Injectable`
    /// (matched anywhere, even inside longer words, comments or strings), and nothing the scanner
    /// would warn about as a near-miss marker (`@Inngest.function`, `@ingest.event`, …).
    public static func mightDeclareAnything(_ source: String) -> Bool {
        var utf8 = source.utf8
        if let answer = utf8.withContiguousStorageIfAvailable({ mightDeclareAnything(in: $0) }) {
            return answer
        }
        utf8 = source.utf8
        return mightDeclareAnything(bytes: Array(utf8))
    }

    /// ``mightDeclareAnything(_:)`` for raw bytes.
    public static func mightDeclareAnything(bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { mightDeclareAnything(in: $0) }
    }

    private static func mightDeclareAnything(in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = buffer.count
        var index = 0
        while index < count {
            switch buffer[index] {
            case UInt8(ascii: "@"), UInt8(ascii: "I"), UInt8(ascii: "E"), UInt8(ascii: "M"):
                for needle in needles where needle[0] == buffer[index] && index + needle.count <= count {
                    var offset = 1
                    while offset < needle.count && buffer[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                if buffer[index] == UInt8(ascii: "@") && NearMissMarker.mayStart(in: buffer, at: index) { return true }
            case UInt8(ascii: "."):
                if NearMissMarker.mayStart(in: buffer, at: index) { return true }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// Scans Swift source text.
    public static func scan(_ source: String, path: String) -> ScannedFile {
        scanValid(SourceBuffer(source, path: path))
    }

    /// Scans a file's bytes. Bytes that are not valid UTF-8 give one error diagnostic (at the
    /// first invalid byte) and no types.
    public static func scan(contentsOf bytes: [UInt8], path: String) -> ScannedFile {
        if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
            let buffer = SourceBuffer(bytes: Array(bytes[..<invalid]), path: path)
            let location = buffer.location(at: invalid)
            let hex = String(bytes[invalid], radix: 16, uppercase: true)
            var file = ScannedFile(path: path, diagnostics: [
                Diagnostic(.error, "file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex))", at: location),
            ])
            file.bytes = bytes
            return file
        }
        return scanValid(SourceBuffer(bytes: bytes, path: path))
    }

    /// Why a file of `byteCount` bytes cannot be scanned, or nil: token offsets are 32 bits.
    package static func sizeProblem(byteCount: Int) -> String? {
        guard byteCount >= Token.maximumOffset else { return nil }
        return "file is too large to scan (\(byteCount) bytes; the limit is \(Token.maximumOffset - 1))"
    }

    /// ``scan(_:path:)``, with the members of plain type bodies parsed at once rather than on
    /// first read when `defersMembers` is false: what the tests compare, to show deferring changes nothing.
    package static func scan(_ source: String, path: String, defersMembers: Bool) -> ScannedFile {
        scanValid(SourceBuffer(source, path: path), defersMembers: defersMembers)
    }

    private static func scanValid(_ source: SourceBuffer, defersMembers: Bool = true) -> ScannedFile {
        if let problem = sizeProblem(byteCount: source.bytes.count) {
            var file = ScannedFile(path: source.path, diagnostics: [Diagnostic(.error, problem, at: source.location(at: 0))])
            file.bytes = source.bytes
            return file
        }
        let lexed = Lexer.tokenize(source)
        var parser = DeclarationParser(source: source, lexed: lexed)
        parser.defersMembers = defersMembers
        parser.run()
        var diagnostics = lexed.diagnostics
        diagnostics.append(contentsOf: parser.diagnostics)
        diagnostics.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        var file = ScannedFile(path: source.path, types: parser.types, typeAliases: parser.typeAliases, stepCalls: parser.stepCalls,
                               diagnostics: diagnostics)
        file.sends = parser.sends
        file.bytes = source.bytes
        return file
    }
}
