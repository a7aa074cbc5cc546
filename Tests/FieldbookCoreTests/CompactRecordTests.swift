@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// The compact forms held in memory (`PackedText` for an employer contact's text, `LocalDate`
/// in one word, known values' text shared) give the same answers as the plain fields they
/// replace: the same fields, the same equality, the same bytes written and the same errors read.
@Suite struct CompactRecordTests {
    /// An employer contact as it was held before: every field stored, `Codable` synthesized.
    struct PlainContact: Codable, Equatable {
        var id: UUID
        var date: LocalDate
        var specialistID: UUID
        var employerID: UUID
        var contactPersonID: UUID?
        var contactPerson: String?
        var contactTitle: String?
        var purpose: EmployerContactPurpose
        var method: EmployerContactMethod
        var jobSeekerPresent: Bool
        var jobSeekerIDs: [UUID]
        var hiringNeeds: String?
        var outcome: String?
        var nextStep: String?
        var nextStepDate: LocalDate?
        var createdAt: Date
        var updatedAt: Date

        init(_ c: EmployerContact) {
            (id, date, specialistID, employerID, contactPersonID) = (c.id, c.date, c.specialistID, c.employerID, c.contactPersonID)
            (contactPerson, contactTitle, purpose, method) = (c.contactPerson, c.contactTitle, c.purpose, c.method)
            (jobSeekerPresent, jobSeekerIDs, hiringNeeds, outcome) = (c.jobSeekerPresent, c.jobSeekerIDs, c.hiringNeeds, c.outcome)
            (nextStep, nextStepDate, createdAt, updatedAt) = (c.nextStep, c.nextStepDate, c.createdAt, c.updatedAt)
        }

        var contact: EmployerContact {
            EmployerContact(id: id, date: date, specialistID: specialistID, employerID: employerID, contactPersonID: contactPersonID,
                            contactPerson: contactPerson, contactTitle: contactTitle, purpose: purpose, method: method,
                            jobSeekerPresent: jobSeekerPresent, jobSeekerIDs: jobSeekerIDs, hiringNeeds: hiringNeeds,
                            outcome: outcome, nextStep: nextStep, nextStepDate: nextStepDate, createdAt: createdAt, updatedAt: updatedAt)
        }
    }

    struct PlainMonth: Codable { var contacts: [PlainContact] }

    static let texts: [String?] = [nil, "", "Tomás", "Likes working with animals.", "e\u{301}", "line\nbreak \u{1}",
                                   String(repeating: "long text ", count: 40), "日本語のメモ"]

    @Test func everyFieldHoldsWhatWasPutEvenBesideTheOthers() {
        // Each field alone with every text, and every field holding a different text at once.
        for index in 0..<5 {
            for text in Self.texts {
                var fields = [String?](repeating: "x", count: 5)
                fields[index] = text
                let packed = PackedText(fields: fields)
                #expect(packed.fields(5) == fields)
                var allNil = [String?](repeating: nil, count: 5)
                allNil[index] = text
                #expect(PackedText(fields: allNil).fields(5) == allNil)
            }
        }
        for shift in 0..<Self.texts.count {
            let fields = (0..<5).map { Self.texts[($0 + shift) % Self.texts.count] }
            #expect(PackedText(fields: fields).fields(5) == fields)
        }
        #expect(PackedText(nil, nil, nil).fields(3) == [nil, nil, nil])
        #expect(PackedText("", "", "").fields(3) == ["", "", ""])
    }

    @Test func settingOneFieldLeavesTheOthers() {
        var packed = PackedText("a", nil, "c", "", "e")
        packed[1, of: 5] = "b"
        #expect(packed.fields(5) == ["a", "b", "c", "", "e"])
        packed[3, of: 5] = nil
        #expect(packed.fields(5) == ["a", "b", "c", nil, "e"])
        for index in 0..<5 { packed[index, of: 5] = nil }
        #expect(packed == PackedText(nil, nil, nil, nil, nil))
    }

    @Test func equalAndHashedAsTheStringsAre() {
        // Canonically equivalent text is equal as a `String` is, though its bytes differ.
        let composed = PackedText("caf\u{E9}", nil), decomposed = PackedText("cafe\u{301}", nil)
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(PackedText("a", nil) != PackedText(nil, "a"))
        #expect(PackedText("", nil) != PackedText(nil, nil))
        #expect(PackedText("ab", "c") != PackedText("a", "bc"))
        var a = EmployerContact(date: date("2026-01-05"), specialistID: UUID(), employerID: UUID(), contactPerson: "caf\u{E9}",
                                purpose: .followUp, method: .phone, createdAt: instant(0))
        var b = a
        b.contactPerson = "cafe\u{301}"
        #expect(a == b && a.hashValue == b.hashValue)
        b.outcome = "Hired"
        #expect(a != b)
        a.outcome = "Hired"
        #expect(a == b)
    }

