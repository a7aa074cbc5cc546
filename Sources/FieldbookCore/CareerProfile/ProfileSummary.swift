import Foundation

/// The few answers of a career profile that reach the rest of the work: the job goal, the
/// preferences that matter to an employer, and the disclosure choice. Built once per data
/// change (`ProfileSummaries.build`), so screens never read profile histories themselves.
public struct ProfileSummary: Hashable, Sendable {
    public var jobGoal: String?
    public var hours: String?
    public var places: String?
    /// Types of work, in words (option labels and anything written in).
    public var workTypes: [String]
    /// Business types in the employer directory that fit the preferred types of work.
    public var businessTypes: [String]
    public var disclosure: String?
    public var disclosureDetail: String?
    public var lastTouched: Date?

    public init(
        jobGoal: String? = nil, hours: String? = nil, places: String? = nil, workTypes: [String] = [],
        businessTypes: [String] = [], disclosure: String? = nil, disclosureDetail: String? = nil, lastTouched: Date? = nil
    ) {
        self.jobGoal = jobGoal
        self.hours = hours
        self.places = places
        self.workTypes = workTypes
        self.businessTypes = businessTypes
        self.disclosure = disclosure
        self.disclosureDetail = disclosureDetail
        self.lastTouched = lastTouched
    }

    /// The summary of `profile` as it stands now (or stood at `moment`), read through the
    /// definition's summary roles.
    public init(_ profile: CareerProfile, definition: QuestionnaireDefinition, asOf moment: Date? = nil) {
        let answers = profile.answers(asOf: moment)
        func entry(_ role: SummaryRole) -> (Question, AnswerValue)? {
            guard let question = definition.question(for: role), let entry = answers[question.id],
                  definition.isShown(question, given: answers)
            else { return nil }
            return (question, entry.value)
        }
        func words(_ role: SummaryRole) -> String? {
            guard let (question, value) = entry(role) else { return nil }
            return ProfileText.plain(value, of: question)
        }
        jobGoal = words(.jobGoal)
        hours = words(.preferredHours)
        places = words(.preferredPlaces)
        disclosure = words(.disclosure)
        disclosureDetail = words(.disclosureDetail)
        var types: [String] = []
        var business: [String] = []
        if let (question, value) = entry(.preferredWorkTypes) {
            for id in value.conditionValues {
                guard let option = question.option(id) else { continue }
                types.append(option.label)
                business += option.businessTypes ?? [option.label]
            }
        }
        if let written = words(.otherWorkTypes) {
            let parts = written.split { $0 == "," || $0 == ";" || $0 == "\n" }.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            types += parts
            business += parts
        }
        workTypes = types
        businessTypes = business
        if let moment {
            lastTouched = profile.entries.last { $0.answeredAt <= moment }?.answeredAt
        } else {
            lastTouched = profile.lastTouched
        }
    }

    public var isEmpty: Bool {
        jobGoal == nil && hours == nil && places == nil && workTypes.isEmpty && disclosure == nil
    }

    /// Employers whose type of business fits the preferred types of work (case and accents do
    /// not matter; "grocery" fits "Grocery store"), by name. Screens ask the index the employer
    /// log keeps (`EmployerDirectory.businessTypes`) instead of building one.
    public func matchingEmployers(in employers: [Employer]) -> [Employer] {
        BusinessTypeIndex(employers).employers(fitting: self)
    }
}

/// Every client's profile summary and progress, derived once per data change.
public struct ProfileSummaries: Hashable, Sendable {
    public var byClient: [UUID: ProfileSummary]
    private var progressStore: [UUID: Count]
    public var problems: [DataProblem]

    private struct Count: Hashable, Sendable {
        var answered: Int
        var total: Int

        init(_ profile: CareerProfile, definition: QuestionnaireDefinition) {
            let sections = profile.progress(in: definition)
            answered = sections.reduce(0) { $0 + $1.answered }
            total = sections.reduce(0) { $0 + $1.total }
        }
    }

    public init() {
        byClient = [:]
        progressStore = [:]
        problems = []
    }

    /// Reads every profile in the folder once, several clients at a time.
    public static func build(from store: CareerProfileStore, definition: QuestionnaireDefinition) -> ProfileSummaries {
        let (results, problems) = store.mapProfiles { profile in
            (ProfileSummary(profile, definition: definition), Count(profile, definition: definition))
        }
        var summaries = ProfileSummaries()
        summaries.problems = problems
        for (id, (summary, count)) in results {
            summaries.byClient[id] = summary
            summaries.progressStore[id] = count
        }
        return summaries
    }

    /// Puts one client's summary in step after an answer (no folder read).
    public mutating func update(_ profile: CareerProfile, definition: QuestionnaireDefinition) {
        byClient[profile.clientID] = ProfileSummary(profile, definition: definition)
        progressStore[profile.clientID] = Count(profile, definition: definition)
    }

    public subscript(clientID: UUID) -> ProfileSummary? { byClient[clientID] }

    /// Questions answered out of those shown, over the whole profile; nil when not started.
    public func progress(of clientID: UUID) -> (answered: Int, total: Int)? {
        progressStore[clientID].map { ($0.answered, $0.total) }
    }
}

extension ProfileSummary {
    /// One line for a job seeker picker (the employer visit form): the goal, hours, places and
    /// disclosure, in words, not escaped (the screen escapes). Nil when the profile says none of these.
    public var pickerLine: String? {
        var parts: [String] = []
        if let jobGoal { parts.append(jobGoal) }
        if let hours { parts.append(hours) }
        if let places { parts.append(places) }
        if let disclosure { parts.append("disclosure: " + disclosure) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The line beside a job seeker in a picker: the profile's line, with the disclosure choice
    /// of the client record (`recorded`) when the profile does not say it; that choice alone
    /// without a profile.
    public static func pickerLine(_ summary: ProfileSummary?, recordedDisclosure recorded: String) -> String {
        guard let summary, let line = summary.pickerLine else { return recorded }
        guard summary.disclosure == nil else { return line }
        // "Limited disclosure: …" reads on its own; "Not decided" needs the word.
        return line + " · " + (NameSearch.fold(recorded).contains("disclos") ? recorded : "disclosure: " + recorded)
    }
}
