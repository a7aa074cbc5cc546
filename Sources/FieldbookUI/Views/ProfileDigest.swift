import FieldbookCore
import Foundation

/// What the career profile screens show of one profile, worked out once per change (an answer
/// kept, an answer written, sensitive sections hidden or shown), never per key: the answers in
/// force (those still being written included), each section's progress, the questions shown
/// in order, and the answers to retired questions.
public struct ProfileDigest: Hashable, Sendable {
    public struct Section: Hashable, Sendable {
        public var index: Int
        public var id: String
        public var title: String
        public var sensitive: Bool
        /// Answered among the questions shown (conditions met; sensitive ones left out while hidden).
        public var answered: Int
        public var total: Int
        public var lastTouched: Date?
        /// The questions shown, in order.
        public var questions: [String]
    }

    public let definition: QuestionnaireDefinition
    public let profile: CareerProfile
    /// Answers sent to the store and not yet written.
    public let pending: [AnswerEntry]
    public let hidingSensitive: Bool
    public let answers: ProfileAnswers
    public let sections: [Section]
    /// Every question shown, in order.
    public let order: [String]
    public let retired: [AnswerEntry]
    public let lastAnswered: String?

    public init(definition: QuestionnaireDefinition, profile: CareerProfile, pending: [AnswerEntry], hidingSensitive: Bool) {
        self.definition = definition
        self.profile = profile
        self.pending = pending
        self.hidingSensitive = hidingSensitive
        var byQuestion: [String: AnswerEntry] = [:]
        for entry in profile.answers().all { byQuestion[entry.questionID] = entry }
        for entry in pending { byQuestion[entry.questionID] = entry.value.isAnswer ? entry : nil }
        let answers = ProfileAnswers(byQuestion)
        self.answers = answers
        let touched = Dictionary(profile.progress(in: definition).map { ($0.sectionID, $0.lastTouched) }, uniquingKeysWith: { a, _ in a })
        var sections: [Section] = []
        for (index, section) in definition.sections.enumerated() {
            let shown = section.questions.filter { question in
                definition.isShown(question, given: answers) && !(hidingSensitive && (section.sensitive || question.sensitive))
            }
            let pendingTouch = pending.filter { entry in section.questions.contains { $0.id == entry.questionID } }.map(\.answeredAt).max()
            let last = [touched[section.id] ?? nil, pendingTouch].compactMap { $0 }.max()
            sections.append(Section(index: index, id: section.id, title: section.title, sensitive: section.sensitive,
                                    answered: shown.filter { answers[$0.id] != nil }.count, total: shown.count,
                                    lastTouched: last, questions: shown.map(\.id)))
        }
        self.sections = sections
        order = sections.flatMap(\.questions)
        retired = profile.retiredAnswers(in: definition)
        lastAnswered = pending.last?.questionID ?? profile.lastAnsweredQuestion
    }

    /// The same profile with sensitive sections and questions hidden or shown.
    public func hiding(_ hide: Bool) -> ProfileDigest {
        ProfileDigest(definition: definition, profile: profile, pending: pending, hidingSensitive: hide)
    }

    public var answered: Int { sections.reduce(0) { $0 + $1.answered } }
    public var total: Int { sections.reduce(0) { $0 + $1.total } }

    public func isShown(_ questionID: String) -> Bool { order.contains(questionID) }

    /// The section holding a question.
    public func section(of questionID: String) -> Section? {
        guard let section = definition.section(of: questionID) else { return nil }
        return sections.first { $0.id == section.id }
    }

    /// The first shown, unanswered question from `questionID` on (wrapping round), nil when all
    /// are answered (`ProfileResume`).
    public func nextUnanswered(from questionID: String?) -> String? {
        let shown = Set(order)
        return ProfileResume.nextOpen(in: definition.questions.map(\.question.id), from: questionID) {
            shown.contains($0) && answers[$0] == nil
        }
    }

    /// The shown question after (or before) `questionID` in definition order.
    public func neighbour(of questionID: String?, by offset: Int) -> String? {
        let all = definition.questions.map(\.question.id)
        guard let questionID, let at = all.firstIndex(of: questionID) else { return order.first }
        let shown = Set(order)
        if offset > 0 { return all[(at + 1)...].first { shown.contains($0) } }
        return all[..<at].last { shown.contains($0) }
    }

    /// Where a meeting picks up (`ProfileResume`): the first unanswered question from the last
    /// one answered, wrapping round; the first question shown when all are answered.
    public var resumeQuestion: String? {
        let shown = Set(order)
        return ProfileResume.question(in: definition.questions.map(\.question.id), lastAnswered: lastAnswered,
                                      firstShown: order.first) { shown.contains($0) && answers[$0] == nil }
    }

    public func isSensitive(_ questionID: String) -> Bool { definition.isSensitive(questionID) }
}
