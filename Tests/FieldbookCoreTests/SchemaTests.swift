import FieldbookCore
import Foundation
import Testing

/// The JSON Schema files in docs/schema describe what the store writes: every key written is
/// documented, and every key the schema requires is written.
@Suite struct SchemaTests {
    let schemaFolder = sampleData.deletingLastPathComponent().appendingPathComponent("docs/schema")

    func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: schemaFolder.appendingPathComponent("\(name).schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func object(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func compare(_ record: [String: Any], with schema: [String: Any], _ name: String) {
        let properties = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
        let required = Set(schema["required"] as? [String] ?? [])
        let written = Set(record.keys)
        #expect(written.subtracting(properties).isEmpty, "\(name): undocumented keys \(written.subtracting(properties))")
        #expect(required.subtracting(written).isEmpty, "\(name): required but not written \(required.subtracting(written))")
    }

    @Test func recordsMatchTheirSchemas() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        var full = Sample.client()
        full.email = "a@b.example"
        full.address = "1 Main St"
        full.mentalHealthTeam = "ACT"
        full.clinician = "Dr. X"
        full.vocationalRehabCounsellor = "VR"
        full.notes = "notes"
        full.jobs[0].endNote = "note"
        full.jobs[0].endDate = date("2026-11-10")
        full.jobs[0].lossLearnedOn = date("2026-11-12")
        full.jobs[0].selfEmployed = true
        full.jobs[0].supports = JobSupports(employerContact: "Sam", wanted: "Text first", notWanted: "Visits at work")
        full.followAlongStepDown = FollowAlongStepDown(date: date("2026-12-01"), to: "ACT team")
        let client = try store.save(full).record
        let specialist = try store.save(Sample.specialist).record
        var fullEmployer = Sample.employer
        fullEmployer.phone = "555-0100"
        fullEmployer.website = "https://bean.example"
        fullEmployer.hiringNeeds = "Weekend baristas"
        fullEmployer.notes = "notes"
        fullEmployer.people[0].phone = "555-0101"
        fullEmployer.people[0].email = "sam@bean.example"
        let employer = try store.save(fullEmployer).record
        var fullContact = Sample.employerContact(on: "2026-11-18", seekers: [client.id])
        fullContact.contactPersonID = employer.people[0].id
        fullContact.contactTitle = "Owner"
        fullContact.outcome = "outcome"
        let contact = try store.save(fullContact).record
        try store.save(Settings())

