import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// A morning with something due under every section: Sunday 22 Nov 2026, Maria's agenda.
enum Morning {
    static let cafe = Employer(id: Program.id(700), name: "Café Lumière", createdAt: Date(timeIntervalSince1970: 0))
    static let noodles = Employer(id: Program.id(701), name: "王記麵館", createdAt: Date(timeIntervalSince1970: 0))

    static func met(_ n: Int, _ date: String, _ kind: ClientContactKind = .faceToFace) -> ClientContact {
        ClientContact(id: Program.id(600 + n), date: day(date), kind: kind, createdAt: Date(timeIntervalSince1970: 0))
    }

    static func job(_ n: Int, _ employer: Employer, _ title: String, start: String, end: String? = nil) -> Job {
        Job(id: Program.id(900 + n), employerID: employer.id, employerName: employer.name, title: title,
            startDate: day(start), endDate: end.map(day), hoursPerWeek: 20, isCompetitive: true)
    }

    static var data: DataSnapshot {
        var data = Program.data
        data.employers = [cafe, noodles]
        // José: first month at the café, last seen 11 Nov: weekly due 18 Nov, 4 days late.
        data.clients[0].status = .working
        data.clients[0].jobs = [job(1, cafe, "Barista", start: "2026-11-09")]
        data.clients[0].contacts = [met(1, "2026-11-10"), met(2, "2026-11-11")]
        // 王小明: started on 19 Nov, not seen since: after-start due today.
        data.clients[1].jobs = [job(2, noodles, "Line cook", start: "2026-11-19")]
        data.clients[1].contacts = [met(3, "2026-11-02")]
        data.clients[1].statusHistory = [StatusChange(date: day("2026-11-19"), from: .jobSearch, to: .working)]
        // Zoë: a job starting Friday (before-start due Thursday) and new in the program.
        data.clients[2].jobs = [job(3, cafe, "Barista", start: "2026-11-27")]
        // Anna-Maria: in follow-along, last seen 30 Oct: monthly due 30 Nov.
        data.clients[3].jobs = [job(4, noodles, "Cashier", start: "2026-03-02")]
        // Jamal (Daniel's): nothing of Maria's.
        data.employerContacts = [
            EmployerContact(id: Program.id(800), date: day("2026-11-16"), specialistID: Program.maria.id, employerID: cafe.id,
                            purpose: .learnNeeds, method: .faceToFace, jobSeekerIDs: [Program.id(101)],
                            nextStep: "Drop off resume", nextStepDate: day("2026-11-20"), createdAt: Date(timeIntervalSince1970: 0)),
            EmployerContact(id: Program.id(801), date: day("2026-09-14"), specialistID: Program.daniel.id, employerID: noodles.id,
                            purpose: .presentJobSeeker, method: .faceToFace, jobSeekerIDs: [Program.id(105)],
                            createdAt: Date(timeIntervalSince1970: 0)),
        ]
        return data
    }

    static func state(size: Size = Size(rows: 24, columns: 80), data: DataSnapshot = Morning.data) -> AppState {
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id, size: size)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        return state
    }
}

extension AppState {
    var agenda: TodayPage? { tabPage(TodayPage.self) }
}

@Suite struct TodayScreenTests {
    @Test func fieldbookOpensOnTheAgenda() {
        let state = Morning.state()
        #expect(state.tab == 0 && state.pages.isEmpty)
        #expect(state.screen().tabRow.hasPrefix(" [1 Today]  2 Caseload"))
    }

