import FieldbookCore
import Foundation
import Testing

@Suite struct CareerProfileExportTests {
    let client = Sample.client(name: "José \u{1B}[31mÁlvarez")
    static let day1 = instant(1_772_359_200) // 2026-03-01T10:00:00Z
    static let day20 = instant(1_774_000_800) // 2026-03-20T10:00:00Z

    func profile() throws -> (CareerProfile, QuestionnaireDefinition) {
        let definition = try smallDefinition()
        let folder = TemporaryFolder()
        let store = CareerProfileStore(store: try Store(folder: folder.url))
        var first = store.startSession(for: client.id, definition: definition, at: Self.day1)
        let answers: [(String, AnswerValue)] = [
            ("goal", .text("Cook *and* [baker] # 1. <b>")),
            ("why", .text("Money\n\u{1B}]0;owned\u{07}routine")),
            ("probation", .yesNo(true)),
            ("health-note", .text("Takes a morning pill")),
            ("jobs", .entries([GroupEntry(answers: ["employer": .text("Bean There"), "ended": .choice("quit"), "why-quit": .text("Hours")])])),
            ("retired-question", .text("an old answer")),
        ]
        for (id, value) in answers where id != "retired-question" {
            _ = try store.append(value, to: id, in: definition, by: Sample.specialist.id, source: .client, at: Self.day1, session: &first)
        }
        var second = store.startSession(for: client.id, definition: definition, at: Self.day20)
        _ = try store.append(.text("Baker"), to: "goal", in: definition, by: nil, source: .team, at: Self.day20, session: &second)
        // An answer to a question since removed from the definition.
        var widened = definition
        widened.sections[0].questions.append(Question(id: "retired-question", prompt: "Old", type: .shortText))
        _ = try store.append(.text("an old answer"), to: "retired-question", in: widened, by: nil, source: .records, at: Self.day20, session: &second)
        return (CareerProfileStore(folder: folder.url, mode: .readOnly).profile(of: client.id).profile, definition)
    }

    static let printedOn = date("2026-03-25")

    func render(_ format: ProfileExport.Format, omitSensitive: Bool = false, asOf: LocalDate? = nil) throws -> String {
        let (profile, definition) = try profile()
        return ProfileExport.render(profile, of: client, definition: definition, specialists: [Sample.specialist],
                                    options: .init(format: format, omitSensitive: omitSensitive, asOf: asOf, printedOn: Self.printedOn))
    }

    @Test func markdownWithEverySection() throws {
        let text = try render(.markdown)
        #expect(text.hasPrefix("# Career profile: José ^\\[\\[31mÁlvarez\n"), "\(text.prefix(80))")
        #expect(text.contains("## Legal history (sensitive)"))
        #expect(text.contains("**On probation?**\nYes\n"))
        #expect(text.contains("**Health note (sensitive)**\nTakes a morning pill"))
        #expect(text.contains("\nBaker\n_Source: Treatment team, 2026-03-20_"))
        #expect(text.contains("Money\n\n^\\[\\]0;owned^Groutine"), "control characters made visible, the line break kept")
        #expect(text.contains("    - Employer: Bean There"))
        #expect(text.contains("    - Why?: Hours"))
        #expect(text.contains("## Retired questions"))
        #expect(text.contains("**retired-question**\nan old answer"))
        #expect(text.contains("**What job would you like?**\nBaker"))
        #expect(text.contains("_Not answered: 7 questions_"))
        #expect(text.contains("_Not answered: Contact for a reference_"))
        #expect(!text.contains("**Start date**"), "an unanswered question is folded into its section's line")
        #expect(!text.contains("Do you have a car?"), "a question whose condition is not met is not printed")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func markdownSignificantCharactersAreEscaped() throws {
        let (profile, definition) = try profile()
        let text = ProfileExport.render(profile, of: client, definition: definition, specialists: [],
                                        options: .init(format: .markdown, asOf: date("2026-03-01"), printedOn: Self.printedOn))
        #expect(text.contains("Cook \\*and\\* \\[baker\\] \\# 1. \\<b\\>"), "\(text)")
        let plain = ProfileExport.render(profile, of: client, definition: definition, specialists: [],
                                         options: .init(format: .text, asOf: date("2026-03-01"), printedOn: Self.printedOn))
        #expect(plain.contains("    Cook *and* [baker] # 1. <b>"))
    }

    @Test func omittingSensitiveInformation() throws {
        for format in ProfileExport.Format.allCases {
            let text = try render(format, omitSensitive: true)
            #expect(!text.contains("Legal history"), "\(format)")
            #expect(!text.contains("probation"), "\(format)")
            #expect(!text.contains("Health note"), "\(format)")
            #expect(!text.contains("morning pill"), "\(format)")
            #expect(!text.contains("Retired questions"), "retired answers may be sensitive: \(format)")
            #expect(text.contains("sensitive sections and questions left out"))
            #expect(text.contains("Baker"))
            #expect(text.contains("Disclosure"), "\(format)")
        }
    }

