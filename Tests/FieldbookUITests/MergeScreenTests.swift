import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The screen that merges two versions of a record field by field, and the "to merge" marks.
@Suite struct MergeScreenTests {
    static let jose = Program.id(101)
    static let path = "clients/00000000-0000-4000-8000-000000000101.json"
    static let kept = "conflicts/clients--00000000-0000-4000-8000-000000000101.2026-11-22T101010Z.json"
    static let longNote = "Prefers mornings; wants work near the bus line; ask about the warehouse opening before Friday and call the counsellor"

    static let fields = [
        FieldConflict(field: "phone", base: "555-0101", mine: "555-0199", theirs: "555-0123"),
        FieldConflict(field: "address", base: nil, mine: "Calle Mayor 5, Cádiz", theirs: "北京市朝阳区建国路88号"),
        FieldConflict(field: "notes", base: "Short note", mine: longNote, theirs: "Likes mornings"),
    ]

    static var conflict: SaveConflict {
        SaveConflict(record: path, path: path, keptCopy: kept, fields: fields)
    }

    /// José's details form saved into a conflict: the merge screen is on top.
    func conflicted() -> AppState {
        var state = Program.state()
        state.press(.down, .enter, .character("e"))
        #expect(state.press(.control("s")).count == 1)
        state.answer(.failed(.conflict(Self.conflict)))
        return state
    }

    @Test func theMergeScreenAt80x24() {
        let state = conflicted()
        let screen = state.screen()
        let expected = [
            " Fieldbook · IPS Sup…  F2F 0/2 · 2 to go · ends today · Maria · Sun 22 Nov 2026",
            "  1 Today  [2 Caseload]  3 Employers   4 Reports   › José Álvarez-Ruiz › Merge…",
            " Changed here and elsewhere: pick a value per field (3 of 3 left).",
            "  Field                  Theirs (on disk)  Yours (this copy) Before both",
            "▸ Phone                    555-0123          555-0199        555-0101",
            "  Address                  北京市朝阳区建…   Calle Mayor 5,… not known",
            "  Notes                    Likes mornings    Prefers mornin… Short note",
            "",
            " ── Phone ─────────────────────────────────────────────────────────────────────",
            "   Theirs  555-0123",
            "   Yours   555-0199",
            "   Before  555-0101",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " Not saved yet: 3 fields also changed elsewhere. Pick which to keep.",
            " t theirs  m mine  Ctrl-S save  Esc later  ? more keys",
        ]
        for (index, line) in expected.enumerated() {
            #expect(screen.lines[index] == line, "line \(index)\n\(dump(screen))")
        }
    }

    @Test func theSelectedFieldShowsInFullBelowAndPicksAreMarkedInWords() {
        var state = conflicted()
        state.press(.down, .down)
        var screen = state.screen()
        #expect(screen.lines[8].hasPrefix(" ── Notes ──"), "\(dump(screen))")
        #expect(screen.lines[10] == "   Yours   Prefers mornings; wants work near the bus line; ask about the", "\(dump(screen))")
        #expect(screen.lines[11] == "           warehouse opening before Friday and call the counsellor", "\(dump(screen))")
        state.press(.character("m"))
        screen = state.screen()
        #expect(screen.bodyLine(containing: "✓ Prefers mornin…") != nil, "\(dump(screen))")
        #expect(screen.lines[10].hasPrefix(" ✓ Yours"), "\(dump(screen))")
        #expect(screen.bodyLine(containing: "(2 of 3 left)") != nil)
    }

