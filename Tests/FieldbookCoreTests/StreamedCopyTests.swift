@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// `fieldbook export all --json` streamed from the folder: byte for byte what the copy of the
/// loaded folder writes (the way it was made before), on the sample data, a generated folder and
/// a folder of hand-edited files; the same problems as a load; copied bytes only where they are
/// the encoder's.
@Suite struct StreamedCopyTests {
    /// The full copy as it was made before streaming: the loaded folder through Foundation's
    /// encoder with the data files' options.
    static func copyOfTheLoadedFolder(_ folder: URL) throws -> (bytes: [UInt8], problems: [DataProblem]) {
        let snapshot = try Store(folder: folder, mode: .readOnly).load()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return (Array(try encoder.encode(FullCopy(snapshot))) + [0x0A], snapshot.problems)
    }

    static func streamed(_ folder: URL) throws -> (bytes: [UInt8], problems: [DataProblem], copy: StreamedCopy) {
        let copy = StreamedCopy(try Store(folder: folder, mode: .readOnly))
        var bytes: [UInt8] = []
        try copy.write { bytes += $0 }
        return (bytes, copy.problems, copy)
    }

    static func expectSame(_ folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> StreamedCopy {
        let before = try copyOfTheLoadedFolder(folder)
        let after = try streamed(folder)
        #expect(after.bytes.count == before.bytes.count, sourceLocation: sourceLocation)
        if after.bytes != before.bytes {
            let at = (0..<min(after.bytes.count, before.bytes.count)).first { after.bytes[$0] != before.bytes[$0] } ?? min(after.bytes.count, before.bytes.count)
            let around = { (bytes: [UInt8]) in String(decoding: bytes[max(0, at - 200)..<min(bytes.count, at + 200)], as: UTF8.self) }
            Issue.record("differs at byte \(at):\n--- streamed\n\(around(after.bytes))\n--- loaded\n\(around(before.bytes))",
                         sourceLocation: sourceLocation)
        }
        #expect(after.problems == before.problems, sourceLocation: sourceLocation)
        #expect(after.copy.recordCount == (try FullCopy.read(Data(before.bytes))).recordCount, sourceLocation: sourceLocation)
        return after.copy
    }

    func copyOfSampleData(_ temp: TemporaryFolder) throws -> URL {
        let folder = temp.path("data")
        try FileManager.default.copyItem(at: OnePassLoadTests.sampleData, to: folder)
        return folder
    }

    @Test func theSampleDataComesOutAsTheLoadedFolderDoes() throws {
        let temp = TemporaryFolder()
        let copy = try Self.expectSame(try copyOfSampleData(temp))
        #expect(copy.copiedRecords == copy.recordCount, "every sample record is in the encoder's form: copied")
    }

    @Test func aGeneratedFolderComesOutAsTheLoadedFolderDoes() throws {
        let temp = TemporaryFolder()
        let folder = temp.path("caseload")
        _ = try SyntheticFolder.write(.caseload, to: folder)
        let copy = try Self.expectSame(folder)
        #expect(copy.copiedRecords == copy.recordCount)
        #expect(copy.recordCount > 1_500)
    }

    func edit(_ file: URL, _ change: (String) throws -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = try change(text)
        #expect(changed != text, "the edit changed \(file.lastPathComponent)")
        try Data(changed.utf8).write(to: file)
    }

    func files(_ folder: URL, _ relative: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(relative).path).sorted()
            .map { folder.appendingPathComponent(relative).appendingPathComponent($0) }
    }

