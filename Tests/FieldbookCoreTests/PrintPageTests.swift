import FieldbookCore
import Foundation
import Testing

/// The printable pages read as HTML text: what each shows, the paper, and escaping.
@Suite struct PrintPageTests {
    static let day1 = instant(1_772_359_200) // 2026-03-01T10:00:00Z
    static let day20 = instant(1_774_000_800) // 2026-03-20T10:00:00Z
    static let today = date("2026-11-21")
    static let hostile = "<script>alert('x')</script> Bo & \"Jo\" \u{1B}[2J\u{202E}evil\u{07}"

    /// A client on Maria's caseload, working since 2026-11-02 and starting a second job on
    /// 2026-12-14, with one employer contact made
    /// on their behalf and a profile answered in two meetings.
    func fixture(name: String = "José Álvarez-Ruiz") throws -> (DataSnapshot, Client, CareerProfile, TemporaryFolder) {
        var client = Sample.client(name: name)
        client.status = .working
        client.jobs.append(Job(employerID: Sample.employer.id, employerName: Sample.employer.name, title: "Dishwasher",
                               startDate: date("2026-11-02"), hoursPerWeek: 12.5))
        // A second job ahead: its contact before the start is due too, after the first job's.
        client.jobs.append(Job(employerName: "Mill Street Bakery", title: "Baker", startDate: date("2026-12-14")))
        let other = Client(name: "Zoë Lindqvist", programEntryDate: date("2026-10-01"), specialistID: UUID(), status: .engaging,
                           createdAt: instant(1_749_000_000))
        var closed = Sample.client(name: "Closed Person")
        closed.status = .closed
        let lena = Specialist(name: "Lena Fischer", createdAt: instant(1_700_000_000))
        var lenas = Client(name: "Lena's Client", programEntryDate: date("2026-10-01"), specialistID: lena.id, status: .jobSearch,
                           createdAt: instant(1_749_000_000))
        lenas.contacts = []
        let snapshot = DataSnapshot(
            specialists: [Sample.specialist, lena], clients: [client, other, closed, lenas], employers: [Sample.employer],
            employerContacts: [Sample.employerContact(on: "2026-10-20", seekers: [client.id])])
        let folder = TemporaryFolder()
        let store = CareerProfileStore(store: try Store(folder: folder.url))
        let definition = DefaultCareerProfile.definition
        var first = store.startSession(for: client.id, definition: definition, at: Self.day1)
        _ = try store.append(.text("Cook"), to: "job-goal", in: definition, by: Sample.specialist.id, source: .client, at: Self.day1, session: &first)
        _ = try store.append(.text("Fixing bikes\nand 2012-06-01 is when I started"), to: "good-at", in: definition, by: nil,
                             source: .client, at: Self.day1, session: &first)
        var second = store.startSession(for: client.id, definition: definition, at: Self.day20)
        _ = try store.append(.text("Baker"), to: "job-goal", in: definition, by: nil, source: .team, at: Self.day20, session: &second)
        let profile = CareerProfileStore(folder: folder.url, mode: .readOnly).profile(of: client.id).profile
        return (snapshot, client, profile, folder)
    }

    func profilePage(history: Bool = false, asOf: LocalDate = today, paper: Paper = .letter) throws -> String {
        let (snapshot, client, profile, _) = try fixture()
        return ProfilePage.render(profile, of: client, definition: DefaultCareerProfile.definition, specialists: snapshot.specialists,
                                  options: .init(paper: paper, history: history, asOf: asOf, printedOn: Self.today))
    }

