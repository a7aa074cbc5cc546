import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// A small questionnaire with a question of every type, a condition, a sensitive question
/// and a sensitive section.
enum SmallProfile {
    static let definition = QuestionnaireDefinition(version: 1, title: "Career profile", sections: [
        QuestionnaireSection(id: "goals", title: "Work goals", questions: [
            Question(id: "goal", prompt: "What job would you like to have now?", help: "In the person's own words.", type: .shortText,
                     summary: .jobGoal),
            Question(id: "story", prompt: "Why do you want to work now?", type: .longText),
            Question(id: "hours", prompt: "How many hours a week?", type: .singleChoice,
                     options: [.init(id: "few", label: "Under 20"), .init(id: "many", label: "20 or more")], summary: .preferredHours),
            Question(id: "types", prompt: "What kinds of work interest you?", type: .multipleChoice,
                     options: [.init(id: "food", label: "Food and restaurants", businessTypes: ["Restaurant", "Café"]),
                               .init(id: "outdoors", label: "Outdoors")], summary: .preferredWorkTypes),
            Question(id: "tried", prompt: "Have you looked for work before?", type: .yesNo),
            Question(id: "tried-story", prompt: "What happened?", type: .longText, showIf: Condition(question: "tried", oneOf: ["yes"])),
            Question(id: "start", prompt: "When could you start?", type: .date),
            Question(id: "pay", prompt: "Least pay per hour?", type: .number, sensitive: true),
            Question(id: "sure", prompt: "How sure are you?", type: .scale),
            Question(id: "past-jobs", prompt: "Past jobs", type: .repeating, questions: [
                Question(id: "employer", prompt: "Employer", type: .shortText),
                Question(id: "liked", prompt: "What did you like?", type: .longText),
            ]),
        ]),
        QuestionnaireSection(id: "health", title: "Substance use", sensitive: true, questions: [
            Question(id: "using", prompt: "Is anything getting in the way?", type: .yesNo),
        ]),
        QuestionnaireSection(id: "plan", title: "Team plan", questions: [
            Question(id: "next", prompt: "What happens next?", type: .shortText),
        ]),
    ])

    static let jose = Program.id(101)
    static let session = Program.id(7000)
    static let monday = Date(timeIntervalSince1970: 1_763_366_400) // 2025-11-17 08:00 UTC

    /// A profile with answers given at `monday`, one minute apart.
    static func profile(_ answers: [(String, AnswerValue)], sessionID: UUID = Program.id(6000)) -> CareerProfile {
        let entries = answers.enumerated().map { index, answer in
            AnswerEntry(questionID: answer.0, value: answer.1, answeredAt: monday.addingTimeInterval(Double(index) * 60),
                        enteredBy: Program.maria.id, source: .client)
        }
        return CareerProfile(clientID: jose, sessions: [
            ProfileSessionFile(clientID: jose, sessionID: sessionID, startedAt: monday, definitionVersion: 1, answers: entries),
        ])
    }

    /// José's client page, then the fill-in screen opened on `profile`.
    static func open(_ profile: CareerProfile = profile([]), size: Size = Size(rows: 24, columns: 80)) -> AppState {
        var state = AppState(data: Program.data, today: Program.today, userSpecialistID: Program.maria.id, size: size,
                             profiles: ProfileOverview(definition: definition))
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.press(.character("2"), .down, .enter)
        let effects = state.press(.character("c"))
        #expect(effects.contains { if case .store(_, .careerProfile(.open(jose))) = $0 { true } else { false } })
        state.answer(.careerProfile(.opened(OpenedProfile(profile: profile, sessionID: session, definition: definition))))
        return state
    }
}

extension AppState {
    var profilePage: CareerProfilePage? { topPage as? CareerProfilePage }

    /// The answers the effects ask to write.
    func appended(_ effects: [Effect]) -> [ProfileAnswerToSave] {
        effects.compactMap { if case .store(_, .careerProfile(.append(let answer))) = $0 { answer } else { nil } }
    }
}