    /// Files a person or an older Fieldbook wrote: each must come out as the loaded folder's
    /// copy writes it (decoded and encoded again), and the rest still copied.
    @Test func handEditedFilesComeOutAsTheLoadedFolderDoes() throws {
        let temp = TemporaryFolder()
        let folder = temp.path("caseload")
        _ = try SyntheticFolder.write(.caseload, to: folder)
        let clients = try files(folder, "clients")
        let specialistFolder = try files(folder, "employer-contacts")[0]
        let months = try FileManager.default.contentsOfDirectory(atPath: specialistFolder.path).sorted()
            .map { specialistFolder.appendingPathComponent($0) }
        // A field this version does not know, at the top and inside a contact.
        try edit(clients[0]) { $0.replacingOccurrences(of: "{\n  \"", with: "{\n  \"aNewerField\" : [1, 2.50, \"x\"],\n  \"") }
        try edit(months[0]) { text in
            var text = text
            let first = text.range(of: "\"createdAt\"")!
            text.insert(contentsOf: "\"colour\" : \"blue\",\n      ", at: first.lowerBound)
            return text
        }
        // Keys in another order, and the whole file on one line.
        try edit(clients[1]) { text in
            let value = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let reordered = try value.keys.sorted(by: >).map { key in
                "\"\(key)\":" + String(decoding: try JSONSerialization.data(withJSONObject: value[key] ?? NSNull(), options: [.fragmentsAllowed]),
                                       as: UTF8.self)
            }
            return "{" + reordered.joined(separator: ",") + "}"
        }
        // Escapes where the encoder writes the character itself, and a text with control characters.
        try edit(clients[2]) { $0.replacingOccurrences(of: "\"name\" : \"", with: "\"name\" : \"\\u00e9\\/\\t\\u001b") }
        // Lower-case ids and a timestamp with an offset of its own.
        try edit(clients[3]) { text in
            var text = text
            let id = text.range(of: "\"id\" : \"")!.upperBound
            let end = text.index(id, offsetBy: 36)
            text.replaceSubrange(id..<end, with: text[id..<end].lowercased())
            return text.replacingOccurrences(of: #""createdAt" : "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(Z|[+-]\d\d:\d\d)""#,
                                             with: "\"createdAt\" : \"$1+05:45\"", options: .regularExpression)
        }
        try edit(months[1]) { $0.replacingOccurrences(of: #"Z""#, with: #".250Z""#) }
        // An older file: a field added later (with a default) absent, and an optional written as null.
        try edit(clients[4]) { text in
            text.replacingOccurrences(of: #"\n  "statusHistory" : \[[^\]]*\],"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "{\n  \"", with: "{\n  \"notes\" : null,\n  \"")
        }
        // A copy of a client under another name (not loaded), a misnamed file, one that does not read.
        try FileManager.default.copyItem(at: clients[5], to: folder.appendingPathComponent("clients/copy.json"))
        try FileManager.default.moveItem(at: clients[6], to: folder.appendingPathComponent("clients/misnamed.json"))
        try Data("{\"id\": ".utf8).write(to: clients[7])
        try Data("<<<<<<< ours\n{}\n=======\n{}\n>>>>>>> theirs\n".utf8).write(to: clients[8])
        try FileManager.default.copyItem(at: clients[9], to: folder.appendingPathComponent("clients/"
            + clients[9].deletingPathExtension().lastPathComponent + ".sync-conflict-20261201-120000-ABCDEFG.json"))
        // A contact in two months: the later version (by updatedAt) is the one kept.
        try edit(months[2]) { text in
            let month = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: months[3])) as? [String: Any])
            let moved = try #require((month["contacts"] as? [[String: Any]])?.first)
            var later = moved
            later["updatedAt"] = "2030-01-01T00:00:00Z"
            later["outcome"] = "the later version"
            let item = String(decoding: try JSONSerialization.data(withJSONObject: later, options: [.sortedKeys]), as: UTF8.self)
            return text.replacingOccurrences(of: "\"contacts\" : [\n", with: "\"contacts\" : [\n" + item + ",\n")
        }
        try edit(folder.appendingPathComponent("settings.json")) { $0.replacingOccurrences(of: "{\n", with: "{\"unknownSetting\": true,\n") }

        let copy = try Self.expectSame(folder)
        #expect(copy.copiedRecords < copy.recordCount, "the edited records are encoded again")
        #expect(copy.copiedRecords > copy.recordCount - 40, "the others are copied")
        #expect(copy.problems.count >= 6)
    }