        let clientJSON = try object(folder.path(DataLayout.client(client.id)))
        let clientSchema = try schema("client")
        compare(clientJSON, with: clientSchema, "client")
        let defs = try #require(clientSchema["$defs"] as? [String: [String: Any]])
        compare(try #require((clientJSON["jobs"] as? [[String: Any]])?.first), with: try #require(defs["job"]), "job")
        compare(try #require((clientJSON["contacts"] as? [[String: Any]])?.first), with: try #require(defs["contact"]), "contact")
        compare(try object(folder.path(DataLayout.specialist(specialist.id))), with: try schema("specialist"), "specialist")
        let employerJSON = try object(folder.path(DataLayout.employer(employer.id)))
        let employerSchema = try schema("employer")
        compare(employerJSON, with: employerSchema, "employer")
        let peopleSchema = try #require((employerSchema["properties"] as? [String: Any])?["people"] as? [String: Any])
        compare(try #require((employerJSON["people"] as? [[String: Any]])?.first),
                with: try #require(peopleSchema["items"] as? [String: Any]), "employer person")
        compare(try object(folder.path("settings.json")), with: try schema("settings"), "settings")
        compare(try object(folder.path("fieldbook.json")), with: try schema("format"), "format")
        let month = try object(folder.path(DataLayout.employerContacts(specialist: contact.specialistID, month: contact.date)))
        let monthSchema = try schema("employer-contacts")
        compare(month, with: monthSchema, "employer-contacts")
        let contactDefs = try #require(monthSchema["$defs"] as? [String: [String: Any]])
        compare(try #require((month["contacts"] as? [[String: Any]])?.first), with: try #require(contactDefs["employerContact"]), "employer contact")
    }

    /// Each kind of career profile answer value, as written, has exactly one alternative of the
    /// session schema's values with its keys, top-level and inside a group's entry alike.
    @Test func everyAnswerValueMatchesOneAlternativeOfTheSessionSchema() throws {
        let defs = try #require(try schema("career-profile-session")["$defs"] as? [String: [String: Any]])
        let values = try #require(defs["value"]?["oneOf"] as? [[String: Any]])
        let entryAnswers = try #require(((defs["entry"]?["properties"] as? [String: Any])?["answers"] as? [String: Any])?["additionalProperties"]
            as? [String: Any])
        let inEntries = try #require(entryAnswers["oneOf"] as? [[String: Any]])
        let kinds: [AnswerValue] = [
            .text("a"), .choice("b"), .choices(["c"]), .yesNo(true), .date(date("2026-11-30")),
            .approximateDate(try ApproximateDate(year: 2012, month: 6)), .approximateDate(try ApproximateDate(year: 2012)),
            .number(4.5), .scale(3), .entries([GroupEntry(answers: ["x": .text("y")])]), .cleared,
        ]
        for value in kinds {
            let written = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
            func fits(_ alternative: [String: Any]) -> Bool {
                let properties = alternative["properties"] as? [String: [String: Any]] ?? [:]
                let required = Set(alternative["required"] as? [String] ?? [])
                guard Set(written.keys).isSubset(of: Set(properties.keys)), required.isSubset(of: Set(written.keys)) else { return false }
                // Patterns of string values (dates) hold.
                for (key, value) in written {
                    if let pattern = properties[key]?["pattern"] as? String, let text = value as? String,
                       text.range(of: pattern, options: .regularExpression) == nil { return false }
                }
                return true
            }
            #expect(values.filter(fits).count == 1, "\(value): \(written)")
            if case .entries = value { continue }
            if case .cleared = value { continue }
            #expect(inEntries.filter(fits).count == 1, "in an entry: \(value): \(written)")
        }
    }

    /// A fidelity review as the store writes it: its keys, a scored item's keys, and values
    /// inside the schema's bounds (dates, ids, scores 1-5, items 1-25).
    @Test func aFidelityReviewMatchesItsSchema() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let scores = FidelityScale.items.map { item in
            FidelityReview.Score(item: item.number, score: item.number == 3 ? nil : 1 + item.number % 5,
                                 note: item.number == 1 ? "Two caseloads above twenty" : nil)
        }
        let review = try store.save(FidelityReview(date: date("2026-11-21"), specialistID: Sample.specialist.id,
                                                   scores: scores, createdAt: instant(1_700_000_000))).record
        let json = try object(folder.path(DataLayout.fidelityReview(review.id)))
        let schema = try schema("fidelity-review")
        compare(json, with: schema, "fidelity review")
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        let scoreSchema = try #require(properties["scores"]?["items"] as? [String: Any])
        let written = try #require(json["scores"] as? [[String: Any]])
        #expect(written.count == 25)
        compare(try #require(written.first), with: scoreSchema, "fidelity score")
        let scoreProperties = try #require(scoreSchema["properties"] as? [String: [String: Any]])
        for (key, value) in written.flatMap({ $0 }) where key != "note" {
            let bounds = try #require(scoreProperties[key])
            let number = try #require(value as? Int, "\(key) is not an integer")
            #expect(number >= (bounds["minimum"] as? Int ?? .min) && number <= (bounds["maximum"] as? Int ?? .max), "\(key) \(number)")
        }
        #expect(!written.contains { $0["item"] as? Int == 3 && $0["score"] != nil }, "an item not scored has no score")
        for key in ["id", "specialistID", "date"] {
            let pattern = try #require(properties[key]?["pattern"] as? String)
            let text = try #require(json[key] as? String)
            #expect(text.range(of: pattern, options: .regularExpression) != nil, "\(key) \(text) against \(pattern)")
        }
    }
}
