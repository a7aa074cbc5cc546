import FieldbookCore
import Foundation
import Testing

/// The career profile work the app's effect runner does: each answer on disk before it is
/// answered, one session per visit, printable copies owner-only and named by id.
@Suite struct ProfileDeskTests {
    let client = Client(id: UUID(uuidString: "0d53e228-d36b-4c30-b254-acf5453c3dd0")!, name: "José Álvarez-Ruiz",
                        programEntryDate: (try? LocalDate(parsing: "2026-01-05"))!, createdAt: Date(timeIntervalSince1970: 0))

    @Test func anAnswerIsOnDiskWhenTheDeskAnswers() throws {
        let folder = TemporaryFolder()
        let desk = ProfileDesk(store: CareerProfileStore(store: try Store(folder: folder.url)))
        let opened = desk.open(client.id, at: Date(timeIntervalSince1970: 1_772_359_200))
        #expect(!opened.profile.isStarted)
        let moment = Date(timeIntervalSince1970: 1_772_359_260)
        let answered = try desk.append(ProfileAnswerToSave(sessionID: opened.sessionID, clientID: client.id, questionID: "job-goal",
                                                           value: .text("Cook"), enteredBy: nil, source: .family, at: moment))
        #expect(answered.profile.answers()["job-goal"]?.value == .text("Cook"))
        // A fresh store on the same folder (as after a crash) reads it.
        let fresh = CareerProfileStore(folder: folder.url).profile(of: client.id).profile
        #expect(fresh.answers()["job-goal"]?.value == .text("Cook"))
        #expect(fresh.answers()["job-goal"]?.source == .family)
        // A second answer of the same visit goes into the same session file.
        _ = try desk.append(ProfileAnswerToSave(sessionID: opened.sessionID, clientID: client.id, questionID: "ideal-job",
                                                value: .text("Chef"), enteredBy: nil, source: .client, at: moment.addingTimeInterval(60)))
        let again = CareerProfileStore(folder: folder.url).profile(of: client.id).profile
        #expect(again.sessions.count == 1 && again.entries.count == 2)
        #expect(desk.overview().summaries[client.id]?.jobGoal == "Cook")
    }

