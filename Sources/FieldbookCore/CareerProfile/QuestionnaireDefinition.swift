import Foundation

/// A questionnaire such as the career profile: sections of questions, read from JSON that an
/// agency may edit (see docs/career-profile.md). Question ids are stable: answers refer to them,
/// so a question renamed in the definition keeps its answers only if its id stays the same.
public struct QuestionnaireDefinition: Codable, Hashable, Sendable {
    public static let formatName = "fieldbook-questionnaire"

    /// Always `fieldbook-questionnaire`.
    public var format: String
    /// Raised by whoever edits the definition; answers record the version they were given under.
    public var version: Int
    public var title: String
    public var sections: [QuestionnaireSection] {
        didSet { places = Self.places(of: sections) }
    }
    /// Where each top-level question is: looked up for every answer, so kept in step with `sections`.
    private var places: [String: QuestionPlace]

    private struct QuestionPlace: Hashable, Sendable {
        var section: Int
        var question: Int
    }

    public init(version: Int, title: String, sections: [QuestionnaireSection]) {
        format = Self.formatName
        self.version = version
        self.title = title
        self.sections = sections
        places = Self.places(of: sections)
    }

    enum CodingKeys: String, CodingKey { case format, version, title, sections }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        title = try container.decode(String.self, forKey: .title)
        sections = try container.decode([QuestionnaireSection].self, forKey: .sections)
        places = Self.places(of: sections)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try container.encode(title, forKey: .title)
        try container.encode(sections, forKey: .sections)
    }

    /// The first place of each id (a definition with duplicates is refused anyway).
    private static func places(of sections: [QuestionnaireSection]) -> [String: QuestionPlace] {
        var places: [String: QuestionPlace] = [:]
        for (sectionIndex, section) in sections.enumerated() {
            for (questionIndex, question) in section.questions.enumerated() where places[question.id] == nil {
                places[question.id] = QuestionPlace(section: sectionIndex, question: questionIndex)
            }
        }
        return places
    }

    /// Every question at the top level of a section, in order, with its section.
    public var questions: [(section: QuestionnaireSection, question: Question)] {
        sections.flatMap { section in section.questions.map { (section, $0) } }
    }

    /// The top-level question with this id.
    public func question(_ id: String) -> Question? {
        places[id].map { sections[$0.section].questions[$0.question] }
    }

    /// The section holding the top-level question with this id.
    public func section(of questionID: String) -> QuestionnaireSection? {
        places[questionID].map { sections[$0.section] }
    }

    /// The top-level question that carries a summary role.
    public func question(for role: SummaryRole) -> Question? {
        questions.first { $0.question.summary == role }?.question
    }
}

public struct QuestionnaireSection: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var help: String?
    /// Health, substance use, legal history, benefits: hidden as a whole when sensitive
    /// information is hidden or omitted.
    public var sensitive: Bool
    public var questions: [Question]

    public init(id: String, title: String, help: String? = nil, sensitive: Bool = false, questions: [Question]) {
        self.id = id
        self.title = title
        self.help = help
        self.sensitive = sensitive
        self.questions = questions
    }

    enum CodingKeys: String, CodingKey { case id, title, help, sensitive, questions }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        help = try container.decodeIfPresent(String.self, forKey: .help)
        sensitive = try container.decodeIfPresent(Bool.self, forKey: .sensitive) ?? false
        questions = try container.decode([Question].self, forKey: .questions)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(help, forKey: .help)
        if sensitive { try container.encode(true, forKey: .sensitive) }
        try container.encode(questions, forKey: .questions)
    }
}

