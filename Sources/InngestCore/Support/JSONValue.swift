import Foundation

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
    /// Converts any `Encodable` value to a JSON value through `JSONEncoder`.
    /// - Throws: the encoder's error when the value cannot be represented as JSON.
    public init(encoding value: some Encodable) throws {
        let data = try JSONCoding.encoder.encode(value)
        self = try JSONCoding.decoder.decode(JSONValue.self, from: data)
    }

    /// Parses JSON text.
    /// - Throws: `DecodingError` for malformed JSON.
    public init(json data: Data) throws {
        self = try JSONCoding.decoder.decode(JSONValue.self, from: data)
    }

    /// Decodes this value into a `Decodable` type through `JSONDecoder`.
    /// - Throws: `DecodingError` when the shape does not match.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let data = try JSONCoding.encoder.encode(self)
        return try JSONCoding.decoder.decode(T.self, from: data)
    }

    /// Compact JSON text with sorted keys (deterministic, as Inngest's conformance runner compares bytes).
    public var jsonData: Data {
        // Encoding a JSONValue cannot fail: every case maps to valid JSON except non-finite doubles,
        // which are written as null.
        (try? JSONCoding.encoder.encode(self.replacingNonFinite())) ?? Data("null".utf8)
    }

    /// `jsonData` as a string.
    public var jsonString: String { String(decoding: jsonData, as: UTF8.self) }

    /// Member lookup for objects; `nil` for other values or missing keys.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    private func replacingNonFinite() -> JSONValue {
        switch self {
        case .double(let value) where !value.isFinite: return .null
        case .array(let values): return .array(values.map { $0.replacingNonFinite() })
        case .object(let members): return .object(members.mapValues { $0.replacingNonFinite() })
        default: return self
        }
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