    @Test func picksMoveOnAndSaveRefusesUntilEveryFieldHasOne() throws {
        var state = conflicted()
        state.press(.character("t"))
        // On to the next field without a pick.
        #expect(state.topPage.map { ($0 as? MergePage)?.position.selected } == 1)
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.message?.text == "Pick m (mine) or t (theirs) for 2 fields: Address, Notes.")
        state.press(.right)       // Address: mine
        state.press(.left)        // Notes: theirs
        state.press(.up, .up)
        state.press(.character("m"))  // Phone: changed to mine
        let effects = state.press(.control("s"))
        guard case .store(_, .resolve(let conflict, let choices))? = effects.first else {
            Issue.record("no resolve request: \(effects)")
            return
        }
        #expect(conflict == Self.conflict)
        #expect(choices == ["phone": .mine, "address": .mine, "notes": .theirs])
        #expect(state.message?.text == "Saving the merge…")
        // No keys while it saves.
        #expect(state.press(.character("t")).isEmpty)
        state.answer(.reloaded(Program.data))
        #expect(state.topPage == nil || !(state.topPage is MergePage))
        #expect(state.message?.text == "Merged and saved: 2 fields kept as yours, 1 field taken from theirs.")
    }

    @Test func aConflictMarksTheClientToMergeUntilResolved() {
        var state = conflicted()
        #expect(state.data.pendingMerge(for: Self.jose) == PendingMerge(record: Self.path, copy: Self.kept, source: .keptAfterConflict))
        state.press(.escape)
        #expect(state.message?.text == "Left to merge: both versions stay on disk. m on the client page merges.")
        // Back on the client page (the form was replaced by the merge screen).
        var screen = state.screen()
        #expect(screen.bodyLine(containing: "⇄ TO MERGE: two versions of this client") != nil, "\(dump(screen))")
        state.press(.escape)
        screen = state.screen()
        let row = screen.lines.first { $0.contains("José") } ?? ""
        #expect(row.contains("⇄ TO MERGE"), "\(dump(screen))")
        // Other rows carry no mark.
        #expect(screen.lines.filter { $0.contains("TO MERGE") }.count == 1)
    }

    @Test func aRecordToMergeAfterARestartOpensTheSameScreenFromTheClientPage() {
        var data = Program.data
        let pending = PendingMerge(record: Self.path, copy: Self.kept, source: .keptAfterConflict)
        data.problems = [DataProblem(path: Self.kept, kind: .conflictCopy, message: "kept", pendingMerge: pending)]
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        #expect(state.message?.text == "1 record to merge. Run `fieldbook check` for details.")
        state.press(.character("2"), .down, .enter)
        #expect(state.screen().bodyLine(containing: "⇄ TO MERGE: two versions of this client; m picks which values to keep.") != nil)
        let effects = state.press(.character("m"))
        guard case .store(_, .readConflict(let asked))? = effects.first else {
            Issue.record("no read request: \(effects)")
            return
        }
        #expect(asked == pending)
        state.answer(.failed(.conflict(Self.conflict)))
        #expect((state.topPage as? MergePage)?.fields == Self.fields)
        #expect(state.screen().lines[4].hasPrefix("▸ Phone"))
        // A client with nothing to merge says so.
        state.press(.escape, .escape)
        state.press(.down, .enter)
        #expect(state.press(.character("m")).isEmpty)
        #expect(state.message?.text == "This client has nothing to merge.")
    }

    @Test func aFileWithConflictMarkersIsToMergeByHand() {
        var data = Program.data
        let path = "clients/00000000-0000-4000-8000-000000000777.json"
        let pending = PendingMerge(record: path, copy: path, source: .conflictMarkers)
        data.problems = [DataProblem(path: path, kind: .syncConflict, message: "holds conflict markers", pendingMerge: pending)]
        var state = AppState(data: data, today: Program.today, userSpecialistID: nil)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.press(.character("2"), .character("t"), .character("t"))  // every status, so the list is short
        let screen = state.screen()
        guard let index = screen.lines.firstIndex(where: { $0.contains("TO MERGE BY HAND") }) else {
            Issue.record("no row to merge by hand\n\(dump(screen))")
            return
        }
        #expect(screen.lines[index].contains(path))
        state.press(.end, .enter)
        let page = state.screen()
        #expect(page.bodyLine(containing: "To merge by hand") != nil, "\(dump(page))")
        let text = page.lines.joined(separator: " ")
        #expect(text.contains("00000000-0000-4000-8000-000000000777.json holds conflict markers"))
        #expect(text.contains("merged by hand in a text"))
        #expect(state.press(.control("s")).isEmpty)
        #expect(page.keyLine == " Esc back  ? more keys", "\(dump(page))")
    }

    @Test func aTinyTerminalAsksForMoreRoomAndATallOneShowsMore() {
        var state = conflicted()
        App.update(&state, .resize(Size(rows: 10, columns: 40)))
        #expect(state.screen().lines.joined().contains("Make the window larger (now 40x10)."))
        App.update(&state, .resize(Size(rows: 24, columns: 80)))
        #expect(state.screen().lines[4].hasPrefix("▸ Phone"))
        // Many fields scroll under a position count.
        var many = Program.state()
        many.press(.down, .enter, .character("e"), .control("s"))
        let fields = (1...30).map { FieldConflict(field: "field\($0)", base: "a", mine: "b", theirs: "c") }
        many.answer(.failed(.conflict(SaveConflict(record: Self.path, path: Self.path, keptCopy: Self.kept, fields: fields))))
        many.press(.pageDown, .pageDown)
        let screen = many.screen()
        #expect(screen.lines[2].hasSuffix(" 17/30"), "\(dump(screen))")
        #expect(screen.lines.contains { $0.hasPrefix("▸ Field17") }, "\(dump(screen))")
    }

    @Test func theMergedMessageCountsTheFieldsFromElsewhereWithin80Columns() {
        var state = Program.state()
        state.press(.down, .enter, .character("e"), .control("s"))
        guard let client = Program.data.client(Self.jose) else { return }
        state.answer(.saved(.client(client), merged: ["phone", "jobs[x].title"]))
        let line = state.screen().lines[22]
        #expect(line == " ✓ Client details saved. Merged with a change made elsewhere (2 fields).", "\(line)")
        #expect(TextCells.width(line) <= 80)
    }

    @Test func helpListsTheMergeKeys() {
        var state = conflicted()
        state.press(.character("?"))
        let help = HelpPage.lines(width: 78).map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(help.contains("Merging two versions of a record"))
        #expect(help.contains("Keep their value (the version on disk) for this field"))
        #expect(help.contains("Keep your value (this copy's) for this field"))
    }

    @Test func fieldNamesInPlainWords() {
        var client = Program.client(9, "Ana", .working, Program.maria, entry: "2026-01-01", contact: "2026-11-12")
        let job = Job(id: Program.id(900), employerName: "Corner Books", title: "Clerk", startDate: day("2026-10-01"))
        client.jobs = [job]
        #expect(FieldNames.label("phone", in: client) == "Phone")
        #expect(FieldNames.label("disclosure.preference", in: client) == "Disclosure: preference")
        #expect(FieldNames.label("jobs[\(job.id.uuidString.lowercased())].hoursPerWeek", in: client) == "Job at Corner Books: hours")
        #expect(FieldNames.label("contacts[\(Program.id(509).uuidString.lowercased())].note", in: client) == "Contact on 2026-11-12: note")
        #expect(FieldNames.label("contacts[\(Program.id(509).uuidString.lowercased())]", in: client) == "Contact on 2026-11-12")
        #expect(FieldNames.label("jobs[nope].title", in: client) == "A job: job title")
        #expect(FieldNames.label("favouriteColour", in: nil) == "Favourite colour")
        #expect(FieldNames.value("job-search", path: "status", in: Program.data) == "Job search")
        #expect(FieldNames.value(Program.maria.id.uuidString, path: "specialistID", in: Program.data) == "Maria Okafor")
        #expect(FieldNames.value(nil, path: "contacts[x]", in: Program.data) == "(deleted)")
        #expect(FieldNames.value("true", path: "benefitsPlanningDone", in: Program.data) == "yes")
    }
}

