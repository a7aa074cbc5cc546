import Crypto
import Foundation

/// One line of an audit log: who changed which record, when, and the names of the fields that
/// changed. Never a value: the log holds no client data.
public struct AuditEntry: Codable, Hashable, Sendable {
    public enum Action: String, Codable, Sendable {
        case create, update, delete
    }

    /// When the change was saved (ISO 8601 with an offset).
    public var time: String
    /// The copy of Fieldbook that saved it (its log file is named after it).
    public var install: String
    /// The specialist using that copy, when known.
    public var specialist: String?
    public var action: Action
    /// `client`, `specialist`, `employer`, `employer contact` or `settings`.
    public var kind: String
    /// The record's id (lowercase UUID); nil for settings.
    public var record: String?
    /// Names of the top-level fields whose value changed (all fields of a new record).
    public var fields: [String]
    /// The record's `updatedAt` as saved, so `--verify` can tell a change with no entry.
    public var recordUpdatedAt: String?
    /// SHA-256 (hex) of the line before this one in the same log; `AuditEntry.firstPrevious`
    /// for the first line. An edited or removed line breaks this chain.
    public var previous: String

    public init(time: String, install: String, specialist: String?, action: Action, kind: String,
                record: String?, fields: [String], recordUpdatedAt: String?, previous: String) {
        self.time = time
        self.install = install
        self.specialist = specialist
        self.action = action
        self.kind = kind
        self.record = record
        self.fields = fields
        self.recordUpdatedAt = recordUpdatedAt
        self.previous = previous
    }

    /// What the first entry of a log points back to.
    public static let firstPrevious = String(repeating: "0", count: 64)

    /// The entry as one line of JSON (sorted keys), without the newline.
    func line() throws(StoreError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            throw .io(path: "", reason: "could not encode an audit entry: \(error)")
        }
    }

    static func decode(line: Data) -> AuditEntry? {
        try? JSONDecoder().decode(AuditEntry.self, from: line)
    }

    /// SHA-256 of a line's bytes, as 64 hex digits.
    static func hash(_ line: Data) -> String {
        SHA256.hash(data: line).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}

/// One change to log: built from a record's bytes before and after a write.
public struct AuditChange: Hashable, Sendable {
    public var action: AuditEntry.Action
    public var kind: String
    public var record: String?
    public var fields: [String]
    public var recordUpdatedAt: String?

    public init(action: AuditEntry.Action, kind: String, record: String?, fields: [String], recordUpdatedAt: String?) {
        self.action = action
        self.kind = kind
        self.record = record
        self.fields = fields
        self.recordUpdatedAt = recordUpdatedAt
    }
}
