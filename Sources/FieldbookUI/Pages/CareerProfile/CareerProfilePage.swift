import FieldbookCore
import Foundation

/// The career profile filled in beside the client, question by question. Each answer kept is
/// sent to the store at once (one durable write, in this visit's session), so closing the
/// laptop loses at most the answer being typed. Opens where the last meeting stopped.
public struct CareerProfilePage: Page {
    public let clientID: UUID
    public private(set) var hidingSensitive: Bool
    /// Who the answers come from; Ctrl-O cycles.
    public private(set) var source: AnswerSource = .client
    /// The question on screen.
    public private(set) var questionID: String?
    public private(set) var form = FormState([])
    public private(set) var digest: ProfileDigest?
    public private(set) var confirmingLeave = false
    private var opening: RequestID?
    private var sessionID: UUID?
    private var profile: CareerProfile?
    private var definition: QuestionnaireDefinition
    /// Answers sent to the store and not yet written, by request.
    private(set) var pending: [(request: RequestID, entry: AnswerEntry)] = []

    public init(clientID: UUID, hidingSensitive: Bool = false, definition: QuestionnaireDefinition = DefaultCareerProfile.definition) {
        self.clientID = clientID
        self.hidingSensitive = hidingSensitive
        self.definition = definition
    }

    public var isLoaded: Bool { digest != nil }

    /// An answer being typed and not yet kept: Ctrl-C asks before quitting, as Esc asks before leaving.
    public var hasUnsavedChanges: Bool { form.hasChanges }

    public var question: Question? { questionID.flatMap { definition.question($0) } }

