import FieldbookCore
import Foundation
import Testing

/// A small definition with every question type, written the way an agency would edit one.
let smallDefinitionJSON = """
{
  "format": "fieldbook-questionnaire",
  "version": 2,
  "title": "Career profile",
  "sections": [
    {
      "id": "goals",
      "title": "Work goals",
      "questions": [
        {"id": "goal", "prompt": "What job would you like?", "type": "short-text", "summary": "job-goal"},
        {"id": "why", "prompt": "Why work now?", "type": "long-text", "help": "In your words."},
        {"id": "kinds", "prompt": "Kinds of work", "type": "multiple-choice", "summary": "preferred-work-types",
         "options": [{"id": "food", "label": "Food", "businessTypes": ["Cafe", "Restaurant"]}, {"id": "animals", "label": "Animals"}]},
        {"id": "other-kinds", "prompt": "Other kinds", "type": "short-text", "summary": "other-work-types"},
        {"id": "hours", "prompt": "Hours", "type": "single-choice", "summary": "preferred-hours",
         "options": [{"id": "part", "label": "Part time"}, {"id": "full", "label": "Full time"}]},
        {"id": "start", "prompt": "Start date", "type": "date"},
        {"id": "pay", "prompt": "Pay wanted", "type": "number"},
        {"id": "sure", "prompt": "How sure?", "type": "scale-1-5"},
        {"id": "drives", "prompt": "Do you drive?", "type": "yes-no"},
        {"id": "car", "prompt": "Do you have a car?", "type": "yes-no", "showIf": {"question": "drives", "oneOf": ["yes"]}}
      ]
    },
    {
      "id": "history",
      "title": "Work history",
      "questions": [
        {"id": "jobs", "prompt": "Past jobs", "type": "repeating", "questions": [
          {"id": "employer", "prompt": "Employer", "type": "short-text"},
          {"id": "ended", "prompt": "How it ended", "type": "single-choice", "options": [{"id": "quit", "label": "Quit"}, {"id": "other", "label": "Other"}]},
          {"id": "why-quit", "prompt": "Why?", "type": "long-text", "showIf": {"question": "ended", "oneOf": ["quit"]}}
        ]},
        {"id": "contact", "prompt": "Contact for a reference", "type": "group", "questions": [
          {"id": "name", "prompt": "Name", "type": "short-text"}
        ]}
      ]
    },
    {
      "id": "legal",
      "title": "Legal history",
      "sensitive": true,
      "questions": [
        {"id": "probation", "prompt": "On probation?", "type": "yes-no"}
      ]
    },
    {
      "id": "disclosure",
      "title": "Disclosure",
      "questions": [
        {"id": "disclose", "prompt": "May we tell employers?", "type": "single-choice", "summary": "disclosure",
         "options": [{"id": "yes", "label": "Yes"}, {"id": "no", "label": "No"}]},
        {"id": "health-note", "prompt": "Health note", "type": "long-text", "sensitive": true}
      ]
    }
  ]
}
"""

func smallDefinition() throws -> QuestionnaireDefinition {
    try QuestionnaireDefinition.parse(Data(smallDefinitionJSON.utf8))
}

@Suite struct CareerProfileDefinitionTests {
    @Test func theSmallDefinitionIsValid() throws {
        let definition = try smallDefinition()
        #expect(definition.version == 2)
        #expect(definition.questions.count == 15)
        #expect(definition.isSensitive("probation"))
        #expect(definition.isSensitive("health-note"))
        #expect(!definition.isSensitive("goal"))
    }

