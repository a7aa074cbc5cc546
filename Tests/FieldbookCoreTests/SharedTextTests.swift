@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// Texts of the records a file holds, moved into one buffer they share (`PackedText.share`):
/// each record reads, compares, hashes and writes as with a buffer of its own, and a record
/// changed afterwards changes alone. A client's contact holds its place and note that way too,
/// and reads and writes as the plain fields it replaces.
@Suite struct SharedTextTests {
    struct Holder { var text: PackedText }

    static let texts = CompactRecordTests.texts

    /// Records of three fields: every text in every place, all-nil and all-empty records among them.
    static func holders() -> [Holder] {
        var fields: [[String?]] = [[nil, nil, nil], ["", "", ""]]
        for (offset, text) in texts.enumerated() {
            fields.append([text, texts[(offset + 1) % texts.count], texts[(offset + 3) % texts.count]])
            fields.append([nil, text, nil])
            fields.append([nil, nil, nil])
        }
        return fields.map { Holder(text: PackedText(fields: $0)) }
    }

    @Test func sharedTextsReadCompareAndHashAsTheirOwn() {
        let own = Self.holders()
        var shared = own
        PackedText.share(&shared, \.text)
        #expect(shared.count == own.count)
        for (a, b) in zip(own, shared) {
            #expect(a.text.fields(3) == b.text.fields(3))
            #expect(a.text == b.text && a.text.hashValue == b.text.hashValue)
        }
        // Neighbours in the shared buffer are not equal unless their fields are.
        for index in shared.indices.dropFirst() where own[index].text.fields(3) != own[index - 1].text.fields(3) {
            #expect(shared[index].text != shared[index - 1].text)
        }
        // Shared again (a second read of the same list): still the same fields.
        var twice = shared
        PackedText.share(&twice, \.text)
        #expect(twice.map { $0.text.fields(3) } == own.map { $0.text.fields(3) })
    }

    @Test func aRecordChangedAfterSharingChangesAlone() {
        var shared = Self.holders()
        PackedText.share(&shared, \.text)
        let before = shared.map { $0.text.fields(3) }
        for index in shared.indices {
            var edited = shared
            edited[index].text[1, of: 3] = "changed"
            edited[index].text[2, of: 3] = nil
            for other in edited.indices {
                if other == index {
                    #expect(edited[other].text.fields(3) == [before[index][0], "changed", nil])
                } else {
                    #expect(edited[other].text.fields(3) == before[other])
                }
            }
        }
        #expect(shared.map { $0.text.fields(3) } == before)
    }

    @Test func nothingToShareLeavesTheRecords() {
        var empty: [Holder] = []
        PackedText.share(&empty, \.text)
        #expect(empty.isEmpty)
        var allNil = [Holder(text: PackedText(nil, nil)), Holder(text: PackedText(nil, nil))]
        PackedText.share(&allNil, \.text)
        #expect(allNil.allSatisfy { $0.text.fields(2) == [nil, nil] && $0.text == PackedText(nil, nil) })
    }

