import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The employer log with people, a contact on a client's behalf and a next step, seen on a
/// Wednesday (mid-week).
enum Visits {
    static let wednesday = day("2026-11-18")
    static let marta = EmployerPerson(id: Program.id(710), name: "Marta Kühn", title: "Owner", hires: true)
    static let sam = EmployerPerson(id: Program.id(711), name: "Sam Ortiz", title: "Manager", hires: true)
    static let priya = EmployerPerson(id: Program.id(712), name: "Priya Nair", title: "HR")
    static let cafe = Employer(id: Program.id(700), name: "Café Lumière", businessType: "Café", address: "1 Rue Haute",
                               people: [marta], createdAt: Date(timeIntervalSince1970: 0))
    static let noodles = Employer(id: Program.id(701), name: "王記麵館", businessType: "飲食店 restaurant",
                                  createdAt: Date(timeIntervalSince1970: 0))
    static let hardware = Employer(id: Program.id(702), name: "Riverside Hardware", businessType: "Retail", people: [sam, priya],
                                   createdAt: Date(timeIntervalSince1970: 0))
    static let jose = Program.id(101)

    static var contactOnJosesBehalf: EmployerContact {
        EmployerContact(id: Program.id(801), date: day("2026-11-16"), specialistID: Program.maria.id, employerID: cafe.id,
                        contactPersonID: marta.id, contactPerson: marta.name, purpose: .presentJobSeeker, method: .faceToFace,
                        jobSeekerPresent: true, jobSeekerIDs: [jose], hiringNeeds: "Needs a morning barista",
                        outcome: "Will meet José", nextStep: "Bring José's résumé", nextStepDate: day("2026-11-23"),
                        createdAt: Date(timeIntervalSince1970: 0))
    }

    static var data: DataSnapshot {
        var data = Program.data
        data.employers = [cafe, noodles, hardware]
        data.employerContacts = [
            contactOnJosesBehalf,
            EmployerContact(id: Program.id(802), date: day("2026-11-10"), specialistID: Program.maria.id, employerID: noodles.id,
                            purpose: .introduceIPS, method: .phone, outcome: "Call back in December",
                            createdAt: Date(timeIntervalSince1970: 0)),
            EmployerContact(id: Program.id(803), date: day("2026-10-01"), specialistID: Program.maria.id, employerID: noodles.id,
                            purpose: .learnNeeds, method: .faceToFace, createdAt: Date(timeIntervalSince1970: 0)),
        ]
        return data
    }

    /// The app on the Employers tab on a Wednesday, 80x24 unless told.
    static func state(size: Size = Size(rows: 24, columns: 80), user: UUID? = Program.maria.id) -> AppState {
        var state = AppState(data: data, today: wednesday, userSpecialistID: user, size: size)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_450_000)))
        state.press(.character("3"))
        return state
    }
}

/// The contact and employer an effect list asks to save, if it does.
func savedVisit(_ effects: [Effect]) -> (contact: EmployerContact, employer: Employer?)? {
    for effect in effects {
        if case .store(_, .saveEmployerContact(let contact, let employer)) = effect { return (contact, employer) }
    }
    return nil
}

