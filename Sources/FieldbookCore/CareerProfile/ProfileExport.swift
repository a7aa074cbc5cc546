import Foundation

/// A printable copy of a career profile for the treatment team, as Markdown or plain text.
/// Every piece of data is escaped for its format: control characters are made visible in both,
/// and Markdown-significant characters in answers are escaped in Markdown.
public enum ProfileExport {
    public enum Format: String, CaseIterable, Sendable {
        case markdown
        case text
    }

    public struct Options: Sendable {
        public var format: Format
        /// Leaves out sensitive questions and whole sensitive sections.
        public var omitSensitive: Bool
        /// The profile as it stood at the end of this day; `printedOn` when nil.
        public var asOf: LocalDate?
        /// The day the copy is made, named in its heading.
        public var printedOn: LocalDate

        public init(format: Format = .markdown, omitSensitive: Bool = false, asOf: LocalDate? = nil, printedOn: LocalDate) {
            self.format = format
            self.omitSensitive = omitSensitive
            self.asOf = asOf
            self.printedOn = printedOn
        }
    }

    public static func render(
        _ profile: CareerProfile, of client: Client, definition: QuestionnaireDefinition,
        specialists: [Specialist], options: Options
    ) -> String {
        var writer = Writer(format: options.format)
        let asOf = options.asOf ?? options.printedOn
        let moment = asOf.lastMoment()
        let answers = profile.answers(asOf: moment)
        let names = Dictionary(specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        writer.title("\(definition.title): \(client.name)")
        var facts = [PrintedLine.text(printedOn: options.printedOn, asOf: asOf)]
        facts.append("questionnaire version \(definition.version)")
        if options.omitSensitive { facts.append("sensitive sections and questions left out") }
        if answers.count == 0 { facts.append("no answers yet") }
        writer.note(facts.joined(separator: "; "))

        for part in printedSections(of: definition, answers: answers, omitSensitive: options.omitSensitive) {
            writer.heading(part.section.title + (part.section.sensitive ? " (sensitive)" : ""))
            writer.note(part.counts)
            for question in part.answered {
                guard let entry = answers[question.id] else { continue }
                writer.question(question.prompt + (question.sensitive ? " (sensitive)" : ""))
                write(entry.value, of: question, answers: answers, definition: definition, into: &writer)
                writer.source(source(of: entry, names: names))
            }
            if let folded = notAnswered(part.unanswered) { writer.note(folded) }
        }

        let retired = profile.retiredAnswers(in: definition, asOf: moment)
        if !retired.isEmpty && !options.omitSensitive {
            writer.heading("Retired questions")
            writer.note("Answers to questions no longer in the questionnaire, kept as they were given.")
            for entry in retired {
                writer.question(entry.questionID)
                writer.answer(retiredText(entry.value))
                writer.source(source(of: entry, names: names))
            }
        }
        return writer.output
    }

    /// A section as a printed copy shows it: its questions shown (conditions met, sensitive
    /// ones left out when asked), split into answered and not, and its counts line.
    struct PrintedSection {
        var section: QuestionnaireSection
        var answered: [Question]
        var unanswered: [Question]
        var counts: String
    }

    /// The sections a printed copy shows, in order; a section whose every question is
    /// sensitive is left out whole when sensitive questions are.
    static func printedSections(of definition: QuestionnaireDefinition, answers: ProfileAnswers, omitSensitive: Bool) -> [PrintedSection] {
        definition.sections.compactMap { section in
            if omitSensitive && section.sensitive { return nil }
            let printed = section.questions.filter { definition.isShown($0, given: answers) && !(omitSensitive && $0.sensitive) }
            if printed.isEmpty && omitSensitive && section.questions.contains(where: \.sensitive) { return nil }
            let answered = printed.filter { answers[$0.id] != nil }
            var counts = "\(answered.count) of \(printed.count) answered"
            if let touched = answered.compactMap({ answers[$0.id]?.answeredAt }).max() {
                counts += "; last updated \(LocalDate(containing: touched))"
            }
            return PrintedSection(section: section, answered: answered, unanswered: printed.filter { answers[$0.id] == nil },
                                  counts: counts)
        }
    }

    /// The one line a section's (or an entry's) unanswered questions fold into: their prompts
    /// when there are three or fewer, else how many; nil when every question is answered.
    static func notAnswered(_ questions: [Question]) -> String? {
        switch questions.count {
        case 0: nil
        case 1...3: "Not answered: " + questions.map(\.prompt).joined(separator: " / ")
        default: "Not answered: \(questions.count) questions"
        }
    }

    private static func write(
        _ value: AnswerValue, of question: Question, answers: ProfileAnswers, definition: QuestionnaireDefinition,
        into writer: inout Writer
    ) {
        guard case .entries(let entries) = value else {
            writer.answer(ProfileText.plain(value, of: question) ?? "")
            return
        }
        for (index, entry) in entries.enumerated() {
            writer.entry(question.type == .repeating ? "\(index + 1)." : "")
            var unanswered: [Question] = []
            for sub in question.questions where definition.isShown(sub, in: entry, of: question, given: answers) {
                guard let text = entry.answers[sub.id].flatMap({ ProfileText.plain($0, of: sub) }) else {
                    unanswered.append(sub)
                    continue
                }
                writer.field(sub.prompt, text)
            }
            if let folded = notAnswered(unanswered) { writer.field(folded, nil) }
        }
    }

    static func source(of entry: AnswerEntry, names: [UUID: String]) -> String {
        var parts = [entry.source.label, LocalDate(containing: entry.answeredAt).description]
        if let id = entry.enteredBy { parts.append(names[id] ?? id.lowercased) }
        return parts.joined(separator: ", ")
    }

    static func retiredText(_ value: AnswerValue) -> String {
        switch value {
        case .choice(let id): id
        case .choices(let ids): ids.joined(separator: ", ")
        case .entries(let entries):
            entries.map { entry in
                entry.answers.sorted { $0.key < $1.key }.map { "\($0.key): \(retiredText($0.value))" }.joined(separator: "; ")
            }.joined(separator: " | ")
        default: ProfileText.plain(value, of: Question(id: "retired", prompt: "retired", type: .shortText)) ?? ""
        }
    }

    /// Lays out the copy in one format; every string it is given is data and gets escaped.
    private struct Writer {
        let format: Format
        var output = ""

        private func clean(_ text: String) -> String {
            let visible = TerminalText.escapedKeepingLines(text)
            return format == .markdown ? MarkdownText.escape(visible) : visible
        }

        private mutating func line(_ text: String = "") { output += text + "\n" }

        /// Multi-line text. Markdown: each line a paragraph of its own (a blank line between,
        /// never a trailing backslash); text: each line indented the same way.
        private mutating func block(_ text: String, indent: String) {
            let lines = clean(text).split(separator: "\n", omittingEmptySubsequences: false)
            if format == .markdown {
                line(lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { indent + $0 }.joined(separator: "\n\n"))
            } else {
                for part in lines { line(indent + part) }
            }
        }

        mutating func title(_ text: String) {
            switch format {
            case .markdown: line("# " + clean(text))
            case .text:
                let cleaned = clean(text)
                line(cleaned)
                line(String(repeating: "=", count: max(3, TextColumns.width(of: cleaned))))
            }
            line()
        }

        mutating func heading(_ text: String) {
            switch format {
            case .markdown: line("## " + clean(text))
            case .text:
                let cleaned = clean(text)
                line(cleaned)
                line(String(repeating: "-", count: max(3, TextColumns.width(of: cleaned))))
            }
            line()
        }

        mutating func note(_ text: String) {
            line(format == .markdown ? "_" + clean(text) + "_" : clean(text))
            line()
        }

        mutating func question(_ text: String) {
            line(format == .markdown ? "**" + clean(text) + "**" : clean(text))
        }

        mutating func answer(_ text: String) {
            block(text, indent: format == .markdown ? "" : "    ")
        }

        mutating func source(_ text: String) {
            line(format == .markdown ? "_Source: " + clean(text) + "_" : "    [" + clean(text) + "]")
            line()
        }

        mutating func entry(_ label: String) {
            if format == .markdown {
                line("- " + (label.isEmpty ? "" : "Entry " + label.dropLast()))
            } else {
                line("    " + (label.isEmpty ? "-" : label))
            }
        }

        /// A field of a group's entry; without a value, `prompt` is a note (the entry's
        /// unanswered questions folded into one line).
        mutating func field(_ prompt: String, _ value: String?) {
            switch (format, value) {
            case (.markdown, let value?):
                let body = clean(value).split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n\n      ")
                line("    - " + clean(prompt) + ": " + body)
            case (.markdown, nil):
                line("    - _" + clean(prompt) + "_")
            case (.text, let value?):
                block(prompt + ": " + value, indent: "      ")
            case (.text, nil):
                block(prompt, indent: "      ")
            }
        }
    }
}

/// Escaping for text placed into Markdown.
enum MarkdownText {
    /// Characters that mean something anywhere in a line (emphasis, code, links, HTML, tables,
    /// entities, headings' closing marks).
    private static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&"]
    /// Characters that mean something at the start of a line (lists, quotes, underlines).
    private static let lineStart: Set<Character> = ["-", "+", "="]