    @Test func anAnswerThatDoesNotFitIsRefusedAndNothingIsWritten() throws {
        let folder = TemporaryFolder()
        let desk = ProfileDesk(store: CareerProfileStore(store: try Store(folder: folder.url)))
        let opened = desk.open(client.id, at: Date(timeIntervalSince1970: 1_772_359_200))
        #expect(throws: ProfileError.self) {
            try desk.append(ProfileAnswerToSave(sessionID: opened.sessionID, clientID: client.id, questionID: "goal-confidence",
                                                value: .scale(9), enteredBy: nil, source: .client, at: Date(timeIntervalSince1970: 1_772_359_260)))
        }
        #expect(!CareerProfileStore(folder: folder.url).profile(of: client.id).profile.isStarted)
    }

    @Test func printedPagesAreOwnerOnlyNamedByIdAndNeverOverwritten() throws {
        let folder = TemporaryFolder()
        let desk = ProfileDesk(store: CareerProfileStore(store: try Store(folder: folder.url)))
        let today = try LocalDate(parsing: "2026-11-25")
        let pages = folder.url.deletingLastPathComponent().appendingPathComponent("pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pages) }
        let snapshot = DataSnapshot(clients: [client])
        // An answer given after the app's day (a clock ahead of it) is on the page all the same.
        let answered = Date(timeIntervalSince1970: 1_796_032_800) // 2026-11-30T10:00:00Z
        var session = desk.store.startSession(for: client.id, definition: desk.definition, at: answered)
        _ = try desk.store.append(.text("Cook in a café"), to: "job-goal", in: desk.definition, by: nil, source: .client,
                                  at: answered, session: &session)
        let first = try desk.printPages([.profile, .summary], of: client, in: snapshot, omitSensitive: false, today: today,
                                        now: answered.addingTimeInterval(60), paper: .a4, to: pages)
        let second = try desk.printPages([.profile], of: client, in: snapshot, omitSensitive: true, today: today, now: Date(), paper: .a4, to: pages)
        let third = try desk.printPages([.profile], of: client, in: snapshot, omitSensitive: false, today: today, now: Date(), paper: .a4, to: pages)
        #expect(first.map { ($0 as NSString).lastPathComponent } == ["profile-0d53e228-2026-11-25.html", "summary-0d53e228-2026-11-25.html"])
        #expect(second.map { ($0 as NSString).lastPathComponent } == ["profile-0d53e228-2026-11-25-no-sensitive.html"])
        #expect(third.map { ($0 as NSString).lastPathComponent } == ["profile-0d53e228-2026-11-25-2.html"])
        #expect(try String(contentsOfFile: first[0], encoding: .utf8).contains("<div class=\"a\">Cook in a café</div>"))
        let text = try String(contentsOfFile: first[1], encoding: .utf8)
        #expect(text.contains("Client summary: José Álvarez-Ruiz"))
        #expect(text.contains("size: A4"))
        let mode = try FileManager.default.attributesOfItem(atPath: first[0])[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: pages.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test func pagesAreRefusedInsideASharedOrEncryptedDataFolder() throws {
        let folder = TemporaryFolder()
        let data = folder.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let inside = data.appendingPathComponent("exports")
        #expect(PagesFolder.refusal(of: inside, data: data, encrypted: false)?.contains("copied as a whole") == true,
                "a folder not shared yet may be shared later")
        #expect(PagesFolder.refusal(of: inside, data: data, encrypted: true)?.contains("encrypted") == true)
        #expect(PagesFolder.refusal(of: data, data: data, encrypted: true) != nil, "the data folder itself is inside it")
        // A sibling whose name starts the same is not inside.
        #expect(PagesFolder.refusal(of: folder.url.appendingPathComponent("data-pages"), data: data, encrypted: true) == nil)
        try FileManager.default.createDirectory(at: data.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(PagesFolder.refusal(of: inside, data: data, encrypted: false)?.contains("shared with a team") == true)
        #expect(PagesFolder.refusal(of: folder.url.appendingPathComponent("pages"), data: data, encrypted: false) == nil)
        // Through `..` or a link, a folder not made yet, inside is inside.
        #expect(PagesFolder.refusal(of: folder.url.appendingPathComponent("pages/../data/new/pages"), data: data, encrypted: false) != nil)
        let link = folder.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: data)
        #expect(PagesFolder.refusal(of: link.appendingPathComponent("pages"), data: data, encrypted: false) != nil)
        let desk = ProfileDesk(store: CareerProfileStore(store: try Store(folder: data)))
        #expect(throws: StoreError.self) {
            try desk.printPages([.profile], of: client, in: DataSnapshot(clients: [client]), omitSensitive: false,
                                today: date("2026-11-25"), now: Date(), paper: .letter, to: inside)
        }
        #expect(!FileManager.default.fileExists(atPath: inside.path))
        let home = URL(fileURLWithPath: "/home/maria")
        #expect(PagesFolder.resolve("~/fieldbook-pages", home: home).path == "/home/maria/fieldbook-pages")
        #expect(PagesFolder.resolve(" ~ ", home: home).path == "/home/maria")
        #expect(PagesFolder.resolve("/tmp/x/../pages", home: home).path == "/tmp/pages")
        #expect(PagesFolder.resolve("Desktop/pages", home: home).path == "/home/maria/Desktop/pages")
    }

    @Test func theDemoCopyCarriesProfilesMovedInTime() throws {
        let source = TemporaryFolder()
        let store = try Store(folder: source.url)
        var seen = client
        seen.contacts = [ClientContact(id: UUID(), date: try LocalDate(parsing: "2026-11-10"), kind: .faceToFace, createdAt: Date(timeIntervalSince1970: 0))]
        try store.save(seen)
        let profiles = CareerProfileStore(store: store)
        let definition = profiles.definition().definition
        let day = try LocalDate(parsing: "2026-11-10")
        var session = profiles.startSession(for: client.id, definition: definition, at: day.lastMoment(in: TimeZone(secondsFromGMT: 0)!))
        _ = try profiles.append(.text("Cook"), to: "job-goal", in: definition, by: nil, source: .client,
                                at: day.lastMoment(in: TimeZone(secondsFromGMT: 0)!), session: &session)
        let parent = TemporaryFolder()
        let copy = try DemoCopy.make(from: source.url, today: try LocalDate(parsing: "2026-11-25"), into: parent.url)
        #expect(copy.shiftedByDays == 14)
        let moved = CareerProfileStore(folder: copy.folder).profile(of: client.id)
        #expect(moved.problems.isEmpty)
        let entry = try #require(moved.profile.answers()["job-goal"])
        #expect(entry.value == .text("Cook"))
        #expect(entry.answeredAt == day.lastMoment(in: TimeZone(secondsFromGMT: 0)!).addingTimeInterval(Double(copy.shiftedByDays) * 86_400))
    }
}

@Suite struct ProfileSummaryPickerLineTests {
    @Test func thePickerLineNamesGoalHoursPlacesAndDisclosure() {
        #expect(ProfileSummary().pickerLine == nil)
        let summary = ProfileSummary(jobGoal: "Cook", hours: "20 to 30", places: "Downtown", disclosure: "Limited")
        #expect(summary.pickerLine == "Cook · 20 to 30 · Downtown · disclosure: Limited")
    }

    @Test func thePickerKeepsTheRecordedDisclosureWhenTheProfileDoesNotSayIt() {
        #expect(ProfileSummary.pickerLine(nil, recordedDisclosure: "Full disclosure") == "Full disclosure")
        #expect(ProfileSummary.pickerLine(ProfileSummary(), recordedDisclosure: "Full disclosure") == "Full disclosure")
        #expect(ProfileSummary.pickerLine(ProfileSummary(jobGoal: "Cook"), recordedDisclosure: "Full disclosure") == "Cook · Full disclosure")
        #expect(ProfileSummary.pickerLine(ProfileSummary(jobGoal: "Cook"), recordedDisclosure: "Not decided") == "Cook · disclosure: Not decided")
        #expect(ProfileSummary.pickerLine(ProfileSummary(jobGoal: "Cook", disclosure: "Limited"), recordedDisclosure: "Full disclosure")
            == "Cook · disclosure: Limited")
    }
}