    @Test func contactsOfAMonthReadAsOneThenEditedOneByOne() throws {
        let folder = TemporaryFolder()
        _ = try SyntheticFolder.write(.caseload, to: folder.url)
        let root = folder.url.appendingPathComponent("employer-contacts")
        let specialist = try #require(try FileManager.default.contentsOfDirectory(atPath: root.path).first)
        let months = root.appendingPathComponent(specialist)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: months.path).sorted().first)
        let data = try Data(contentsOf: months.appendingPathComponent(name))
        let plain = try JSONCoding.decoder().decode(CompactRecordTests.PlainMonth.self, from: data).contacts
        var taped = try TapeDecoding.decode(EmployerContactMonth.self, from: data, fastPaths: true).contacts
        #expect(plain.count > 2)
        #expect(taped == plain.map(\.contact))
        taped[1].outcome = "Offered a trial shift"
        taped[1].contactPerson = nil
        for (index, contact) in taped.enumerated() {
            var expected = plain[index]
            if index == 1 { (expected.outcome, expected.contactPerson) = ("Offered a trial shift", nil) }
            #expect(CompactRecordTests.PlainContact(contact) == expected)
            #expect(try JSONCoding.encoder().encode(contact) == JSONCoding.encoder().encode(expected))
        }
    }

    // MARK: A client's contacts

    /// A client's contact as it was held before: every field stored, `Codable` synthesized.
    struct PlainClientContact: Codable, Equatable {
        var id: UUID
        var date: LocalDate
        var kind: ClientContactKind
        var place: String?
        var note: String?
        var specialistID: UUID?
        var createdAt: Date

        init(_ c: ClientContact) {
            (id, date, kind, place, note, specialistID, createdAt) = (c.id, c.date, c.kind, c.place, c.note, c.specialistID, c.createdAt)
        }

        var contact: ClientContact {
            ClientContact(id: id, date: date, kind: kind, place: place, note: note, specialistID: specialistID, createdAt: createdAt)
        }
    }

    struct PlainClient: Codable { var contacts: [PlainClientContact] }

    /// Every contact of every client file: read as before, as now and through the fast path,
    /// the same contact; written as before and as now, the same bytes.
    static func clientContactsSameAsPlain(in folder: URL) throws -> Int {
        let root = folder.appendingPathComponent("clients")
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: root.appendingPathComponent(name))
            let plain = try JSONCoding.decoder().decode(PlainClient.self, from: data).contacts
            let compact = try JSONCoding.decoder().decode(Client.self, from: data).contacts
            let taped = try TapeDecoding.decode(Client.self, from: data, fastPaths: true).contacts
            #expect(compact == plain.map(\.contact))
            #expect(taped == plain.map(\.contact))
            #expect(taped.map(PlainClientContact.init) == plain)
            for (before, now) in zip(plain, taped) {
                #expect(try JSONCoding.encoder().encode(before) == JSONCoding.encoder().encode(now))
            }
            count += plain.count
        }
        return count
    }

    @Test func sampleClientContactsReadAndWriteAsBefore() throws {
        #expect(try Self.clientContactsSameAsPlain(in: OnePassLoadTests.sampleData) > 50)
    }

    @Test func generatedClientContactsReadAndWriteAsBefore() throws {
        let folder = TemporaryFolder()
        let snapshot = try SyntheticFolder.write(.caseload, to: folder.url)
        #expect(try Self.clientContactsSameAsPlain(in: folder.url) == snapshot.clients.reduce(0) { $0 + $1.contacts.count })
    }

    @Test func aBadClientContactFailsAsBefore() throws {
        let good = #"{"id":"FE9539F3-F26E-4260-893B-80B73300C62D","date":"2025-06-01","kind":"phone","createdAt":"2025-06-01T09:00:00Z""#
        let variants = [
            good + "}", good + #","note":null}"#, good + #","note":3}"#, good + #","place":"Library","note":"Talked about \"work\""}"#,
            good + #","place":"","note":""}"#, good + #","specialistID":"not-an-id"}"#, good + #","place":null,"later":1}"#,
            good.replacingOccurrences(of: #""date":"2025-06-01","#, with: "") + "}",
            good.replacingOccurrences(of: #""kind":"phone","#, with: #""kind":7,"#) + "}",
        ]
        for variant in variants {
            let data = Data(variant.utf8)
            let plain = Result { try JSONCoding.decoder().decode(PlainClientContact.self, from: data).contact }
            let compact = Result { try JSONCoding.decoder().decode(ClientContact.self, from: data) }
            switch (plain, compact) {
            case (.success(let a), .success(let b)):
                #expect(a == b, Comment(rawValue: variant))
                #expect(PlainClientContact(a) == PlainClientContact(b), Comment(rawValue: variant))
            case (.failure(let a), .failure(let b)): #expect(String(describing: a) == String(describing: b), Comment(rawValue: variant))
            default: Issue.record("read differently: \(variant)")
            }
        }
    }

    @Test func aChangedFieldIsNamedAsTheFileNamesIt() {
        let contact = ClientContact(date: LocalDate(dayNumber: 20_000), kind: .phone, place: "Library", note: "Asked about hours",
                                    createdAt: Date(timeIntervalSince1970: 0))
        var shared = [contact, contact]
        ClientContact.shareText(&shared)
        #expect(CSVImport.Working.changedFields(contact, shared[1]).isEmpty)
        var edited = shared[1]
        edited.note = "Asked about weekend hours"
        #expect(CSVImport.Working.changedFields(contact, edited) == ["note"])
        edited.place = nil
        #expect(CSVImport.Working.changedFields(contact, edited) == ["place", "note"])

        let visit = EmployerContact(date: LocalDate(dayNumber: 20_000), specialistID: UUID(), employerID: UUID(), contactPerson: "Ann",
                                    purpose: .followUp, method: .phone, outcome: "Hiring in spring", createdAt: Date(timeIntervalSince1970: 0))
        var visits = [visit, visit]
        EmployerContact.shareText(&visits)
        #expect(CSVImport.Working.changedFields(visit, visits[0]).isEmpty)
        var changed = visits[0]
        changed.outcome = "Hiring now"
        changed.method = .faceToFace
        #expect(CSVImport.Working.changedFields(visit, changed) == ["method", "outcome"])
    }

    @Test func aClientContactIsHeldWithoutPadding() {
        #expect(MemoryLayout<ClientContact>.size <= 81)
        #expect(MemoryLayout<EmployerContact>.size <= 171)
    }
}
