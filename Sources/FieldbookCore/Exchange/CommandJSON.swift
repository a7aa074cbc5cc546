import Foundation

/// The JSON every `--json` of the command line prints, made in one place so every output
/// follows the same two rules (docs/json-output.md):
///
/// - keys are snake_case, made from the Swift names: `clientID` → `client_id`, `faceToFace` →
///   `face_to_face`, `jobSeekerIDs` → `job_seeker_ids` (`snakeCase`);
/// - ids are lower case (`8821ca96-2a67-…`), as the data folder's file names and RFC 9562
///   write them: a member named `id` or ending in `_id` or `_ids` that holds a UUID (or an
///   array of them) is written in lower case.
///
/// Dates are `YYYY-MM-DD` (`LocalDate`), timestamps ISO 8601 with the offset, as in the files;
/// the layout (two-space indents, sorted keys, `"key" : value`) is the files' too. The files
/// themselves keep their own format (camelCase keys, upper-case ids inside): this is output
/// only, never read back.
public enum CommandJSON {
    /// `value` as a JSON document with a trailing newline.
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .custom { path in SnakeKey(snakeCase(path.last?.stringValue ?? "")) }
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        let tree: JSONValue
        do {
            tree = try JSONReader.parse(try encoder.encode(value))
        } catch let error as JSONSyntaxError {
            // JSONEncoder's own text always reads back; this would be a defect of the reader.
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: error.description))
        }
        return JSONWriter.data(idsInLowerCase(tree, underKey: nil))
    }

    /// `name` in snake_case: words split where a lower-case letter or digit meets an upper-case
    /// one (`faceToFace`), and before the last capital of a run that starts a word
    /// (`URLValue` → `url_value`), all in lower case. A run of capitals with a plural `s` is
    /// one word (`jobSeekerIDs` → `job_seeker_ids`). Names already snake_case, data used as keys
    /// (`job-search`) and digits (`day90`) stay as they are.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var out = ""
        out.reserveCapacity(characters.count + 4)
        for (index, character) in characters.enumerated() {
            guard character.isUppercase else {
                out.append(character)
                continue
            }
            if index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
                let pluralOfRun = next == "s" && (afterNext == nil || afterNext!.isUppercase)
                if previous.isLowercase || previous.isNumber
                    || (previous.isUppercase && next?.isLowercase == true && !pluralOfRun) {
                    out.append("_")
                }
            }
            out += character.lowercased()
        }
        return out
    }

    private struct SnakeKey: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// Whether a member of this (snake_case) name holds ids.
    static func holdsIDs(_ key: String) -> Bool {
        key == "id" || key.hasSuffix("_id") || key.hasSuffix("_ids")
    }

    /// The tree with every id under an id member in lower case; everything else as it is.
    static func idsInLowerCase(_ value: JSONValue, underKey key: String?) -> JSONValue {
        switch value {
        case .object(let members):
            var written: [String: JSONValue] = [:]
            written.reserveCapacity(members.count)
            for (name, member) in members { written[name] = idsInLowerCase(member, underKey: name) }
            return .object(written)
        case .array(let items):
            return .array(items.map { idsInLowerCase($0, underKey: key) })
        case .string(let text):
            guard let key, holdsIDs(key), UUID(uuidString: text) != nil else { return value }
            return .string(text.lowercased())
        case .null, .bool, .number:
            return value
        }
    }
}
