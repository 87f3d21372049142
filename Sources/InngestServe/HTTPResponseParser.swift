import InngestCore

/// Reads an HTTP/1.1 response from the bytes a connection has delivered so far: the status, and
/// the body framed by `Content-Length`, by `Transfer-Encoding: chunked`, or by the end of the
/// connection. Informational (1xx) responses before it are skipped. Whatever does not parse, or
/// passes a limit, is an error that says where.
struct HTTPResponseParser: Sendable {
    /// A response that did not parse.
    struct Failure: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// The most bytes of status line and headers.
    var maximumHeadSize = 64 * 1024
    /// The most bytes of body.
    var maximumBodySize = 16 * 1024 * 1024

    /// The response, if `bytes` hold all of it.
    /// - Parameters:
    ///   - bytes: what has arrived.
    ///   - ended: whether the connection has ended (then a body without framing ends here, and a
    ///     response that is not complete is an error).
    /// - Returns: the status and body, or `nil` when more bytes are needed.
    /// - Throws: `Failure` for a malformed, truncated or oversized response.
    func response(in bytes: [UInt8], ended: Bool) throws(Failure) -> HTTPClient.Response? {
        var start = 0
        while true {
            guard let headEnd = Self.find([13, 10, 13, 10], in: bytes, from: start) else {
                if bytes.count - start > maximumHeadSize { throw Failure(description: "the response's headers are over \(maximumHeadSize) bytes") }
                if ended { throw Failure(description: bytes.count == start ? "the server closed the connection without a response" : "the response ends inside its headers") }
                return nil
            }
            if headEnd - start > maximumHeadSize { throw Failure(description: "the response's headers are over \(maximumHeadSize) bytes") }
            let head = try Self.head(bytes[start..<headEnd])
            let bodyStart = headEnd + 4
            if (100..<200).contains(head.status) {
                start = bodyStart
                continue
            }
            if let body = try body(of: head, in: bytes, from: bodyStart, ended: ended) {
                return HTTPClient.Response(status: head.status, body: body)
            }
            return nil
        }
    }

    /// A status line and its header fields.
    private struct Head {
        var status: Int
        var contentLength: Int?
        var chunked = false
    }

    private static func head(_ bytes: ArraySlice<UInt8>) throws(Failure) -> Head {
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { $0.last == 13 ? $0.dropLast() : $0 }
        guard let statusLine = lines.first, statusLine.starts(with: Array("HTTP/1.".utf8)), statusLine.count >= 12,
              statusLine[statusLine.startIndex + 8] == 32 else {
            throw Failure(description: "the response does not start with an HTTP/1.x status line")
        }
        let digits = statusLine[(statusLine.startIndex + 9)..<(statusLine.startIndex + 12)]
        guard digits.allSatisfy({ (48...57).contains($0) }), statusLine.count == 12 || statusLine[statusLine.startIndex + 12] == 32,
              let status = Int(String(decoding: digits, as: UTF8.self)), status >= 100 else {
            throw Failure(description: "the response's status code is not three digits")
        }
        var head = Head(status: status)
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 58), colon > line.startIndex else {
                throw Failure(description: "a response header line has no name")
            }
            guard !line.contains(0) else { throw Failure(description: "a response header holds a NUL byte") }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[line.index(after: colon)...], as: UTF8.self).trimmingWhitespace
            switch name {
            case "content-length":
                guard let length = Int(value), length >= 0, head.contentLength == nil || head.contentLength == length else {
                    throw Failure(description: "the response's Content-Length is not one non-negative integer")
                }
                head.contentLength = length
            case "transfer-encoding":
                head.chunked = value.lowercased().split(separator: ",").last.map { String($0).trimmingWhitespace } == "chunked"
            default:
                continue
            }
        }
        return head
    }

    private func body(of head: Head, in bytes: [UInt8], from start: Int, ended: Bool) throws(Failure) -> [UInt8]? {
        if head.status == 204 || head.status == 304 { return [] }
        if head.chunked { return try chunkedBody(in: bytes, from: start, ended: ended) }
        if let length = head.contentLength {
            guard length <= maximumBodySize else { throw Failure(description: "the response's body is over \(maximumBodySize) bytes") }
            if bytes.count - start >= length { return Array(bytes[start..<(start + length)]) }
            if ended { throw Failure(description: "the response ends after \(bytes.count - start) of its \(length) body bytes") }
            return nil
        }
        guard bytes.count - start <= maximumBodySize else { throw Failure(description: "the response's body is over \(maximumBodySize) bytes") }
        return ended ? Array(bytes[start...]) : nil
    }

    private func chunkedBody(in bytes: [UInt8], from start: Int, ended: Bool) throws(Failure) -> [UInt8]? {
        var body: [UInt8] = []
        var position = start
        func needMore() throws(Failure) -> [UInt8]? {
            if ended { throw Failure(description: "the response ends inside its chunked body") }
            return nil
        }
        while true {
            guard let lineEnd = Self.find([13, 10], in: bytes, from: position) else { return try needMore() }
            let sizeText = bytes[position..<lineEnd].prefix { $0 != 59 }  // up to ";" (chunk extensions)
            guard !sizeText.isEmpty, sizeText.count <= 8, let size = Int(String(decoding: sizeText, as: UTF8.self).trimmingWhitespace, radix: 16) else {
                throw Failure(description: "a chunk size of the response is not hexadecimal")
            }
            position = lineEnd + 2
            if size == 0 {
                // Trailer fields, if any, end with an empty line.
                guard let trailerEnd = Self.find([13, 10], in: bytes, from: position) else { return try needMore() }
                if trailerEnd == position { return body }
                guard Self.find([13, 10, 13, 10], in: bytes, from: position) != nil else { return try needMore() }
                return body
            }
            guard body.count + size <= maximumBodySize else { throw Failure(description: "the response's body is over \(maximumBodySize) bytes") }
            guard bytes.count - position >= size + 2 else { return try needMore() }
            guard bytes[position + size] == 13, bytes[position + size + 1] == 10 else {
                throw Failure(description: "a chunk of the response does not end with CRLF")
            }
            body += bytes[position..<(position + size)]
            position += size + 2
        }
    }

    /// The offset of the first `pattern` in `bytes` at or after `start`.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0] && bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
