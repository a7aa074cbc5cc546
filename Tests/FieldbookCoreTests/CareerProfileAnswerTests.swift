import FieldbookCore
import Foundation
import Testing

/// Answers written through a `CareerProfileStore` and read back from the folder by a fresh one.
@Suite struct CareerProfileAnswerTests {
    let folder = TemporaryFolder()
    let specialist = Sample.specialist.id
    let client = UUID()

    func profiles() throws -> CareerProfileStore {
        CareerProfileStore(store: try Store(folder: folder.url))
    }

    /// A fresh store reading the folder, as another copy of Fieldbook or a restart would.
    func reread() -> (profile: CareerProfile, problems: [DataProblem]) {
        CareerProfileStore(folder: folder.url, mode: .readOnly).profile(of: client)
    }

    static let march = instant(1_772_323_200) // 2026-03-01T00:00:00Z
    static func day(_ n: Int, hour: Int = 10) -> Date { march.addingTimeInterval(Double(n * 86_400 + hour * 3600)) }

    @Test func everyAnswerTypeRoundTrips() throws {
        let definition = try smallDefinition()
        let store = try profiles()
        var session = store.startSession(for: client, definition: definition, at: Self.day(0))
        let job = GroupEntry(answers: ["employer": .text("Bean There Café"), "ended": .choice("quit"), "why-quit": .text("Moved\nto 北京")])
        let values: [(String, AnswerValue)] = [
            ("goal", .text("Barista, \"part time\" 😀")),
            ("why", .text("Line one\nline two")),
            ("kinds", .choices(["food", "animals"])),
            ("hours", .choice("part")),
            ("start", .date(date("2026-04-01"))),
            ("pay", .number(Decimal(string: "16.75")!)),
            ("sure", .scale(4)),
            ("drives", .yesNo(true)),
            ("car", .yesNo(false)),
            ("jobs", .entries([job, GroupEntry(answers: ["employer": .text("Library")])])),
            ("contact", .entries([GroupEntry(answers: ["name": .text("Sam")])])),
        ]
        for (index, (id, value)) in values.enumerated() {
            _ = try store.append(value, to: id, in: definition, by: specialist, source: .client, at: Self.day(0).addingTimeInterval(Double(index)),
                                 session: &session)
        }
        let (profile, problems) = reread()
        #expect(problems.isEmpty)
        let answers = profile.answers()
        for (id, value) in values {
            #expect(answers[id]?.value == value, "\(id)")
            #expect(answers[id]?.enteredBy == specialist)
            #expect(answers[id]?.source == .client)
        }
        #expect(profile.entries.count == values.count)
        #expect(profile.sessions.map(\.id) == [session.id])
    }

    @Test func anAnswerIsOnDiskAsSoonAsItIsEntered() throws {
        let definition = try smallDefinition()
        let store = try profiles()
        var session = store.startSession(for: client, definition: definition, at: Self.day(0))
        #expect(reread().profile.entries.isEmpty)
        _ = try store.append(.text("Cook"), to: "goal", in: definition, by: specialist, source: .client, at: Self.day(0), session: &session)
        #expect(reread().profile.answers()["goal"]?.value == .text("Cook"))
        _ = try store.append(.yesNo(true), to: "drives", in: definition, by: specialist, source: .client, at: Self.day(0), session: &session)
        let again = reread().profile.answers()
        #expect(again["goal"]?.value == .text("Cook"))
        #expect(again["drives"]?.value == .yesNo(true))

        let file = folder.path(session.path)
        #expect(session.path.hasPrefix("career-profiles/\(client.uuidString.lowercased())/20260301T100000Z-"))
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: file.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
    }

