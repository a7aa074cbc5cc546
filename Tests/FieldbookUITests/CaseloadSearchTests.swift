import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The caseload's search looks beyond names (phone, email, employer, job title) and, with Tab,
/// beyond one's own active caseload; `/` on Today starts it.
@Suite struct CaseloadSearchTests {
    static func names(_ state: AppState) -> [String] {
        (state.tabPage(CaseloadPage.self)?.rows ?? CaseloadRows()).compactMap { if case .client(let c) = $0 { c.name } else { nil } }
    }

    @Test func aPhoneNumberFindsItsClientAsTypedOrAsDigits() {
        var state = Program.state()
        state.press(.character("/"))
        state.type("555-011")
        #expect(Self.names(state) == ["José Álvarez-Ruiz"])
        state.press(.control("u"))
        state.type("555011")
        #expect(Self.names(state) == ["José Álvarez-Ruiz"])
    }

    @Test func tabSearchesEverySpecialistsClientsClosedOnesTooAndEscEndsIt() {
        var state = Program.state()
        state.press(.character("/"))
        state.type("w")
        // Maria's active caseload: nobody's name, phone or job holds a "w" but Anna-Maria's.
        #expect(Self.names(state) == ["Anna-Maria Kowalska-Wiśniewska-Montgomery-Smythe"])
        state.press(.tab)
        #expect(Self.names(state).sorted() == ["Anna-Maria Kowalska-Wiśniewska-Montgomery-Smythe", "Jamal Washington", "Robert Whitfield"])
        let screen = state.screen()
        #expect(screen.lines[2].contains("3 found among everyone's clients"), "\(dump(screen))")
        state.press(.enter)
        #expect(state.screen().lines[2].contains("· search of every"), "\(dump(state.screen()))")
        state.press(.escape)
        // The list's own filters again: Maria's active clients.
        #expect(state.tabPage(CaseloadPage.self)?.query.searchesEveryone == false)
        #expect(Self.names(state).count == 4)
    }

    @Test func anEmployerOrAJobTitleFindsTheClientWhoWorksThere() {
        var state = Program.state()
        var zoe = Program.data.clients[2]
        zoe.jobs = [Job(employerName: "Riverside Hardware", title: "Stock clerk", startDate: day("2026-11-27"))]
        // Saved from elsewhere in the app: the search index follows the save.
        App.update(&state, .finished(RequestID(900), .saved(.client(zoe))))
        state.press(.character("/"))
        state.type("riverside")
        #expect(Self.names(state) == ["Zoë Fernández"])
        state.press(.control("u"))
        state.type("stock clerk")
        #expect(Self.names(state) == ["Zoë Fernández"])
        state.press(.control("u"))
        state.type("clerk hardware")
        #expect(Self.names(state) == ["Zoë Fernández"])
    }

    @Test func aNewSearchReplacesTheOneKept() {
        var state = Program.state()
        state.press(.character("/"))
        state.type("jose")
        state.press(.enter, .character("/"))
        state.type("zoe")
        #expect(state.tabPage(CaseloadPage.self)?.query.text == "zoe")
        #expect(Self.names(state) == ["Zoë Fernández"])
        // → keeps the old one to add to it.
        state.press(.enter, .character("/"), .right)
        state.type(" f")
        #expect(state.tabPage(CaseloadPage.self)?.query.text == "zoe f")
    }

    @Test func slashOnTodayOpensTheCaseloadsSearch() {
        var state = Program.state()
        state.press(.character("1"))
        #expect(state.tab == 0)
        state.press(.character("/"))
        #expect(state.tab == 1)
        #expect(state.tabPage(CaseloadPage.self)?.isSearching == true)
        state.type("jose")
        let screen = state.screen()
        #expect(screen.lines[2].hasPrefix(" Search: jose   1 found"), "\(dump(screen))")
        #expect(screen.keyLine.contains("Tab everyone"))
    }

    @Test func theSearchSaysWhereItLooks() {
        let help = HelpPage.lines(width: 200).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(help.contains("names, phone, email, employer or job title"))
        #expect(help.contains("Find a client: the caseload's search"))
    }

    /// Every specialist's caseload is named above the list while the names fit; an agency's
    /// do not, and the line counts them instead, so the status filter and the search stay in
    /// sight (a line cut at the screen's edge hid both).
    @Test func theLineAboveTheListCountsCaseloadsWhenTheirNamesDoNotFit() {
        var state = Program.state(size: Size(rows: 24, columns: 100), user: nil)
        state.press(.character("/"))
        state.type("an")
        state.press(.enter)
        var line = state.screen().lines[2]
        #expect(line.contains("Active caseloads: ") && line.contains("Maria") && line.contains("search \"an\""), "\(dump(state.screen()))")

        var data = Program.data
        for number in 1...12 {
            let specialist = Specialist(name: "Specialist Number\(number) Longname")
            data.specialists.append(specialist)
            data.clients.append(Program.client(60 + number, "Client of \(number)", .jobSearch, specialist, entry: "2026-09-01"))
        }
        // A limit of one client: the three with more are over it.
        data.settings.caseloadLimit = 1
        let over = data.specialists.filter { specialist in
            data.clients.filter { $0.specialistID == specialist.id && $0.status.isActive }.count > 1
        }.count
        var agency = AppState(data: data, today: Program.today, userSpecialistID: nil, size: Size(rows: 24, columns: 100))
        App.update(&agency, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        agency.press(.character("2"))
        agency.press(.character("/"))
        agency.type("an")
        agency.press(.enter)
        line = agency.screen().lines[2]
        let named = data.specialists.filter(\.isActive).count
        #expect(over > 0)
        #expect(line.contains("Active caseloads: \(named) caseloads, \(over) ⚠ OVER LIMIT · showing active · search \"an\""),
                "\(dump(agency.screen()))")
        #expect(!line.contains("Number1 "))
    }
}
