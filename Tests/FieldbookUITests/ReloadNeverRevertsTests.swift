import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// "A reload never reverts another's change": two copies of Fieldbook on one data folder, copy A
/// driven through its screens and forms, copy B saving through its own store; A's requests
/// run against A's real store, as the main loop's effect runner runs them.
struct TwoCopies {
    let folder: URL
    let a: Store
    let b: Store
    var state: AppState

    init(_ data: DataSnapshot = Morning.data) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-two-\(UUID().uuidString)")
        let seed = try Store(folder: folder)
        try seed.save(data.settings)
        for specialist in data.specialists { try seed.saveKeepingTimestamp(specialist) }
        for employer in data.employers { try seed.saveKeepingTimestamp(employer) }
        for client in data.clients { try seed.saveKeepingTimestamp(client) }
        try seed.saveKeepingTimestamps(data.employerContacts)
        a = try Store(folder: folder)
        b = try Store(folder: folder)
        state = AppState(data: a.load(), today: Program.today, userSpecialistID: Program.maria.id)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
    }

    /// What a third copy reads from the folder now.
    func onDisk() throws -> DataSnapshot { try Store(folder: folder).load() }

    /// Copy B changes a client and saves it.
    func elsewhere(client id: UUID, _ change: (inout Client) -> Void) throws {
        var client = try #require(b.load().client(id))
        change(&client)
        try b.save(client)
    }

    /// Runs the store requests among `effects` on A's store, as the effect runner does, and
    /// hands each answer back to the app; returns the answers.
    @discardableResult
    mutating func run(_ effects: [Effect]) -> [StoreResult] {
        var answers: [StoreResult] = []
        for case .store(let id, let request) in effects {
            let result: StoreResult
            do throws(StoreError) {
                switch request {
                case .saveClient(let client):
                    let saved = try a.save(client)
                    result = .saved(.client(saved.record), merged: saved.mergedFields)
                case .saveEmployer(let employer):
                    let saved = try a.save(employer)
                    result = .saved(.employer(saved.record), merged: saved.mergedFields)
                case .saveSpecialist(let specialist):
                    let saved = try a.save(specialist)
                    result = .saved(.specialist(saved.record), merged: saved.mergedFields)
                case .saveEmployerContact(let contact, let employer):
                    let savedEmployer = try employer.map { employer throws(StoreError) in try a.save(employer) }
                    let saved = try a.save(contact)
                    result = .saved(.employerContact(saved.record, employer: savedEmployer?.record),
                                    merged: (savedEmployer?.mergedFields ?? []) + saved.mergedFields)
                case .reload:
                    result = .reloaded(a.load())
                default:
                    continue
                }
            } catch {
                result = .failed(error)
            }
            answers.append(result)
            asked += App.update(&state, .finished(id, result))
        }
        return answers
    }

    /// What the answers handed back by `run` asked for (a quiet reload after a merged save).
    private(set) var asked: [Effect] = []

    /// Runs `effects`, then what their answers ask for, until nothing more is asked.
    mutating func runAll(_ effects: [Effect]) {
        var pending = effects
        while !pending.isEmpty {
            asked = []
            run(pending)
            pending = asked
        }
    }

    /// Ctrl-R, with the folder read again and handed to the app.
    mutating func reload() { run(state.press(.control("r"))) }

    /// Ctrl-R pressed, the folder read again by the store, and a key handled before the app is
    /// given what was read (keys are handled while a reload is still running).
    mutating func reloadStillRunning() -> [Effect] {
        let effects = state.press(.control("r"))
        #expect(effects.contains { if case .store(_, .reload) = $0 { true } else { false } })
        _ = a.load()
        return effects
    }
}

@Suite struct ReloadNeverRevertsTests {
    static let anna = Program.id(104)

    /// The reproduction: A edits Anna-Maria, B changes her phone, A reads the folder again
    /// (the form keeps what it shows), adds "X" to the name and saves. B's phone stays.
    @Test func aReloadUnderAnOpenFormKeepsTheOtherCopysPhone() throws {
        var copies = try TwoCopies()
        copies.state.push(ClientPage(clientID: Self.anna))
        copies.state.press(.character("e"))
        #expect(copies.state.form?.field("phone")?.text == "555-014")
        try copies.elsewhere(client: Self.anna) { $0.phone = "555-2222" }
        copies.reload()
        #expect(copies.state.form?.field("phone")?.text == "555-014", "the form keeps what it shows")
        copies.state.press(.end)
        copies.state.type("X")
        let answers = copies.run(copies.state.press(.control("s")))
        guard case .saved(_, let merged)? = answers.first else {
            Issue.record("not saved: \(answers)")
            return
        }
        #expect(merged == ["phone"])
        let saved = try #require(copies.onDisk().client(Self.anna))
        #expect(saved.name == "Anna-Maria Kowalska-Wiśniewska-Montgomery-SmytheX")
        #expect(saved.phone == "555-2222")
    }

