import FieldbookCore
import Foundation
import Testing

/// Career profile files as `fieldbook check` and the JSON Schemas in docs/schema see them.
@Suite struct CareerProfileFilesTests {
    let schemaFolder = sampleData.deletingLastPathComponent().appendingPathComponent("docs/schema")

    func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func keys(_ schema: [String: Any]) -> (properties: Set<String>, required: Set<String>) {
        (Set((schema["properties"] as? [String: Any] ?? [:]).keys), Set(schema["required"] as? [String] ?? []))
    }

    func expectMatch(_ object: [String: Any], _ schema: [String: Any], _ name: String) {
        let (properties, required) = keys(schema)
        let written = Set(object.keys)
        #expect(written.subtracting(properties).isEmpty, "\(name): undocumented keys \(written.subtracting(properties))")
        #expect(required.subtracting(written).isEmpty, "\(name): required but not written \(required.subtracting(written))")
    }

    @Test func sessionFilesAndTheDefinitionMatchTheirSchemas() throws {
        let folder = TemporaryFolder()
        let store = CareerProfileStore(store: try Store(folder: folder.url))
        let definition = try smallDefinition()
        var session = store.startSession(for: UUID(), definition: definition, at: instant(1_772_359_200))
        let values: [(String, AnswerValue)] = [
            ("goal", .text("Cook")), ("kinds", .choices(["food"])), ("hours", .choice("part")), ("start", .date(date("2026-04-01"))),
            ("pay", .number(15)), ("sure", .scale(3)), ("drives", .yesNo(true)), ("why", .cleared),
            ("jobs", .entries([GroupEntry(answers: ["employer": .text("Library"), "ended": .choice("quit")])]))]
        for (id, value) in values {
            _ = try store.append(value, to: id, in: definition, by: Sample.specialist.id, source: .family, at: instant(1_772_359_200), session: &session)
        }
        let sessionSchema = try json(schemaFolder.appendingPathComponent("career-profile-session.schema.json"))
        let defs = try #require(sessionSchema["$defs"] as? [String: [String: Any]])
        let file = try json(folder.path(session.path))
        expectMatch(file, sessionSchema, "session")
        let answers = try #require(file["answers"] as? [[String: Any]])
        #expect(answers.count == values.count)
        let kinds = Set(try #require((defs["value"]?["oneOf"] as? [[String: Any]])).flatMap { keys($0).properties })
        for answer in answers {
            expectMatch(answer, try #require(defs["answer"]), "answer")
            let value = try #require(answer["value"] as? [String: Any])
            #expect(value.count == 1 && kinds.isSuperset(of: value.keys), "\(value)")
        }
        let entry = try #require(((answers.last?["value"] as? [String: Any])?["entries"] as? [[String: Any]])?.first)
        expectMatch(entry, try #require(defs["entry"]), "entry")

        let questionnaireSchema = try json(schemaFolder.appendingPathComponent("questionnaire.schema.json"))
        let questionnaireDefs = try #require(questionnaireSchema["$defs"] as? [String: [String: Any]])
        let copy = try json(folder.path(CareerProfileLayout.definitionFile))
        expectMatch(copy, questionnaireSchema, "questionnaire")
        for section in try #require(copy["sections"] as? [[String: Any]]) {
            expectMatch(section, try #require(questionnaireDefs["section"]), "section")
            for question in try #require(section["questions"] as? [[String: Any]]) {
                expectMatch(question, try #require(questionnaireDefs["question"]), "question")
                for option in question["options"] as? [[String: Any]] ?? [] {
                    expectMatch(option, try #require(questionnaireDefs["option"]), "option")
                }
            }
        }
    }

    @Test func checkReportsBrokenProfileFilesAndAWrongDefinition() throws {
        let folder = TemporaryFolder()
        let store = CareerProfileStore(store: try Store(folder: folder.url))
        #expect(DataCheck.run(folder: folder.url).isEmpty)
        let definition = store.definition().definition
        let client = UUID()
        var session = store.startSession(for: client, definition: definition, at: instant(1_772_359_200))
        _ = try store.append(.text("Cook"), to: "job-goal", in: definition, by: nil, source: .client, at: instant(1_772_359_200), session: &session)
        #expect(DataCheck.run(folder: folder.url).isEmpty)

        try Data("{\"clientID\": 3}".utf8).write(to: folder.path(session.path))
        try Data("{\"format\": \"fieldbook-questionnaire\"}".utf8).write(to: folder.path(CareerProfileLayout.definitionFile))
        let problems = DataCheck.run(folder: folder.url)
        #expect(problems.map(\.path).sorted() == [CareerProfileLayout.definitionFile, session.path].sorted(), "\(problems)")
        #expect(problems.allSatisfy { $0.kind == .careerProfile })
        #expect(problems.contains { $0.message.contains("clientID") })
    }
}
