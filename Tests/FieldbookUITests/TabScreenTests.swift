import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

extension Program {
    static let cafe = Employer(id: id(700), name: "Café Lumière", businessType: "Café", createdAt: Date(timeIntervalSince1970: 0))
    static let noodles = Employer(id: id(701), name: "王記麵館", businessType: "飲食店 restaurant", createdAt: Date(timeIntervalSince1970: 0))
    static let hardware = Employer(id: id(702), name: "Northside Hardware", createdAt: Date(timeIntervalSince1970: 0))

    static func visit(_ n: Int, _ date: String, _ employer: Employer, _ method: EmployerContactMethod = .faceToFace) -> EmployerContact {
        EmployerContact(id: id(800 + n), date: day(date), specialistID: maria.id, employerID: employer.id,
                        purpose: .learnNeeds, method: method, createdAt: Date(timeIntervalSince1970: 0))
    }

    /// The small program with employers, visits this week and a job about to start.
    static var fullData: DataSnapshot {
        var data = Program.data
        data.employers = [cafe, noodles, hardware]
        data.employerContacts = [
            visit(1, "2026-11-17", cafe), visit(2, "2026-11-18", noodles), visit(3, "2026-11-19", cafe, .phone),
            visit(4, "2026-06-01", hardware),
        ]
        data.clients[2].jobs = [Job(id: id(900), employerID: cafe.id, employerName: cafe.name, title: "Barista", startDate: day("2026-11-27"))]
        data.clients[0].contacts.append(ClientContact(id: id(901), date: today, kind: .phone, createdAt: Date(timeIntervalSince1970: 0)))
        return data
    }

    static func fullState(tab: Character) -> AppState {
        var state = AppState(data: fullData, today: today, userSpecialistID: maria.id)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.workOutReports(state.press(.character(tab)))
        return state
    }
}

@Suite struct TabScreenTests {
    @Test func todayAt80x24() {
        let screen = Program.fullState(tab: "1").screen()
        let expected = [
            " Fieldbook · IPS Supported Employment  F2F 2/2 · Maria Okafor · Sun 22 Nov 2026",
            " [1 Today]  2 Caseload   3 Employers   4 Reports",
            " Maria Okafor · Sun 22 Nov 2026 · 3 overdue · 0 today · 1 in 7 days         1/5",
            " Employer contacts F2F 2/2 · Job starts ahead: 1, next 27 Nov Zoë Fernández",
            " Overdue (3)                                                       Due     Late",
            "▸ 王小明                First face-to-face employer cont…  12 Jun 2025     528d",
            "  Anna-Maria Kowalska…  First face-to-face employer cont…  13 Sep 2025     435d",
            "  José Álvarez-Ruiz     First face-to-face employer cont…        7 Jul     138d",
            " Next 7 days (1)",
            "  Zoë Fernández         Contact before the start, job at…       26 Nov",
            " Later, within 30 days (1)",
            "  Zoë Fernández         First face-to-face employer cont…        1 Dec",
        ] + Array(repeating: "", count: 11) + [" Enter open  l log  d dismiss  f specialist  v log visit  q quit  ? more keys"]
        #expect(screen.lines == expected, "\n\(dump(screen))")
    }

    @Test func employersAt80x24() {
        let screen = Program.fullState(tab: "3").screen()
        let expected = [
            " Fieldbook · IPS Supported Employment  F2F 2/2 · Maria Okafor · Sun 22 Nov 2026",
            "  1 Today   2 Caseload  [3 Employers]  4 Reports",
            " 3 employers · 4 contacts · by name                                         1/3",
            " Employer ▲                        Type of business    Visits 90d  Last visit",
            "▸Café Lumière                      Café                         1  2026-11-17",
            " Northside Hardware                —                            0  2026-06-01",
            " 王記麵館                          飲食店 restaurant            1  2026-11-18",
        ] + Array(repeating: "", count: 16) + [" Enter open  v log visit  / search  n new  e edit  s sort  ? more keys"]
        #expect(screen.lines == expected, "\n\(dump(screen))")
    }