@Suite struct VisitFormTests {
    /// The common visit: face to face, to a known employer, a known person, on behalf of one
    /// job seeker, next step in a week. Keys are counted; the free text is not.
    @Test func theCommonVisitTakesAtMost25KeysPlusTheFreeText() throws {
        var state = Visits.state()
        enum Step { case keys([Key]), text(String) }
        func keys(_ text: String) -> Step { .keys(text.map { Key.character($0) }) }
        let steps: [Step] = [
            keys("v"),                      // log a visit, from the Employers tab
            keys("riv"), .keys([.enter]),   // employer: Riverside Hardware
            keys("s"), .keys([.enter]),     // person met: Sam Ortiz
            keys("p"), .keys([.enter]),     // purpose: present a job seeker
            .keys([.enter]),                // method: face-to-face (the default)
            .keys([.enter]),                // job seeker present: no
            keys("jose"), .keys([.tab]),    // on behalf of: José Álvarez-Ruiz
            .text("Stockers for the evening shift"), .keys([.tab]),
            .text("Wants to meet José"), .keys([.tab]),
            .text("Bring José's résumé"), .keys([.enter]),
            keys("+7d"), .keys([.enter]),   // next step date; Enter on the last field saves
        ]
        var counted = 0
        var sequence: [String] = []
        var effects: [Effect] = []
        for step in steps {
            switch step {
            case .keys(let keys):
                counted += keys.count
                sequence += keys.map(\.label)
                for key in keys { effects += state.press(key) }
            case .text(let text):
                sequence.append("«text»")
                effects += state.type(text)
            }
        }
        print("Keystrokes for the common visit: \(counted) plus the free text: \(sequence.joined(separator: " "))")
        #expect(counted <= 25)
        let saved = try #require(savedVisit(effects), "\n\(dump(state.screen()))")
        #expect(saved.employer == nil)
        let contact = saved.contact
        #expect(contact.date == Visits.wednesday)
        #expect(contact.specialistID == Program.maria.id)
        #expect(contact.employerID == Visits.hardware.id)
        #expect(contact.contactPersonID == Visits.sam.id && contact.contactPerson == "Sam Ortiz")
        #expect(contact.purpose == .presentJobSeeker)
        #expect(contact.method == .faceToFace)
        #expect(contact.jobSeekerPresent == false)
        #expect(contact.jobSeekerIDs == [Visits.jose])
        #expect(contact.hiringNeeds == "Stockers for the evening shift")
        #expect(contact.outcome == "Wants to meet José")
        #expect(contact.nextStep == "Bring José's résumé")
        #expect(contact.nextStepDate == day("2026-11-25"))

        // The store's answer puts it in the log, the tally moves and the form closes.
        state.answer(.saved(.employerContact(contact, employer: nil)))
        #expect(state.topPage == nil)
        #expect(state.figures.weekTally(of: Program.maria.id).done == 2)
        #expect(state.message?.text.contains("Face-to-face contact with Riverside Hardware logged") == true)
    }

    @Test func employerNamesCompleteWithoutAccents() throws {
        var state = Visits.state()
        state.press(.character("v"))
        state.type("cafe lum")
        let offered = try #require(state.form?.focused?.offeredSuggestion)
        #expect(offered.label == "Café Lumière")
        state.press(.enter)
        #expect(state.form?.field("employer")?.value == Visits.cafe.id.uuidString)
        // The person met is offered from that employer's people, accents optional too.
        state.type("kuhn")
        #expect(state.form?.focused?.offeredSuggestion?.label == "Marta Kühn")
        // A CJK name completes from part of it.
        var other = Visits.state()
        other.press(.character("v"))
        other.type("麵館")
        #expect(other.form?.focused?.offeredSuggestion?.label == "王記麵館")
    }

    @Test func aNewEmployerAndANewPersonAreSavedWithTheVisit() throws {
        var state = Visits.state()
        state.press(.character("v"))
        state.type("Bäckerei Nord")
        #expect(state.form?.focused?.offeredSuggestion?.value == "", "only the new-employer option matches")
        state.press(.enter)
        // A new employer is asked its type of business, so it shows among "Employers that fit".
        #expect(state.form?.focusedPath?.field == FieldID("businessType"), "\n\(dump(state.screen()))")
        state.type("Bakery")
        state.press(.enter)
        state.type("Lee Chen")
        state.press(.enter)
        let effects = state.press(.control("s"))
        let saved = try #require(savedVisit(effects), "\n\(dump(state.screen()))")
        let employer = try #require(saved.employer)
        #expect(employer.name == "Bäckerei Nord")
        #expect(employer.businessType == "Bakery")
        #expect(employer.people.map(\.name) == ["Lee Chen"])
        #expect(saved.contact.employerID == employer.id)
        #expect(saved.contact.contactPersonID == employer.people[0].id)
        #expect(saved.contact.contactPerson == "Lee Chen")
        #expect(saved.contact.purpose == .introduceIPS && saved.contact.method == .faceToFace)

        state.answer(.saved(.employerContact(saved.contact, employer: employer)))
        #expect(state.data.employers.contains { $0.id == employer.id && $0.people.count == 1 })
        #expect(state.data.employerContacts.contains { $0.id == saved.contact.id })
    }

    /// A known employer's visit does not ask the type of business.
    @Test func aKnownEmployersVisitDoesNotAskItsTypeOfBusiness() {
        var state = Visits.state()
        state.press(.character("v"))
        func asks() -> Bool? {
            state.form?.lines.contains { if case .field(let path) = $0 { path.field == FieldID("businessType") } else { false } }
        }
        state.type("riverside")
        #expect(asks() == false, "a known match is on offer")
        state.press(.enter)
        #expect(asks() == false)
        #expect(state.form?.focusedPath?.field == FieldID("person"))
    }