/// One question. A `group` or `repeating` question holds sub-questions, answered together as
/// one entry (a group) or as any number of entries (a repeating group, such as past jobs).
public struct Question: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var prompt: String
    public var help: String?
    public var type: QuestionType
    /// The choices of a single- or multiple-choice question.
    public var options: [ChoiceOption]
    /// Shown only when another answer has one of some values.
    public var showIf: Condition?
    public var sensitive: Bool
    /// What the question contributes to the profile summary, if anything.
    public var summary: SummaryRole?
    /// The sub-questions of a `group` or `repeating` question.
    public var questions: [Question]

    public init(
        id: String, prompt: String, help: String? = nil, type: QuestionType, options: [ChoiceOption] = [],
        showIf: Condition? = nil, sensitive: Bool = false, summary: SummaryRole? = nil, questions: [Question] = []
    ) {
        self.id = id
        self.prompt = prompt
        self.help = help
        self.type = type
        self.options = options
        self.showIf = showIf
        self.sensitive = sensitive
        self.summary = summary
        self.questions = questions
    }

    enum CodingKeys: String, CodingKey { case id, prompt, help, type, options, showIf, sensitive, summary, questions }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        prompt = try container.decode(String.self, forKey: .prompt)
        help = try container.decodeIfPresent(String.self, forKey: .help)
        let typeName = try container.decode(String.self, forKey: .type)
        guard let type = QuestionType(rawValue: typeName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "question \"\(id)\" has an unknown type \"\(typeName)\"; known types: "
                    + QuestionType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.type = type
        options = try container.decodeIfPresent([ChoiceOption].self, forKey: .options) ?? []
        showIf = try container.decodeIfPresent(Condition.self, forKey: .showIf)
        sensitive = try container.decodeIfPresent(Bool.self, forKey: .sensitive) ?? false
        if let roleName = try container.decodeIfPresent(String.self, forKey: .summary) {
            guard let role = SummaryRole(rawValue: roleName) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .summary, in: container,
                    debugDescription: "question \"\(id)\" has an unknown summary role \"\(roleName)\"; known roles: "
                        + SummaryRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            summary = role
        } else {
            summary = nil
        }
        questions = try container.decodeIfPresent([Question].self, forKey: .questions) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(prompt, forKey: .prompt)
        try container.encodeIfPresent(help, forKey: .help)
        try container.encode(type, forKey: .type)
        if !options.isEmpty { try container.encode(options, forKey: .options) }
        try container.encodeIfPresent(showIf, forKey: .showIf)
        if sensitive { try container.encode(true, forKey: .sensitive) }
        try container.encodeIfPresent(summary, forKey: .summary)
        if !questions.isEmpty { try container.encode(questions, forKey: .questions) }
    }

    /// The option with this id.
    public func option(_ id: String) -> ChoiceOption? { options.first { $0.id == id } }

    /// The sub-question with this id (groups and repeating groups).
    public func subQuestion(_ id: String) -> Question? { questions.first { $0.id == id } }
}

public enum QuestionType: String, Codable, CaseIterable, Sendable {
    case shortText = "short-text"
    case longText = "long-text"
    case singleChoice = "single-choice"
    case multipleChoice = "multiple-choice"
    case yesNo = "yes-no"
    case date
    case number
    case scale = "scale-1-5"
    /// Sub-questions answered once, together.
    case group
    /// Sub-questions answered any number of times (one entry per past job...).
    case repeating

    public var hasOptions: Bool { self == .singleChoice || self == .multipleChoice }
    public var hasSubQuestions: Bool { self == .group || self == .repeating }

    /// Whether another question's condition may depend on this one's answer.
    public var canBeConditionedOn: Bool {
        switch self {
        case .singleChoice, .multipleChoice, .yesNo, .scale: true
        default: false
        }
    }
}

public struct ChoiceOption: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var label: String
    /// Kinds of business in the employer directory this choice stands for (types of work only).
    public var businessTypes: [String]?

    public init(id: String, label: String, businessTypes: [String]? = nil) {
        self.id = id
        self.label = label
        self.businessTypes = businessTypes
    }
}

/// Show a question only when the answer to `question` (an earlier question) is one of `oneOf`:
/// option ids for a choice, `yes` or `no` for a yes/no question, `1`...`5` for a scale. For a
/// multiple-choice question, any one chosen option among `oneOf` is enough.
public struct Condition: Codable, Hashable, Sendable {
    public var question: String
    public var oneOf: [String]

    public init(question: String, oneOf: [String]) {
        self.question = question
        self.oneOf = oneOf
    }

    /// The values a condition may name for a question of this kind.
    static func allowedValues(for question: Question) -> [String] {
        switch question.type {
        case .singleChoice, .multipleChoice: question.options.map(\.id)
        case .yesNo: ["yes", "no"]
        case .scale: ["1", "2", "3", "4", "5"]
        default: []
        }
    }
}

/// The few answers that reach the rest of the work: the client page, the job seeker picker,
/// employer matching.
public enum SummaryRole: String, Codable, CaseIterable, Sendable {
    case jobGoal = "job-goal"
    case preferredHours = "preferred-hours"
    case preferredPlaces = "preferred-places"
    case preferredWorkTypes = "preferred-work-types"
    case otherWorkTypes = "other-work-types"
    case disclosure
    case disclosureDetail = "disclosure-detail"
}
