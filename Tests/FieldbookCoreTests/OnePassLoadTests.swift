@testable import FieldbookCore
import Foundation
import Testing

/// The load reads each file once (a strict reader into a tape, records decoded from it). These
/// tests hold it to what the two-pass load did: the same records as Foundation's decoder, and the
/// same refusals.
@Suite struct OnePassLoadTests {
    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")

    func files(under folder: String) -> [URL] {
        let root = Self.sampleData.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var urls: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "json" { urls.append(url) }
        }
        return urls.sorted { $0.path < $1.path }
    }

    func sameAsFoundation<T: Decodable & Equatable>(_ type: T.Type, in folder: String) throws -> Int {
        var count = 0
        for url in files(under: folder) {
            let data = try Data(contentsOf: url)
            let expected = try JSONCoding.decoder().decode(type, from: data)
            let decoded = try TapeDecoding.decode(type, from: data)
            #expect(decoded == expected, "\(url.lastPathComponent)")
            count += 1
        }
        return count
    }

    @Test func everySampleFileDecodesAsFoundationDecodesIt() throws {
        #expect(try sameAsFoundation(Client.self, in: DataLayout.clients) > 10)
        #expect(try sameAsFoundation(Specialist.self, in: DataLayout.specialists) > 0)
        #expect(try sameAsFoundation(Employer.self, in: DataLayout.employers) > 10)
        #expect(try sameAsFoundation(EmployerContactMonth.self, in: DataLayout.employerContacts) > 5)
        let settings = try Data(contentsOf: Self.sampleData.appendingPathComponent(DataLayout.settingsFile))
        #expect(try TapeDecoding.decode(Settings.self, from: settings) == JSONCoding.decoder().decode(Settings.self, from: settings))
    }

    @Test func escapesNumbersAndOlderFilesReadAsFoundationReadsThem() throws {
        let text = """
        {"id":"2B1F0C3E-8C1D-4F5E-9A7B-1C2D3E4F5A6B","name":"Jos\\u00e9 \\"Pepe\\" \\ud83d\\ude00\\n","title":"Owner","hires":true}
        """
        let person = try TapeDecoding.decode(EmployerPerson.self, from: Data(text.utf8))
        #expect(person == (try JSONCoding.decoder().decode(EmployerPerson.self, from: Data(text.utf8))))
        #expect(person.name == "José \"Pepe\" 😀\n")
        // A person written before people had ids gets the id derived from its place in the list.
        let employer = """
        {"id":"2b1f0c3e-8c1d-4f5e-9a7b-1c2d3e4f5a6b","name":"Mill","people":[{"name":"A","hires":false},{"name":"B","hires":true}],
         "createdAt":"2026-11-22T09:30:00+01:00","updatedAt":"2026-11-22T09:30:00.5Z"}
        """
        let decoded = try TapeDecoding.decode(Employer.self, from: Data(employer.utf8))
        #expect(decoded == (try JSONCoding.decoder().decode(Employer.self, from: Data(employer.utf8))))
        #expect(decoded.people[0].id != decoded.people[1].id)
        let job = """
        {"id":"2b1f0c3e-8c1d-4f5e-9a7b-1c2d3e4f5a6b","employerName":"Mill","title":"Baker","startDate":"2026-02-29",
         "hoursPerWeek":12.5,"hourlyWage":15.75,"isCompetitive":true}
        """
        #expect(throws: (any Error).self) { try TapeDecoding.decode(Job.self, from: Data(job.utf8)) }
        let valid = job.replacingOccurrences(of: "2026-02-29", with: "2028-02-29")
        #expect(try TapeDecoding.decode(Job.self, from: Data(valid.utf8)) == JSONCoding.decoder().decode(Job.self, from: Data(valid.utf8)))
    }

    @Test func aBadValueIsNamedByItsFieldPath() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        var client = Sample.client()
        client.contacts = [ClientContact(date: date("2026-11-02"), kind: .phone, createdAt: instant(1_700_000_000))]
        try store.save(client)
        let url = folder.path(DataLayout.client(client.id))
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"2026-11-02\"", with: "\"2026-13-02\"").utf8).write(to: url)
        let problem = try #require(store.load().problems.first { $0.path == DataLayout.client(client.id) })
        #expect(problem.message.hasPrefix("contacts[0].date: "), "\(problem.message)")
    }

    @Test func aKeyTwiceIsRefusedWithEscapesAndInLargeObjects() throws {
        // The same key written once plainly and once with an escape.
        let escaped = #"{"name":"a","n\u0061me":"b"}"#
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(Data(escaped.utf8)) }
        // An object larger than records ever are, its last key a repeat of its first.
        let members = (0..<200).map { "\"k\($0)\":\($0)" } + ["\"k0\":1"]
        let large = "{" + members.joined(separator: ",") + "}"
        do {
            _ = try JSONReader.parse(Data(large.utf8))
            Issue.record("a repeated key in a large object was accepted")
        } catch {
            #expect(error.reason.contains("\"k0\" appears twice"), "\(error)")
        }
        // Nested objects may reuse their parent's keys.
        let nested = #"{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}"#
        #expect(try JSONReader.parse(Data(nested.utf8))["a"] != nil)
    }

    @Test func aKeyTwiceIsRefusedAfterKeysInSortedOrder() throws {
        // Files are written with sorted keys; a repeat breaks the order wherever it comes.
        for text in [
            #"{"a":1,"b":2,"c":3,"b":4}"#,
            #"{"a":1,"b":2,"b":3}"#,
            #"{"a":1,"b":2,"c":3,"a":4,"d":5}"#,
            // More keys than are compared in place, in order, then the middle one again.
            "{" + ((0..<60).map { String(format: "\"k%03d\":%d", $0, $0) } + ["\"k030\":1"]).joined(separator: ",") + "}",
        ] {
            do {
                _ = try JSONReader.parse(Data(text.utf8))
                Issue.record("a repeated key was accepted: \(text.prefix(40))")
            } catch {
                #expect(error.reason.contains("appears twice"), "\(error)")
            }
        }
        // Sorted keys, and keys out of order, all different: read.
        #expect(try JSONReader.parse(Data(#"{"a":1,"b":2,"c":{"a":1,"b":2}}"#.utf8))["c"] != nil)
        #expect(try JSONReader.parse(Data(#"{"c":1,"b":2,"a":3,"ab":4}"#.utf8))["ab"] != nil)
    }
}