    /// The same contact in two month files with the same `updatedAt`: the version read first
    /// (the earlier file in the listing) is kept, by the load and by the copy alike.
    @Test func aContactTiedOnUpdatedAtKeepsTheVersionReadFirst() throws {
        let temp = TemporaryFolder()
        let folder = temp.path("caseload")
        _ = try SyntheticFolder.write(.caseload, to: folder)
        let specialistFolder = try files(folder, "employer-contacts")[0]
        let months = try FileManager.default.contentsOfDirectory(atPath: specialistFolder.path).sorted()
            .map { specialistFolder.appendingPathComponent($0) }
        let month = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: months[1])) as? [String: Any])
        var tie = try #require((month["contacts"] as? [[String: Any]])?.first)
        let idText = try #require(tie["id"] as? String)
        let id = try #require(UUID(uuidString: idText))
        tie["outcome"] = "the version read first"
        try edit(months[0]) { text in
            let item = String(decoding: try JSONSerialization.data(withJSONObject: tie, options: [.sortedKeys]), as: UTF8.self)
            return text.replacingOccurrences(of: "\"contacts\" : [\n", with: "\"contacts\" : [\n" + item + ",\n")
        }
        let loaded = try Store(folder: folder, mode: .readOnly).load()
        #expect(loaded.employerContacts.filter { $0.id == id }.map(\.outcome) == ["the version read first"])
        _ = try Self.expectSame(folder)
    }

    @Test func anEncryptedFolderComesOutAsTheLoadedFolderDoes() throws {
        let temp = TemporaryFolder()
        let folder = try copyOfSampleData(temp)
        let key = try encryptFolder(folder)
        let before = try Store(folder: folder, mode: .readOnly, transform: key.transform).load()
        let copy = StreamedCopy(try Store(folder: folder, mode: .readOnly, transform: key.transform))
        var bytes: [UInt8] = []
        try copy.write { bytes += $0 }
        #expect(bytes == Array(try FullCopy(before).data()))
        #expect(copy.problems == before.problems)
    }

    @Test func aFileChangedBetweenTheReadingsStopsTheCopy() throws {
        let temp = TemporaryFolder()
        let folder = try copyOfSampleData(temp)
        let copy = StreamedCopy(try Store(folder: folder, mode: .readOnly))
        try edit(try files(folder, "clients")[0]) { $0.replacingOccurrences(of: "\"name\" : \"", with: "\"name\" : \"X") }
        #expect(throws: StoreError.self) { try copy.write { _ in } }
    }

    /// The contacts' own encoding is `TreeEncoding`'s, with every optional set and with none.
    @Test func contactsAreEncodedAsTheTreeEncoderWritesThem() throws {
        let full = EmployerContact(
            date: date("2026-11-16"), specialistID: UUID(), employerID: UUID(), contactPersonID: UUID(),
            contactPerson: "Sam \"S\" Patel\u{1b}", contactTitle: "Owner / 李", purpose: .presentJobSeeker, method: .faceToFace,
            jobSeekerPresent: true, jobSeekerIDs: [UUID(), UUID()], hiringNeeds: "Weekend\nshifts", outcome: "=good",
            nextStep: "Call back", nextStepDate: date("2026-11-23"), createdAt: instant(1_763_300_000),
            updatedAt: instant(1_763_300_100))
        let bare = EmployerContact(date: date("2026-11-17"), specialistID: UUID(), employerID: UUID(), purpose: .init(rawValue: "new"),
                                   method: .email, createdAt: instant(1_763_300_000))
        for contact in [full, bare] {
            for depth in [0, 2] {
                var out: [UInt8] = []
                CopyEncoding.employerContact(contact, depth: depth, into: &out)
                var tree: [UInt8] = []
                JSONWriter.append(try TreeEncoding.encode(contact), depth: depth, into: &tree)
                #expect(out == tree)
            }
        }
        var client = Client(name: "Zoë", programEntryDate: date("2026-03-01"), createdAt: instant(1_751_000_000))
        for contacts in [[], [ClientContact(date: date("2026-03-02"), kind: .phone, createdAt: instant(1_751_000_100)),
                              ClientContact(date: date("2026-03-03"), kind: .init(rawValue: "letter"), place: "Café\t1",
                                            note: "\"ok\"", specialistID: UUID(), createdAt: instant(1_751_000_200))]] {
            client.contacts = contacts
            for depth in [0, 2] {
                var out: [UInt8] = []
                try CopyEncoding.client(client, depth: depth, into: &out)
                var tree: [UInt8] = []
                JSONWriter.append(try TreeEncoding.encode(client), depth: depth, into: &tree)
                #expect(out == tree)
            }
        }
    }

    /// A record copied from the top of its file is the encoder's two levels deeper, empty lists
    /// and objects included.
    @Test func aRecordAtTheTopIsIndentedAsTheEncoderIndentsIt() throws {
        let client = Client(name: "Zoë", programEntryDate: date("2026-03-01"), createdAt: instant(1_751_000_000))
        var top: [UInt8] = []
        JSONWriter.append(try TreeEncoding.encode(client), depth: 0, into: &top)
        #expect(String(decoding: top, as: UTF8.self).contains("[\n\n  ]"), "the test holds an empty list")
        var deeper: [UInt8] = []
        JSONWriter.append(try TreeEncoding.encode(client), depth: 2, into: &deeper)
        var indented: [UInt8] = []
        StreamedCopy.appendIndented(top[...], by: 2, into: &indented)
        #expect(indented == deeper)
    }
}
