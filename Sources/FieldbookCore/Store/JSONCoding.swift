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

    /// True when a line starts with a version control conflict marker (`<<<<<<< `, `>>>>>>> `).
    static func hasConflictMarkers(_ data: Data) -> Bool {
        data.starts(with: Data("<<<<<<<".utf8)) || data.range(of: Data("\n<<<<<<<".utf8)) != nil
            || data.range(of: Data("\n>>>>>>>".utf8)) != nil
    }

    /// Text from a file, safe to put in a message: control characters written as `\u{..}`.
    static func escapedForMessage(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A decoding failure in words a person can act on: where in the file, and what is wrong.
    static func describe(_ error: any Error, in data: Data) -> String {
        // A message quotes what it found in the file: keep it one short, readable line.
        let text = escapedForMessage(String(describeInFull(error, in: data).prefix(1_000)))
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    private static func describeInFull(_ error: any Error, in data: Data) -> String {
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

/// Timestamps (`createdAt`, `updatedAt`): ISO 8601 with an offset, to the second
/// (`2026-11-22T09:30:00+01:00`, or `Z` for UTC). Parsed and written by hand: a formatter object
/// per value made opening a large folder many times slower.
public enum Timestamp {
    public static func format(_ date: Date, timeZone: TimeZone = .current) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        append(date, timeZone: timeZone, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `format`'s text appended as UTF-8, without making a string.
    static func append(_ date: Date, timeZone: TimeZone = .current, into out: inout [UInt8]) {
        let whole = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = timeZone.secondsFromGMT(for: date)
        let local = whole + offset
        let day = LocalDate(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
        let secondOfDay = local - day.dayNumber * 86_400
        day.appendText(into: &out)
        out.append(UInt8(ascii: "T"))
        appendTwoDigits(secondOfDay / 3600, into: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay / 60 % 60, into: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(secondOfDay % 60, into: &out)
        if offset == 0 {
            out.append(UInt8(ascii: "Z"))
        } else {
            let minutes = abs(offset) / 60
            out.append(UInt8(ascii: offset < 0 ? "-" : "+"))
            appendTwoDigits(minutes / 60, into: &out)
            out.append(UInt8(ascii: ":"))
            appendTwoDigits(minutes % 60, into: &out)
        }
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse` on UTF-8 bytes (a file being loaded), without making a string.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let day = try? LocalDate(isoBytes: UnsafeBufferPointer(rebasing: bytes[0..<10])),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, let digit = number(bytes, index, 1) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            let rest = bytes.count - index - 1
            guard let hours = number(bytes, index + 1, 2) else { return nil }
            let minutes: Int?
            if rest == 5, bytes[index + 3] == UInt8(ascii: ":") {
                minutes = number(bytes, index + 4, 2)
            } else if rest == 4 {
                minutes = number(bytes, index + 3, 2)
            } else {
                return nil
            }
            guard let minutes, hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        let seconds = day.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + length)] {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}