    @Test func aNewNameAtAKnownEmployerJoinsItsPeople() throws {
        var state = Visits.state()
        state.press(.character("v"))
        state.type("riverside")
        state.press(.enter)
        state.type("Ana Lima")
        state.press(.enter)
        let saved = try #require(savedVisit(state.press(.control("s"))))
        let employer = try #require(saved.employer)
        #expect(employer.id == Visits.hardware.id)
        #expect(employer.people.map(\.name) == ["Sam Ortiz", "Priya Nair", "Ana Lima"])
        #expect(saved.contact.contactPersonID == employer.people[2].id)
    }

    @Test func fromAClientPageTheClientIsAlreadyOnTheVisit() throws {
        var state = Program.state()
        state.press(.character("/"))
        state.type("jose")
        state.press(.enter, .enter)
        #expect((state.topPage as? ClientPage)?.clientID == Visits.jose)
        state.press(.character("v"))
        let form = try #require(state.form)
        #expect(form.field("jobSeekers")?.taken.map(\.value) == [Visits.jose.uuidString])
        #expect(form.field("jobSeekers")?.taken.first?.detail == "Limited disclosure: Gets help finding work")
        #expect(form.field("purpose")?.value == EmployerContactPurpose.presentJobSeeker.rawValue)
    }

    @Test func theTodayTabAndAnEmployerPageOpenTheVisitInOneKey() throws {
        var state = Visits.state()
        state.press(.character("1"), .character("v"))
        #expect(state.formPage?.purpose is EmployerContactForm)
        var onPage = Visits.state()
        onPage.press(.enter, .character("v"))   // Café Lumière, the first employer by name
        let form = try #require(onPage.form)
        #expect(form.field("employer")?.value == Visits.cafe.id.uuidString)
        #expect(form.focusedPath == FieldPath("person"))
    }

    @Test func editingChangesOnlyWhatWasChangedOnTheRecordAsReadNow() throws {
        var state = Visits.state()
        state.press(.enter)                  // Café Lumière
        state.press(.enter)                  // its newest contact
        #expect(state.formPage?.purpose is EmployerContactForm)
        // Meanwhile someone else changes the outcome of the same contact.
        var changed = Visits.data
        changed.employerContacts[0].outcome = "Interview booked for Friday"
        App.update(&state, .finished(RequestID(999), .reloaded(changed)))
        // Only the next step is changed here.
        while state.form?.focusedPath != FieldPath("nextStep") { state.press(.tab) }
        state.press(.control("u"))
        state.type("Call Marta on Monday")
        let saved = try #require(savedVisit(state.press(.control("s"))))
        #expect(saved.employer == nil)
        var expected = changed.employerContacts[0]
        expected.nextStep = "Call Marta on Monday"
        #expect(saved.contact == expected)
    }

    @Test func movingAContactToAnotherEmployerTakesThePersonByName() throws {
        var state = Visits.state()
        state.press(.enter, .enter)          // Café Lumière's contact, met Marta Kühn
        state.press(.backTab)                // to the employer
        state.type("riv")
        state.press(.enter)
        let saved = try #require(savedVisit(state.press(.control("s"))))
        #expect(saved.contact.employerID == Visits.hardware.id)
        // Marta is not among Riverside's people: she joins them under her name, with a new id.
        let employer = try #require(saved.employer)
        #expect(employer.people.map(\.name) == ["Sam Ortiz", "Priya Nair", "Marta Kühn"])
        #expect(saved.contact.contactPerson == "Marta Kühn")
        #expect(saved.contact.contactPersonID == employer.people[2].id && employer.people[2].id != Visits.marta.id)
    }

    @Test func aContactIsDeletedOnlyAfterAYes() throws {
        var state = Visits.state()
        state.press(.enter)                  // Café Lumière
        #expect(state.press(.character("d")).isEmpty)
        // The question may take two lines.
        let question = state.screen().lines[21...22].joined(separator: " ")
        #expect(question.contains("Delete the face-to-face contact of 2026-11-16?") && question.contains("y deletes"), "\(question)")
        // Any other key keeps it.
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.data.employerContacts.count == 3)
        state.press(.character("d"))
        let effects = state.press(.character("y"))
        guard case .store(_, .deleteEmployerContact(let contact))? = effects.first else {
            Issue.record("no deletion asked: \(effects)")
            return
        }
        #expect(contact.id == Visits.contactOnJosesBehalf.id)
        state.answer(.saved(.deletedEmployerContact(contact.id)))
        #expect(!state.data.employerContacts.contains { $0.id == contact.id })
        #expect(state.message?.text == "Contact deleted.")
    }
}