    @Test func escapingEveryCharacterThatMeansSomething() {
        #expect(HTMLText.escape(Self.hostile)
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Bo &amp; &quot;Jo&quot; ^[[2J&lt;U+202E&gt;evil^G")
        #expect(HTMLText.escape("Line one\r\nline two") == "Line one\nline two")
        #expect(HTMLText.escape("plain text") == "plain text")
    }

    @Test func aHostileNameIsEscapedOnEveryPage() throws {
        let (snapshot, client, profile, _) = try fixture(name: Self.hostile)
        let definition = DefaultCareerProfile.definition
        let pages = [
            ProfilePage.render(profile, of: client, definition: definition, specialists: snapshot.specialists,
                               options: .init(asOf: Self.today, printedOn: Self.today)),
            ClientSummaryPage.render(client, in: snapshot, profile: profile, definition: definition,
                                     options: .init(asOf: Self.today, printedOn: Self.today)),
            CaseloadSheet.render(snapshot, options: .init(asOf: Self.today, printedOn: Self.today)),
        ]
        for html in pages {
            #expect(!html.contains("<script"), "\(html.prefix(600))")
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Bo &amp; &quot;Jo&quot; ^[[2J&lt;U+202E&gt;evil^G"))
            #expect(!html.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0.value == 0x202E })
        }
    }

    @Test func pagesAreSelfContainedWithAPrintStyle() throws {
        let (snapshot, client, profile, _) = try fixture()
        let definition = DefaultCareerProfile.definition
        for paper in Paper.allCases {
            let pages = [
                ProfilePage.render(profile, of: client, definition: definition, specialists: snapshot.specialists,
                                   options: .init(paper: paper, asOf: Self.today, printedOn: Self.today)),
                ClientSummaryPage.render(client, in: snapshot, profile: profile, definition: definition,
                                         options: .init(paper: paper, asOf: Self.today, printedOn: Self.today)),
                CaseloadSheet.render(snapshot, options: .init(paper: paper, asOf: Self.today, printedOn: Self.today)),
            ]
            for html in pages {
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
                #expect(html.contains("<meta charset=\"utf-8\">"))
                #expect(html.contains("@page { size: \(paper == .letter ? "letter; margin: 0.6in" : "A4; margin: 15mm"); }"))
                #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
                for outside in ["<script", "<link", "<img", "src=", "href=", "url(", "@import", "http:", "https:"] {
                    #expect(!html.contains(outside), "\(outside) in a \(paper) page")
                }
                #expect(html.contains("Printed on 2026-11-21, as of 2026-11-21"))
            }
        }
    }

    @Test func thePaperFollowsTheLocale() {
        #expect(Paper.forLocale("en_US.UTF-8") == .letter)
        #expect(Paper.forLocale("fr_CA.UTF-8") == .letter)
        #expect(Paper.forLocale("en_GB.UTF-8") == .a4)
        #expect(Paper.forLocale("de_DE@euro") == .a4)
        #expect(Paper.forLocale("C.UTF-8") == .letter)
        #expect(Paper.forLocale("POSIX") == .letter)
        #expect(Paper.forLocale(nil) == .letter)
        #expect(Paper.forEnvironment(["LANG": "en_US.UTF-8", "LC_PAPER": "nl_NL.UTF-8"]) == .a4)
        #expect(Paper.forEnvironment(["LANG": "nl_NL.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .letter)
        #expect(Paper.forEnvironment(["LC_ALL": "", "LANG": "en_AU.UTF-8"]) == .a4)
    }

    @Test func theProfileShowsAnsweredQuestionsAndFoldsTheRestPerSection() throws {
        let html = try profilePage()
        let definition = DefaultCareerProfile.definition
        for section in definition.sections { #expect(html.contains("<h2>\(HTMLText.escape(section.title))"), "\(section.title)") }
        #expect(html.contains("<div class=\"q\">What job would you like to have?</div>") || html.contains("Baker"))
        #expect(html.contains("<div class=\"a\">Baker</div>"))
        #expect(html.contains("<div class=\"a\">Fixing bikes\nand 2012-06-01 is when I started</div>"))
        // One line of unanswered questions per section, never one per question.
        let folded = html.components(separatedBy: "<p class=\"none\">Not answered: ").count - 1
        #expect(folded == definition.sections.count, "\(folded)")
        let transportation = try #require(definition.sections.first { $0.id == "transportation" })
        let shown = transportation.questions.filter { definition.isShown($0, given: ProfileAnswers()) }.count
        #expect(html.contains("Not answered: \(shown) questions"))
        #expect(!html.contains("Earlier:"))
    }

    @Test func historyOnRequestShowsEarlierAnswers() throws {
        let html = try profilePage(history: true)
        #expect(html.contains("<div class=\"earlier\">Earlier: Cook (Client, 2026-03-01, Maria Okafor)</div>"), "\(html)")
        let before = try profilePage(history: true, asOf: date("2026-03-19"))
        #expect(before.contains("<div class=\"a\">Cook</div>"))
        #expect(!before.contains("Baker"))
        #expect(!before.contains("Earlier:"), "an answer given after the day is not history yet")
        #expect(before.contains("as of 2026-03-19"))
    }

    @Test func theClientSummaryHasWhatTheTeamNeeds() throws {
        let (snapshot, client, profile, _) = try fixture()
        let html = ClientSummaryPage.render(client, in: snapshot, profile: profile, definition: DefaultCareerProfile.definition,
                                            options: .init(asOf: Self.today, printedOn: Self.today))
        #expect(html.contains("Status: Working"))
        #expect(html.contains("Specialist: Maria Okafor"))
        #expect(html.contains("<td>Bean There Café</td><td>Dishwasher</td><td class=\"nowrap\">2026-11-02</td><td>12.5</td>"), "\(html)")
        #expect(html.contains("Barista at Bean There Café, 2026-09-01 to 2026-10-15 (resigned)"))
        // Next due: the due list's own first item for the client.
        let due = DueList(snapshot: snapshot, asOf: Self.today).items(forClient: client.id)
        #expect(due.count >= 2, "the fixture has items in an order to keep")
        let next = try #require(due.first)
        let table = try #require(html.components(separatedBy: "<h2>Next due</h2>").last?.components(separatedBy: "</table>").first)
        let firstRow = try #require(table.components(separatedBy: "<tbody>\n").last?.split(separator: "\n").first)
        #expect(firstRow == "<tr><td class=\"nowrap\">\(next.dueOn)</td><td>\(ClientSummaryPageText.status(next))</td><td>\(next.kind.label)</td><td>\(next.why)</td></tr>", "\(table)")
        #expect(html.contains("<td>Bean There Café</td><td>1 (1 face to face)</td><td class=\"nowrap\">2026-10-20</td>"))
        #expect(html.contains("<b>Job goal:</b> Baker"))
        #expect(html.contains("<b>What are you good at?</b> Fixing bikes and 2012-06-01 is when I started"))
        #expect(html.contains("<b>Last contact:</b> 2026-11-20, face-to-face"))
    }

    @Test func theJobHeldIsTheOneHeldOnTheDay() throws {
        let (snapshot, client, profile, _) = try fixture()
        // The day before the job starts, it is not yet held; the day it starts, it is.
        let before = ClientSummaryPage.render(client, in: snapshot, profile: profile, definition: DefaultCareerProfile.definition,
                                              options: .init(asOf: date("2026-11-01"), printedOn: Self.today))
        #expect(before.contains("No job held on 2026-11-01."))
        let first = ClientSummaryPage.render(client, in: snapshot, profile: profile, definition: DefaultCareerProfile.definition,
                                             options: .init(asOf: date("2026-11-02"), printedOn: Self.today))
        #expect(first.contains("<td>Dishwasher</td>"))
        #expect(!first.contains("No job held"))
    }

    @Test func theCaseloadSheetListsActiveClientsBySpecialist() throws {
        let (snapshot, client, _, _) = try fixture()
        let everyone = CaseloadSheet.render(snapshot, options: .init(asOf: Self.today, printedOn: Self.today))
        #expect(everyone.contains("<h1>Caseload: Lena Fischer</h1>"))
        #expect(everyone.contains("<h1>Caseload: Maria Okafor</h1>"))
        #expect(everyone.contains("<h1>Caseload: No specialist</h1>"), "a client whose specialist is not known is still printed")
        #expect(everyone.contains("Zoë Lindqvist"))
        #expect(!everyone.contains("Closed Person"), "a closed client is not on the caseload")
        #expect(everyone.components(separatedBy: "<section class=\"sheet\">").count - 1 == 3)
        let next = try #require(DueList(snapshot: snapshot, asOf: Self.today).nextItem(forClient: client.id))
        #expect(everyone.contains("<tr><td>José Álvarez-Ruiz (José)</td><td>Working</td><td>Dishwasher, Bean There Café</td><td>\(next.dueOn) \(next.kind.label.lowercased())"), "\(everyone)")
        #expect(everyone.contains("<td class=\"nowrap\">2026-11-20</td></tr>"))
        let marias = CaseloadSheet.render(snapshot, options: .init(asOf: Self.today, printedOn: Self.today, specialists: [Sample.specialist.id]))
        #expect(marias.contains("José Álvarez-Ruiz"))
        #expect(!marias.contains("Lena"))
        #expect(!marias.contains("Zoë"))
        #expect(marias.contains("1 active client"))
    }
}

/// The summary's words for when an item is due, as the page writes them.
enum ClientSummaryPageText {
    static func status(_ item: DueItem) -> String {
        switch item.status {
        case .overdue: "\(item.daysOverdue) day\(item.daysOverdue == 1 ? "" : "s") overdue"
        case .today: "today"
        case .upcoming: "in \(PrintPageTests.today.days(until: item.dueOn)) day\(PrintPageTests.today.days(until: item.dueOn) == 1 ? "" : "s")"
        }
    }
}
