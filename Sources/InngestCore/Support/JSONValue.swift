#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON value, used wherever data crosses a durable or wire boundary untyped: event payloads,
/// memoized step results and function outputs.
///
/// Integers are kept apart from doubles so that identifiers and amounts in cents survive a round trip
/// exactly.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without a fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object. Key order is not significant; encoding sorts keys.
    case object([String: JSONValue])
}

extension JSONValue: Codable {
    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    /// Encodes the value as JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// The deepest nesting of arrays and objects the framework reads from any JSON text (a request
    /// body, a stored row): deeper text is refused before it is read further.
    public static let maximumDepth = 128

    /// The deepest nesting of arrays and objects allowed in a payload: an event's `data`, a step's
    /// result, a function's output. It leaves room for the envelopes around a payload (event, memo,
    /// request) within `maximumDepth`.
    public static let maximumPayloadDepth = 100

    /// Converts any `Encodable` value to a JSON value through `JSONEncoder`.
    /// - Throws: the encoder's error when the value cannot be represented as JSON, or
    ///   `JSONSyntaxError` when the encoded text holds a number that cannot be kept exactly.
    public init(encoding value: some Encodable) throws {
        if let value = value as? JSONValue {
            self = value
            return
        }
        self = try JSONValue(json: try JSONCoding.encoder.encode(value))
    }

    /// Parses JSON text strictly: see `JSONSyntaxError` for what is refused.
    /// - Parameters:
    ///   - bytes: UTF-8 JSON text.
    ///   - maximumDepth: the deepest nesting of arrays and objects accepted.
    /// - Throws: `JSONSyntaxError` for malformed text, or text that cannot be read without changing it.
    public init(json bytes: some Collection<UInt8>, maximumDepth: Int = JSONValue.maximumDepth) throws(JSONSyntaxError) {
        let parsed = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try JSONParser.parse(buffer, maximumDepth: maximumDepth) }
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in try JSONParser.parse(buffer, maximumDepth: maximumDepth) }
        }
        self = try parsed.get()
    }

    /// Decodes this value into a `Decodable` type, as `JSONCoding.decoder` decodes its text (read
    /// in place: the value is not written out and parsed again).
    /// - Throws: `DecodingError` when the shape does not match.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONValueDecoder.decode(T.self, from: self)
    }

    /// Compact JSON text with sorted keys (deterministic, as Inngest's conformance runner compares
    /// bytes). Non-finite doubles, which JSON cannot hold, are written as `null`: payloads holding
    /// them are refused before they are stored or sent (`InngestEvent.validate()`).
    public var jsonBytes: [UInt8] { JSONWriter.write(self) ?? Array("null".utf8) }

    /// `jsonBytes` as `Data`.
    public var jsonData: Data { Data(jsonBytes) }

    /// `jsonBytes` as a string.
    public var jsonString: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// Member lookup for objects; `nil` for other values or missing keys.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The deepest nesting of arrays and objects: 0 for a scalar, 1 for `[]` or `{"a": 1}`. Computed
    /// without recursion.
    public var nestingDepth: Int {
        var deepest = 0
        var stack: [(JSONValue, Int)] = [(self, 0)]
        while let (value, depth) = stack.popLast() {
            switch value {
            case .array(let items):
                deepest = max(deepest, depth + 1)
                for item in items { stack.append((item, depth + 1)) }
            case .object(let members):
                deepest = max(deepest, depth + 1)
                for member in members.values { stack.append((member, depth + 1)) }
            default:
                deepest = max(deepest, depth)
            }
        }
        return deepest
    }

    /// Why this payload cannot be stored or sent faithfully, or `nil` when it can: nesting deeper
    /// than `maximumPayloadDepth`, or a double that JSON cannot hold (NaN, ±infinity). `path` names
    /// the payload in the message, e.g. `data`.
    package func payloadProblem(path root: String) -> String? {
        var stack: [(value: JSONValue, depth: Int, path: String)] = [(self, 0, root)]
        while let (value, depth, path) = stack.popLast() {
            switch value {
            case .double(let number) where !number.isFinite:
                return "\(path) is \(number), which JSON cannot hold; send a finite number, or null"
            case .array(let items):
                guard depth < Self.maximumPayloadDepth else {
                    return "\(root) is nested more than \(Self.maximumPayloadDepth) levels deep (at \(path)); flatten it"
                }
                for (index, item) in items.enumerated().reversed() { stack.append((item, depth + 1, "\(path)[\(index)]")) }
            case .object(let members):
                guard depth < Self.maximumPayloadDepth else {
                    return "\(root) is nested more than \(Self.maximumPayloadDepth) levels deep (at \(path)); flatten it"
                }
                for key in members.keys.sorted().reversed() {
                    if let member = members[key] { stack.append((member, depth + 1, "\(path).\(key)")) }
                }
            default:
                continue
            }
        }
        return nil
    }
}

/// The JSON coders the framework uses everywhere, so every boundary (store, wire, memo) encodes
/// dates and keys alike: compact, sorted keys, ISO 8601 dates, no slash escaping.
public enum JSONCoding {
    /// Compact, sorted keys, ISO 8601 dates, no slash escaping.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// ISO 8601 dates.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