@Suite struct EmployerDirectoryTests {
    @Test func searchIgnoresAccentsAndSortCycles() throws {
        var state = Visits.state()
        state.press(.character("/"))
        state.type("lumiere")
        var page = try #require(state.tabPage(EmployersPage.self))
        #expect(page.rows.map(\.employer.name) == ["Café Lumière"])
        state.press(.escape)
        page = try #require(state.tabPage(EmployersPage.self))
        #expect(page.rows.count == 3)
        state.press(.character("s"))
        page = try #require(state.tabPage(EmployersPage.self))
        #expect(page.sort == .lastVisit)
        #expect(page.rows.map(\.employer.name) == ["Café Lumière", "王記麵館", "Riverside Hardware"])
        state.press(.character("s"))
        #expect(state.tabPage(EmployersPage.self)?.sort == .recentVisits)
    }

    @Test func anEmployerIsAddedAndEditedKeepingPeopleIDs() throws {
        var state = Visits.state()
        state.press(.character("n"))
        state.type("Müller & Söhne")
        let added = try #require({ () -> Employer? in
            for effect in state.press(.control("s")) { if case .store(_, .saveEmployer(let e)) = effect { return e } }
            return nil
        }())
        #expect(added.name == "Müller & Söhne" && added.people.isEmpty)

        // Editing: a person added, the others keep their ids; untouched fields stay as read.
        var edit = Visits.state()
        edit.press(.character("j"), .character("e"))   // Riverside Hardware
        while case .field? = edit.form?.focus { edit.press(.tab) }   // to "add: person"
        edit.press(.enter)
        edit.type("Ana Lima")
        let saved = try #require({ () -> Employer? in
            for effect in edit.press(.control("s")) { if case .store(_, .saveEmployer(let e)) = effect { return e } }
            return nil
        }())
        #expect(saved.people.map(\.name) == ["Sam Ortiz", "Priya Nair", "Ana Lima"])
        #expect(saved.people[0] == Visits.sam && saved.people[1] == Visits.priya)
        #expect(saved.businessType == "Retail")
    }
}

@Suite struct EmployerScreenTests {
    static let header = " Fieldbook · IPS Support…  F2F 1/2 · 1 to go · 3 days · Maria · Wed 18 Nov 2026"

    @Test func theDirectoryAt80x24() {
        let screen = Visits.state().screen()
        let expected = [
            Self.header,
            "  1 Today   2 Caseload  [3 Employers]  4 Reports",
            " 3 employers · 3 contacts · by name                                         1/3",
            " Employer ▲                        Type of business    Visits 90d  Last visit",
            "▸Café Lumière                      Café                         1  2026-11-16",
            " Riverside Hardware                Retail                       0  never",
            " 王記麵館                          飲食店 restaurant            1  2026-10-01",
        ] + Array(repeating: "", count: 16) + [" Enter open  v log visit  / search  n new  e edit  s sort  ? more keys"]
        #expect(screen.lines == expected, "\n\(dump(screen))")
    }

    @Test func anAccentedEmployerPageAt80x24() {
        var state = Visits.state()
        state.press(.enter)
        let screen = state.screen()
        let expected = [
            Self.header,
            "  1 Today   2 Caseload  [3 Employers]  4 Reports   › Café Lumière",
            " Café Lumière                              1 visit in 90 days · last 2026-11-16",
            " ── Details ───────────────────────────────────────────────────────────────────",
            "   Type of business  Café",
            "   Address           1 Rue Haute",
            "   Phone             —",
            "   Website           —",
            "   Hiring needs      —",
            "   Notes             —",
            "   Open next step    Bring José's résumé by 2026-11-23",
            "",
            " ── People met ────────────────────────────────────────────────────────────────",
            "   Marta Kühn, Owner · hires",
            "",
            " ── Job seekers presented here ────────────────────────────────────────────────",
            "   José Álvarez-Ruiz · 1 contact, last 2026-11-16 · Limited disclosure: Gets h…",
            "",
            " ── Contacts (newest first) ───────────────────────────────────────────────────",
            " ▸ 2026-11-16  Face-to-face · Present a job seeker · met Marta Kühn · Maria Ok…",
            "     For               José Álvarez-Ruiz (present)",
            "                                                               lines 1-18 of 21",
            "",
            " v log visit  e edit  Enter edit contact  d delete  Esc back  ? more keys",
        ]
        #expect(screen.lines == expected, "\n\(dump(screen))")
    }

