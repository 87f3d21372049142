/// Parses one HTTP/1.1 request from the bytes read so far, within limits: the dashboard's server
/// reads until the parser says the request is complete or refuses it.
package struct HTTPRequestParser: Sendable {
    /// The most bytes of request line and headers.
    package var maximumHeadBytes = 16 * 1024
    /// The most bytes of a body.
    package var maximumBodyBytes = 64 * 1024

    /// What the bytes so far make.
    package enum Outcome: Sendable {
        /// More bytes are needed.
        case incomplete
        /// A whole request.
        case complete(HTTPRequest)
        /// A request that will not be served: the status to answer with, and why.
        case refused(status: Int, reason: String)
    }

    package init() {}

    /// Parses `bytes`, everything read from the connection so far.
    package func parse(_ bytes: [UInt8]) -> Outcome {
        guard let headEnd = Self.find([13, 10, 13, 10], in: bytes) else {
            return bytes.count > maximumHeadBytes ? .refused(status: 431, reason: "the request's headers are over \(maximumHeadBytes) bytes")
                                                  : .incomplete
        }
        guard headEnd <= maximumHeadBytes else { return .refused(status: 431, reason: "the request's headers are over \(maximumHeadBytes) bytes") }
        let lines = Self.lines(bytes[..<headEnd])
        guard let requestLine = lines.first else { return .refused(status: 400, reason: "no request line") }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, let method = String(validating: parts[0], as: UTF8.self),
              let version = String(validating: parts[2], as: UTF8.self) else {
            return .refused(status: 400, reason: "the request line is not METHOD TARGET VERSION")
        }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .refused(status: 505, reason: "HTTP version \(version) is not served") }
        guard ["GET", "HEAD", "POST"].contains(method) else { return .refused(status: 405, reason: "method \(method) is not served") }
        let target = parts[1]
        guard target.first == UInt8(ascii: "/") else { return .refused(status: 400, reason: "the target is not a path") }
        let pathBytes = target.prefix { $0 != UInt8(ascii: "?") }
        guard let path = FormDecoding.decode(pathBytes, plusIsSpace: false) else {
            return .refused(status: 400, reason: "the path has a malformed escape, invalid UTF-8 or a NUL")
        }
        let query = pathBytes.count < target.count ? FormDecoding.fields(target[(pathBytes.endIndex + 1)...]) : [:]

        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let first = line.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t") else {
                return .refused(status: 400, reason: "a header line is empty or folded")
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                  let name = String(validating: line[..<colon], as: UTF8.self), Self.isToken(name) else {
                return .refused(status: 400, reason: "a header line has no valid name")
            }
            let valueBytes = line[(colon + 1)...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard !valueBytes.contains(where: { $0 == 0 || $0 == 13 || $0 == 10 }),
                  let value = String(validating: valueBytes, as: UTF8.self) else {
                return .refused(status: 400, reason: "the value of header \(name) has a control character or invalid UTF-8")
            }
            let key = name.lowercased()
            if headers[key] == nil { headers[key] = String(value.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
        }
        guard headers["transfer-encoding"] == nil else {
            return .refused(status: 501, reason: "a body with Transfer-Encoding is not served: send Content-Length")
        }
        var length = 0
        if let text = headers["content-length"] {
            guard !text.isEmpty, text.count <= 12, text.allSatisfy(\.isASCII), let parsed = Int(text), parsed >= 0 else {
                return .refused(status: 400, reason: "Content-Length is not a number")
            }
            length = parsed
        }
        guard length <= maximumBodyBytes else { return .refused(status: 413, reason: "the body is over \(maximumBodyBytes) bytes") }
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return .incomplete }
        return .complete(HTTPRequest(method: method, path: path, query: query, headers: headers,
                                     body: Array(bytes[bodyStart..<(bodyStart + length)])))
    }

    /// Lines split at CRLF; a bare CR or LF stays inside its line, where the checks refuse it.
    private static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 13, index + 1 < bytes.endIndex, bytes[index + 1] == 10 {
                lines.append(bytes[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.endIndex])
        return lines
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for index in 0...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
