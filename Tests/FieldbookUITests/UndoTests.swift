import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// `u` takes the last change saved back, after asking, through the store's save: the message
/// says what was undone, and what cannot be.
@Suite struct UndoTests {
    static func saved(_ effects: [Effect]) -> (RequestID, Client)? {
        for case .store(let id, .saveClient(let client)) in effects { return (id, client) }
        return nil
    }

    @Test func aDeletedContactComesBackAfterAskingAndTheMessageSaysSo() throws {
        var state = Program.state()
        state.press(.down, .enter)  // José, one contact
        let jose = try #require(state.data.client(Program.id(101)))
        let contact = try #require(jose.contacts.first)
        let (deleteID, withoutIt) = try #require(Self.saved(state.press(.character("X"), .character("y"))))
        #expect(withoutIt.contacts.isEmpty)
        App.update(&state, .finished(deleteID, .saved(.client(withoutIt))))
        #expect(state.undo?.what == "the deletion of José Álvarez-Ruiz's contact of Fri 20 Nov 2026")

        state.press(.character("u"))
        var screen = state.screen()
        #expect(screen.message.contains("Undo the deletion of José Álvarez-Ruiz's contact of Fri 20 Nov 2026? y undoes"), "\(dump(screen))")
        #expect(screen.keyLine == " y undo  any key keep it")
        let (undoID, restored) = try #require(Self.saved(state.press(.character("y"))))
        #expect(restored.contacts == [contact])
        // The save starts from the version as it is now, as any save does.
        #expect(restored.fileVersion == state.data.client(jose.id)?.fileVersion)
        App.update(&state, .finished(undoID, .saved(.client(restored))))
        screen = state.screen()
        #expect(screen.message.contains("✓ Undone: the deletion of José Álvarez-Ruiz's contact of Fri 20 Nov 2026."), "\(dump(screen))")
        #expect(state.data.client(jose.id)?.contacts == [contact])
        // Nothing more to take back; the message says what cannot be.
        state.press(.character("u"))
        #expect(state.screen().message.contains("Nothing to undo."))
        #expect(state.screen().message.contains("New clients and employers, profile answers, fidelity reviews,"))
        #expect(state.screen().message.contains("team changes, merges, syncs and what came before this run"))
        #expect(state.screen().message.contains("cannot be undone."), "the whole message fits its two rows")
    }

    @Test func anyOtherKeyKeepsTheChange() throws {
        var state = Program.state()
        state.press(.down, .enter)
        let (id, saved) = try #require(Self.saved(state.press(.character("X"), .character("y"))))
        App.update(&state, .finished(id, .saved(.client(saved))))
        state.press(.character("u"))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.message?.text == "Nothing undone.")
        #expect(state.pages.count == 1, "n was the answer, not a new contact")
        #expect(state.undo != nil)
    }

    @Test func aStatusChangeSaysFromWhatToWhat() throws {
        var state = Program.state()
        var jose = try #require(state.data.client(Program.id(101)))
        jose.setStatus(.working, on: Program.today)
        App.update(&state, .finished(RequestID(900), .saved(.client(jose))))
        #expect(state.undo?.what == "the status change of José Álvarez-Ruiz (Job search → Working)")
        state.press(.character("u"))
        let (_, back) = try #require(Self.saved(state.press(.character("y"))))
        #expect(back.status == .jobSearch && back.statusHistory.isEmpty)
    }

    @Test func aNewClientCannotBeUndoneAndSaysSo() {
        var state = Program.state()
        let client = Client(name: "New Person", programEntryDate: Program.today, specialistID: Program.maria.id, status: .engaging,
                            createdAt: Date(timeIntervalSince1970: 0))
        App.update(&state, .finished(RequestID(900), .saved(.client(client))))
        #expect(state.undo == nil)
        state.press(.character("u"))
        #expect(state.message?.text.hasPrefix("Nothing to undo.") == true)
    }

    static let cafe = Employer(id: Program.id(800), name: "Café Lumière", createdAt: Date(timeIntervalSince1970: 0))
    static let visit = EmployerContact(id: Program.id(801), date: Program.today, specialistID: Program.maria.id, employerID: cafe.id,
                                       purpose: .learnNeeds, method: .faceToFace, createdAt: Date(timeIntervalSince1970: 0))

    static func employerState(contacts: [EmployerContact]) -> AppState {
        var data = Program.data
        data.employers = [cafe]
        data.employerContacts = contacts
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id, size: Size(rows: 24, columns: 80))
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        return state
    }

    @Test func aVisitLoggedIsTakenBackByDeletingIt() {
        var state = Self.employerState(contacts: [])
        App.update(&state, .finished(RequestID(900), .saved(.employerContact(Self.visit, employer: nil))))
        #expect(state.undo?.what == "the visit to Café Lumière logged for Sun 22 Nov 2026")
        state.press(.character("u"))
        let effects = state.press(.character("y"))
        #expect(effects.contains { if case .store(_, .deleteEmployerContact(let gone)) = $0 { gone.id == Self.visit.id } else { false } })
    }

    @Test func aDeletedVisitIsSavedAgain() {
        var state = Self.employerState(contacts: [Self.visit])
        App.update(&state, .finished(RequestID(900), .saved(.deletedEmployerContact(Self.visit.id))))
        #expect(state.undo?.what == "the deletion of the visit to Café Lumière of Sun 22 Nov 2026")
        state.press(.character("u"))
        let effects = state.press(.character("y"))
        #expect(effects.contains {
            if case .store(_, .saveEmployerContact(let again, nil)) = $0 { again == Self.visit } else { false }
        })
    }

    @Test func anEmployersDismissalIsNamedAndTakenBack() throws {
        var state = Self.employerState(contacts: [Self.visit])
        var cafe = Self.cafe
        cafe.dueDismissals = [DueDismissal(kind: .employerNextStep, dueOn: day("2026-11-20"), reason: "Closed for works",
                                           dismissedOn: Program.today, createdAt: Date(timeIntervalSince1970: 0))]
        App.update(&state, .finished(RequestID(900), .saved(.employer(cafe))))
        #expect(state.undo?.what == "setting aside Café Lumière's item \"Employer next step\" (due Fri 20 Nov 2026)")
        state.press(.character("u"))
        let effects = state.press(.character("y"))
        #expect(effects.contains { if case .store(_, .saveEmployer(let back)) = $0 { back.dueDismissals.isEmpty } else { false } })
    }
}
