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
        /// The profile as it stood at this moment; now when nil.
        public var asOf: Date?
        /// How to name that moment in the heading (e.g. "2026-03-31").
        public var asOfLabel: String?

        public init(format: Format = .markdown, omitSensitive: Bool = false, asOf: Date? = nil, asOfLabel: String? = nil) {
            self.format = format
            self.omitSensitive = omitSensitive
            self.asOf = asOf
            self.asOfLabel = asOfLabel
        }
    }

    public static func render(
        _ profile: CareerProfile, of client: Client, definition: QuestionnaireDefinition,
        specialists: [Specialist], options: Options
    ) -> String {
        var writer = Writer(format: options.format)
        let answers = profile.answers(asOf: options.asOf)
        let names = Dictionary(specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        writer.title("\(definition.title): \(client.name)")
        var facts = ["As of " + (options.asOfLabel ?? "now")]
        facts.append("questionnaire version \(definition.version)")
        if options.omitSensitive { facts.append("sensitive sections and questions left out") }
        if answers.count == 0 { facts.append("no answers yet") }
        writer.note(facts.joined(separator: "; "))

        for section in definition.sections {
            if options.omitSensitive && section.sensitive { continue }
            let printed = section.questions.filter {
                definition.isShown($0, given: answers) && !(options.omitSensitive && $0.sensitive)
            }
            // A section whose every question is sensitive is left out whole.
            if printed.isEmpty && options.omitSensitive && section.questions.contains(where: \.sensitive) { continue }
            writer.heading(section.title + (section.sensitive ? " (sensitive)" : ""))
            let answered = printed.filter { answers[$0.id] != nil }.count
            var counts = "\(answered) of \(printed.count) answered"
            if let touched = printed.compactMap({ answers[$0.id]?.answeredAt }).max() {
                counts += "; last updated \(LocalDate(containing: touched))"
            }
            writer.note(counts)
            for question in printed {
                writer.question(question.prompt + (question.sensitive ? " (sensitive)" : ""))
                guard let entry = answers[question.id] else {
                    writer.unanswered()
                    continue
                }
                write(entry.value, of: question, answers: answers, definition: definition, into: &writer)
                writer.source(source(of: entry, names: names))
            }
        }

        let retired = profile.retiredAnswers(in: definition, asOf: options.asOf)
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
            for sub in question.questions where definition.isShown(sub, in: entry, of: question, given: answers) {
                let text = entry.answers[sub.id].flatMap { ProfileText.plain($0, of: sub) }
                writer.field(sub.prompt, text)
            }
        }
    }

    private static func source(of entry: AnswerEntry, names: [UUID: String]) -> String {
        var parts = [entry.source.label, LocalDate(containing: entry.answeredAt).description]
        if let id = entry.enteredBy { parts.append(names[id] ?? id.lowercased) }
        return parts.joined(separator: ", ")
    }

    private static func retiredText(_ value: AnswerValue) -> String {
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

        /// Multi-line text, each line after the first indented the same way.
        private mutating func block(_ text: String, indent: String, hardBreaks: Bool) {
            let lines = clean(text).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, part) in lines.enumerated() {
                let end = hardBreaks && index < lines.count - 1 ? "\\" : ""
                line(indent + part + end)
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
            block(text, indent: format == .markdown ? "" : "    ", hardBreaks: format == .markdown)
        }

        mutating func unanswered() {
            line(format == .markdown ? "_(not answered)_" : "    (not answered)")
            line()
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

        mutating func field(_ prompt: String, _ value: String?) {
            let shown = value ?? "(not answered)"
            switch format {
            case .markdown:
                let body = clean(shown).replacingOccurrences(of: "\n", with: "\\\n      ")
                line("    - " + clean(prompt) + ": " + (value == nil ? "_(not answered)_" : body))
            case .text:
                block(prompt + ": " + shown, indent: "      ", hardBreaks: false)
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
    static func escape(_ text: String) -> String {
        var result = ""
        var atLineStart = true
        var digitsOnly = true
        for character in text {
            if character == "\n" {
                result.append(character)
                atLineStart = true
                digitsOnly = true
                continue
            }
            let startsList = atLineStart && (lineStart.contains(character) || (digitsOnly && (character == "." || character == ")")))
            if inline.contains(character) || startsList { result.append("\\") }
            result.append(character)
            let isDigit = character.isASCII && character.isNumber
            if !isDigit { digitsOnly = false }
            if !isDigit && character != " " { atLineStart = false }
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
