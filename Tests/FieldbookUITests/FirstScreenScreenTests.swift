import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The app's first frame from the Today screen kept at the last full read (`FirstScreen`): it
/// draws what the full read draws, and until the folder is read only Today's list, the tabs,
/// help and quitting answer.
@Suite struct FirstScreenScreenTests {
    static let reading = RequestID(1)

    /// The program with two clients who are not active: one whose first employer contact is 83
    /// days late (the agenda leaves it out) and one 13 days late (listed).
    static var data: DataSnapshot {
        var data = Program.data
        data.clients.append(Program.client(7, "Inés Old-Overdue", .inactive, Program.maria, entry: "2026-08-01"))
        data.clients.append(Program.client(8, "Olu Recent", .inactive, Program.maria, entry: "2026-10-10"))
        return data
    }

    static func full(size: Size = Size(rows: 24, columns: 80)) -> AppState {
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id, size: size)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        return state
    }

    static func screen(of full: AppState) -> FirstScreen {
        FirstScreen(figures: full.figures, data: full.data, stamp: FolderStamp(digest: "kept", files: 900), folder: URL(fileURLWithPath: "/data"),
                    horizonDays: TodayPage.horizonDays)
    }

    static func kept(size: Size = Size(rows: 24, columns: 80)) -> AppState {
        var state = AppState(firstScreen: screen(of: full(size: size)), readingFolder: reading, userSpecialistID: Program.maria.id, size: size)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        return state
    }

    /// Every row but the message's, which says the folder is being read.
    func withoutMessage(_ screen: Screen) -> [String] { [screen.header, screen.tabRow] + screen.body + [screen.keyLine] }

    @Test(arguments: [Size(rows: 24, columns: 80), Size(rows: 30, columns: 120)])
    func theKeptTodayScreenIsTheOneTheFullReadDraws(size: Size) throws {
        var full = Self.full(size: size), kept = Self.kept(size: size)
        #expect(full.screen().text.contains("Olu Recent"))
        #expect(!full.screen().text.contains("Inés Old-Overdue"))
        #expect(withoutMessage(kept.screen()) == withoutMessage(full.screen()), "\n\(dump(kept.screen()))\n\(dump(full.screen()))")
        #expect(kept.screen().message.contains("Reading the data folder… 0%"))
        // Another specialist's items, everyone's, and moving down the list.
        for keys in [[Key.character("f")], [.character("f")], [.down, .down, .down]] {
            for key in keys {
                full.press(key)
                kept.press(key)
            }
            #expect(withoutMessage(kept.screen()) == withoutMessage(full.screen()), "\n\(dump(kept.screen()))\n\(dump(full.screen()))")
        }
    }

    @Test func untilTheFolderIsReadTodaysListTheTabsAndHelpAnswerAndOtherKeysWait() throws {
        var state = Self.kept()
        state.press(.down, .down)
        let selected = try #require(state.tabPage(TodayPage.self)?.selectedItem)
        state.press(.character("?"))
        #expect(state.top.page is HelpPage)
        state.press(.escape, .character("2"))
        #expect(state.screen().body.contains { $0.contains("Reading the data folder (0 of 900 files)…") }, "\n\(dump(state.screen()))")
        #expect(!state.screen().text.contains("José"))
        App.update(&state, .progress(Self.reading, WorkProgress(done: 450, total: 900, what: "Reading the data folder")))
        #expect(state.screen().body.contains { $0.contains("Reading the data folder (450 of 900 files)…") }, "\n\(dump(state.screen()))")
        #expect(state.screen().message.contains("50%"))

        // Enter on the item, then Escape: they wait, in order, for the records.
        state.press(.character("1"))
        var effects = state.press(.enter)
        #expect(effects.isEmpty && state.top.page is TodayPage)
        #expect(state.screen().message.contains("Reading the data folder: what was typed follows as soon as every record is in."))
        state.press(.up)
        #expect(state.tabPage(TodayPage.self)?.selectedItem == selected)

        let full = Self.full()
        effects = App.update(&state, .folderRead(Self.reading, full.data, full.figures))
        #expect(!state.isReadingFolder)
        #expect((state.top.page as? ClientPage)?.clientID == selected.clientID, "\n\(dump(state.screen()))")
        #expect(!state.screen().text.contains("Reading the data folder"))
        state.press(.escape, .character("2"))
        #expect(state.screen().text.contains("José"), "\n\(dump(state.screen()))")
    }

    @Test func aVisitFormWaitsForTheRecordsAndQuittingOnlyWhenNothingWaits() {
        var state = Self.kept()
        #expect(state.press(.character("q")).contains(.quit))
        state = Self.kept()
        #expect(state.press(.character("v")).isEmpty)
        #expect(state.pages.isEmpty)
        #expect(state.press(.character("q")).isEmpty)
        var other = Self.kept()
        other.press(.character("v"))
        let full = Self.full()
        App.update(&other, .folderRead(Self.reading, full.data, full.figures))
        #expect(other.top.page is FormPage, "\n\(dump(other.screen()))")
    }

    @Test func theAnswerOfAnotherReadIsNotTakenForTheFolder() {
        var state = Self.kept()
        let full = Self.full()
        App.update(&state, .folderRead(RequestID(7), full.data, full.figures))
        #expect(state.isReadingFolder)
        #expect(state.data.clients.isEmpty)
    }

    @Test func qTypedAfterAWaitingKeyIsTypedNotQuit() {
        var state = Self.kept()
        var effects = state.press(.character("/"))
        effects += state.type("quinn")
        #expect(!effects.contains(.quit))
        let full = Self.full()
        effects = App.update(&state, .folderRead(Self.reading, full.data, full.figures))
        #expect(!effects.contains(.quit))
        #expect(state.screen().text.contains("quinn"), "\n\(dump(state.screen()))")
    }

    @Test func aPasteAfterAWaitingKeyGoesIntoTheFormThatKeyOpens() {
        var state = Self.kept()
        state.press(.character("v"))
        App.update(&state, .paste("Met at cafe"))
        #expect(!state.screen().text.contains("Nothing was pasted"))
        let full = Self.full()
        App.update(&state, .folderRead(Self.reading, full.data, full.figures))
        #expect(state.top.page is FormPage)
        #expect(state.screen().text.contains("Met at cafe"), "\n\(dump(state.screen()))")
    }

    @Test func keysTypedOnAListThatChangedDuringTheReadAreNotPressed() throws {
        var state = Self.kept()
        let shown = try #require(state.tabPage(TodayPage.self)?.selectedItem)
        state.press(.enter)
        // The client of the first row left the folder before it was read.
        var data = Self.data
        data.clients.removeAll { $0.id == shown.clientID }
        App.update(&state, .folderRead(Self.reading, data, Figures(data: data, today: Program.today)))
        #expect(state.top.page is TodayPage)
        #expect(state.pages.isEmpty)
        #expect(state.screen().message.contains("The folder changed while it was read"), "\n\(dump(state.screen()))")
        #expect(state.tabPage(TodayPage.self)?.selectedItem != shown)
    }
}