    /// A review not fully scored shows no band, and the change since the last review names
    /// the items that moved and those scored for the first time.
    @Test func theLatestFidelityReviewAndItsChangeShowAtTheEndOfReports() {
        var data = Program.data
        func review(_ text: String, _ scores: [Int: Int]) -> FidelityReview {
            FidelityReview(date: day(text), scores: (1...25).map { FidelityReview.Score(item: $0, score: scores[$0]) },
                           createdAt: Date(timeIntervalSince1970: 0))
        }
        data.fidelityReviews = [review("2026-11-20", [1: 4, 2: 4]), review("2026-11-01", [1: 5])]
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id, size: Size(rows: 24, columns: 80))
        state.workOutReports(state.press(.character("4")))
        state.press(.character("G"))
        let lines = state.screen().lines
        let at = lines.firstIndex { $0.hasPrefix(" Fidelity self-review") }
        #expect(at.map { lines[$0] } == " Fidelity self-review  2026-11-20: 8 of 125 so far (2 of 25 items scored)", "\n\(lines.joined(separator: "\n"))")
        #expect(at.map { lines[$0 + 1] } == "   +3 since 2026-11-01 (5 of 125)")
        #expect(at.map { lines[$0 + 2] } == "   Staffing: 8  changed: 1 -1, 2 new")
        #expect(!lines.joined().contains("not supported employment"))
    }

    /// Every report of the period is worked out when the tab is shown, once per change of the
    /// data: a change while the tab is hidden waits until it is shown again.
    @Test func theReportsAreWorkedOutWhenTheTabIsShown() {
        var state = Program.state()
        #expect(state.tabPage(ReportsPage.self)?.board == nil)
        state.workOutReports(state.press(.character("4")))
        #expect(state.tabPage(ReportsPage.self)?.board?.employmentRate.served == 5)
        #expect(state.press(.character("1")).isEmpty)
        let review = FidelityReview(date: Program.today, scores: [FidelityReview.Score(item: 1, score: 5)],
                                    createdAt: Date(timeIntervalSince1970: 0))
        #expect(App.update(&state, .finished(RequestID(999), .saved(.fidelityReview(review)))).isEmpty, "hidden: nothing asked for")
        #expect(state.tabPage(ReportsPage.self)?.board?.latestReview == nil, "hidden: not worked out again yet")
        state.workOutReports(state.press(.character("4")))
        #expect(state.tabPage(ReportsPage.self)?.board?.latestReview == review)
        state.press(.character("G"))
        #expect(state.screen().text.contains("Fidelity self-review  \(Program.today): 5 of 125 so far"), "\(state.screen().text)")
    }

    /// Left and right move through the quarters up to the one running today, no further; p
    /// switches to months.
    @Test func periodsMoveBackAndStopAtTheCurrentOne() {
        var state = Program.state()
        state.press(.character("4"), .left)
        #expect(state.screen().lines[3].hasPrefix(" Reports · 2026 Q3 (July to September)"))
        state.press(.right, .right)
        #expect(state.screen().lines[3].hasPrefix(" Reports · 2026 Q4 (October to December)  (to date)"))
        #expect(state.screen().text.contains("No later period yet: 2026 Q4 (October to December) is running."))
        state.press(.character("p"))
        #expect(state.screen().lines[3].hasPrefix(" Reports · November 2026  (to date)"), "\(state.screen().lines[3])")
    }

    @Test func reportsAt80x24() {
        let screen = Program.fullState(tab: "4").screen()
        let expected = [
            " Fieldbook · IPS Supported Employment  F2F 2/2 · Maria Okafor · Sun 22 Nov 2026",
            "  1 Today   2 Caseload   3 Employers  [4 Reports]",
            "",
            " Reports · 2026 Q4 (October to December)  (to date)",
            "",
            " Employment rate  0 of 5 served worked: 0 %  benchmarks 31/41/50 %",
            "   IPS Grow (UK), out of work at entry: 0 of 5: 0 %  benchmark 40 %",
            "   Daniel Whitehorse     0/1  0 %",
            "   Maria Okafor          0/4  0 %",
            " Quarterly employment rate",
            "   2026Q1                                          0 % (0/2)",
            "   2026Q2                                          0 % (0/3)",
            "   2026Q3                                          0 % (0/4)",
            "   2026Q4                                          0 % (0/5)",
            "",
            " Face-to-face employer contacts  2, 0 % repeat visits",
            "   Daniel Whitehorse     0/15  0.0 a week  weeks met 0/7 ⚠ below target",
            "   Maria Okafor          2/15  0.3 a week  weeks met 1/7 ⚠ below target",
            " Team, week by week (against the target)",
            "   W40                     │                    0/2",
            "   W41                                          0/4",
            " ↓ more (18 lines): j or PgDn",
            "",
            " ← earlier  → later  p month/quarter  f fidelity  w weeks  q quit  ? more keys",
        ]
        #expect(screen.lines == expected, "\n\(dump(screen))")
    }

    @Test func theWideEmployerNameKeepsColumnsAligned() {
        let screen = Program.fullState(tab: "3").screen()
        #expect(screen[6, 1].text == "王" && screen[6, 2].isContinuation)
        #expect(screen[4, 35].text == "C" && screen[6, 35].text == "飲")
    }

    @Test func everyScreenAtATinyTerminalSaysSo() {
        var states: [(String, AppState)] = []
        for tab in "1234" { states.append(("tab \(tab)", Program.fullState(tab: tab))) }
        var client = Program.fullState(tab: "2")
        client.press(.down, .enter)
        states.append(("client", client))
        var form = client
        form.press(.character("n"))
        states.append(("contact form", form))
        var clientForm = Program.fullState(tab: "2")
        clientForm.press(.character("n"))
        states.append(("client form", clientForm))
        var help = client
        help.press(.function(1))
        states.append(("help", help))
        for (name, state) in states {
            for size in [Size(rows: 23, columns: 80), Size(rows: 24, columns: 79), Size(rows: 3, columns: 10), Size(rows: 0, columns: 0)] {
                let screen = state.screen(size)
                #expect(screen.lines.count == size.rows, "\(name) at \(size)")
                if size.rows >= 3 && size.columns >= 40 {
                    #expect(screen.text.contains("Make the window larger"), "\(name) at \(size)")
                }
            }
        }
    }
}