@Suite struct CareerProfileScreenTests {
    @Test func aShortTextQuestionAt80x24() {
        let state = SmallProfile.open()
        let screen = state.screen()
        let expected = [
            " Fieldbook · IPS Sup…  F2F 0/2 · 2 to go · ends today · Maria · Sun 22 Nov 2026",
            "  1 Today  [2 Caseload]  3 Employers   4 Reports   › José Álvarez-Ruiz › Career…",
            " Career profile: José Álvarez-Ruiz (José)                      0 of 11 answered",
            " ── 1/3 Work goals ─────────────────────────────────────────────────── 0 of 9 ──",
            "  Question 1 of 9                                                  From: Client",
            "",
            "  What job would you like to have now?",
            "  In the person's own words.",
            "",
            // The answer's box shows before anything is typed.
            " ┌─ Answer ───────────────────────────────────────────────────┐",
            " │                                                            │",
            " └────────────────────────────────────────────────────────────┘",
            "", "", "", "", "", "", "",
            "  Not answered before.",
            "",
            " Enter keeps the answer and goes on; PgDn skips; PgUp goes back.",
            "",
            " Enter keep  PgDn skip  PgUp back  Ctrl-F unanswered  F1 more keys",
        ]
        #expect(screen.lines.map { $0.trimmingTrailing() } == expected.map { $0.trimmingTrailing() }, "\n\(dump(screen))")
    }

    @Test func enterKeepsTheAnswerAtOnceAndMovesOn() throws {
        var state = SmallProfile.open()
        state.type("Cook in a café")
        let effects = state.press(.enter)
        let answer = try #require(state.appended(effects).first)
        #expect(answer.questionID == "goal" && answer.value == .text("Cook in a café"))
        #expect(answer.sessionID == SmallProfile.session && answer.clientID == SmallProfile.jose)
        #expect(answer.source == .client && answer.enteredBy == Program.maria.id && answer.at == state.now)
        #expect(state.profilePage?.questionID == "story")
        // Shown as kept while it is being written.
        #expect(state.screen().lines[2].hasSuffix("1 of 11 answered"))
        // Enter on an unchanged answer writes nothing.
        state.press(.pageUp)
        #expect(state.profilePage?.questionID == "goal")
        #expect(state.appended(state.press(.enter)).isEmpty)
    }

    @Test func aLongTextTakesSeveralLinesWithCtrlJAndEnterKeepsIt() throws {
        var state = SmallProfile.open()
        state.press(.pageDown)
        state.type("Money.")
        state.press(.control("j"))
        state.type("And a routine.")
        #expect(state.profilePage?.questionID == "story", "Ctrl-J starts a new line in a long answer")
        let screen = state.screen()
        #expect(screen.lines[9].hasPrefix(" │Money."), "\n\(dump(screen))")
        #expect(screen.lines[10].hasPrefix(" │And a routine."), "\n\(dump(screen))")
        #expect(screen.message.contains("Enter keeps the answer and goes on; Ctrl-J starts a new line."))
        // Enter keeps a long answer as it keeps a short one.
        let answer = try #require(state.appended(state.press(.enter)).first)
        #expect(answer.value == .text("Money.\nAnd a routine."))
        #expect(state.profilePage?.questionID == "hours")
    }

    @Test func choicesYesNoScaleDateAndNumberEachGetTheirInput() throws {
        var state = SmallProfile.open()
        state.press(.pageDown, .pageDown)
        // A single choice: the options listed, picked by first letter or Space.
        var screen = state.screen()
        #expect(screen.lines[8] == "   ○ Under 20" && screen.lines[9] == "   ○ 20 or more", "\n\(dump(screen))")
        state.press(.character(" "), .character(" "))
        #expect(state.screen().lines[9].hasPrefix(" ▸ ● 20 or more"), "\n\(dump(state.screen()))")
        var answers = state.appended(state.press(.enter))
        #expect(answers.last?.value == .choice("many"))
        // Multiple choice by fragment.
        state.type("outd")
        state.press(.character(" "))
        screen = state.screen()
        #expect(screen.lines[10].hasPrefix("   ☒ Outdoors"), "\n\(dump(screen))")
        answers = state.appended(state.press(.enter))
        #expect(answers.last?.value == .choices(["outdoors"]))
        // Yes/no: y answers yes and shows the follow-up question next.
        state.type("y")
        answers = state.appended(state.press(.enter))
        #expect(answers.last?.value == .yesNo(true))
        #expect(state.profilePage?.questionID == "tried-story")
        state.press(.pageDown)
        // A date, in words.
        state.type("2026-12-01")
        #expect(state.screen().bodyLine(containing: "Tue 1 Dec 2026") != nil, "\n\(dump(state.screen()))")
        answers = state.appended(state.press(.enter))
        #expect(answers.last?.value == .date(day("2026-12-01")))
        // A number that is not one stays on screen with the reason.
        state.type("lots")
        #expect(state.appended(state.press(.enter)).isEmpty)
        #expect(state.profilePage?.questionID == "pay")
        #expect(state.screen().message.contains("\"lots\" is not a number"), "\n\(dump(state.screen()))")
        state.press(.control("u"))
        state.type("16.5")
        answers = state.appended(state.press(.enter))
        #expect(answers.last?.value == .number(Decimal(string: "16.5")!))
        // A scale.
        #expect(state.screen().lines[10].hasPrefix("   ○ 3"))
        state.type("4")
        answers = state.appended(state.press(.enter))
        #expect(answers.last?.value == .scale(4))
    }