    /// Every contact of every month file: read as before and as now, the same contact; written
    /// as before and as now, the same bytes.
    static func sameAsPlain(in folder: URL) throws -> Int {
        let root = folder.appendingPathComponent("employer-contacts")
        var count = 0
        for specialist in try FileManager.default.contentsOfDirectory(atPath: root.path) {
            let months = root.appendingPathComponent(specialist)
            for name in try FileManager.default.contentsOfDirectory(atPath: months.path) where name.hasSuffix(".json") {
                let data = try Data(contentsOf: months.appendingPathComponent(name))
                let plain = try JSONCoding.decoder().decode(PlainMonth.self, from: data).contacts
                let compact = try JSONCoding.decoder().decode(EmployerContactMonth.self, from: data).contacts
                let taped = try TapeDecoding.decode(EmployerContactMonth.self, from: data, fastPaths: true).contacts
                #expect(compact == plain.map(\.contact))
                #expect(taped == plain.map(\.contact))
                #expect(compact.map(PlainContact.init) == plain)
                for (before, now) in zip(plain, compact) {
                    #expect(try JSONCoding.encoder().encode(before) == JSONCoding.encoder().encode(now))
                }
                count += plain.count
            }
        }
        return count
    }

    @Test func sampleContactsReadAndWriteAsBefore() throws {
        #expect(try Self.sameAsPlain(in: OnePassLoadTests.sampleData) > 50)
    }

    @Test func generatedContactsReadAndWriteAsBefore() throws {
        let folder = TemporaryFolder()
        let snapshot = try SyntheticFolder.write(.caseload, to: folder.url)
        #expect(try Self.sameAsPlain(in: folder.url) == snapshot.employerContacts.count)
    }

    @Test func aBadContactFailsAsBefore() throws {
        let good = #"{"id":"FE9539F3-F26E-4260-893B-80B73300C62D","date":"2025-06-01","specialistID":"77FFE2D0-F0F8-442E-ABE8-1F4928DC2FAB","employerID":"749258FD-B8E0-40E6-914C-A1A081EBC936","purpose":"follow-up","method":"phone","jobSeekerPresent":false,"jobSeekerIDs":[],"createdAt":"2025-06-01T09:00:00Z","updatedAt":"2025-06-01T09:00:00Z""#
        let variants = [
            good + "}", good + #","hiringNeeds":null}"#, good + #","outcome":3}"#, good + #","nextStep":"Call","nextStepDate":"2025-02-30"}"#,
            good.replacingOccurrences(of: #""date":"2025-06-01","#, with: "") + "}",
            good.replacingOccurrences(of: #""purpose":"follow-up","#, with: #""purpose":7,"#) + "}",
            good + #","contactPerson":"Ann","contactTitle":"Manager","later":1}"#,
        ]
        for variant in variants {
            let data = Data(variant.utf8)
            let plain = Result { try JSONCoding.decoder().decode(PlainContact.self, from: data).contact }
            let compact = Result { try JSONCoding.decoder().decode(EmployerContact.self, from: data) }
            switch (plain, compact) {
            case (.success(let a), .success(let b)): #expect(a == b, Comment(rawValue: variant))
            case (.failure(let a), .failure(let b)): #expect(String(describing: a) == String(describing: b), Comment(rawValue: variant))
            default: Issue.record("read differently: \(variant)")
            }
        }
    }

    @Test func knownValuesShareTheirText() throws {
        let data = Data(#""present-job-seeker""#.utf8)
        let purpose = try JSONDecoder().decode(EmployerContactPurpose.self, from: data)
        #expect(purpose == .presentJobSeeker)
        #expect(EmployerContactPurpose(sharing: "present-job-seeker") == .presentJobSeeker)
        // A value this version does not know is held as written.
        #expect(EmployerContactPurpose(sharing: "a-purpose-from-a-newer-version").rawValue == "a-purpose-from-a-newer-version")
        #expect(!EmployerContactPurpose(sharing: "a-purpose-from-a-newer-version").isKnown)
        #expect(ClientContactKind(sharing: "outreach-attempt") == .outreachAttempt)
    }

    @Test func datesInOneWordKeepTheirPartsAndOrderBeyondTheFormatsYears() throws {
        // Years a date's arithmetic can reach but the file format cannot hold, on both sides.
        let edges = [LocalDate(dayNumber: try LocalDate(parsing: "0001-01-01").dayNumber - 400),
                     try LocalDate(parsing: "0001-01-01"), try LocalDate(parsing: "1969-12-31"), try LocalDate(parsing: "1970-01-01"),
                     try LocalDate(parsing: "2025-12-31"), try LocalDate(parsing: "2026-01-01"), try LocalDate(parsing: "9999-12-31"),
                     try LocalDate(parsing: "9999-12-31").adding(days: 1), try LocalDate(parsing: "9999-12-31").adding(months: 30)]
        #expect(edges[0].year == -1 && edges[0].month == 11 && edges[0].day == 28, "\(edges[0].year) \(edges[0].month) \(edges[0].day)")
        #expect(LocalDate(dayNumber: edges[0].dayNumber) == edges[0])
        #expect(edges[7].year == 10000 && edges[7].month == 1 && edges[7].day == 1)
        #expect(edges[8].year == 10002 && edges[8].month == 6 && edges[8].day == 30)
        for (earlier, later) in zip(edges, edges.dropFirst()) {
            #expect(earlier < later && !(later < earlier) && earlier != later)
            #expect(earlier.dayNumber < later.dayNumber)
        }
        let negative = LocalDate(dayNumber: -800_000)
        #expect(negative.year < 0 && negative < edges[0] && LocalDate(dayNumber: negative.dayNumber) == negative)
        #expect((1...12).contains(negative.month) && (1...31).contains(negative.day))
        #expect(try LocalDate(year: 2024, month: 2, day: 29) == LocalDate(parsing: "2024-02-29"))
        #expect(MemoryLayout<LocalDate>.size == 8)
    }
}
