@testable import FieldbookCore
import Foundation
import Testing

/// Every `--json` of the command line goes through `CommandJSON`: snake_case keys, ids in
/// lower case, everything else as it is.
@Suite struct CommandJSONTests {
    struct Seeker: Encodable {
        var id: UUID
        var name: String
    }

    struct Sample: Encodable {
        var clientID: UUID
        var specialistID: UUID?
        var jobSeekerIDs: [UUID]
        var onBehalfOf: [Seeker]
        var faceToFace: Int
        var repeatShare: Double
        var day90: Bool
        var byStatus: [String: Int]
        var note: String
        var id: String
        var dueOn: LocalDate
    }

    static let upper = UUID(uuidString: "8821CA96-2A67-4C6B-B93A-D4D524ABEF8A")!
    static let other = UUID(uuidString: "0B5E1A2C-1111-4D2E-9F00-ABCDEFABCDEF")!

    static func sample() -> Sample {
        Sample(clientID: upper, specialistID: nil, jobSeekerIDs: [upper, other],
               onBehalfOf: [Seeker(id: other, name: "José \u{1B}[31m")], faceToFace: 3, repeatShare: 0.3636, day90: true,
               byStatus: ["job-search": 2, "follow-along": 1], note: upper.uuidString, id: "C-1A2B3C4D",
               dueOn: LocalDate(dayNumber: 20_000))
    }

    @Test func keysAreSnakeCaseAndIdsLowerCase() throws {
        let data = try CommandJSON.data(Self.sample())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["client_id", "job_seeker_ids", "on_behalf_of", "face_to_face",
                                     "repeat_share", "day90", "by_status", "note", "id", "due_on"])
        #expect(object["client_id"] as? String == "8821ca96-2a67-4c6b-b93a-d4d524abef8a")
        #expect(object["job_seeker_ids"] as? [String] == [Self.upper.uuidString.lowercased(), Self.other.uuidString.lowercased()])
        let seeker = try #require((object["on_behalf_of"] as? [[String: Any]])?.first)
        #expect(seeker["id"] as? String == Self.other.uuidString.lowercased())
        #expect(seeker["name"] as? String == "José \u{1B}[31m")
        // Data is data: a status value used as a key, an id-looking note, a code under `id`.
        #expect(object["by_status"] as? [String: Int] == ["job-search": 2, "follow-along": 1])
        #expect(object["note"] as? String == Self.upper.uuidString)
        #expect(object["id"] as? String == "C-1A2B3C4D")
        #expect(object["due_on"] as? String == LocalDate(dayNumber: 20_000).description)
        // A nil optional is left out, as JSONEncoder leaves it out.
        #expect(object["specialist_id"] == nil)
    }

    @Test func theLayoutIsTheFilesLayoutAndNumbersKeepTheirText() throws {
        let text = String(decoding: try CommandJSON.data(Self.sample()), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"by_status\" : {\n    \"follow-along\" : 1,\n    \"job-search\" : 2\n  },\n"), "\(text)")
        #expect(text.contains("\"repeat_share\" : 0.3636\n}"), "\(text)")
        #expect(text.contains("\"face_to_face\" : 3,\n"))
        #expect(text.contains(#""name" : "José \u001b[31m""#), "\(text)")
        #expect(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"))
    }

    @Test func anArrayAtTheTopAndAnEmptyOne() throws {
        #expect(String(decoding: try CommandJSON.data([Seeker(id: Self.upper, name: "A")]), as: UTF8.self)
            == "[\n  {\n    \"id\" : \"8821ca96-2a67-4c6b-b93a-d4d524abef8a\",\n    \"name\" : \"A\"\n  }\n]\n")
        #expect(String(decoding: try CommandJSON.data([Seeker]()), as: UTF8.self) == "[\n\n]\n")
    }

    @Test(arguments: [
        ("clientID", "client_id"), ("faceToFace", "face_to_face"), ("jobSeekerIDs", "job_seeker_ids"),
        ("day90", "day90"), ("day90Count", "day90_count"), ("URLValue", "url_value"), ("id", "id"),
        ("hub", "hub"), ("last_sync", "last_sync"), ("job-search", "job-search"), ("IDs", "ids"),
        ("previousScore", "previous_score"), ("deidentifiedIDsSeen", "deidentified_ids_seen"), ("", ""),
    ])
    func snakeCase(_ name: String, _ expected: String) {
        #expect(CommandJSON.snakeCase(name) == expected)
    }

    /// The reports' keys are those docs/reports.md lists, as Foundation's own conversion made
    /// them before every output shared one encoder.
    @Test func everyReportKeepsItsDocumentedKeys() throws {
        func keys(_ value: Any) -> Set<String> {
            if let object = value as? [String: Any] {
                return object.reduce(into: Set(object.keys)) { $0.formUnion(keys($1.value)) }
            }
            if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(keys($1)) } }
            return []
        }
        let foundation = JSONEncoder()
        foundation.keyEncodingStrategy = .convertToSnakeCase
        for name in ReportCatalog.names {
            let report = try #require(ReportCatalog.report(name, ReportData.input()))
            let before = keys(try JSONSerialization.jsonObject(with: foundation.encode(report)))
            let now = keys(try JSONSerialization.jsonObject(with: CommandJSON.data(report)))
            #expect(now == before, "\(name)")
            #expect(now.count > 5, "\(name): \(now)")
        }
    }
}
