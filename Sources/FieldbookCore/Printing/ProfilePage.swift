import Foundation

/// The career profile as a printable page for the treatment team: the answered questions
/// section by section, each section's unanswered questions folded into one line, and on
/// request every earlier answer under the one in force.
public enum ProfilePage {
    public struct Options: Sendable {
        public var paper: Paper
        /// Earlier answers under each answer in force.
        public var history: Bool
        /// Leaves out sensitive questions and whole sensitive sections.
        public var omitSensitive: Bool
        /// The profile as it stood at the end of this day.
        public var asOf: LocalDate
        /// The day the page is made.
        public var printedOn: LocalDate
        /// Answers given up to this moment count; nil: up to the end of `asOf`. (The app gives
        /// its clock: an answer given a moment ago is on the page whatever day the app is set to.)
        public var answersUpTo: Date?

        public init(paper: Paper = .letter, history: Bool = false, omitSensitive: Bool = false, asOf: LocalDate, printedOn: LocalDate,
                    answersUpTo: Date? = nil) {
            self.paper = paper
            self.history = history
            self.omitSensitive = omitSensitive
            self.asOf = asOf
            self.printedOn = printedOn
            self.answersUpTo = answersUpTo
        }
    }

    public static func render(
        _ profile: CareerProfile, of client: Client, definition: QuestionnaireDefinition,
        specialists: [Specialist], options: Options
    ) -> String {
        let moment = options.answersUpTo ?? options.asOf.lastMoment()
        let answers = profile.answers(asOf: moment)
        let names = Dictionary(specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var page = HTMLPage(title: "\(definition.title): \(client.name)", paper: options.paper)
        page.element("h1", "\(definition.title): \(client.displayName)")
        var facts = [PrintedLine.text(printedOn: options.printedOn, asOf: options.asOf), "questionnaire version \(definition.version)"]
        if options.omitSensitive { facts.append("sensitive sections and questions left out") }
        if options.history { facts.append("earlier answers shown under each answer") }
        if answers.count == 0 { facts.append("no answers yet") }
        page.element("p", facts.joined(separator: "; "), class: "meta")

        for part in ProfileExport.printedSections(of: definition, answers: answers, omitSensitive: options.omitSensitive) {
            page.open("section")
            page.element("h2", part.section.title + (part.section.sensitive ? " (sensitive)" : ""))
            page.element("p", part.counts, class: "meta")
            for question in part.answered {
                guard let entry = answers[question.id] else { continue }
                page.open("div", class: "qa")
                page.element("div", question.prompt + (question.sensitive ? " (sensitive)" : ""), class: "q")
                write(entry.value, of: question, answers: answers, definition: definition, into: &page)
                page.element("div", "Source: " + ProfileExport.source(of: entry, names: names), class: "src")
                if options.history {
                    for earlier in earlierAnswers(to: question.id, in: profile, before: entry, upTo: moment) {
                        let value = earlier.value.isAnswer
                            ? (ProfileText.plain(earlier.value, of: question) ?? "")
                            : "(answer taken back)"
                        page.element("div", "Earlier: \(value) (\(ProfileExport.source(of: earlier, names: names)))", class: "earlier")
                    }
                }
                page.close("div")
            }
            if let folded = ProfileExport.notAnswered(part.unanswered) {
                page.element("p", folded, class: "none")
            }
            page.close("section")
        }

        let retired = profile.retiredAnswers(in: definition, asOf: moment)
        if !retired.isEmpty && !options.omitSensitive {
            page.open("section")
            page.element("h2", "Retired questions")
            page.element("p", "Answers to questions no longer in the questionnaire, kept as they were given.", class: "meta")
            for entry in retired {
                page.open("div", class: "qa")
                page.element("div", entry.questionID, class: "q")
                page.element("div", ProfileExport.retiredText(entry.value), class: "a")
                page.element("div", "Source: " + ProfileExport.source(of: entry, names: names), class: "src")
                page.close("div")
            }
            page.close("section")
        }
        return page.document
    }

    private static func write(
        _ value: AnswerValue, of question: Question, answers: ProfileAnswers, definition: QuestionnaireDefinition,
        into page: inout HTMLPage
    ) {
        guard case .entries(let entries) = value else {
            page.element("div", ProfileText.plain(value, of: question) ?? "", class: "a")
            return
        }
        for (index, entry) in entries.enumerated() {
            page.open("div", class: "entry")
            if question.type == .repeating { page.element("h3", "Entry \(index + 1)") }
            var unanswered: [Question] = []
            for sub in question.questions where definition.isShown(sub, in: entry, of: question, given: answers) {
                guard let text = entry.answers[sub.id].flatMap({ ProfileText.plain($0, of: sub) }) else {
                    unanswered.append(sub)
                    continue
                }
                page.labelled(sub.prompt, text, class: "clip")
            }
            if let folded = ProfileExport.notAnswered(unanswered) { page.element("p", folded, class: "none") }
            page.close("div")
        }
    }

    /// The answers given to `questionID` before `current`, up to `moment`, newest first.
    static func earlierAnswers(to questionID: String, in profile: CareerProfile, before current: AnswerEntry, upTo moment: Date) -> [AnswerEntry] {
        let given = profile.entries.filter { $0.questionID == questionID && $0.answeredAt <= moment }
        guard let last = given.lastIndex(of: current) else { return [] }
        return given[..<last].reversed()
    }
}