    @Test func aCJKEmployerPageWithItsHistoryNewestFirst() {
        var state = Visits.state()
        state.press(.character("G"), .enter, .character("j"))
        let screen = state.screen()
        #expect(Array(screen.lines[2...4]) == [
            " 王記麵館                                  1 visit in 90 days · last 2026-10-01",
            " ── Details ───────────────────────────────────────────────────────────────────",
            "   Type of business  飲食店 restaurant",
        ], "\n\(dump(screen))")
        #expect(Array(screen.lines[17...21]) == [
            " ── Contacts (newest first) ───────────────────────────────────────────────────",
            "   2026-11-10  Phone · Introduce IPS · Maria Okafor",
            "     Outcome           Call back in December",
            " ▸ 2026-10-01  Face-to-face · Learn the business's needs · Maria Okafor",
            "",
        ], "\n\(dump(screen))")
        #expect(screen[2, 1].text == "王" && screen[2, 2].isContinuation)
    }

    @Test func theVisitFormOffersMatchesAt80x24() {
        var state = Visits.state()
        state.press(.character("v"))
        state.type("caf")
        let screen = state.screen()
        let expected = [
            Self.header,
            "  1 Today   2 Caseload  [3 Employers]  4 Reports   › Log a visit",
            " Log an employer contact                                      F2F 1/2 this week",
            "",
            "                   Date *  today                            → Wed 18 Nov 2026",
            "             Specialist *    Maria Okafor",
            "▸              Employer *  caf",
            "               Person met",
            "                Purpose *    Introduce IPS",
            "                 Method *    Face-to-face",
            "       Job seeker present    No",
            "             On behalf of    —",
            "         What was learned",
            "                  Outcome",
            "                Next step",
            "           Next step date",
        ] + Array(repeating: "", count: 5) + [
            " ↓↑ [Café Lumière (Café)] · + new employer “caf”",
            "",
            " ↓↑ next match  Tab next  Ctrl-S save  Esc cancel  F1 more keys",
        ]
        #expect(screen.lines == expected, "\n\(dump(screen))")
    }

    @Test func theJobSeekersChosenShowTheirDisclosure() {
        var state = Visits.state()
        state.press(.character("v"))
        state.type("caf")
        state.press(.enter, .enter, .character("p"), .enter, .enter, .enter)
        state.type("zoe")
        state.press(.enter)
        state.type("ming")
        state.press(.enter)
        let screen = state.screen()
        #expect(Array(screen.lines[11...13]) == [
            "▸            On behalf of",
            "                           • Zoë Fernández · Limited disclosure: Gets help fin…",
            "                           • 王小明 · Limited disclosure: Gets help finding wo…",
        ], "\n\(dump(screen))")
    }

    @Test func theJobSeekerPickerShowsWhatTheCareerProfileSays() throws {
        var summaries = ProfileSummaries()
        summaries.update(SmallProfile.profile([("goal", .text("Cook")), ("hours", .choice("few"))]), definition: SmallProfile.definition)
        var state = AppState(data: Visits.data, today: Visits.wednesday, userSpecialistID: Program.maria.id,
                             size: Size(rows: 24, columns: 120),
                             profiles: ProfileOverview(definition: SmallProfile.definition, summaries: summaries))
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_450_000)))
        state.press(.character("3"), .character("v"))
        state.type("caf")
        state.press(.enter, .enter, .character("p"), .enter, .enter, .enter)
        state.type("jos")
        let line = try #require(state.screen().lines.first { $0.contains("José Álvarez-Ruiz") }, "\n\(dump(state.screen()))")
        #expect(line.contains("Cook · Under 20 · Limited disclosure: Gets help finding work"), "\(line)")
        state.press(.enter)
        #expect(state.form?.field("jobSeekers")?.taken.first?.detail == "Cook · Under 20 · Limited disclosure: Gets help finding work")
    }

    @Test func theWeeklyHistoryAt80x24() {
        var state = Visits.state()
        state.press(.character("w"))
        let screen = state.screen()
        let expected = [
            Self.header,
            "  1 Today   2 Caseload  [3 Employers]  4 Reports   › Weekly employer contacts",
            " Face-to-face employer contacts, last 12 weeks   ✗ missed · … this week so far",
            " week W36 W37 W38 W39 W40 W41 W42 W43 W44 W45 W46 W47",
            " Maria Okafor · target 2 a week · met 0 of 11 finished weeks",
            "    4",
            "    2                 ▄▄▄                         ▄▄▄",
            "       0✗  0✗  0✗  0✗  1✗  0✗  0✗  0✗  0✗  0✗  0✗  1…",
            "",
            " Daniel Whitehorse · target 2 a week · met 0 of 11 finished weeks",
            "    4",
            "    2",
            "       0✗  0✗  0✗  0✗  0✗  0✗  0✗  0✗  0✗  0✗  0✗  0…",
        ] + Array(repeating: "", count: 10) + [" Esc back  ? more keys"]
        #expect(screen.lines == expected, "\n\(dump(screen))")
    }

    @Test func aWeekAtOrAboveTheTargetFillsTheLowerRow() {
        var data = Visits.data
        for n in 0..<5 {
            data.employerContacts.append(EmployerContact(
                id: Program.id(850 + n), date: day("2026-11-09").adding(days: n), specialistID: Program.maria.id,
                employerID: Visits.cafe.id, purpose: .followUp, method: .faceToFace, createdAt: Date(timeIntervalSince1970: 0)))
        }
        var state = AppState(data: data, today: Visits.wednesday, userSpecialistID: Program.maria.id)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_450_000)))
        state.press(.character("3"), .character("w"))
        let lines = state.screen().lines
        // W46 (the 11th week): 5 of 2 fills both rows (the upper one fills at twice the target).
        #expect(lines[5] == "    4                                         ███", "\n\(dump(state.screen()))")
        #expect(lines[6] == "    2                 ▄▄▄                     ███ ▄▄▄")
        #expect(lines[7] == "       0✗  0✗  0✗  0✗  1✗  0✗  0✗  0✗  0✗  0✗  5   1…")
        #expect(lines[4] == " Maria Okafor · target 2 a week · met 1 of 11 finished weeks")
    }

    @Test func eachNewScreenAsksForALargerWindowWhenTooSmall() {
        var state = Visits.state()
        var screens: [Screen] = [state.screen(Size(rows: 23, columns: 79))]
        state.press(.enter)
        screens.append(state.screen(Size(rows: 20, columns: 80)))
        state.press(.escape, .character("w"))
        screens.append(state.screen(Size(rows: 24, columns: 60)))
        state.press(.escape, .character("v"))
        screens.append(state.screen(Size(rows: 10, columns: 40)))
        state.press(.escape, .character("n"))
        screens.append(state.screen(Size(rows: 23, columns: 80)))
        for screen in screens {
            #expect(screen.lines.contains { $0.contains("Make the window larger") }, "\n\(dump(screen))")
        }
    }

    @Test func theHeaderTallyFitsAt80ColumnsAndShortensForLongNames() {
        var state = Visits.state()
        #expect(state.screen().header == Self.header)
        // At 100 columns everything is there.
        #expect(state.screen(Size(rows: 30, columns: 100)).header
            == " Fieldbook · IPS Supported Employment   F2F 1/2 · 1 to go · 3 days · Maria Okafor · Wed 18 Nov 2026")
        // A long program name is cut, never the tally.
        var data = Visits.data
        data.settings.programName = String(repeating: "Long Program Name ", count: 5)
        state = AppState(data: data, today: Visits.wednesday, userSpecialistID: nil)
        let line = state.screen().header
        #expect(line.hasSuffix("…  F2F 1/4 · 3 to go · 3 days · Team · Wed 18 Nov 2026"), "\(line)")
        #expect(line.hasPrefix(" Fieldbook · Long Program"))
    }

    @Test func theClientPageShowsContactsOnTheirBehalfAndTheFirstOne() {
        var state = AppState(data: Visits.data, today: Visits.wednesday, userSpecialistID: Program.maria.id)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_450_000)))
        state.press(.character("2"), .character("/"))
        state.type("jose")
        state.press(.enter, .enter, .character("G"))
        let lines = state.screen().lines
        let start = lines.firstIndex { $0.contains("Employer contacts on this person's behalf") }
        #expect(start != nil, "\n\(dump(state.screen()))")
        if let start {
            #expect(Array(lines[start + 1...start + 3]) == [
                "   First employer contact 2026-11-16 (162 days after entry)",
                "   2026-11-16  Café Lumière · Face-to-face · Present a job seeker · present",
                "               Will meet José",
            ], "\n\(dump(state.screen()))")
        }
    }
}
