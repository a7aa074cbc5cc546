import Foundation

/// The value of one answer, typed after its question.
///
/// On disk each value is an object with one key naming its kind: `{"text": "..."}`,
/// `{"choice": "option-id"}`, `{"choices": ["a", "b"]}`, `{"yesNo": true}`,
/// `{"date": "2026-03-01"}`, `{"number": 12.5}`, `{"scale": 4}`, `{"entries": [...]}`, and
/// `{"cleared": true}` for an answer taken back. An approximate date is the one value with two
/// keys, `{"approximateDate": "2012-06", "text": "2012-06"}`: a copy of Fieldbook older than it
/// reads only the keys it knows, so it sees the text and shows the answer as written.
public enum AnswerValue: Hashable, Sendable {
    case text(String)
    case choice(String)
    case choices([String])
    case yesNo(Bool)
    case date(LocalDate)
    /// A date known to the year or the month (`2012`, `2012-06`), for a date question.
    case approximateDate(ApproximateDate)
    case number(Decimal)
    case scale(Int)
    /// The entries of a group (one) or a repeating group (any number), each with a stable id.
    case entries([GroupEntry])
    /// The answer was taken back; the question counts as unanswered again.
    case cleared

    /// Whether the value counts as an answer (empty text and no choices do not).
    public var isAnswer: Bool {
        switch self {
        case .text(let text): !text.trimmingWhitespace().isEmpty
        case .choices(let ids): !ids.isEmpty
        case .entries(let entries): !entries.isEmpty
        case .cleared: false
        default: true
        }
    }

    /// The value as a condition compares it: option ids, `yes`/`no`, `1`...`5`.
    var conditionValues: [String] {
        switch self {
        case .choice(let id): [id]
        case .choices(let ids): ids
        case .yesNo(let yes): [yes ? "yes" : "no"]
        case .scale(let n): [String(n)]
        default: []
        }
    }
}

/// One entry of a group answer: the answers to the group's sub-questions.
public struct GroupEntry: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    /// Sub-question id -> value.
    public var answers: [String: AnswerValue]

    public init(id: UUID = UUID(), answers: [String: AnswerValue]) {
        self.id = id
        self.answers = answers
    }
}

extension AnswerValue: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, choice, choices, yesNo, date, number, scale, entries, cleared, approximateDate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let keys = container.allKeys
        if keys.contains(.approximateDate) {
            // Its text is there for older copies; this copy reads the date.
            guard keys.count == 1 || (keys.count == 2 && keys.contains(.text)) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: container.codingPath, debugDescription: "an approximate date goes with its text alone"))
            }
            self = .approximateDate(try container.decode(ApproximateDate.self, forKey: .approximateDate))
            return
        }
        guard keys.count == 1, let key = keys.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath,
                debugDescription: "an answer value is an object with exactly one of the keys "
                    + CodingKeys.allCases.map(\.stringValue).joined(separator: ", ") + " (an approximate date with its text)"))
        }
        switch key {
        case .text: self = .text(try container.decode(String.self, forKey: key))
        case .choice: self = .choice(try container.decode(String.self, forKey: key))
        case .choices: self = .choices(try container.decode([String].self, forKey: key))
        case .yesNo: self = .yesNo(try container.decode(Bool.self, forKey: key))
        case .date: self = .date(try container.decode(LocalDate.self, forKey: key))
        case .number: self = .number(try container.decode(Decimal.self, forKey: key))
        case .scale:
            let value = try container.decode(Int.self, forKey: key)
            guard (1...5).contains(value) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "a scale answer is 1 to 5, not \(value)")
            }
            self = .scale(value)
        case .entries: self = .entries(try container.decode([GroupEntry].self, forKey: key))
        case .cleared: self = .cleared
        case .approximateDate: self = .approximateDate(try container.decode(ApproximateDate.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .choice(let id): try container.encode(id, forKey: .choice)
        case .choices(let ids): try container.encode(ids, forKey: .choices)
        case .yesNo(let yes): try container.encode(yes, forKey: .yesNo)
        case .date(let date): try container.encode(date, forKey: .date)
        case .number(let number): try container.encode(number, forKey: .number)
        case .scale(let n): try container.encode(n, forKey: .scale)
        case .entries(let entries): try container.encode(entries, forKey: .entries)
        case .cleared: try container.encode(true, forKey: .cleared)
        case .approximateDate(let date):
            try container.encode(date, forKey: .approximateDate)
            try container.encode(date.description, forKey: .text)
        }
    }
}

/// Where an answer came from: the person, the treatment team, and with permission family,
/// friends and previous employers (fidelity item 8), or records.
public enum AnswerSource: String, Codable, CaseIterable, Sendable {
    case client
    case team
    case family
    case records
    /// Written as `source` `records` with `sourceDetail` `previous-employer`, so a copy that
    /// does not know it still reads the answer.
    case previousEmployer = "previous-employer"

    public var label: String {
        switch self {
        case .client: "Client"
        case .team: "Treatment team"
        case .family: "Family or friends"
        case .records: "Records"
        case .previousEmployer: "Previous employer"
        }
    }

    /// The value written as `source`, one every version reads.
    var writtenAs: AnswerSource { self == .previousEmployer ? .records : self }
}

/// One answer as given: never changed afterwards. A later answer to the same question
/// supersedes it; both stay on disk.
public struct AnswerEntry: Codable, Hashable, Sendable {
    public var questionID: String
    public var value: AnswerValue
    public var answeredAt: Date
    /// The specialist who entered it.
    public var enteredBy: UUID?
    public var source: AnswerSource

    public init(questionID: String, value: AnswerValue, answeredAt: Date, enteredBy: UUID?, source: AnswerSource) {
        self.questionID = questionID
        self.value = value
        self.answeredAt = answeredAt
        self.enteredBy = enteredBy
        self.source = source
    }

    private enum CodingKeys: String, CodingKey {
        case questionID, value, answeredAt, enteredBy, source, sourceDetail
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        questionID = try container.decode(String.self, forKey: .questionID)
        value = try container.decode(AnswerValue.self, forKey: .value)
        answeredAt = try container.decode(Date.self, forKey: .answeredAt)
        enteredBy = try container.decodeIfPresent(UUID.self, forKey: .enteredBy)
        let detail = try container.decodeIfPresent(String.self, forKey: .sourceDetail).flatMap(AnswerSource.init(rawValue:))
        source = try detail ?? container.decode(AnswerSource.self, forKey: .source)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(questionID, forKey: .questionID)
        try container.encode(value, forKey: .value)
        try container.encode(answeredAt, forKey: .answeredAt)
        try container.encodeIfPresent(enteredBy, forKey: .enteredBy)
        try container.encode(source.writtenAs, forKey: .source)
        if source.writtenAs != source { try container.encode(source.rawValue, forKey: .sourceDetail) }
    }
}

/// What a session file holds: the answers entered in one meeting on one copy of Fieldbook.
/// Only that session ever writes the file, so copies syncing one folder never collide.
public struct ProfileSessionFile: Codable, Hashable, Sendable {
    public var clientID: UUID
    public var sessionID: UUID
    public var startedAt: Date
    /// The definition version the answers were given under.
    public var definitionVersion: Int
    public var answers: [AnswerEntry]

    public init(clientID: UUID, sessionID: UUID, startedAt: Date, definitionVersion: Int, answers: [AnswerEntry] = []) {
        self.clientID = clientID
        self.sessionID = sessionID
        self.startedAt = startedAt
        self.definitionVersion = definitionVersion
        self.answers = answers
    }
}