    @Test func agendaAt80x24() {
        let screen = Morning.state().screen()
        let expected = [
            " Fieldbook · IPS Supp…  F2F 1 · no job seekers · Maria Okafor · Sun 22 Nov 2026",
            " [1 Today]  2 Caseload   3 Employers   4 Reports",
            " Maria Okafor · Sun 22 Nov 2026 · 2 overdue · 1 today · 1 in 7 days         1/6",
            " Employer contacts F2F 1 · no job seekers · Job starts ahead: 1, next 27 Nov Z…",
            " Overdue (2)                                                       Due     Late",
            "▸ José Álvarez-Ruiz     Weekly check-in, job at Café Lum…       18 Nov   4 days",
            "  Café Lumière          Next step: Drop off resume (afte…       20 Nov   2 days",
            " Today (1)",
            "  王小明                Contact after the start, job at…        22 Nov",
            " Next 7 days (1)",
            "  Zoë Fernández         Contact before the start, job at…       26 Nov",
            " Later, within 30 days (2)",
            "  Anna-Maria Kowalska…  Monthly check-in, job at 王記麵…        30 Nov",
            "  Zoë Fernández         First face-to-face employer cont…        1 Dec",
        ] + Array(repeating: "", count: 9) + [" Enter open  l log  d dismiss  f specialist  v log visit  q quit  ? more keys"]
        #expect(screen.lines == expected, "\n\(dump(screen))")
        // Wide characters take two cells each; the columns after them stay aligned.
        #expect(screen[8, 2].text == "王" && screen[8, 3].isContinuation)
        #expect(screen[8, 64].text == "2" && screen[5, 64].text == "1")
    }

    @Test func aTinyTerminalSaysSo() {
        let state = Morning.state()
        for size in [Size(rows: 23, columns: 80), Size(rows: 24, columns: 60), Size(rows: 2, columns: 5)] {
            let screen = state.screen(size)
            #expect(screen.lines.count == size.rows)
            if size.rows >= 3 && size.columns >= 40 { #expect(screen.text.contains("Make the window larger")) }
        }
    }

    @Test func aLoggedContactMovesTheRowOnAtOnce() {
        var state = Morning.state()
        state.press(.down, .down)
        #expect(state.agenda?.selectedItem?.kind == .afterStart)
        state.press(.character("l"))
        #expect(state.form?.field("kind")?.value == ClientContactKind.faceToFace.rawValue)
        #expect(state.form?.field("date")?.text == "today")
        state.press(.tab, .tab, .tab)
        state.type("Met at the noodle bar")
        guard let saved = savedClient(state.press(.control("s"))) else {
            Issue.record("no save: \(dump(state.screen()))")
            return
        }
        #expect(saved.id == Program.id(102))
        #expect(saved.contacts.last?.date == Program.today && saved.contacts.last?.kind == .faceToFace)
        let builds = state.agenda?.builds ?? 0
        state.answer(.saved(.client(saved)))
        #expect(state.pages.isEmpty)
        #expect(state.agenda?.builds == builds + 1, "rebuilt once for the data change")
        let items = state.agenda?.items ?? []
        #expect(!items.contains { $0.clientID == Program.id(102) && $0.kind == .afterStart })
        #expect(items.contains { $0.clientID == Program.id(102) && $0.kind == .weekly && $0.dueOn == day("2026-11-29") })
        let lines = state.screen().lines
        #expect(!lines.contains { $0.contains("Today (") }, "\(dump(state.screen()))")
        #expect(lines.contains { $0.hasPrefix("  王小明") && $0.hasSuffix("29 Nov") }, "\(dump(state.screen()))")
        // Moving about does not rebuild the rows.
        state.press(.down, .up, .down)
        #expect(state.agenda?.builds == builds + 1)
    }

    @Test func anEmployerRowGoesThroughTheVisitHook() {
        var state = Morning.state()
        state.press(.down, .character("l"))
        #expect(state.agenda?.selectedItem?.kind == .employerNextStep)
        // The visit form opens with the employer of the next step on it.
        #expect(state.formPage?.purpose is EmployerContactForm)
        #expect(state.screen().text.contains("Café Lumière"), "\(dump(state.screen()))")
    }

    /// Enter on an employer's next step opens the visit that follows it up: its purpose is a
    /// follow-up and the heading says which step; help says what Enter does there.
    @Test func enterOnAnEmployersNextStepLogsTheFollowUp() {
        var state = Morning.state()
        state.press(.down)
        let why = state.agenda?.selectedItem?.why ?? ""
        #expect(state.agenda?.selectedItem?.kind == .employerNextStep)
        state.press(.enter)
        #expect(state.form?.field("purpose")?.value == EmployerContactPurpose.followUp.rawValue)
        let step = String(why.dropFirst("next step: ".count))
        #expect(state.screen().body[0].hasPrefix(" Follow up: " + step.prefix(20)), "\(dump(state.screen()))")
        #expect(KeyMap.bindings.contains { $0.context == .today && $0.keys == [.enter] && $0.help.contains("next step") })
    }

    @Test func enterOpensTheClient() {
        var state = Morning.state()
        state.press(.enter)
        #expect((state.topPage as? ClientPage)?.clientID == Program.id(101))
    }

    /// An inactive client's item leaves the agenda once 30 days overdue; their page still lists it.
    @Test func anInactiveClientsLongOverdueItemLeavesTheAgenda() {
        var data = Morning.data
        // Robert: inactive, a job lost on 1 Oct, never contacted since: 50 days overdue.
        data.clients[5].status = .inactive
        data.clients[5].jobs = [Morning.job(6, Morning.cafe, "Cook", start: "2026-03-01", end: "2026-10-01")]
        let state = Morning.state(data: data)
        #expect(state.figures.due.items.contains { $0.clientID == Program.id(106) && $0.daysOverdue >= 30 })
        #expect(state.agenda?.items.contains { $0.clientID == Program.id(106) } == false)
        var active = data
        active.clients[5].status = .followAlong
        #expect(Morning.state(data: active).agenda?.items.contains { $0.clientID == Program.id(106) } == true)
    }

    /// A phone contact logged from a follow-along row meets no due date by default: the
    /// specialist is told so at once, not left to find the row still due.
    @Test func aPhoneContactLoggedFromARowSaysItMeetsNoDueDate() throws {
        var state = Morning.state()
        #expect(state.agenda?.selectedItem?.kind.isClientContact == true)
        state.press(.character("l"))
        state.press(.tab)
        state.press(.character(" "))                 // Kind: the next option after face-to-face, phone
        #expect(state.form?.field("kind")?.value == ClientContactKind.phone.rawValue)
        let client = try #require(savedClient(state.press(.control("s"))))
        state.answer(.saved(.client(client)))
        #expect(state.message?.kind == .warning)
        #expect(state.message?.text.hasPrefix("Contact logged. A phone contact meets no follow-along due date") == true,
                "\(String(describing: state.message))")
    }