    /// Ctrl-R followed at once by Ctrl-S: the store has read the folder again, the form has
    /// not been given it; the save still starts from what the form opened on.
    @Test func ctrlSWhileAReloadIsRunningKeepsTheOtherCopysPhone() throws {
        var copies = try TwoCopies()
        copies.state.push(ClientPage(clientID: Self.anna))
        copies.state.press(.character("e"))
        try copies.elsewhere(client: Self.anna) { $0.phone = "555-2222" }
        let reload = copies.reloadStillRunning()
        copies.state.press(.end)
        copies.state.type("X")
        copies.run(copies.state.press(.control("s")))
        copies.run(reload)
        let saved = try #require(copies.onDisk().client(Self.anna))
        #expect(saved.name.hasSuffix("SmytheX"))
        #expect(saved.phone == "555-2222")
    }

    /// A status set elsewhere today, then a form that opened before it saves only a phone:
    /// neither a change back to the old status nor the loss of the other's entry.
    @Test func aStatusChangedElsewhereIsNeitherReversedNorDropped() throws {
        var copies = try TwoCopies()
        let zoe = Program.id(103)
        copies.state.push(ClientPage(clientID: zoe))
        copies.state.press(.character("e"))
        try copies.elsewhere(client: zoe) { $0.setStatus(.jobSearch, on: Program.today) }
        copies.reload()
        for _ in 0..<2 { copies.state.press(.tab) }        // name, preferred name, phone
        copies.state.press(.end)
        copies.state.type("9")
        copies.run(copies.state.press(.control("s")))
        let saved = try #require(copies.onDisk().client(zoe))
        #expect(saved.phone == "555-0139")
        #expect(saved.status == .jobSearch)
        #expect(saved.statusHistory.map(\.to) == [.jobSearch])
    }

    /// A job's end recorded elsewhere is not wiped by an edit of its hours that started before.
    @Test func aJobEndRecordedElsewhereIsNotWiped() throws {
        var copies = try TwoCopies()
        let ming = Program.id(102)
        let before = try #require(copies.state.data.client(ming)?.jobs.last)
        #expect(before.endDate == nil)
        copies.state.push(ClientPage(clientID: ming))
        copies.state.press(.character("E"))
        #expect(copies.state.form?.field("jobTitle")?.text == before.title)
        try copies.elsewhere(client: ming) { client in
            client.jobs[client.jobs.count - 1].endDate = day("2026-11-20")
            client.jobs[client.jobs.count - 1].endReason = JobEndReason(rawValue: "resigned")
        }
        copies.reload()
        for _ in 0..<3 { copies.state.press(.tab) }        // employer, title, start, hours
        copies.state.type("32")
        let answers = copies.run(copies.state.press(.control("s")))
        #expect(answers.count == 1)
        let job = try #require(copies.onDisk().client(ming)?.jobs.first { $0.id == before.id })
        #expect(job.hoursPerWeek == 32)
        #expect(job.endDate == day("2026-11-20"))
        #expect(job.endReason?.rawValue == "resigned")
    }

    /// A person added to an employer elsewhere stays when this copy's form, open since before,
    /// changes the list of people.
    @Test func aPersonAddedToAnEmployerMeanwhileStays() throws {
        var copies = try TwoCopies()
        let cafe = Morning.cafe.id
        copies.state.push(EmployerPage(employerID: cafe))
        copies.state.press(.character("e"))
        #expect(copies.state.topPage is FormPage)
        var theirs = try #require(copies.b.load().employers.first { $0.id == cafe })
        theirs.people.append(EmployerPerson(id: Program.id(990), name: "Hana Sato", title: "Owner", hires: true))
        try copies.b.save(theirs)
        copies.reload()
        // A person added to the list here too: the form's list changes.
        for _ in 0..<30 where copies.state.form?.focus != .addEntry("people") { copies.state.press(.tab) }
        #expect(copies.state.form?.focus == .addEntry("people"))
        copies.state.press(.enter)
        copies.state.type("Lee Park")
        let answers = copies.run(copies.state.press(.control("s")))
        #expect(answers.count == 1)
        let saved = try #require(copies.onDisk().employers.first { $0.id == cafe })
        #expect(Set(saved.people.map(\.name)) == ["Hana Sato", "Lee Park"])
    }

