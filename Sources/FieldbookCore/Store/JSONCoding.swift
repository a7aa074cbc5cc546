import Foundation

/// How records become bytes: pretty, sorted keys, dates as `YYYY-MM-DD`, timestamps as
/// ISO 8601 with the local offset.
enum JSONCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "\"\(text)\" is not an ISO 8601 timestamp with an offset (e.g. 2026-11-22T09:30:00+01:00)")
            }
            return date
        }
        return decoder
    }

    static func encode<T: Encodable>(_ value: T) throws(StoreError) -> Data {
        do {
            var data = try encoder().encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw .io(path: "", reason: "could not encode: \(error)")
        }
    }

    /// A decoding failure in words a person can act on: where in the file, and what is wrong.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return syntaxMessage(context)
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required field is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)); \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): is null, expected \(typeName(type))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func syntaxMessage(_ context: DecodingError.Context) -> String {
        var parts: [String] = []
        var underlying: (any Error)? = context.underlyingError
        while let error = underlying {
            let ns = error as NSError
            if let description = ns.userInfo[NSDebugDescriptionErrorKey] as? String {
                parts.append(description)
            }
            underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error
        }
        let detail = parts.first ?? context.debugDescription
        let message = detail.isEmpty ? "the file is not valid JSON" : detail
        return message.hasPrefix("The given data was not valid JSON")
            ? "not valid JSON" + (parts.count > 1 ? ": " + parts[1] : "")
            : "not valid JSON: " + message
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var result = ""
        for key in keys {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return result.isEmpty ? "(top level)" : result
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type, is Decimal.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".replacingOccurrences(of: "Swift.", with: "")
        }
    }
}

/// Timestamps (`createdAt`, `updatedAt`): ISO 8601 with an offset.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone.current
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
