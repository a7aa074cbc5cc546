@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// The export's straight paths for employers against the slow paths they stand for: the fast
/// path (`TapeFastPath.employer`) gives what `Employer`'s `Decodable` gives through `TapeDecoder`
/// (the same record, or the same error), and `CopyEncoding.employer` writes what its synthesized
/// `Encodable` writes through `TreeEncoding` and `JSONWriter`, which the proof then takes whole.
@Suite struct EmployerFastPathTests {
    typealias Outcome = ContactFastPathTests.Outcome<Employer>

    static func fullEmployer() -> Employer {
        Employer(
            name: "Café \"Nord\" 李", businessType: "Retail\t/ shop", address: "1 Rue d'Été", phone: "555-0100",
            website: "https://example.org/a\\b",
            people: [EmployerPerson(name: "Ana Ōta", title: "Owner", phone: "555", email: "ana@example.org", hires: true),
                     EmployerPerson(name: "", hires: false)],
            hiringNeeds: "Weekend\nshifts \u{1b}", notes: "",
            dueDismissals: [DueDismissal(kind: .employerNextStep, dueOn: date("2026-09-05"), employerContactID: UUID(),
                                         reason: "Closed — März", dismissedOn: date("2026-09-04"), specialistID: UUID(),
                                         createdAt: instant(1_756_000_000))],
            createdAt: instant(1_751_000_000), updatedAt: instant(1_751_000_500))
    }

    static func bareEmployer() -> Employer { Employer(name: "", createdAt: instant(1_751_000_000)) }

    static func file(_ employer: Employer) throws -> String {
        String(decoding: JSONWriter.bytes(try TreeEncoding.encode(employer)), as: UTF8.self)
    }

    static let paths = RecordStraightPaths<Employer>(
        read: { try TapeFastPath.employer(from: $0) }, takes: { (try? TapeFastPath.employer($0, at: 0)) != nil },
        write: { CopyEncoding.employer($0, depth: $1, into: &$2) }, prove: { CopyEncoding.employer($0, depth: $1, into: &$2) })

    static func outcome(_ data: Data, fast: Bool) -> Outcome { paths.outcome(data, fast: fast) }

    @discardableResult
    static func same(_ text: String, _ comment: String) -> (outcome: Outcome, taken: Bool) { paths.same(text, comment) }

    static func expectEncodedAsTheTree(_ employer: Employer, _ comment: String) throws { try paths.expectEncodedAsTheTree(employer, comment) }

    static func everyEmployerIsTheSame(in folder: URL) throws -> Int {
        let employers = folder.appendingPathComponent(DataLayout.employers)
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: employers.path).sorted() where name.hasSuffix(".json") {
            let text = try String(contentsOf: employers.appendingPathComponent(name), encoding: .utf8)
            let (outcome, taken) = same(text, name)
            #expect(taken, "\(name) is plain: the fast path takes it")
            guard case .record(let employer) = outcome else {
                Issue.record("\(name) does not decode")
                continue
            }
            try expectEncodedAsTheTree(employer, name)
            count += 1
        }
        return count
    }

    @Test func everySampleAndGeneratedEmployerIsTheSameBothWays() throws {
        #expect(try Self.everyEmployerIsTheSame(in: OnePassLoadTests.sampleData) >= 5)
        let temp = TemporaryFolder()
        let snapshot = try SyntheticFolder.write(.caseload, to: temp.url)
        #expect(try Self.everyEmployerIsTheSame(in: temp.url) == snapshot.employers.count)
    }

    @Test func handMadeAndHandEditedEmployersAreTheSameBothWays() throws {
        try Self.expectEncodedAsTheTree(Self.fullEmployer(), "every optional set")
        try Self.expectEncodedAsTheTree(Self.bareEmployer(), "no optional set")
        for employer in [Self.fullEmployer(), Self.bareEmployer()] {
            let (outcome, taken) = Self.same(try Self.file(employer), employer.name)
            #expect(taken)
            #expect(outcome == .record(employer))
        }
        let original = try Self.file(Self.fullEmployer())
        let edits: [(name: String, plain: Bool, edit: (String) -> String)] = [
            ("an unknown key at the top and in a person", true, { $0.replacingOccurrences(of: "{\n  \"address\"", with: "{\n  \"rating\" : 5,\n  \"address\"")
                .replacingOccurrences(of: "\"hires\" : true", with: "\"hires\" : true, \"shoe\" : [null]") }),
            ("optionals null and absent", true, { $0.replacingOccurrences(of: #""(address|website|title|jobID)" : "[^"\n]*""#, with: "\"$1\" : null", options: .regularExpression)
                .replacingOccurrences(of: #"\n  "phone" : "555-0100","#, with: "", options: .regularExpression) }),
            ("dismissals absent", true, { $0.replacingOccurrences(of: #"\n  "dueDismissals" : \[[^\]]*\],"#, with: "", options: .regularExpression) }),
            ("escapes and non-ASCII text", true, { $0.replacingOccurrences(of: "\"name\" : \"Ana", with: "\"name\" : \"\\u00e9\\/ ☎ Ana") }),
            ("a person without an id (an older file)", false, { $0.replacingOccurrences(of: #"("hires" : true,\n\s*)"id" : "[^"]*","#, with: "$1", options: .regularExpression) }),
            ("a person's id null", false, { $0.replacingOccurrences(of: #"("hires" : true,\n\s*)"id" : "[^"]*""#, with: "$1\"id\" : null", options: .regularExpression) }),
            ("an escaped key", false, { $0.replacingOccurrences(of: "\"notes\"", with: "\"n\\u006ftes\"") }),
            ("the name absent", false, { $0.replacingOccurrences(of: "\"name\" : \"Café", with: "\"nom\" : \"Café") }),
            ("hires as text", false, { $0.replacingOccurrences(of: "\"hires\" : true", with: "\"hires\" : \"yes\"") }),
            ("a bad timestamp", false, { $0.replacingOccurrences(of: #""createdAt" : "2"#, with: "\"createdAt\" : \"x2", options: .regularExpression) }),
        ]
        var records = 0, errors = 0
        for (name, plain, edit) in edits {
            let text = edit(original)
            #expect(text != original, "\(name) changed the file")
            let (outcome, taken) = Self.same(text, name)
            #expect(taken == plain, "\(name): taken by the fast path \(taken)")
            switch outcome {
            case .record(let employer):
                records += 1
                try Self.expectEncodedAsTheTree(employer, name)
            case .error:
                errors += 1
            }
        }
        #expect(records >= 7)
        #expect(errors >= 3)
    }
}
