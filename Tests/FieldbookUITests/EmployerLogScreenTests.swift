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
        state.type("Lee Chen")
        state.press(.enter)
        let effects = state.press(.control("s"))
        let saved = try #require(savedVisit(effects), "\n\(dump(state.screen()))")
        let employer = try #require(saved.employer)
        #expect(employer.name == "Bäckerei Nord")
        #expect(employer.people.map(\.name) == ["Lee Chen"])
        #expect(saved.contact.employerID == employer.id)
        #expect(saved.contact.contactPersonID == employer.people[0].id)
        #expect(saved.contact.contactPerson == "Lee Chen")
        #expect(saved.contact.purpose == .introduceIPS && saved.contact.method == .faceToFace)

        state.answer(.saved(.employerContact(saved.contact, employer: employer)))
        #expect(state.data.employers.contains { $0.id == employer.id && $0.people.count == 1 })
        #expect(state.data.employerContacts.contains { $0.id == saved.contact.id })
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

    @Test func aContactIsDeletedOnlyAfterAYes() throws {
        var state = Visits.state()
        state.press(.enter)                  // Café Lumière
        #expect(state.press(.character("d")).isEmpty)
        #expect(state.screen().lines[22].contains("Delete the face-to-face contact of 2026-11-16? y deletes"))
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
