import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

@Suite struct ClientScreenTests {
    func openJose() -> AppState {
        var state = Program.state()
        state.press(.down, .enter)
        return state
    }

    @Test func theClientPageAt80x24() {
        let screen = openJose().screen()
        let expected = [
            " Fieldbook · IPS Sup…  F2F 0/2 · 2 to go · ends today · Maria · Sun 22 Nov 2026",
            "  1 Today  [2 Caseload]  3 Employers   4 Reports   › José Álvarez-Ruiz",
            " José Álvarez-Ruiz (José)                             Job search · Maria Okafor",
            " ── Due ───────────────────────────────────────────────────────────────────────",
            "   2026-07-07  First employer contact · 138 days late",
            "               first face-to-face employer contact, in the program since 7 Jun",
            "",
            " ── Details ───────────────────────────────────────────────────────────────────",
            "   Preferred name      José",
            "   Phone               555-011",
            "   Email               —",
            "   Address             —",
            "   Program entry       2026-06-07 (168 days ago)",
            "   Referral            —",
            "",
            " ── Team and benefits ─────────────────────────────────────────────────────────",
            "   Mental health team  ACT Team North",
            "   Clinician           —",
            "   VR counselor        —",
            "   Benefits            SSI, Medicaid",
            "   Benefits planning   NOT DONE yet",
            "                                                               lines 1-18 of 44",
            "",
            " n log contact  e edit  c career profile  Esc back  v log visit  ? more keys",
        ]
        #expect(screen.lines == expected, "\n\(dump(screen))")
    }

    @Test func scrollingReachesContactsAndTheEnd() {
        var state = openJose()
        state.press(.end)
        let screen = state.screen()
        #expect(screen.text.contains("2026-11-20  Face-to-face · Library"))
        #expect(screen.text.contains("Practised interviews"))
        #expect(screen.text.contains("No career profile has been started for this client. Press c to start it."))
        #expect(screen.lines[21].hasSuffix("lines 27-44 of 44"))
        state.press(.home)
        #expect(state.screen().bodyLine(containing: "── Due") != nil)
        state.press(.down)
        #expect(state.screen().lines[21].hasSuffix("lines 2-19 of 44"))
        state.press(.pageDown)
        #expect(state.screen().lines[21].hasSuffix("lines 19-36 of 44"))
        state.press(.up)
        #expect(state.screen().lines[21].hasSuffix("lines 18-35 of 44"))
    }

    @Test func escGoesBackToTheSameRow() {
        var state = openJose()
        state.press(.escape)
        #expect(state.pages.isEmpty)
        #expect(state.screen().lines[5].hasPrefix("▸José"))
    }

    @Test func logAContactInAFewKeys() throws {
        var state = openJose()
        state.press(.character("n"))
        var screen = state.screen()
        #expect(screen.lines[2].hasPrefix(" Log a contact with José Álvarez-Ruiz"))
        #expect(screen.lines[2].hasSuffix("Disclosure: Limited disclosure"))
        #expect(screen.lines[4] == "▸                  Date *  today                            → Sun 22 Nov 2026")
        state.press(.tab, .tab)
        state.type("Library")
        state.press(.enter)
        state.type("Went over the bus route")
        let effects = state.press(.enter)
        guard let client = savedClient(effects) else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        let contact = try #require(client.contacts.last)
        #expect(contact.date == Program.today)
        #expect(contact.kind == .faceToFace)
        #expect(contact.place == "Library")
        #expect(contact.note == "Went over the bus route")
        #expect(client.contacts.count == 2)
        #expect(state.screen().lines[22] == " Saving…")

        state.answer(.saved(.client(client)))
        screen = state.screen()
        #expect(screen.lines[22] == " ✓ Contact logged.")
        #expect(state.data.client(client.id)?.contacts.count == 2)
        guard state.topPage is ClientPage else {
            Issue.record("expected the client page")
            return
        }
    }

    @Test func aFailedSaveKeepsWhatWasTyped() {
        var state = openJose()
        state.press(.character("n"), .tab, .tab)
        state.type("Library")
        let effects = state.press(.control("s"))
        #expect(effects.count == 1)
        state.answer(.failed(.io(path: "clients/x.json", reason: "No space left on device")))
        guard let form = state.form else {
            Issue.record("the form closed")
            return
        }
        #expect(form.field("place")?.text == "Library")
        #expect(state.formPage?.saving == nil)
        // The cause first, then where.
        #expect(state.screen().lines[22] == " ✗ Not saved: no space left on device (clients/x)")
        // It can be saved again.
        #expect(state.press(.control("s")).count == 1)
    }

    @Test func contactDatesAcceptWordsAndRefuseTheFuture() {
        var state = openJose()
        state.press(.character("n"), .control("u"))
        state.type("mon")
        #expect(state.screen().lines[4].hasSuffix("→ Mon 16 Nov 2026"))
        state.press(.control("u"))
        state.type("tomorrow")
        let screen = state.screen()
        #expect(screen.bodyLine(containing: "✗ Mon 23 Nov 2026") != nil)
        #expect(screen.lines[21] == " ✗ Date: Mon 23 Nov 2026 is in the future")
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.screen().lines[22] == " ✗ Cannot save yet: 1 field needs fixing: Date.")
    }

    /// A contact needs a kind: cleared, it is named as the field to fix (never "no longer in the
    /// data folder"), and nothing is saved until one is chosen.
    @Test func aContactWithItsKindClearedIsRefusedUntilOneIsChosen() {
        var state = openJose()
        state.press(.character("n"), .tab, .control("u"))
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.screen().lines[22] == " ✗ Cannot save yet: 1 field needs fixing: Kind.")
        state.press(.right)
        #expect(state.press(.control("s")).count == 1)
    }
}