    @Test func aRowIsDismissedWithAReason() throws {
        var state = Morning.state()
        state.press(.character("d"))
        #expect(state.screen().lines[21].hasPrefix(" Dismiss because:"), "\(dump(state.screen()))")
        // No reason, no dismissal.
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.kind == .warning)
        state.type("In hospital this week")
        guard let saved = savedClient(state.press(.enter)) else {
            Issue.record("no save")
            return
        }
        let dismissal = try #require(saved.dueDismissals.first)
        #expect(dismissal.reason == "In hospital this week" && dismissal.kind == .weekly && dismissal.dueOn == day("2026-11-18"))
        #expect(dismissal.jobID == Program.id(901) && dismissal.dismissedOn == Program.today && dismissal.specialistID == Program.maria.id)
        state.answer(.saved(.client(saved)))
        #expect(state.agenda?.items.contains { $0.clientID == Program.id(101) && $0.kind == .weekly } == false)
        #expect(state.figures.due.dismissed.map(\.dismissal.reason) == ["In hospital this week"])
        #expect(state.message?.text.hasPrefix("Dismissed") == true)
    }

    @Test func escapeKeepsTheRowAndAnEmployerStepIsDismissedOnTheEmployer() throws {
        var state = Morning.state()
        state.press(.character("d"))
        state.type("x")
        #expect(state.press(.escape).isEmpty)
        #expect(state.agenda?.reason == nil && state.agenda?.items.count == 6)
        state.press(.down, .character("d"))
        state.type("Manager away until January")
        let effects = state.press(.enter)
        guard case .store(_, .saveEmployer(let employer))? = effects.first else {
            Issue.record("no employer save: \(effects)")
            return
        }
        #expect(employer.id == Morning.cafe.id)
        #expect(employer.dueDismissals.first?.employerContactID == Program.id(800))
        state.answer(.saved(.employer(employer)))
        #expect(state.agenda?.items.contains { $0.kind == .employerNextStep } == false)
    }

    @Test func theSpecialistFilterCycles() {
        var state = Morning.state()
        #expect(state.agenda?.specialistFilter == Program.maria.id)
        state.press(.character("f"))
        #expect(state.agenda?.specialistFilter == nil)
        #expect(state.screen().lines[2].hasPrefix(" Everyone"))
        #expect(state.agenda?.items.count == 6)
        state.press(.character("f"))
        #expect(state.agenda?.specialistFilter == Program.daniel.id)
        #expect(state.screen().lines[2].hasPrefix(" Daniel Whitehorse"))
        #expect(state.screen().text.contains("Nothing due for this specialist"))
        state.press(.character("f"))
        #expect(state.agenda?.specialistFilter == Program.maria.id)
    }
}