    /// A dismissal made while a reload is still running keeps a contact logged elsewhere.
    @Test func aDismissalWhileAReloadRunsKeepsAContactLoggedElsewhere() throws {
        var copies = try TwoCopies()
        let jose = Program.id(101)
        let logged = ClientContact(id: Program.id(991), date: day("2026-11-21"), kind: .phone, place: nil, note: "Called",
                                   createdAt: Date(timeIntervalSince1970: 1_763_700_000))
        try copies.elsewhere(client: jose) { $0.contacts.append(logged) }
        _ = copies.reloadStillRunning()
        let item = try #require(copies.state.figures.due.items.first { $0.clientID == jose })
        let context = copies.state.makeContext(Environment(now: copies.state.now, today: Program.today, newID: { Program.id(992) }))
        let request = try #require(TodayPage.dismissal(of: item, reason: "Client away", in: context))
        copies.run([.store(RequestID(900), request)])
        let saved = try #require(copies.onDisk().client(jose))
        #expect(saved.contacts.contains { $0.id == logged.id })
        #expect(saved.dueDismissals.count == 1)
    }

    /// Deleting a contact, and renaming a specialist, on stale data: the other copy's change stays.
    @Test func aDeletedContactAndARenamedSpecialistKeepWhatChangedElsewhere() throws {
        var copies = try TwoCopies()
        let jose = Program.id(101)
        let contactsBefore = try #require(copies.state.data.client(jose)?.contacts.count)
        copies.state.push(ClientPage(clientID: jose))
        try copies.elsewhere(client: jose) { $0.notes = "Prefers mornings" }
        _ = copies.reloadStillRunning()
        copies.state.press(.character("X"))
        copies.run(copies.state.press(.character("y")))
        let client = try #require(copies.onDisk().client(jose))
        #expect(client.contacts.count == contactsBefore - 1, "the newest contact was deleted")
        #expect(client.notes == "Prefers mornings")

        let context = copies.state.makeContext(copies.state.readingEnvironment)
        copies.state.push(FormPage(SpecialistForm(specialist: copies.state.data.specialist(Program.daniel.id)), in: context))
        var daniel = try #require(copies.b.load().specialist(Program.daniel.id))
        daniel.phone = "555-7000"
        try copies.b.save(daniel)
        copies.reload()
        copies.state.press(.end)
        copies.state.type(" Jr")
        copies.run(copies.state.press(.control("s")))
        let specialist = try #require(copies.onDisk().specialist(Program.daniel.id))
        #expect(specialist.name == "Daniel Whitehorse Jr")
        #expect(specialist.phone == "555-7000")
    }

    /// A visit logged while another copy logged one into the same month file: the save merges,
    /// and the header's face-to-face tally counts both at once, with no Ctrl-R.
    @Test func aMergedVisitSaveCountsTheOtherCopysVisitInTheTally() throws {
        var copies = try TwoCopies()
        let before = copies.state.figures.weekTally(of: Program.maria.id).done
        let theirs = EmployerContact(id: Program.id(995), date: Program.today, specialistID: Program.maria.id,
                                     employerID: Morning.noodles.id, purpose: .learnNeeds, method: .faceToFace,
                                     createdAt: Date(timeIntervalSince1970: 1_763_790_000))
        try copies.b.save(theirs)
        copies.state.push(EmployerPage(employerID: Morning.cafe.id))
        copies.state.press(.character("v"))
        #expect(copies.state.formPage?.purpose is EmployerContactForm)
        var effects = copies.state.press(.control("s"))
        if effects.isEmpty { effects = copies.state.press(.control("s")) }
        copies.runAll(effects)
        #expect(copies.state.message?.text.contains("Merged with a change made elsewhere") == true, "\(String(describing: copies.state.message))")
        #expect(copies.state.figures.weekTally(of: Program.maria.id).done == before + 2)
        #expect(copies.state.data.employerContacts.contains { $0.id == theirs.id })
    }
}
