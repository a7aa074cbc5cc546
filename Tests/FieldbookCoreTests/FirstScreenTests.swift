@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Today screen kept from a full read is used only for the folder, day and stamp it was made
/// from; the stamp changes with any file a load would read differently.
@Suite struct FirstScreenTests {
    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")
    static let today = date("2026-11-30")

    let temporary = TemporaryFolder()
    var data: URL { temporary.path("data") }
    var environment: [String: String] { ["XDG_CACHE_HOME": temporary.path("cache").path] }

    init() throws {
        try FileManager.default.copyItem(at: Self.sampleData, to: temporary.path("data"))
    }

    var file: URL { get throws { try #require(FirstScreen.location(for: data, environment: environment)) } }

    /// The stamp now.
    func stamp(_ store: Store) -> FolderStamp? { store.folderStamp() }

    /// A copy made from a full read of the folder, as the app makes it.
    func made(transform: FileTransform = .plain) throws -> FirstScreen {
        let store = try Store(folder: data, transform: transform)
        let snapshot = store.load()
        let now = try #require(stamp(store))
        return FirstScreen(figures: Figures(data: snapshot, today: Self.today), data: snapshot, stamp: now, folder: data, horizonDays: 30)
    }

    func read(today: LocalDate = Self.today, horizonDays: Int = 30, transform: FileTransform = .plain) throws -> FirstScreen? {
        // The stamp reads no file's contents: a plain store of the folder gives it.
        let store = try Store(folder: data)
        return FirstScreen.read(at: try file, folder: data, today: today, horizonDays: horizonDays, transform: transform,
                                current: { store.folderStamp() })
    }

    func rewrite(_ relative: String, _ change: (String) -> String) throws {
        let url = data.appendingPathComponent(relative)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: false, encoding: .utf8)
    }

    func aClientFile() throws -> String {
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("clients").path).sorted().first)
        return "clients/\(name)"
    }

    // MARK: The folder's stamp

    @Test func theStampIsTheSameWhileNothingChangesAndCountsTheRecordFiles() throws {
        let store = try Store(folder: data)
        let first = try #require(stamp(store))
        #expect(stamp(store) == first)
        #expect(store.folderStamp() == first)
        #expect(first.files > 50)
    }

    @Test func anyFileALoadWouldReadDifferentlyChangesTheStamp() throws {
        let store = try Store(folder: data)
        var seen = [try #require(stamp(store))]
        func changed(_ what: Comment) throws {
            let now = try #require(stamp(store))
            #expect(!seen.contains(now), what)
            seen.append(now)
        }
        let client = try aClientFile()
        let url = data.appendingPathComponent(client)
        let info = try FileManager.default.attributesOfItem(atPath: url.path)
        // The same size and modification time put back: the change time still moves.
        try rewrite(client) { $0.replacingOccurrences(of: "\"name\" : \"", with: "\"name\" : \"X") .replacingOccurrences(of: "\"phone\" : \"5", with: "\"phone\" : \"") }
        try FileManager.default.setAttributes([.modificationDate: info[.modificationDate] as Any], ofItemAtPath: url.path)
        try changed("a file rewritten with its size and modification time")
        try FileManager.default.copyItem(at: url, to: data.appendingPathComponent("clients/\(UUID().uuidString.lowercased()).json"))
        try changed("a file added")
        try "not a record".write(to: data.appendingPathComponent("clients/notes.txt"), atomically: true, encoding: .utf8)
        try changed("a stray file the listing reports")
        try FileManager.default.removeItem(at: url)
        try changed("a file removed")
        try FileManager.default.removeItem(at: data.appendingPathComponent("settings.json"))
        try changed("settings removed")
    }

    @Test func aFileChangedWithinASecondOfTheStampCannotBeVouchedFor() throws {
        let (store, _, began) = try loaded()
        let client = data.appendingPathComponent(try aClientFile())
        var info = stat()
        #expect(stat(client.path, &info) == 0)
        let newest = max(Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
                         Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
        // This file changed 0.98 s before that moment.
        #expect(store.stampOfWhatIsHeld(readSince: began, now: Date(timeIntervalSince1970: newest + 0.98)) == nil)
        let later = Date().addingTimeInterval(1.5)
        #expect(store.stampOfWhatIsHeld(readSince: began, now: later) == store.folderStamp())
    }

    // MARK: The kept screen

    @Test func aCopyIsReadBackWhileTheFolderAndDayAreThoseItWasMadeFor() throws {
        let screen = try made()
        #expect(!screen.items.isEmpty)
        #expect(screen.weekTallies.count == screen.specialists.count + 1)
        screen.write(to: try file, transform: .plain)
        #expect(try read() == screen)
        #expect(try read(today: Self.today.adding(days: 1)) == nil)
        // Another day is refused before the folder is stamped (a stat of every file).
        var stamped = false
        #expect(FirstScreen.read(at: try file, folder: data, today: Self.today.adding(days: 1), horizonDays: 30, transform: .plain,
                                 current: { stamped = true; return nil }) == nil)
        #expect(!stamped)
        #expect(try read(horizonDays: 29) == nil)
        try rewrite(try aClientFile()) { $0 + "\n" }
        #expect(try read() == nil)
    }

    @Test func theCopyHoldsTheItemsTheAgendaListsUpToItsHorizon() throws {
        let store = try Store(folder: data)
        let snapshot = store.load()
        let figures = Figures(data: snapshot, today: Self.today)
        let screen = try made()
        let last = Self.today.adding(days: 30)
        let inactive = Set(snapshot.clients.filter { !$0.status.isActive }.map(\.id))
        let listed = figures.due.items.filter {
            $0.dueOn <= last && TodayAgenda.lists($0, clientIsActive: $0.clientID.map { !inactive.contains($0) })
        }
        #expect(screen.items == listed)
        #expect(figures.due.items.contains { $0.dueOn == last } == screen.items.contains { $0.dueOn == last })
        #expect(!screen.items.contains { $0.dueOn > last })
        #expect(screen.jobStartsAhead == figures.jobStartsAhead)
        #expect(screen.weekTallies.first == figures.weekTally(of: nil))
    }

    @Test func aDamagedCopyOrOneOfAnotherFolderIsNotUsed() throws {
        let screen = try made()
        let file = try file
        screen.write(to: file, transform: .plain)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: file)
        #expect(try read() == nil)
        try Data().write(to: file)
        #expect(try read() == nil)

        // The copy of one folder, put where another folder's copy is kept.
        let other = temporary.path("other")
        try FileManager.default.copyItem(at: data, to: other)
        screen.write(to: try #require(FirstScreen.location(for: other, environment: environment)), transform: .plain)
        let otherStore = try Store(folder: other)
        let moved = try #require(FirstScreen.location(for: other, environment: environment))
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: moved, to: file)
        #expect(FirstScreen.read(at: file, folder: data, today: Self.today, horizonDays: 30, transform: .plain,
                                 current: { otherStore.folderStamp() }) == nil)
    }

    @Test func theCopyIsOwnerOnlyOutsideTheDataFolder() throws {
        try made().write(to: try file, transform: .plain)
        let file = try file
        #expect(!file.path.hasPrefix(data.path + "/"))
        var info = stat()
        #expect(stat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(file.deletingLastPathComponent().path, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test func onAnEncryptedFolderTheCopyIsSealedWithTheFolderKey() throws {
        let key = FolderKey.generate()
        let screen = try made()
        let name = try #require(screen.items.compactMap(\.clientName).first)
        screen.write(to: try file, transform: key.transform)
        let bytes = try Data(contentsOf: try file)
        #expect(FolderKey.looksEncrypted(bytes))
        #expect(bytes.range(of: Data(name.utf8)) == nil)
        #expect(try read(transform: key.transform) == screen)
        #expect(try read(transform: FolderKey.generate().transform) == nil)
        #expect(try read(transform: .plain) == nil)
    }

    // MARK: What the store holds, on the way out

    /// A load (begun at the time returned) through a saving store.
    func loaded() throws -> (store: Store, snapshot: DataSnapshot, began: Date) {
        let began = Date()
        let store = try Store(folder: data)
        return (store, store.load(), began)
    }

    @Test func afterItsOwnSavesTheStoreVouchesForTheFolderAsItIsNow() throws {
        let (store, snapshot, began) = try loaded()
        let later = Date().addingTimeInterval(1.5)
        #expect(store.stampOfWhatIsHeld(readSince: began, now: later) == store.folderStamp())
        var client = try #require(snapshot.clients.first)
        client.phone = "555-0142"
        _ = try store.save(client)
        var contact = try #require(snapshot.employerContacts.first)
        contact.hiringNeeds = "Asked about the evening shift."
        _ = try store.save(contact)
        try store.delete(try #require(snapshot.employerContacts.last))
        // Just written: not yet a second old.
        #expect(store.stampOfWhatIsHeld(readSince: began) == nil)
        let held = try #require(store.stampOfWhatIsHeld(readSince: began, now: Date().addingTimeInterval(1.5)))
        #expect(held == store.folderStamp())
    }

    @Test func aFileChangedAddedOrRemovedByAnotherCopyIsNotVouchedFor() throws {
        for change in 0..<3 {
            let (store, snapshot, began) = try loaded()
            let other = try Store(folder: data)
            let others = other.load()
            switch change {
            case 0:
                var client = try #require(others.clients.first)
                client.phone = "555-0199"
                _ = try other.save(client)
            case 1:
                _ = try other.save(Sample.client(name: "Nadia Haddad", specialist: snapshot.specialists.first?.id))
            default:
                let client = try #require(snapshot.clients.last)
                try FileManager.default.removeItem(at: data.appendingPathComponent("clients/\(client.id.uuidString.lowercased()).json"))
            }
            #expect(store.stampOfWhatIsHeld(readSince: began, now: Date().addingTimeInterval(1.5)) == nil, "change \(change)")
            #expect(store.folderStamp() != nil)
        }
    }

    /// A copy changed by hand with its check value made again: refused or read, never a crash.
    @Test func aCopyEditedPastItsCheckValueIsRefusedWithoutACrash() throws {
        let screen = try made()
        let file = try file
        screen.write(to: file, transform: .plain)
        let original = try Data(contentsOf: file)
        let header = FirstScreen.magic.count + 8
        var random = SeededRandom(seed: 7)
        var refused = 0
        for round in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + round % 12) {
                let at = Int.random(in: (header + 16)..<bytes.count, using: &random)
                bytes[at] = round % 3 == 0 ? 0xFF : UInt8.random(in: 0...255, using: &random)
            }
            let checked = Data(bytes.dropFirst(header))
            withUnsafeBytes(of: ContentHash(checked).value.littleEndian) { bytes.replaceSubrange(FirstScreen.magic.count..<header, with: $0) }
            try bytes.write(to: file)
            if try read() == nil { refused += 1 }
        }
        // Most edits break the binary form or what it may hold; the rest change a text or a
        // number within bounds and read as such. None crashes.
        #expect(refused > 200)
        // A date no calendar holds, and a count past the end of the file.
        #expect(throws: (any Error).self) { try BinaryRecordCoding.decode(LocalDate.self, from: Data([BinaryRecordTag.day.rawValue] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])) }
        #expect(throws: (any Error).self) { try BinaryRecordCoding.decode(String.self, from: Data([BinaryRecordTag.string.rawValue] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])) }
    }
}