@Suite struct ClientFormTests {
    @Test func aNewClientWithABadDateIsRefusedUntilFixed() throws {
        var state = Program.state()
        state.press(.character("n"))
        state.type("Ana Lúcia Pereira")
        state.press(.tab, .tab, .tab, .tab, .tab, .control("u"))
        state.type("2026-02-30")
        var screen = state.screen()
        #expect(screen.lines[9] == "▸         Program entry *  2026-02-30                       ✗ day 30 is out of…")
        #expect(screen.lines[21] == " ✗ Program entry: day 30 is out of range: February 2026 has 28 days")
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.screen().lines[22] == " ✗ Cannot save yet: 1 field needs fixing: Program entry.")

        // What was typed is still there; fix it and save.
        state.press(.backspace, .backspace)
        state.type("15")
        screen = state.screen()
        #expect(screen.lines[9].hasSuffix("→ Sun 15 Feb 2026"))
        let effects = state.press(.control("s"))
        guard let client = savedClient(effects) else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(client.name == "Ana Lúcia Pereira")
        #expect(client.programEntryDate == day("2026-02-15"))
        #expect(client.specialistID == Program.maria.id)
        #expect(client.status == .engaging)
        state.answer(.saved(.client(client)))
        #expect(state.screen().lines[2].hasPrefix(" Ana Lúcia Pereira"))
    }

    @Test func theNameIsRequired() {
        var state = Program.state()
        state.press(.character("n"))
        #expect(state.screen().bodyLine(containing: "✗ required") != nil)
        #expect(state.press(.function(2)).isEmpty)
    }

    @Test func choicesCycleWithSpaceAndArrows() {
        var state = Program.state()
        state.press(.character("n"))
        state.type("Someone")
        for _ in 0..<9 { state.press(.tab) }     // status
        #expect(state.screen().bodyLine(containing: "◂ Engaging ▸") != nil)
        state.press(.character(" "))
        #expect(state.screen().bodyLine(containing: "◂ Job search ▸") != nil)
        state.press(.left, .left)
        #expect(state.screen().bodyLine(containing: "◂ Referred ▸") != nil)
    }

    @Test func benefitsArePickedByTypingPartOfOne() {
        var state = Program.state()
        state.press(.character("n"))
        state.type("Someone")
        for _ in 0..<13 { state.press(.tab) }
        state.type("medi")
        #expect(state.screen().bodyLine(containing: "◂ ☐ Medicaid ▸") != nil)
        state.press(.character(" "))
        state.type("ssi")
        state.press(.character(" "))
        #expect(state.screen().bodyLine(containing: "SSI, Medicaid") != nil)
        state.type("foodstamps")
        let screen = state.screen()
        #expect(screen.text.contains("✗ Benefits: no option matches \"foodstamps\""), "\(dump(screen))")
        #expect(state.press(.control("s")).isEmpty)
        state.press(.control("u"))
        #expect(state.form?.field("benefits")?.value == "", "Ctrl-U clears the ticks too")
    }

    @Test func escAsksBeforeThrowingAwayChanges() {
        var state = Program.state()
        state.press(.character("n"))
        state.press(.escape)
        #expect(state.pages.isEmpty, "an untouched form closes at once")
        state.press(.character("n"))
        state.type("Half typed")
        state.press(.escape)
        #expect(state.screen().lines[22].hasPrefix(" Discard the changes to this form?"))
        state.press(.character("n"))
        guard let form = state.form else {
            Issue.record("the form closed")
            return
        }
        #expect(form.field("name")?.text == "Half typed")
        state.press(.escape, .character("y"))
        #expect(state.pages.isEmpty)
    }

    @Test func editingKeepsJobsAndContacts() {
        var state = Program.state()
        state.press(.down, .enter, .character("e"))
        state.press(.tab, .control("u"))
        state.type("Pepe")
        guard let client = savedClient(state.press(.control("s"))) else {
            Issue.record("no save")
            return
        }
        #expect(client.preferredName == "Pepe")
        #expect(client.contacts.count == 1)
        #expect(client.id == Program.id(101))
    }

    @Test func longFormsScrollToTheFocusedField() {
        var state = Program.state()
        state.press(.character("n"))
        for _ in 0..<17 { state.press(.down) }
        let screen = state.screen()
        #expect(screen.lines[2].hasSuffix("fields 3-18 of 19"))
        #expect(screen.lines.contains { $0.hasPrefix("▸                   Notes") })
    }

    @Test func textEditingMovesTheCursor() {
        var state = Program.state()
        state.press(.character("n"))
        state.type("Ana")
        state.press(.home)
        state.type("X")
        state.press(.end, .backspace, .left, .delete)
        guard let form = state.form else { return }
        #expect(form.field("name")?.text == "XA")
    }
}
