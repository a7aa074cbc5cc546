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
    static func describe(_ error: any Error, in data: Data) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return syntaxMessage(data) ?? context.debugDescription
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

    /// Where the JSON syntax breaks, as line and column. (JSONDecoder does not say; the
    /// serialization parser gives a byte offset.)
    private static func syntaxMessage(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let marker = detail.range(of: "around character "),
               let offset = Int(detail[marker.upperBound...].prefix(while: \.isNumber))
            {
                let (line, column) = position(ofByte: offset, in: data)
                let what = detail[..<marker.lowerBound].trimmingWhitespace().lowercased()
                return "not valid JSON at line \(line), column \(column): \(what)"
            }
            if detail.contains("end of file") || data.isEmpty {
                let lines = data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                return "not valid JSON: the file ends too early (line \(lines)); it may have been cut short"
            }
            return "not valid JSON" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }

    static func position(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for (index, byte) in data.prefix(offset).enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: data[data.startIndex + lineStart ..< data.startIndex + min(offset, data.count)], as: UTF8.self)
            .unicodeScalars.count + 1
        return (line, column)
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