    public func title(in context: PageContext) -> String { "Career profile" }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        if confirmingLeave { return [.confirm] }
        guard isLoaded, question != nil else { return [.careerProfile] }
        let group: [KeyContext] = question?.type.hasSubQuestions == true ? [.repeatingGroup] : []
        if case .addEntry? = form.focus { return [.careerProfile] + group }
        switch form.focused?.field.kind {
        case .choice?, .yesNo?, .scale?: return [.careerProfile, .choice] + group
        case .multipleChoice?: return [.careerProfile, .multipleChoice] + group
        // Enter keeps a long answer as it keeps any other; Ctrl-J starts a new line in it.
        case .multiLine?: return [.careerProfile, .multiLine, .textEditing] + group
        default: return [.careerProfile, .textEditing] + group
        }
    }

    public func prompt(in context: PageContext) -> Message? {
        confirmingLeave ? Message("Leave without keeping the answer being typed? y leaves, any other key stays.", kind: .warning) : nil
    }

    // MARK: Opening

    public mutating func opened(in context: inout PageContext) {
        definition = context.profiles.definition
        opening = context.request(.careerProfile(.open(clientID: clientID)))
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        if request == opening {
            opening = nil
            guard case .careerProfile(.opened(let opened)) = result else {
                context.message = Message("The career profile could not be read.", kind: .error)
                return
            }
            definition = opened.definition
            profile = opened.profile
            sessionID = opened.sessionID
            rebuild()
            if let digest {
                show(digest.resumeQuestion, context)
                if digest.nextUnanswered(from: nil) == nil, digest.total > 0 {
                    context.message = Message("Every question shown is answered. Ctrl-G lists the sections, Ctrl-V reviews one.")
                }
            }
            if !opened.problems.isEmpty {
                context.message = Message("\(opened.problems.count) career profile file(s) could not be read; `fieldbook check` lists them.",
                                          kind: .error)
            }
            return
        }
        guard let at = pending.firstIndex(where: { $0.request == request }) else { return }
        let sent = pending.remove(at: at).entry
        switch result {
        case .careerProfile(.answered(let answered)):
            profile = answered.profile
            rebuild()
        case .careerProfile(.refused(_, let reason)):
            rebuild()
            giveBack(sent, because: "Not kept: \(reason)", &context)
        case .failed(let error):
            rebuild()
            giveBack(sent, because: "Not saved: \(error.description)", &context)
        default:
            rebuild()
        }
    }

    /// An answer that could not be written goes back on screen, as it was typed.
    private mutating func giveBack(_ entry: AnswerEntry, because reason: String, _ context: inout PageContext) {
        context.message = Message(reason, kind: .error)
        guard let question = definition.question(entry.questionID) else { return }
        questionID = question.id
        form = ProfileQuestionForm.make(question, answer: entry.value)
    }

    private mutating func rebuild() {
        guard let profile else { return }
        digest = ProfileDigest(definition: definition, profile: profile, pending: pending.map(\.entry), hidingSensitive: hidingSensitive)
    }

    /// Puts a question on screen, its answer in force in the input.
    private mutating func show(_ id: String?, _ context: PageContext) {
        questionID = id
        guard let question else {
            form = FormState([])
            return
        }
        form = ProfileQuestionForm.make(question, answer: digest?.answers[question.id]?.value)
        if let input = form.focused, input.field.kind != .multiLine {
            form.updateFocused { $0.buffer.selectAll() }
        } else {
            form.updateFocused { $0.buffer.moveToEnd() }
        }
    }

    // MARK: Keys

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if confirmingLeave {
            confirmingLeave = false
            if action == .confirm { leave(&context) }
            return
        }
        guard let digest else {
            if action == .back { leave(&context) }
            return
        }
        let isGroup = question?.type.hasSubQuestions == true
        let width = isGroup ? FormView.multiLineWidth(context.size) : Self.textWidth(context.size)
        switch action {
        case .keepAnswer where isGroup && key == .enter:
            if case .addEntry? = form.focus { form.addEntry() } else if form.isOnLastField { keep(&context) } else { form.moveFocus(by: 1) }
        case .keepAnswer:
            keep(&context)
        case .nextField:
            if isGroup { form.moveFocus(by: 1) } else { keep(&context) }
        case .previousField:
            if isGroup { form.moveFocus(by: -1) } else { show(digest.neighbour(of: questionID, by: -1) ?? questionID, context) }
        case .skipQuestion:
            if let next = digest.neighbour(of: questionID, by: 1) { show(next, context) } else {
                context.message = Message("That was the last question. Ctrl-F finds one still unanswered.")
            }
        case .previousQuestion:
            if let previous = digest.neighbour(of: questionID, by: -1) { show(previous, context) } else {
                context.message = Message("This is the first question.")
            }
        case .nextUnanswered:
            if let next = digest.neighbour(of: questionID, by: 1).flatMap({ digest.nextUnanswered(from: $0) }) ?? digest.nextUnanswered(from: nil) {
                show(next, context)
            } else {
                context.message = Message("Every question shown is answered.")
            }
        case .chooseSection:
            context.push(ProfileSectionsPage(clientID: clientID, digest: digest, current: questionID.flatMap { digest.section(of: $0)?.index } ?? 0))
        case .review:
            let section = questionID.flatMap { digest.section(of: $0)?.index } ?? 0
            context.push(ProfileReviewPage(clientID: clientID, digest: digest, section: section))
        case .cycleSource:
            let all = AnswerSource.allCases
            source = all[((all.firstIndex(of: source) ?? 0) + 1) % all.count]
            context.message = Message("Answers now come from: \(source.label.lowercased()).")
        case .toggleSensitive:
            setHiding(!hidingSensitive, context)
        case .addEntry where isGroup: form.addEntry()
        case .removeEntry where isGroup: form.removeEntry()
        case .back:
            if form.hasChanges { confirmingLeave = true } else { leave(&context) }
        case .lineUp, .lineDown:
            if !form.editFocused(action, key: key, width: width) && isGroup { form.moveFocus(by: action == .lineUp ? -1 : 1) }
        default:
            _ = form.editFocused(action, key: key, width: width)
        }
    }

    private mutating func setHiding(_ hide: Bool, _ context: PageContext) {
        hidingSensitive = hide
        rebuild()
        guard let digest else { return }
        if let id = questionID, !digest.isShown(id) {
            // The question on screen is sensitive: on to the next one that is not.
            show(digest.neighbour(of: id, by: 1) ?? digest.neighbour(of: id, by: -1), context)
        }
    }

    private mutating func leave(_ context: inout PageContext) {
        if let sessionID { context.request(.careerProfile(.close(sessionID: sessionID))) }
        context.close()
    }

    /// Keeps the answer on screen (one write, sent at once) and goes to the next question.
    private mutating func keep(_ context: inout PageContext) {
        guard let question, let digest, let sessionID else { return }
        if let problem = form.problems(today: context.today).first {
            form.focus = problem.focus
            // The focused answer's reason shows under it already; anything else is said once here.
            if case .invalid? = form.focused?.check(today: context.today) { return }
            context.message = Message("\(problem.label): \(problem.message)", kind: .error)
            return
        }
        let inForce = digest.answers[question.id]
        let value = ProfileQuestionForm.value(of: form, for: question, previous: inForce?.value, today: context.today,
                                              newID: context.environment.newID)
        let unchanged = value == inForce?.value && (value == nil || inForce?.source == source)
        if !unchanged {
            let answer = ProfileAnswerToSave(sessionID: sessionID, clientID: clientID, questionID: question.id, value: value ?? .cleared,
                                             enteredBy: context.userSpecialistID, source: source, at: context.now)
            let request = context.request(.careerProfile(.append(answer)))
            pending.append((request, AnswerEntry(questionID: question.id, value: answer.value, answeredAt: context.now,
                                                  enteredBy: answer.enteredBy, source: source)))
            rebuild()
        }
        guard let after = self.digest else { return }
        if let next = after.neighbour(of: question.id, by: 1) {
            show(next, context)
        } else {
            context.message = Message(after.nextUnanswered(from: nil) == nil
                ? "That was the last question, and every question shown is answered."
                : "That was the last question. Ctrl-F finds one still unanswered.")
            show(question.id, context)
        }
    }

    public mutating func returned(from page: any Page, in context: inout PageContext) {
        if let sections = page as? ProfileSectionsPage {
            if sections.hidingSensitive != hidingSensitive { setHiding(sections.hidingSensitive, context) }
            if let chosen = sections.chosen, let digest, digest.sections.indices.contains(chosen) {
                let section = digest.sections[chosen]
                let target = section.questions.first { digest.answers[$0] == nil } ?? section.questions.first
                if let target { show(target, context) } else {
                    context.message = Message("No question of that section is shown.")
                }
            }
            if let question = sections.chosenQuestion { go(to: question, context) }
        } else if let review = page as? ProfileReviewPage {
            if review.hidingSensitive != hidingSensitive { setHiding(review.hidingSensitive, context) }
            if let question = review.chosen { go(to: question, context) }
        }
    }

    /// The question picked on the review, to change its answer.
    private mutating func go(to question: String, _ context: PageContext) {
        guard let digest, digest.isShown(question) else { return }
        show(question, context)
    }
}