@Suite struct FollowAlongOnOtherScreensTests {
    @Test func theCaseloadSortsByNextDue() {
        var state = Morning.state()
        state.press(.character("2"))
        for _ in 0..<5 { state.press(.character("s")) }
        #expect(state.message?.text == "Sorted by next due.")
        guard let caseload = state.tabPage(CaseloadPage.self) else {
            Issue.record("no caseload")
            return
        }
        let names = caseload.rows.compactMap { if case .client(let c) = $0 { c.name } else { nil } }
        #expect(names == ["José Álvarez-Ruiz", "王小明", "Zoë Fernández", "Anna-Maria Kowalska-Wiśniewska-Montgomery-Smythe"])
        let lines = state.screen().lines
        #expect(lines[3].hasSuffix("Next due ▲"), "\(dump(state.screen()))")
        #expect(lines[4].hasSuffix("18 Nov"), "\(dump(state.screen()))")
        state.press(.character("r"))
        let reversed = state.tabPage(CaseloadPage.self)?.rows.compactMap { if case .client(let c) = $0 { c.name } else { nil } }
        #expect(reversed?.first == "Anna-Maria Kowalska-Wiśniewska-Montgomery-Smythe")
    }

    @Test func theClientPageListsDueItemsAndStatusHistory() {
        var state = Morning.state()
        state.push(ClientPage(clientID: Program.id(102)))
        let text = ClientPage.lines(Morning.data.clients[1], context: state.context, width: 78)
            .map { $0.map(\.text).joined() }
        #expect(text.contains("  2026-11-22  After start · today"), "\(text)")
        #expect(text.contains("  2026-11-19  Job search → Working"), "\(text)")
        let screen = state.screen()
        #expect(screen.bodyLine(containing: "── Due") != nil, "\(dump(screen))")
    }

    @Test func aClientWorkingWithNoJobIsPointedOut() {
        var data = Morning.data
        data.clients[1].jobs = []
        var state = Morning.state(data: data)
        state.push(ClientPage(clientID: Program.id(102)))
        #expect(state.screen().bodyLine(containing: "Marked working, but no job is held today") != nil, "\(dump(state.screen()))")
        var held = Morning.state()
        held.push(ClientPage(clientID: Program.id(102)))
        #expect(!held.screen().text.contains("Marked working"))
    }
}

extension AppState {
    /// Opens `page` over the tabs, as a page would.
    mutating func push(_ page: any Page) { App.open(page, &self) }

    var context: PageContext { makeContext(readingEnvironment) }
}