@Suite struct SyncCopyMergeTests {
    @Test func aSyncToolCopyIsToMergeAndItsColumnSaysSo() {
        var data = Program.data
        let record = MergeScreenTests.path
        let copy = "clients/00000000-0000-4000-8000-000000000101.sync-conflict-20261125-101010-ABCDEFG.json"
        let pending = PendingMerge(record: record, copy: copy, source: .syncToolCopy)
        data.problems = [DataProblem(path: copy, kind: .syncConflict, message: "a sync copy", pendingMerge: pending)]
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        state.press(.character("2"))
        #expect(state.screen().lines.contains { $0.contains("José") && $0.contains("⇄ TO MERGE") }, "\(dump(state.screen()))")
        state.press(.down, .enter, .character("m"))
        let fields = [FieldConflict(field: "phone", base: nil, mine: "555-7777", theirs: "555-8888")]
        state.answer(.failed(.conflict(SaveConflict(record: record, path: record, keptCopy: copy, fields: fields))))
        let screen = state.screen()
        #expect(screen.lines[3] == "  Field                  Theirs (on disk)  Yours (sync copy) Before both", "\(dump(screen))")
        #expect(screen.lines[4] == "▸ Phone                    555-8888          555-7777        not known", "\(dump(screen))")
    }
}