    /// A backslash before every character CommonMark (with GitHub tables) could read as syntax.
    /// A list marker or underline (`-`, `+`, `=`) counts only as a line's first character
    /// after spaces; an ordered list's `.` or `)` only right after digits that start the line
    /// and before a space or the line's end, so `2012-06-01` and `3.5 hours` are left as they are.
    static func escape(_ text: String) -> String {
        var result = ""
        var onlySpaces = true
        var digitsOnly = true
        var sawDigit = false
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                result.append(character)
                onlySpaces = true
                digitsOnly = true
                sawDigit = false
                continue
            }
            // "1." or "12)" then a space or the line's end starts an ordered list.
            let next = index + 1 < characters.count ? characters[index + 1] : "\n"
            let endsListNumber = digitsOnly && sawDigit && (character == "." || character == ")") && (next == " " || next == "\n")
            if inline.contains(character) || (onlySpaces && lineStart.contains(character)) || endsListNumber { result.append("\\") }
            result.append(character)
            let isDigit = character.isASCII && character.isNumber
            if isDigit { sawDigit = true }
            if character != " " { onlySpaces = false }
            if !isDigit && !(character == " " && !sawDigit) { digitsOnly = false }
        }
        return result
    }
}

/// Display columns, enough for underlining headings (wide characters count two).
enum TextColumns {
    static func width(of text: String) -> Int {
        text.reduce(0) { total, character in
            let wide = character.unicodeScalars.contains { scalar in
                switch scalar.value {
                case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                     0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD: true
                default: false
                }
            }
            return total + (wide ? 2 : 1)
        }
    }
}

extension LocalDate {
    /// The last second of this day in `timeZone`: "as of March 31" includes all of March 31.
    public func lastMoment(in timeZone: TimeZone = .current) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let next = adding(days: 1)
        let start = calendar.date(from: DateComponents(year: next.year, month: next.month, day: next.day)) ?? Date.distantFuture
        return start.addingTimeInterval(-1)
    }
}
