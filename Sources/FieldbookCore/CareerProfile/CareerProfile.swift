import Foundation

/// One client's career profile: every answer ever given, from every session file, oldest first.
/// Nothing is replaced: the profile as it stood at any moment can be read back.
public struct CareerProfile: Hashable, Sendable {
    public var clientID: UUID
    /// All answers, oldest first (ties keep the order of the sessions and of the file).
    public private(set) var entries: [AnswerEntry]
    /// The meetings (sessions) that gave answers, oldest first.
    public private(set) var sessions: [ProfileSessionSummary]

    public init(clientID: UUID, sessions files: [ProfileSessionFile] = []) {
        self.clientID = clientID
        let ordered = files.sorted {
            $0.startedAt != $1.startedAt ? $0.startedAt < $1.startedAt : UUIDText.precedes($0.sessionID, $1.sessionID)
        }
        var entries: [(entry: AnswerEntry, order: Int)] = []
        for file in ordered {
            for entry in file.answers { entries.append((entry, entries.count)) }
        }
        self.entries = entries.sorted { ($0.entry.answeredAt, $0.order) < ($1.entry.answeredAt, $1.order) }.map(\.entry)
        sessions = ordered.map {
            ProfileSessionSummary(id: $0.sessionID, startedAt: $0.startedAt, lastAnswerAt: $0.answers.map(\.answeredAt).max(),
                                  answerCount: $0.answers.count)
        }
    }

    /// Adds an answer just written by a session (keeps the profile in step without reading the folder).
    public mutating func record(_ entry: AnswerEntry, session: ProfileSession) {
        let index = entries.lastIndex { $0.answeredAt <= entry.answeredAt }.map { $0 + 1 } ?? 0
        entries.insert(entry, at: index)
        if let at = sessions.firstIndex(where: { $0.id == session.id }) {
            sessions[at].answerCount += 1
            sessions[at].lastAnswerAt = max(sessions[at].lastAnswerAt ?? entry.answeredAt, entry.answeredAt)
        } else {
            sessions.append(ProfileSessionSummary(id: session.id, startedAt: session.startedAt,
                                                  lastAnswerAt: entry.answeredAt, answerCount: 1))
        }
    }

    public var isStarted: Bool { !entries.isEmpty }

    /// When anything was last answered.
    public var lastTouched: Date? { entries.last?.answeredAt }

    /// The answer in force for each question at `moment` (now when nil): the latest given at or
    /// before it. Questions whose latest answer was taken back are left out.
    public func answers(asOf moment: Date? = nil) -> ProfileAnswers {
        var latest: [String: AnswerEntry] = [:]
        for entry in entries {
            if let moment, entry.answeredAt > moment { break }
            latest[entry.questionID] = entry
        }
        return ProfileAnswers(latest.filter { $0.value.value.isAnswer })
    }

    /// Every question whose answer changed after `moment`: what it said then and what it says now.
    public func changes(since moment: Date) -> [ProfileChange] {
        let before = answers(asOf: moment)
        let now = answers()
        var changed: Set<String> = []
        for entry in entries where entry.answeredAt > moment { changed.insert(entry.questionID) }
        return changed.compactMap { id -> ProfileChange? in
            let old = before[id], new = now[id]
            if old?.value == new?.value { return nil }
            return ProfileChange(questionID: id, before: old, after: new)
        }.sorted { ($0.after?.answeredAt ?? .distantPast, $0.questionID) < ($1.after?.answeredAt ?? .distantPast, $1.questionID) }
    }

    /// What changed after the last answer of meeting `session` (nil when the session is unknown).
    public func changes(sinceSession session: UUID) -> [ProfileChange]? {
        guard let summary = sessions.first(where: { $0.id == session }) else { return nil }
        return changes(since: summary.lastAnswerAt ?? summary.startedAt)
    }

    /// Per section: questions answered out of those shown (a question whose condition is not met
    /// does not count), and when the section was last touched.
    public func progress(in definition: QuestionnaireDefinition, asOf moment: Date? = nil) -> [SectionProgress] {
        let current = answers(asOf: moment)
        var touched: [String: Date] = [:]
        for entry in entries {
            if let moment, entry.answeredAt > moment { break }
            if let section = definition.section(of: entry.questionID) { touched[section.id] = entry.answeredAt }
        }
        return definition.sections.map { section in
            let shown = section.questions.filter { definition.isShown($0, given: current) }
            let answered = shown.filter { current[$0.id] != nil }.count
            return SectionProgress(sectionID: section.id, title: section.title, answered: answered, total: shown.count,
                                   lastTouched: touched[section.id])
        }
    }

