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

    func render(_ format: ProfileExport.Format, omitSensitive: Bool = false, asOf: Date? = nil) throws -> String {
        let (profile, definition) = try profile()
        return ProfileExport.render(profile, of: client, definition: definition, specialists: [Sample.specialist],
                                    options: .init(format: format, omitSensitive: omitSensitive, asOf: asOf, asOfLabel: asOf == nil ? nil : "2026-03-05"))
    }

    @Test func markdownWithEverySection() throws {
        let text = try render(.markdown)
        #expect(text.hasPrefix("# Career profile: José ^\\[\\[31mÁlvarez\n"), "\(text.prefix(80))")
        #expect(text.contains("## Legal history (sensitive)"))
        #expect(text.contains("**On probation?**\nYes\n"))
        #expect(text.contains("**Health note (sensitive)**\nTakes a morning pill"))
        #expect(text.contains("\nBaker\n_Source: Treatment team, 2026-03-20_"))
        #expect(text.contains("Money\\\n^\\[\\]0;owned^Groutine"), "control characters made visible, the line break kept")
        #expect(text.contains("    - Employer: Bean There"))
        #expect(text.contains("    - Why?: Hours"))
        #expect(text.contains("## Retired questions"))
        #expect(text.contains("**retired-question**\nan old answer"))
        #expect(text.contains("**What job would you like?**\nBaker"))
        #expect(text.contains("**Start date**\n_(not answered)_"))
        #expect(!text.contains("Do you have a car?"), "a question whose condition is not met is not printed")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func markdownSignificantCharactersAreEscaped() throws {
        let (profile, definition) = try profile()
        let text = ProfileExport.render(profile, of: client, definition: definition, specialists: [],
                                        options: .init(format: .markdown, asOf: Self.day1))
        #expect(text.contains("Cook \\*and\\* \\[baker\\] \\# 1. \\<b\\>"), "\(text)")
        let plain = ProfileExport.render(profile, of: client, definition: definition, specialists: [],
                                         options: .init(format: .text, asOf: Self.day1))
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
        let text = try render(.text, asOf: instant(1_772_755_199)) // 2026-03-05T23:59:59Z
        #expect(text.contains("As of 2026-03-05"))
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
}