    /// Each wrong definition, the place its error must name, and words of the message.
    static let wrongDefinitions: [(name: String, from: String, to: String, place: String, says: String)] = [
        ("duplicate id", #"{"id": "why", "prompt""#, #"{"id": "goal", "prompt""#,
         "sections[0].questions[1] (goal)", "used twice (first at sections[0].questions[0] (goal))"),
        ("choice without options", #""options": [{"id": "part", "label": "Part time"}, {"id": "full", "label": "Full time"}]"#,
         #""options": []"#, "sections[0].questions[4] (hours)", "a single-choice question needs options"),
        ("condition on a missing question", #""showIf": {"question": "drives""#, #""showIf": {"question": "flies""#,
         "sections[0].questions[9] (car).showIf", "question \"flies\", which is not in the definition"),
        ("condition on a later question", #""showIf": {"question": "drives", "oneOf": ["yes"]}"#,
         #""showIf": {"question": "probation", "oneOf": ["yes"]}"#, "sections[0].questions[9] (car).showIf", "which comes later"),
        ("condition on an unknown option value", #""oneOf": ["quit"]"#, #""oneOf": ["fired"]"#,
         "sections[1].questions[0] (jobs).questions[2] (why-quit).showIf", "\"fired\" is not an answer of \"ended\""),
        ("condition on a text question", #""showIf": {"question": "drives", "oneOf": ["yes"]}"#,
         #""showIf": {"question": "goal", "oneOf": ["yes"]}"#, "sections[0].questions[9] (car).showIf", "conditions may depend on choice"),
        ("group without sub-questions", #""questions": [\#n          {"id": "name", "prompt": "Name", "type": "short-text"}\#n        ]"#,
         #""questions": []"#, "sections[1].questions[1] (contact)", "a group question needs sub-questions"),
        ("duplicate section", #""id": "legal","#, #""id": "goals","#, "sections[2] (goals)", "section id \"goals\" is used twice"),
        ("duplicate option", #"{"id": "animals", "label": "Animals"}"#, #"{"id": "food", "label": "Animals"}"#,
         "sections[0].questions[2] (kinds)", "option id \"food\" is used twice"),
        ("summary role given twice", #""type": "long-text", "help": "In your words.""#,
         #""type": "short-text", "summary": "job-goal""#, "sections[0].questions[1] (why)", "already given to sections[0].questions[0] (goal)"),
        ("options on a text question", #""prompt": "Other kinds", "type": "short-text""#,
         #""prompt": "Other kinds", "type": "short-text", "options": [{"id": "a", "label": "A"}]"#,
         "sections[0].questions[3] (other-kinds)", "has no options"),
        ("bad id", #"{"id": "pay", "#, #"{"id": "Pay Wanted", "#, "sections[0].questions[6] (Pay Wanted)", "lower-case letters"),
    ]

    @Test(arguments: 0..<wrongDefinitions.count)
    func aWrongDefinitionIsRefusedNamingThePlace(_ index: Int) throws {
        let wrong = Self.wrongDefinitions[index]
        #expect(smallDefinitionJSON.contains(wrong.from), "\(wrong.name): the test's text to replace is not in the definition")
        let text = smallDefinitionJSON.replacingOccurrences(of: wrong.from, with: wrong.to)
        do {
            _ = try QuestionnaireDefinition.parse(Data(text.utf8))
            Issue.record("\(wrong.name): the definition was accepted")
        } catch {
            let matching = error.problems.filter { $0.place == wrong.place && $0.message.contains(wrong.says) }
            #expect(!matching.isEmpty, "\(wrong.name): \(error.problems)")
        }
    }

    @Test func anUnknownTypeIsRefusedNamingThePlace() throws {
        let text = smallDefinitionJSON.replacingOccurrences(of: #""type": "date""#, with: #""type": "calendar""#)
        do {
            _ = try QuestionnaireDefinition.parse(Data(text.utf8))
            Issue.record("accepted an unknown type")
        } catch {
            guard case .unreadable(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("sections[0].questions[5].type"), "\(message)")
            #expect(message.contains("unknown type \"calendar\""), "\(message)")
        }
    }

    @Test func brokenJSONIsRefusedWithItsLine() {
        let text = String(smallDefinitionJSON.prefix(300))
        #expect(throws: DefinitionError.self) { try QuestionnaireDefinition.parse(Data(text.utf8)) }
    }

    @Test func theDefaultCareerProfileValidatesAndCoversEverySection() throws {
        let definition = try QuestionnaireDefinition.parse(Data(DefaultCareerProfile.json.utf8))
        #expect(definition == DefaultCareerProfile.definition)
        let sections = definition.sections.map(\.id)
        #expect(sections == ["work-goals", "education", "work-history", "job-preferences", "strengths",
                             "current-adjustment", "physical-health", "substance-use", "legal-history", "benefits",
                             "transportation", "disclosure", "support-network", "team-plan"])
        let all = definition.questions.map(\.question)
        let withSubQuestions = all.count + all.reduce(0) { $0 + $1.questions.count }
        #expect(all.count >= 150, "only \(all.count) questions")
        #expect(withSubQuestions >= 190)
        #expect(definition.sections.allSatisfy { $0.questions.count >= 8 })
        #expect(definition.sections.first { $0.id == "substance-use" }?.sensitive == true)
        for id in ["physical-health", "legal-history", "benefits"] {
            let section = try #require(definition.sections.first { $0.id == id })
            #expect(section.questions.allSatisfy { definition.isSensitive($0.id) }, "\(id) has a question not marked sensitive")
        }
        #expect(definition.question(for: .jobGoal) != nil)
        #expect(definition.question(for: .disclosure) != nil)
        #expect(definition.question(for: .preferredWorkTypes) != nil)
        let pastJobs = try #require(definition.question("past-jobs"))
        #expect(pastJobs.type == .repeating)
    }

    @Test func aNewDataFolderGetsACopyThatIsNeverOverwritten() throws {
        let folder = TemporaryFolder()
        _ = try Store(folder: folder.url)
        let copy = folder.path(CareerProfileLayout.definitionFile)
        #expect(try String(contentsOf: copy, encoding: .utf8) == DefaultCareerProfile.json)
        let attributes = try FileManager.default.attributesOfItem(atPath: copy.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let edited = smallDefinitionJSON.replacingOccurrences(of: "\"Career profile\"", with: "\"Our agency's profile\"")
        try Data(edited.utf8).write(to: copy)
        _ = try Store(folder: folder.url)
        let profiles = CareerProfileStore(folder: folder.url)
        #expect(try profiles.installDefaultDefinition() == false)
        #expect(try String(contentsOf: copy, encoding: .utf8) == edited)
        let (definition, problem) = profiles.definition()
        #expect(problem == nil)
        #expect(definition.title == "Our agency's profile")
    }

    @Test func aWrongCopyIsReportedLeftAloneAndTheDefaultUsed() throws {
        let folder = TemporaryFolder()
        _ = try Store(folder: folder.url)
        let copy = folder.path(CareerProfileLayout.definitionFile)
        let wrong = Data(smallDefinitionJSON.replacingOccurrences(of: #""oneOf": ["quit"]"#, with: #""oneOf": ["fired"]"#).utf8)
        try wrong.write(to: copy)
        let (definition, problem) = CareerProfileStore(folder: folder.url).definition()
        #expect(definition == DefaultCareerProfile.definition)
        let reported = try #require(problem)
        #expect(reported.path == CareerProfileLayout.definitionFile)
        #expect(reported.kind == .careerProfile)
        #expect(reported.message.contains("(why-quit).showIf"), "\(reported.message)")
        #expect(try Data(contentsOf: copy) == wrong)
    }
}