    @Test func asOfADate() throws {
        let text = try render(.text, asOf: date("2026-03-05"))
        #expect(text.contains("Printed on 2026-03-25, as of 2026-03-05"))
        #expect(text.contains("    Cook *and* [baker]"))
        #expect(!text.contains("Baker"))
        #expect(!text.contains("Retired questions"))
        #expect(text.contains("[Client, 2026-03-01, Maria Okafor]"))
    }

    @Test func plainTextLayout() throws {
        let text = try render(.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Career profile: José ^[[31mÁlvarez")
        #expect(lines[1].allSatisfy { $0 == "=" })
        #expect(text.contains("Work goals\n----------\n"))
        #expect(text.contains("Why work now?\n    Money\n    ^[]0;owned^Groutine\n"))
        #expect(text.contains("    1.\n      Employer: Bean There\n"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    // MARK: The Markdown copy's former defects

    @Test func aDateOrANumberStartingALineIsNotEscaped() {
        #expect(MarkdownProbe.escape("2012-06-01") == "2012-06-01")
        #expect(MarkdownProbe.escape("Started 2012-06-01\n2012-06-01 to 2013-01-31") == "Started 2012-06-01\n2012-06-01 to 2013-01-31")
        #expect(MarkdownProbe.escape("3.5 hours") == "3.5 hours")
        // What would start a list, a quote or an underline still is escaped.
        #expect(MarkdownProbe.escape("- item\n  + other\n===") == "\\- item\n  \\+ other\n\\===")
        #expect(MarkdownProbe.escape("1. first\n12) second") == "1\\. first\n12\\) second")
        #expect(MarkdownProbe.escape("a - b = c") == "a - b = c")
    }

    @Test func noLineEndsInABackslash() throws {
        let text = try render(.markdown)
        #expect(text.contains("Money\n\n^\\[\\]0;owned^Groutine"), "each line of an answer a paragraph of its own")
        let ending = text.split(separator: "\n").filter { $0.hasSuffix("\\") }
        #expect(ending.isEmpty, "\(ending)")
    }

    @Test func theHeadingNamesTheDaysNotNow() throws {
        for format in ProfileExport.Format.allCases {
            let text = try render(format)
            #expect(text.contains("Printed on 2026-03-25, as of 2026-03-25"), "\(format)")
            #expect(!text.contains("As of now"))
        }
    }

    @Test func unansweredQuestionsFoldIntoOneLinePerSection() throws {
        let (profile, definition) = try profile()
        let text = ProfileExport.render(profile, of: client, definition: definition, specialists: [],
                                        options: .init(format: .markdown, printedOn: Self.printedOn))
        #expect(!text.contains("(not answered)"))
        let folded = text.split(separator: "\n").filter { $0.contains("Not answered: ") }
        #expect(folded.count <= definition.sections.count + 1, "\(folded)")
        #expect(text.contains("_Not answered: "), "\(text)")
        // The shipped questionnaire, nearly empty: a line per section, not one per question.
        let shipped = DefaultCareerProfile.definition
        let empty = ProfileExport.render(CareerProfile(clientID: client.id), of: client, definition: shipped, specialists: [],
                                         options: .init(format: .markdown, printedOn: Self.printedOn))
        let lines = empty.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("_Not answered: ") }.count == shipped.sections.count)
        #expect(lines.count < 5 * shipped.sections.count, "\(lines.count) lines")
    }
}

/// The Markdown escaping the printed copy uses, reached through a one-line answer.
enum MarkdownProbe {
    static func escape(_ text: String) -> String {
        let definition = QuestionnaireDefinition(version: 1, title: "T", sections: [
            QuestionnaireSection(id: "s", title: "S", questions: [Question(id: "q", prompt: "Q", type: .longText)]),
        ])
        let client = Sample.client()
        let entry = AnswerEntry(questionID: "q", value: .text(text), answeredAt: instant(1_772_359_200), enteredBy: nil, source: .client)
        let profile = CareerProfile(clientID: client.id, sessions: [
            ProfileSessionFile(clientID: client.id, sessionID: UUID(), startedAt: instant(1_772_359_200), definitionVersion: 1, answers: [entry]),
        ])
        let text = ProfileExport.render(profile, of: client, definition: definition, specialists: [],
                                        options: .init(format: .markdown, printedOn: date("2026-03-25")))
        guard let start = text.range(of: "**Q**\n"), let end = text.range(of: "\n_Source:") else { return text }
        // Paragraphs of the answer back into lines.
        return String(text[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "\n\n", with: "\n")
    }
}