    @Test func aWrongAnswerIsRefusedAndNothingIsWritten() throws {
        let definition = try smallDefinition()
        let store = try profiles()
        var session = store.startSession(for: client, definition: definition, at: Self.day(0))
        let wrong: [(String, AnswerValue)] = [
            ("hours", .choice("overtime")), ("kinds", .choices(["food", "food"])), ("goal", .yesNo(true)),
            ("sure", .scale(6)), ("no-such-question", .text("x")), ("contact", .entries([GroupEntry(answers: [:]), GroupEntry(answers: [:])])),
            ("jobs", .entries([GroupEntry(answers: ["salary": .number(3)])])),
        ]
        for (id, value) in wrong {
            #expect(throws: ProfileError.self, "\(id)") {
                try store.append(value, to: id, in: definition, by: specialist, source: .team, at: Self.day(0), session: &session)
            }
        }
        #expect(session.answers.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path(session.path).path))
    }

    /// Two meetings: the first on March 1, the second on March 20 changes two answers.
    func twoMeetings() throws -> (definition: QuestionnaireDefinition, first: ProfileSession, second: ProfileSession) {
        let definition = try smallDefinition()
        let store = try profiles()
        var first = store.startSession(for: client, definition: definition, at: Self.day(0))
        _ = try store.append(.text("Cook"), to: "goal", in: definition, by: specialist, source: .client, at: Self.day(0), session: &first)
        _ = try store.append(.choice("full"), to: "hours", in: definition, by: specialist, source: .client, at: Self.day(0, hour: 11), session: &first)
        _ = try store.append(.yesNo(false), to: "drives", in: definition, by: specialist, source: .client, at: Self.day(0, hour: 11), session: &first)
        var second = store.startSession(for: client, definition: definition, at: Self.day(19))
        _ = try store.append(.text("Baker"), to: "goal", in: definition, by: specialist, source: .client, at: Self.day(19), session: &second)
        _ = try store.append(.choice("part"), to: "hours", in: definition, by: nil, source: .team, at: Self.day(19), session: &second)
        _ = try store.append(.choice("full"), to: "hours", in: definition, by: nil, source: .team, at: Self.day(19, hour: 12), session: &second)
        _ = try store.append(.cleared, to: "drives", in: definition, by: specialist, source: .client, at: Self.day(19, hour: 12), session: &second)
        return (definition, first, second)
    }

    @Test func theProfileAsOfAnyMoment() throws {
        _ = try twoMeetings()
        let profile = reread().profile
        #expect(profile.entries.count == 7)
        let march5 = profile.answers(asOf: date("2026-03-05").lastMoment(in: TimeZone(secondsFromGMT: 0)!))
        #expect(march5["goal"]?.value == .text("Cook"))
        #expect(march5["drives"]?.value == .yesNo(false))
        let now = profile.answers()
        #expect(now["goal"]?.value == .text("Baker"))
        #expect(now["hours"]?.value == .choice("full"))
        #expect(now["hours"]?.source == .team)
        #expect(now["drives"] == nil, "a cleared answer counts as unanswered")
        #expect(profile.answers(asOf: Self.day(0).addingTimeInterval(-1)).count == 0)
        #expect(profile.answers(asOf: Self.day(19)).count == 3)
    }

    @Test func whatChangedSinceATimeOrAMeeting() throws {
        let (_, first, _) = try twoMeetings()
        let profile = reread().profile
        let changes = try #require(profile.changes(sinceSession: first.id))
        // hours went part and back to full: not a change.
        #expect(changes.map(\.questionID).sorted() == ["drives", "goal"])
        let goal = try #require(changes.first { $0.questionID == "goal" })
        #expect(goal.before?.value == .text("Cook"))
        #expect(goal.after?.value == .text("Baker"))
        let drives = try #require(changes.first { $0.questionID == "drives" })
        #expect(drives.after == nil)
        #expect(profile.changes(since: Self.day(30)).isEmpty)
        #expect(profile.changes(since: Self.day(-1)).count == 2, "goal and hours; drives was answered and then cleared")
        #expect(profile.changes(sinceSession: UUID()) == nil)
    }

    @Test func progressCountsOnlyQuestionsShown() throws {
        let definition = try smallDefinition()
        let store = try profiles()
        var session = store.startSession(for: client, definition: definition, at: Self.day(0))
        func progress() throws -> SectionProgress {
            try #require(reread().profile.progress(in: definition).first { $0.sectionID == "goals" })
        }
        #expect(try progress().total == 9, "the car question waits for drives = yes")
        #expect(try progress().lastTouched == nil)
        _ = try store.append(.yesNo(true), to: "drives", in: definition, by: specialist, source: .client, at: Self.day(2), session: &session)
        #expect(try progress().total == 10)
        #expect(try progress().answered == 1)
        #expect(try progress().lastTouched == Self.day(2))
        _ = try store.append(.yesNo(true), to: "car", in: definition, by: specialist, source: .client, at: Self.day(3), session: &session)
        _ = try store.append(.yesNo(false), to: "drives", in: definition, by: specialist, source: .client, at: Self.day(4), session: &session)
        #expect(try progress().total == 9)
        #expect(try progress().answered == 1, "the car answer is kept but its question is not shown")
        let answers = reread().profile.answers()
        let ids = definition.questions.map(\.question.id)
        func isOpen(_ id: String) -> Bool {
            answers[id] == nil && definition.question(id).map { definition.isShown($0, given: answers) } == true
        }
        #expect(ProfileResume.nextOpen(in: ids, from: nil, isOpen: isOpen) == "goal")
        #expect(ProfileResume.nextOpen(in: ids, from: "drives", isOpen: isOpen) == "jobs")
    }

    @Test func answersToRetiredQuestionsAreKeptAndNewQuestionsAreUnanswered() throws {
        let (definition, _, _) = try twoMeetings()
        var changed = definition
        changed.sections[0].questions.removeAll { $0.id == "goal" }
        changed.sections[0].questions.append(Question(id: "dream", prompt: "Dream job?", type: .shortText))
        changed.version += 1
        #expect(changed.problems().isEmpty)
        let profile = reread().profile
        let retired = profile.retiredAnswers(in: changed)
        #expect(retired.map(\.questionID) == ["goal"])
        #expect(retired.first?.value == .text("Baker"))
        let goals = try #require(profile.progress(in: changed).first { $0.sectionID == "goals" })
        #expect(goals.answered == 1, "only hours; the retired answer does not count")
        #expect(profile.answers()["dream"] == nil)
        #expect(profile.retiredAnswers(in: definition).isEmpty)
    }

    @Test func anUnreadableProfileFileIsReportedAndNeverRewritten() throws {
        let (definition, _, second) = try twoMeetings()
        let file = folder.path(second.path)
        let broken = Data(try Data(contentsOf: file).prefix(200))
        try broken.write(to: file)
        let (profile, problems) = reread()
        #expect(problems.count == 1)
        #expect(problems.first?.path == second.path)
        #expect(problems.first?.kind == .careerProfile)
        #expect(problems.first?.message.contains("not valid JSON") == true, "\(problems)")
        #expect(profile.answers()["goal"]?.value == .text("Cook"), "the first meeting still loads")
        #expect(try Data(contentsOf: file) == broken)

        // The summaries report it too, and a new meeting writes its own file.
        let store = try profiles()
        #expect(ProfileSummaries.build(from: store, definition: definition).problems.map(\.path) == [second.path])
        var third = store.startSession(for: client, definition: definition, at: Self.day(25))
        _ = try store.append(.text("Chef"), to: "goal", in: definition, by: specialist, source: .client, at: Self.day(25), session: &third)
        #expect(try Data(contentsOf: file) == broken)
        #expect(reread().profile.answers()["goal"]?.value == .text("Chef"))
    }

    @Test func aSessionFileChangedByAnotherHandIsNotOverwritten() throws {
        let definition = try smallDefinition()
        let store = try profiles()
        var session = store.startSession(for: client, definition: definition, at: Self.day(0))
        _ = try store.append(.text("Cook"), to: "goal", in: definition, by: specialist, source: .client, at: Self.day(0), session: &session)
        let file = folder.path(session.path)
        let edited = Data(try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Cook", with: "Chef").utf8)
        try edited.write(to: file)
        let before = session.id
        _ = try store.append(.text("Baker"), to: "goal", in: definition, by: specialist, source: .client, at: Self.day(1), session: &session)
        #expect(try Data(contentsOf: file) == edited, "the edited file is left as it is")
        #expect(session.id != before, "the meeting goes on in a file of its own")
        #expect(session.answers.map(\.questionID) == ["goal"])
        let profile = reread().profile
        #expect(profile.sessions.count == 2)
        #expect(profile.entries.map(\.value) == [.text("Chef"), .text("Baker")])

        // A file removed by someone else is not written back either.
        try FileManager.default.removeItem(at: folder.path(session.path))
        _ = try store.append(.yesNo(true), to: "drives", in: definition, by: specialist, source: .client, at: Self.day(2), session: &session)
        #expect(reread().profile.answers()["goal"]?.value == .text("Chef"))
        #expect(reread().profile.answers()["drives"]?.value == .yesNo(true))
    }

    @Test func theSummaryAndTheEmployersThatMatch() throws {
        let definition = try smallDefinition()
        let store = try profiles()
        var session = store.startSession(for: client, definition: definition, at: Self.day(0))
        for (id, value) in [("goal", AnswerValue.text("Barista")), ("kinds", .choices(["food"])), ("other-kinds", .text("zoó, Pet STORE")),
                            ("hours", .choice("part")), ("disclose", .choice("no"))] {
            _ = try store.append(value, to: id, in: definition, by: specialist, source: .client, at: Self.day(0), session: &session)
        }
        let summaries = ProfileSummaries.build(from: store, definition: definition)
        let summary = try #require(summaries[client])
        #expect(summary.jobGoal == "Barista")
        #expect(summary.hours == "Part time")
        #expect(summary.disclosure == "No")
        #expect(summary.workTypes == ["Food", "zoó", "Pet STORE"])
        #expect(summaries.progress(of: client)?.answered == 5)
        let employers = ["Café du Coin": "CAFÉ", "Zoo": "Zoo", "Pets": "Pet store", "Diner": "Family restaurant",
                         "Garage": "Auto repair", "Petrol": "Petrol station", "Nothing": ""]
            .map { Employer(name: $0.key, businessType: $0.value.isEmpty ? nil : $0.value) }
        #expect(summary.matchingEmployers(in: employers).map(\.name) == ["Café du Coin", "Diner", "Pets", "Zoo"])
        #expect(ProfileSummary().matchingEmployers(in: employers).isEmpty)
    }
}

/// Chosen options read apart even when their labels hold commas.
@Suite struct ProfileTextTests {
    @Test func chosenOptionsWithCommasInTheirLabelsReadApart() {
        let question = Question(id: "kinds", prompt: "What kinds of work?", type: .multipleChoice, options: [
            .init(id: "warehouse", label: "Warehouse, stocking and delivery"),
            .init(id: "trades", label: "Building, repair and trades"),
        ])
        #expect(ProfileText.plain(.choices(["warehouse", "trades"]), of: question)
            == "Warehouse, stocking and delivery; Building, repair and trades")
        #expect(ProfileText.plain(.choices(["trades"]), of: question) == "Building, repair and trades")
    }
}