    @Test func aRepeatingGroupTakesEntriesAndIsKeptWhole() throws {
        var state = SmallProfile.open()
        for _ in 0..<8 { state.press(.pageDown) }
        #expect(state.profilePage?.questionID == "past-jobs")
        #expect(state.screen().text.contains("+ add: past job (Enter or Ctrl-N)"), "\n\(dump(state.screen()))")
        state.press(.enter)
        state.type("Café Müller")
        state.press(.tab)
        state.type("The regulars")
        let screen = state.screen()
        #expect(screen.text.contains("Past job 1"), "\n\(dump(screen))")
        let answer = try #require(state.appended(state.press(.control("s"))).first)
        guard case .entries(let entries) = answer.value else {
            Issue.record("not entries: \(answer.value)")
            return
        }
        #expect(entries.count == 1)
        #expect(entries.first?.answers == ["employer": .text("Café Müller"), "liked": .text("The regulars")])
    }

    @Test func backSkipNextUnansweredAndJumpToASection() {
        var state = SmallProfile.open(SmallProfile.profile([("goal", .text("Cook")), ("hours", .choice("few"))]))
        // Resumes after the last answer: the first unanswered question from there.
        #expect(state.profilePage?.questionID == "types")
        state.press(.pageUp)
        #expect(state.profilePage?.questionID == "hours")
        state.press(.pageUp)
        #expect(state.profilePage?.questionID == "story")
        state.press(.pageDown, .pageDown)
        #expect(state.profilePage?.questionID == "types")
        state.press(.control("f"))
        #expect(state.profilePage?.questionID == "tried", "hidden follow-ups are not offered")
        // Ctrl-G lists the sections with their progress; Enter jumps to one.
        state.press(.control("g"))
        let screen = state.screen()
        #expect(screen.bodyLine(containing: "Work goals").map { $0.contains("2 / 9") && $0.contains("2025-11-17") } == true,
                "\n\(dump(screen))")
        #expect(screen.bodyLine(containing: "Team plan")?.contains("0 / 1") == true)
        state.press(.down, .down, .enter)
        #expect(state.profilePage?.questionID == "next")
    }

    @Test func resumesWhereTheLastMeetingStoppedAndShowsThePreviousAnswer() {
        var state = SmallProfile.open(SmallProfile.profile([("goal", .text("Cook")), ("story", .text("Money")), ("hours", .choice("few"))]))
        #expect(state.profilePage?.questionID == "types")
        state.press(.pageUp)
        let screen = state.screen()
        #expect(screen.lines[19] == "  Previous answer (2025-11-17, Maria Okafor, from client): Under 20", "\n\(dump(screen))")
        #expect(screen.lines[4].hasPrefix("  Question 3 of 9 · answered"))
    }

    @Test func reviewShowsAWholeSectionWithRetiredQuestionsAfterTheLast() {
        let profile = SmallProfile.profile([("goal", .text("Cook")), ("old-question", .text("Kept from the old form")),
                                            ("types", .choices(["food", "outdoors"]))])
        var state = SmallProfile.open(profile)
        state.press(.control("v"))
        var screen = state.screen()
        #expect(screen.lines[2].hasPrefix(" Review: Work goals"), "\n\(dump(screen))")
        // The first question is selected: Enter goes to it to change the answer.
        #expect(screen.lines[3] == " ▸ What job would you like to have now?")
        #expect(screen.lines[4] == "     Cook")
        #expect(screen.lines[5] == "     — Client, 2025-11-17, Maria Okafor")
        #expect(screen.text.contains("     (not answered)"))
        #expect(screen.text.contains("     Food and restaurants; Outdoors"))
        state.press(.right, .right, .right)
        screen = state.screen()
        #expect(screen.lines[2].hasPrefix(" Review: Retired questions"), "\n\(dump(screen))")
        #expect(screen.text.contains("   old-question"))
        #expect(screen.text.contains("     Kept from the old form"))
        state.press(.escape)
        #expect(state.topPage is CareerProfilePage)
    }

    @Test func oneKeyHidesSensitiveQuestionsAndSections() {
        var state = SmallProfile.open(SmallProfile.profile([("goal", .text("Cook")), ("using", .yesNo(true))]))
        state.press(.control("x"))
        var screen = state.screen()
        #expect(screen.bodyLine(containing: "SENSITIVE HIDDEN") != nil, "\n\(dump(screen))")
        // The sensitive question is never reached; the sensitive section is listed without its title.
        state.press(.control("g"), .home, .enter)
        #expect(state.profilePage?.questionID == "story")
        var visited: [String] = []
        for _ in 0..<12 {
            state.press(.pageDown)
            visited.append(state.profilePage?.questionID ?? "")
        }
        #expect(!visited.contains("pay") && !visited.contains("using"), "\(visited)")
        #expect(state.profilePage?.questionID == "next")
        state.press(.control("g"))
        screen = state.screen()
        #expect(screen.bodyLine(containing: "Sensitive section (hidden)") != nil, "\n\(dump(screen))")
        #expect(!screen.text.contains("Substance use"))
        state.press(.character("v"))
        #expect(!state.screen().text.contains("getting in the way"))
        state.press(.escape, .escape)
        // Hidden stays hidden after leaving and coming back to the client.
        state.press(.escape)
        #expect(state.topPage is ClientPage)
        state.press(.character("c"))
        state.answer(.careerProfile(.opened(OpenedProfile(profile: SmallProfile.profile([]), sessionID: SmallProfile.session,
                                                          definition: SmallProfile.definition))))
        #expect(state.profilePage?.hidingSensitive == true)
        state.press(.control("x"))
        #expect(state.screen().bodyLine(containing: "SENSITIVE HIDDEN") == nil)
    }

    @Test func aFailedWriteGivesTheAnswerBack() {
        var state = SmallProfile.open()
        state.type("Cook")
        state.press(.enter)
        state.answer(.failed(.io(path: "career-profiles/x.json", reason: "disk full")))
        #expect(state.profilePage?.questionID == "goal")
        #expect(state.profilePage?.form.input(ProfileQuestionForm.answerField)?.text == "Cook")
        #expect(state.screen().message.contains("Not saved"))
    }

    @Test func leavingWithAnAnswerBeingTypedAsksFirst() {
        var state = SmallProfile.open()
        state.type("Half typed")
        state.press(.escape)
        #expect(state.profilePage?.confirmingLeave == true)
        state.press(.character("n"))
        #expect(state.topPage is CareerProfilePage)
        state.press(.escape)
        let effects = state.press(.character("y"))
        #expect(state.topPage is ClientPage)
        #expect(effects.contains { if case .store(_, .careerProfile(.close(SmallProfile.session))) = $0 { true } else { false } })
    }

    /// Ctrl-C with an answer half typed asks first, as Esc does; a second Ctrl-C quits.
    @Test func ctrlCWithAnAnswerBeingTypedAsksBeforeQuitting() {
        var state = SmallProfile.open()
        #expect(App.update(&state, .interrupt) == [.quit], "nothing typed: Ctrl-C quits at once")
        state = SmallProfile.open()
        state.type("Half typed")
        #expect(App.update(&state, .interrupt).isEmpty)
        #expect(state.isConfirmingQuit)
        #expect(state.profilePage?.form.focused?.text == "Half typed")
        #expect(App.update(&state, .interrupt) == [.quit])
    }

    /// A date that is not one says why once, under the answer, not twice (also after Enter).
    @Test func aWrongDateSaysWhyOnce() {
        var state = SmallProfile.open()
        state.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(state.profilePage?.questionID == "start", "\(String(describing: state.profilePage?.questionID))")
        state.type("2012-13")
        #expect(state.screen().lines.filter { $0.contains("✗") }.count == 1, "\n\(dump(state.screen()))")
        state.press(.enter)
        #expect(state.profilePage?.questionID == "start", "the wrong date is not kept")
        #expect(state.screen().lines.filter { $0.contains("✗") }.count == 1, "\n\(dump(state.screen()))")
    }

    @Test func summariesFollowAnswersAndAreReadAgainWithTheFolder() throws {
        var state = SmallProfile.open()
        state.type("Cook")
        state.press(.enter)
        let written = SmallProfile.profile([("goal", .text("Cook"))], sessionID: SmallProfile.session)
        state.answer(.careerProfile(.answered(AnsweredProfile(entry: try #require(written.entries.first), profile: written))))
        #expect(state.profiles.summaries[SmallProfile.jose]?.jobGoal == "Cook")
        #expect(state.profiles.summaries.progress(of: SmallProfile.jose)?.answered == 1)
        // Ctrl-R reads the folder and the profiles again, off the key loop.
        let effects = state.press(.control("r"))
        #expect(effects.contains { if case .store(_, .careerProfile(.loadOverview)) = $0 { true } else { false } })
        state.answer(.careerProfile(.overview(ProfileOverview(definition: SmallProfile.definition))))
        #expect(state.profiles.summaries[SmallProfile.jose] == nil)
    }

    @Test func aTinyTerminalGetsAMessage() {
        var state = SmallProfile.open()
        App.update(&state, .resize(Size(rows: 12, columns: 40)))
        #expect(state.screen().text.contains("Make the window larger"))
    }

    @Test func theClientPageShowsTheSummaryAndEmployersThatFit() throws {
        var data = Program.data
        data.employers = [Employer(id: Program.id(900), name: "Café Müller", businessType: "Café", createdAt: Date(timeIntervalSince1970: 0)),
                          Employer(id: Program.id(901), name: "Hartmann Hardware", businessType: "Hardware store", createdAt: Date(timeIntervalSince1970: 0))]
        var summaries = ProfileSummaries()
        summaries.update(SmallProfile.profile([("goal", .text("Cook in a café")), ("hours", .choice("few")), ("types", .choices(["food"]))]),
                         definition: SmallProfile.definition)
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id,
                             profiles: ProfileOverview(definition: SmallProfile.definition, summaries: summaries))
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.press(.character("2"), .down, .enter, .end)
        let lines = state.screen().lines
        let start = try #require(lines.firstIndex { $0.contains("── Career profile") }, "\n\(dump(state.screen()))")
        #expect(lines[start + 1] == "   Progress            3 of 11 questions answered (last answered 2025-11-17)")
        #expect(lines[start + 2] == "   Job goal            Cook in a café")
        #expect(lines[start + 3] == "   Hours               Under 20")
        #expect(lines[start + 5] == "   Types of work       Food and restaurants")
        #expect(lines[start + 7] == "   Employers that fit  Café Müller")
        // p asks which folder the printable pages go to; the message names the files, never the client.
        state.press(.character("p"))
        #expect(state.screen().lines.contains { $0.contains("Folder:") && $0.contains("~/fieldbook-pages") }, "\n\(dump(state.screen()))")
        state.type("/tmp/pages")
        let effects = state.press(.enter)
        let job = effects.compactMap { effect -> PrintPagesJob? in
            if case .store(_, .careerProfile(.printPages(let job))) = effect { job } else { nil }
        }.first
        #expect(job?.folder == "/tmp/pages", "typing replaces the folder offered")
        #expect(job?.pages == [.profile, .summary])
        #expect(job?.omitSensitive == false)
        state.answer(.careerProfile(.printed(paths: ["/tmp/pages/profile-00000000-2026-11-22.html", "/tmp/pages/summary-00000000-2026-11-22.html"])))
        // A long message takes two lines above the key line.
        let message = state.screen().lines[21...22].map { $0.trimmingTrailing() }
        #expect(message == [" ✓ Printable pages in /tmp/pages: profile-00000000-2026-11-22.html,", " summary-00000000-2026-11-22.html"],
                "\n\(dump(state.screen()))")
        #expect(state.screen().lines.contains { $0.contains("── Career profile") }, "back on the client page")
    }
}

extension String {
    func trimmingTrailing() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
