@testable import FieldbookCore
import Foundation
import Testing

/// The store builds a record's JSON tree with `TreeEncoder`; files must keep the bytes the
/// Foundation encoder gave them (`JSONCoding.encode`, read back by the strict reader).
@Suite struct TreeEncoderTests {
    /// The tree both ways, and the file's bytes both ways.
    private func expectSameAsFoundation<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let foundation = try JSONCoding.encode(value)
        let tree = try TreeEncoding.encode(value)
        #expect(tree == (try JSONReader.parse(foundation)), sourceLocation: sourceLocation)
        #expect(JSONWriter.data(tree) == foundation, sourceLocation: sourceLocation)
    }

    static let awkward = [
        "", "plain", "Zoë \"Z\" \\ a/b\n\t\r\u{08}\u{0C}\u{01}\u{1B}[2J\u{7F}", "中文 日本語 한국어",
        "🙂 👩‍👩‍👧 🏳️‍🌈", "e\u{0308} \u{2028}\u{2029} \u{FEFF}", String(repeating: "long ", count: 300),
    ]

    /// Timestamps with fractions of a second: the encoder writes whole seconds, as Foundation's does.
    static let odd = Date(timeIntervalSince1970: 1_763_612_345.987_654)

    @Test func aClientWithEveryFieldAndAwkwardTextHasTheSameTreeAndBytes() throws {
        for text in Self.awkward {
            let specialist = UUID()
            let job = Job(employerID: UUID(), employerName: text, title: text, startDate: date("2026-09-01"),
                          endDate: date("2026-10-15"), hoursPerWeek: 37.5, hourlyWage: Decimal(string: "15.505"),
                          endReason: .resigned)
            var client = Client(
                name: text, preferredName: text, phone: text, email: text, address: text,
                programEntryDate: date("2026-06-07"), referralSource: text, referralDate: date("2026-05-20"),
                specialistID: specialist, status: .working,
                statusHistory: [StatusChange(date: date("2026-09-01"), from: .jobSearch, to: .working)],
                declinedFollowAlong: true, followAlongIntervalDays: 14, workingAtEntry: false,
                mentalHealthTeam: text, clinician: text, vocationalRehabCounsellor: text,
                benefits: [.ssi, .medicaid, Benefit(rawValue: "a benefit of a later version")],
                benefitsPlanningDone: true, disclosure: Disclosure(preference: .limited, whatMayBeSaid: text),
                notes: text, jobs: [job],
                contacts: [ClientContact(date: date("2026-11-20"), kind: .faceToFace, place: text, note: text,
                                         specialistID: specialist, createdAt: Self.odd)],
                dueDismissals: [DueDismissal(kind: .weekly, dueOn: date("2026-11-21"), jobID: job.id,
                                             employerContactID: UUID(), reason: text, dismissedOn: date("2026-11-22"),
                                             specialistID: specialist, createdAt: Self.odd)],
                createdAt: Self.odd, updatedAt: Date(timeIntervalSince1970: -86_400 * 400))
            client.externalID = text
            try expectSameAsFoundation(client)
        }
    }

    @Test func recordsWithEveryOptionalAbsentHaveTheSameTreeAndBytes() throws {
        try expectSameAsFoundation(Client(name: "A", programEntryDate: date("2026-01-01"), createdAt: instant(0)))
        try expectSameAsFoundation(Job(employerName: "", title: "", startDate: date("2026-01-01")))
        try expectSameAsFoundation(Employer(name: "B"))
        try expectSameAsFoundation(Specialist(name: "C"))
        try expectSameAsFoundation(Settings())
        try expectSameAsFoundation(FidelityReview(date: date("2026-03-31")))
        try expectSameAsFoundation(EmployerContactMonth(specialistID: UUID(), month: "2026-03", contacts: []))
    }

    @Test func recordsWithEveryOptionalPresentHaveTheSameTreeAndBytes() throws {
        for text in Self.awkward {
            let contact = EmployerContact(
                date: date("2026-03-02"), specialistID: UUID(), employerID: UUID(), contactPersonID: UUID(),
                contactPerson: text, contactTitle: text, purpose: .learnNeeds, method: .phone, jobSeekerPresent: true,
                jobSeekerIDs: [UUID(), UUID()], hiringNeeds: text, outcome: text, nextStep: text,
                nextStepDate: date("2026-03-09"), createdAt: Self.odd, updatedAt: Self.odd)
            try expectSameAsFoundation(EmployerContactMonth(specialistID: UUID(), month: "2026-03",
                                                            contacts: [contact, Sample.employerContact(on: "2026-03-05")]))
            try expectSameAsFoundation(Employer(
                name: text, businessType: text, address: text, phone: text, website: text,
                people: [EmployerPerson(name: text, title: text, phone: text, email: text, hires: true)],
                hiringNeeds: text, notes: text, createdAt: Self.odd))
            try expectSameAsFoundation(Specialist(name: text, email: text, phone: text, isActive: false, createdAt: Self.odd))
            try expectSameAsFoundation(Settings(programName: text, caseloadLimit: -1, idleLockMinutes: Int.max))
            try expectSameAsFoundation(FidelityReview(
                date: date("2026-03-31"), specialistID: UUID(),
                scores: [.init(item: 1, score: 5, note: text), .init(item: 2, score: nil)], createdAt: Self.odd))
        }
    }

    /// Numbers in the text Foundation's encoder writes: shortest form, no trailing `.0`,
    /// exponents as it writes them; decimals as their own text.
    @Test func numbersHaveFoundationsText() throws {
        struct Numbers: Encodable {
            var doubles: [Double]
            var floats: [Float]
            var decimals: [Decimal]
            var single: Double
            var ints: [Int64]
            var unsigned: UInt64
            var small: Int8
        }
        var doubles: [Double] = [0, -0.0, 1, -1, 0.1, 0.5, 37.5, 1.0 / 3, 2.0 / 3, 1e15, 1e16, 1e17, 1e21, 1e22,
                                 123_456_789.123, 1e-4, 1e-5, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                 .leastNormalMagnitude, -.greatestFiniteMagnitude, 4.35, 0.000_123]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            doubles.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF | (generator.next() & 1) << 63))
            doubles.append(Double(Int.random(in: -100_000...100_000)) / 100)
        }
        let floats: [Float] = [0, 1, 0.1, 37.5, 1e-7, 3.402_823e38, 16_777_216, .leastNonzeroMagnitude] + doubles.prefix(50).map { Float($0) }.filter(\.isFinite)
        let decimals = ["0", "15.50", "15.505", "-3", "1e3", "0.000001", "123456789012345678901234567890", "99.99"]
            .compactMap { Decimal(string: $0) }
        try expectSameAsFoundation(Numbers(doubles: doubles, floats: floats, decimals: decimals, single: 20,
                                           ints: [0, -1, .max, .min], unsigned: .max, small: -128))
    }

    @Test func aNumberThatIsNotJSONIsAnErrorAsWithFoundation() {
        struct Hours: Encodable { var hours: Double }
        #expect(throws: EncodingError.self) { try TreeEncoding.encode(Hours(hours: .nan)) }
        #expect(throws: EncodingError.self) { try TreeEncoding.encode([Double.infinity]) }
        #expect(throws: (any Error).self) { try JSONCoding.encode(Hours(hours: .nan)) }
    }

    /// Hand-written conformances: nested containers, super encoders, explicit nulls, and the
    /// types Foundation's encoder writes in ways of its own.
    @Test func handWrittenEncodingsHaveTheSameTreeAndBytes() throws {
        struct Shape: Encodable {
            let id = UUID()
            enum Keys: String, CodingKey { case a, b, c, d, nothing, url, data, nestedList, parent }
            func encode(to encoder: any Encoder) throws {
                var top = encoder.container(keyedBy: Keys.self)
                var nested = top.nestedContainer(keyedBy: Keys.self, forKey: .a)
                try nested.encode("inner", forKey: .b)
                try nested.encodeNil(forKey: .c)
                var list = top.nestedUnkeyedContainer(forKey: .nestedList)
                try list.encode(1)
                var inList = list.nestedContainer(keyedBy: Keys.self)
                try list.encode("after")
                try inList.encode(true, forKey: .d)
                var listInList = list.nestedUnkeyedContainer()
                try listInList.encode(Date(timeIntervalSince1970: 0))
                try top.encode(Optional<String>.none, forKey: .nothing)
                try top.encode(URL(string: "https://example.org/a b?x=1")!, forKey: .url)
                try top.encode(Data([0, 1, 2, 250, 255]), forKey: .data)
                try ["k": 1, "j": 2].encode(to: top.superEncoder())
                try [3: "three"].encode(to: top.superEncoder(forKey: .parent))
                try top.encode(Optional(Decimal(string: "2.50")!), forKey: .d)
                nested = top.nestedContainer(keyedBy: Keys.self, forKey: .b)
                try nested.encode(id, forKey: .a)
            }
        }
        try expectSameAsFoundation(Shape())
        try expectSameAsFoundation([[UUID()]: "a"].map(\.value))
    }
}

@Suite struct UUIDTextWritingTests {
    @Test func writesFoundationsUpperCaseText() {
        var ids = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                   UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        ids += (0..<1_000).map { _ in UUID() }
        for id in ids {
            #expect(UUIDText.text(id) == id.uuidString)
        }
    }
}