    /// Latest answers to questions the definition no longer has: kept, listed apart.
    public func retiredAnswers(in definition: QuestionnaireDefinition, asOf moment: Date? = nil) -> [AnswerEntry] {
        answers(asOf: moment).all.filter { definition.question($0.questionID) == nil }
            .sorted { ($0.answeredAt, $0.questionID) < ($1.answeredAt, $1.questionID) }
    }

    /// The question answered last, where the last meeting stopped.
    public var lastAnsweredQuestion: String? { entries.last?.questionID }
}

/// The answers in force at one moment, by question id.
public struct ProfileAnswers: Hashable, Sendable {
    private var byQuestion: [String: AnswerEntry]

    public init(_ byQuestion: [String: AnswerEntry] = [:]) { self.byQuestion = byQuestion }

    public subscript(questionID: String) -> AnswerEntry? { byQuestion[questionID] }

    public var count: Int { byQuestion.count }
    public var all: [AnswerEntry] { Array(byQuestion.values) }
}

public struct ProfileChange: Hashable, Sendable {
    public var questionID: String
    /// The answer in force before; nil when the question was unanswered.
    public var before: AnswerEntry?
    /// The answer in force now; nil when it was taken back.
    public var after: AnswerEntry?
}

public struct SectionProgress: Hashable, Sendable {
    public var sectionID: String
    public var title: String
    public var answered: Int
    public var total: Int
    public var lastTouched: Date?

    public var isComplete: Bool { answered == total }
}

/// One meeting's session as the profile knows it.
public struct ProfileSessionSummary: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var startedAt: Date
    public var lastAnswerAt: Date?
    public var answerCount: Int
}

extension QuestionnaireDefinition {
    /// Whether `question` is shown given the answers: no condition, or its condition met by the
    /// answer to a question that is itself shown.
    public func isShown(_ question: Question, given answers: ProfileAnswers) -> Bool {
        var seen: Set<String> = []
        var current = question
        while let condition = current.showIf {
            guard seen.insert(current.id).inserted, let target = self.question(condition.question) else { return false }
            let values = answers[condition.question]?.value.conditionValues ?? []
            if !values.contains(where: condition.oneOf.contains) { return false }
            current = target
        }
        return true
    }

    /// Whether a sub-question of `group` is shown in one entry: its condition is met by an
    /// earlier sub-question of the same entry or by a top-level answer.
    public func isShown(_ sub: Question, in entry: GroupEntry, of group: Question, given answers: ProfileAnswers) -> Bool {
        guard let condition = sub.showIf else { return true }
        if group.subQuestion(condition.question) != nil {
            let values = entry.answers[condition.question]?.conditionValues ?? []
            return values.contains(where: condition.oneOf.contains)
        }
        guard let target = question(condition.question) else { return false }
        let values = answers[condition.question]?.value.conditionValues ?? []
        return values.contains(where: condition.oneOf.contains) && isShown(target, given: answers)
    }

    /// Sensitive by itself or because its section is.
    public func isSensitive(_ questionID: String) -> Bool {
        guard let section = section(of: questionID) else { return false }
        return section.sensitive || (question(questionID)?.sensitive ?? false)
    }
}

extension Question {
    /// Why `value` cannot be an answer to this question; nil when it can.
    public func problem(with value: AnswerValue) -> String? {
        switch (type, value) {
        case (_, .cleared):
            return nil
        case (.shortText, .text), (.longText, .text), (.date, .date), (.date, .approximateDate), (.number, .number), (.yesNo, .yesNo),
             (.scale, .scale):
            if case .scale(let n) = value, !(1...5).contains(n) { return "a scale answer is 1 to 5" }
            if case .text(let text) = value, text.count > 20_000 { return "the answer is too long" }
            return nil
        case (.singleChoice, .choice(let id)):
            return option(id) == nil ? "\"\(id)\" is not one of the options of \"\(self.id)\"" : nil
        case (.multipleChoice, .choices(let ids)):
            if let unknown = ids.first(where: { option($0) == nil }) {
                return "\"\(unknown)\" is not one of the options of \"\(self.id)\""
            }
            return Set(ids).count == ids.count ? nil : "an option is chosen twice"
        case (.group, .entries(let entries)), (.repeating, .entries(let entries)):
            if type == .group && entries.count > 1 { return "a group is answered once" }
            if Set(entries.map(\.id)).count != entries.count { return "two entries share an id" }
            for entry in entries {
                for (subID, subValue) in entry.answers {
                    guard let sub = subQuestion(subID) else { return "\"\(subID)\" is not a question of \"\(self.id)\"" }
                    if case .entries = subValue { return "a group cannot hold another group" }
                    if let problem = sub.problem(with: subValue) { return problem }
                }
            }
            return nil
        default:
            return "a \(type.rawValue) question cannot take this kind of answer"
        }
    }
}
