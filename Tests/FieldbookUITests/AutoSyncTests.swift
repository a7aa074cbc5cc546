import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// Automatic sync, set on this machine: on start, every so many minutes, and on `q`, which
/// waits for a sync under way within a bound; F5 never starts a second sync.
@Suite struct AutoSyncTests {
    static let start = Date(timeIntervalSince1970: 1_763_800_000)

    func syncs(_ effects: [Effect]) -> [RequestID] {
        effects.compactMap { if case .store(let id, .sync) = $0 { id } else { nil } }
    }

    func tick(_ state: inout AppState, at seconds: Double) -> [Effect] {
        App.update(&state, .tick(Self.start.addingTimeInterval(seconds)))
    }

    func answer(_ id: RequestID, _ state: inout AppState) -> [Effect] {
        App.update(&state, .finished(id, .synced(SyncSummary(shared: true, waiting: 0, sent: 0, received: 0, toMerge: 0, at: Self.start),
                                                 .files(FolderChanges()))))
    }

    @Test func onStartThenEveryFiveMinutesFromTheLastSyncsStart() throws {
        var state = Program.state()
        state.autoSync.plan = AutoSync(onStart: true, onQuit: false, everyMinutes: 5)
        let first = try #require(syncs(tick(&state, at: 1)).first)
        #expect(state.progress[first]?.what == "Syncing with the hub")
        #expect(syncs(tick(&state, at: 2)).isEmpty, "one sync at a time")
        #expect(syncs(state.press(.function(5))).isEmpty, "F5 while one is under way starts none")
        #expect(state.message?.text == "A sync is under way.")
        #expect(answer(first, &state).isEmpty)
        #expect(syncs(tick(&state, at: 1 + 299)).isEmpty, "4:59 after the last one began")
        let second = try #require(syncs(tick(&state, at: 1 + 300)).first, "5:00 after")
        #expect(second != first)
        _ = answer(second, &state)
        // F5 restarts the count.
        let manual = try #require(syncs(state.press(.function(5))).first)
        _ = answer(manual, &state)
    }

    /// An automatic sync with nothing to tell leaves the message shown; one that brought
    /// something, or F5's, says so.
    @Test func anAutomaticSyncWithNothingToTellSaysNothing() throws {
        var state = Program.state()
        state.autoSync.plan = AutoSync(onStart: true, onQuit: false, everyMinutes: 5)
        let first = try #require(syncs(tick(&state, at: 1)).first)
        state.message = Message("Contact logged.")
        _ = answer(first, &state)
        #expect(state.message?.text == "Contact logged.")
        #expect(state.screen().header.contains(" synced "))
        // A key at 3:20, so that the screen does not blank for being idle.
        _ = tick(&state, at: 200)
        state.press(.character("2"))
        let second = try #require(syncs(tick(&state, at: 301)).first)
        App.update(&state, .finished(second, .synced(SyncSummary(shared: true, waiting: 0, sent: 0, received: 2, toMerge: 0, at: Self.start),
                                                     .files(FolderChanges()))))
        #expect(state.message?.text == "Synced: 0 files sent, 2 received.")
        state.message = Message("Contact logged.")
        let manual = try #require(syncs(state.press(.function(5))).first)
        _ = answer(manual, &state)
        #expect(state.message?.text == "Synced: 0 files sent, 0 received.")
    }

    @Test func offByDefaultNothingSyncsByItself() {
        var state = Program.state()
        #expect(state.autoSync.plan == .off)
        for seconds in stride(from: 1.0, through: 7200, by: 60) { #expect(syncs(tick(&state, at: seconds)).isEmpty) }
        state.press(.character("1"))
        #expect(state.press(.character("q")) == [.quit], "nothing under way: q quits at once")
    }

    @Test func qSyncsFirstWhenSetAndQuitsWhenTheSyncEnds() throws {
        var state = Program.state()
        state.autoSync.plan = AutoSync(onStart: false, onQuit: true, everyMinutes: 0)
        _ = tick(&state, at: 1)
        let effects = state.press(.character("q"))
        #expect(!effects.contains(.quit))
        let id = try #require(syncs(effects).first)
        #expect(state.screen().lines.joined().contains("Syncing with the hub before quitting"))
        #expect(answer(id, &state).contains(.quit))
    }

    @Test func qWaitsForASyncUnderWayThirtySecondsAtMost() throws {
        var state = Program.state()
        _ = tick(&state, at: 1)
        let id = try #require(syncs(state.press(.function(5))).first)
        let effects = state.press(.character("q"))
        #expect(effects.isEmpty, "no second sync, no quit yet: \(effects)")
        #expect(!tick(&state, at: 1 + 29).contains(.quit))
        #expect(tick(&state, at: 1 + 30).contains(.quit))
        // q again quits at once, and a failed sync ends the wait too.
        var again = Program.state()
        _ = tick(&again, at: 1)
        let other = try #require(syncs(again.press(.function(5))).first)
        _ = again.press(.character("q"))
        #expect(again.press(.character("q")) == [.quit])
        var failing = Program.state()
        _ = tick(&failing, at: 1)
        let failed = try #require(syncs(failing.press(.function(5))).first)
        _ = failing.press(.character("q"))
        #expect(App.update(&failing, .finished(failed, .failed(.io(path: "", reason: "the sync stopped")))).contains(.quit))
        _ = (id, other)
    }

    /// A sync changed the record of an open form: the records on screen follow, read from the
    /// changed file alone; the form keeps what is typed, and its save merges.
    @Test func aSyncUnderAnOpenFormKeepsItsTextAndTheSaveMerges() throws {
        var copies = try TwoCopies()
        let anna = ReloadNeverRevertsTests.anna
        copies.state.push(ClientPage(clientID: anna))
        copies.state.press(.character("e"))
        copies.state.press(.end)
        copies.state.type("X")
        try copies.elsewhere(client: anna) { $0.phone = "555-2222" }
        let update = copies.a.reread([DataLayout.client(anna)])
        guard case .files = update else {
            Issue.record("read the whole folder")
            return
        }
        App.update(&copies.state, .folderChanged(update))
        #expect(copies.state.data.client(anna)?.phone == "555-2222", "the records follow the sync")
        #expect(copies.state.form?.field("name")?.text.hasSuffix("SmytheX") == true, "the form keeps what is typed")
        #expect(copies.state.form?.field("phone")?.text == "555-014")
        let answers = copies.run(copies.state.press(.control("s")))
        guard case .saved(_, let merged)? = answers.first else {
            Issue.record("not saved: \(answers)")
            return
        }
        #expect(merged == ["phone"])
        let saved = try #require(copies.onDisk().client(anna))
        #expect(saved.name.hasSuffix("SmytheX") && saved.phone == "555-2222")
    }
}
