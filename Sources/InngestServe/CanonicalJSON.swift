import Foundation
import InngestCore

/// RFC 8785 JSON Canonicalization Scheme (JCS): what Inngest's server and SDKs sign.
///
/// Object keys sorted by UTF-16 code units, no whitespace, minimal string escaping, numbers in
/// ECMAScript's `Number.prototype.toString` form.
public enum CanonicalJSON: Sendable {
    /// Parses JSON text and returns its canonical form.
    /// - Parameter bytes: JSON text.
    /// - Returns: the canonical UTF-8 bytes.
    /// - Throws: `CanonicalJSONError` when the text is not JSON or holds a number JCS cannot represent.
    public static func canonicalize(_ bytes: some Collection<UInt8>) throws(CanonicalJSONError) -> [UInt8] {
        let value: JSONValue
        do {
            value = try JSONValue(json: Data(bytes))
        } catch {
            throw CanonicalJSONError("the text is not JSON: \(error)")
        }
        return try serialize(value)
    }

    /// The canonical form of a JSON value.
    /// - Throws: `CanonicalJSONError` for NaN or infinite numbers, which JSON cannot hold.
    public static func serialize(_ value: JSONValue) throws(CanonicalJSONError) -> [UInt8] {
        var output: [UInt8] = []
        try write(value, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout [UInt8]) throws(CanonicalJSONError) {
        switch value {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .integer(let number):
            if number.magnitude <= 1 << 53 {
                output += Array(String(number).utf8)
            } else {
                output += Array(try format(Double(number)).utf8)
            }
        case .double(let number): output += Array(try format(number).utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                try write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if let member = members[key] { try write(member, into: &output) }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): output += Array(#"\\"#.utf8)
            case 0x08: output += Array(#"\b"#.utf8)
            case 0x0C: output += Array(#"\f"#.utf8)
            case 0x0A: output += Array(#"\n"#.utf8)
            case 0x0D: output += Array(#"\r"#.utf8)
            case 0x09: output += Array(#"\t"#.utf8)
            case ..<0x20:
                let hex = String(byte, radix: 16)
                output += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Formats a double as ECMAScript's `Number.prototype.toString` does (shortest round-trip digits).
    /// - Throws: `CanonicalJSONError` for NaN and infinities.
    public static func format(_ number: Double) throws(CanonicalJSONError) -> String {
        guard number.isFinite else { throw CanonicalJSONError("\(number) is not a JSON number") }
        if number == 0 { return "0" }
        // Swift's description is the shortest round-trip form: split it into digits and a point position.
        var text = number.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integral = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array(integral + fraction)
        var point = integral.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let n = point
        let d = String(digits)
        let sign = number < 0 ? "-" : ""
        let body: String
        if k <= n && n <= 21 {
            body = d + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            body = String(digits[..<n]) + "." + String(digits[n...])
        } else if -6 < n && n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + d
        } else {
            let e = n - 1
            let exponentText = (e < 0 ? "-" : "+") + String(e.magnitude)
            body = k == 1 ? d + "e" + exponentText : String(digits[0]) + "." + String(digits[1...]) + "e" + exponentText
        }
        return sign + body
    }
}
