/// An HTTP/1.1 request as the dashboard's server parsed it: method, decoded path, query and form
/// fields, headers by lowercased name.
package struct HTTPRequest: Sendable {
    /// `GET`, `POST` or `HEAD`.
    package let method: String
    /// The percent-decoded path, always starting with `/`.
    package let path: String
    /// The query's fields, decoded (`+` is a space).
    package let query: [String: String]
    /// Header values by lowercased name; a repeated header keeps its first value.
    package let headers: [String: String]
    /// The body as sent.
    package let body: [UInt8]

    package init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The body's fields, for an `application/x-www-form-urlencoded` body; empty otherwise.
    package var form: [String: String] {
        guard headers["content-type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else { return [:] }
        return FormDecoding.fields(body[...])
    }
}

/// `a=1&b=two+words&c=%2F`: fields of a query or a form body.
package enum FormDecoding {
    /// The fields; a repeated name keeps its first value, a field that does not decode is left out.
    package static func fields(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0], plusIsSpace: true), !name.isEmpty else { continue }
            let value = parts.count > 1 ? decode(parts[1], plusIsSpace: true) : ""
            if let value, fields[name] == nil { fields[name] = value }
        }
        return fields
    }

    /// Percent-decodes UTF-8; nil for a malformed escape, invalid UTF-8 or a NUL.
    package static func decode(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard bytes.distance(from: index, to: bytes.endIndex) >= 3, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return nil }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        guard !output.contains(0), let text = String(validating: output, as: UTF8.self) else { return nil }
        return text
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
