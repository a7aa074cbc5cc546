import Foundation

/// Something wrong in a questionnaire definition, and where.
public struct DefinitionProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where in the definition: `sections[2].questions[4] (ideal-job)`.
    public var place: String
    public var message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(message)" }
}

/// Why a definition was refused.
public enum DefinitionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not valid JSON, or not shaped like a definition (the message names the field).
    case unreadable(String)
    /// Well formed, but wrong: every problem found, each naming its place.
    case invalid([DefinitionProblem])

    public var description: String {
        switch self {
        case .unreadable(let message): message
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }

    public var problems: [DefinitionProblem] {
        switch self {
        case .unreadable(let message): [DefinitionProblem(place: "(file)", message: message)]
        case .invalid(let problems): problems
        }
    }
}

extension QuestionnaireDefinition {
    /// Reads and checks a definition; a wrong one is refused with every problem named.
    public static func parse(_ data: Data) throws(DefinitionError) -> QuestionnaireDefinition {
        let definition: QuestionnaireDefinition
        do {
            definition = try JSONCoding.decoder().decode(QuestionnaireDefinition.self, from: data)
        } catch {
            throw .unreadable(JSONCoding.describe(error, in: data))
        }
        let problems = definition.problems()
        if !problems.isEmpty { throw .invalid(problems) }
        return definition
    }

    /// Everything wrong with the definition; empty when it can be used.
    public func problems() -> [DefinitionProblem] {
        var problems: [DefinitionProblem] = []
        func report(_ place: String, _ message: String) {
            problems.append(DefinitionProblem(place: place, message: message))
        }
        if format != Self.formatName {
            report("format", "is \"\(format)\"; a questionnaire definition says \"\(Self.formatName)\"")
        }
        if version < 1 { report("version", "must be 1 or more") }
        if sections.isEmpty { report("sections", "a questionnaire needs at least one section") }

        // Where each id first appears, so a condition on a later question says so.
        var everywhere: [String: String] = [:]
        for (sectionIndex, section) in sections.enumerated() {
            for (questionIndex, question) in section.questions.enumerated() where everywhere[question.id] == nil {
                everywhere[question.id] = "sections[\(sectionIndex)].questions[\(questionIndex)]"
            }
        }
        var sectionPlaces: [String: String] = [:]
        var questionPlaces: [String: String] = [:]
        var earlier: [String: Question] = [:]
        var roles: [SummaryRole: String] = [:]

        for (sectionIndex, section) in sections.enumerated() {
            let sectionPlace = "sections[\(sectionIndex)] (\(section.id))"
            checkID(section.id, at: sectionPlace, report)
            if let first = sectionPlaces[section.id] {
                report(sectionPlace, "section id \"\(section.id)\" is used twice (first at \(first))")
            } else {
                sectionPlaces[section.id] = sectionPlace
            }
            if section.title.trimmingWhitespace().isEmpty { report(sectionPlace, "the section has no title") }
            if section.questions.isEmpty { report(sectionPlace, "the section has no questions") }

            for (questionIndex, question) in section.questions.enumerated() {
                let place = "sections[\(sectionIndex)].questions[\(questionIndex)] (\(question.id))"
                if let first = questionPlaces[question.id] {
                    report(place, "question id \"\(question.id)\" is used twice (first at \(first))")
                } else {
                    questionPlaces[question.id] = place
                }
                check(question, at: place, earlier: earlier, everywhere: everywhere, nested: false, report)
                if let role = question.summary {
                    if let first = roles[role] {
                        report(place, "summary role \"\(role.rawValue)\" is already given to \(first)")
                    } else {
                        roles[role] = place
                    }
                    checkRole(role, of: question, at: place, report)
                }
                if question.type.hasSubQuestions {
                    var siblings = earlier
                    var subPlaces: [String: String] = [:]
                    var inGroup = everywhere
                    for (subIndex, sub) in question.questions.enumerated() where inGroup[sub.id] == nil {
                        inGroup[sub.id] = "\(place).questions[\(subIndex)]"
                    }
                    for (subIndex, sub) in question.questions.enumerated() {
                        let subPlace = "\(place).questions[\(subIndex)] (\(sub.id))"
                        if let first = subPlaces[sub.id] {
                            report(subPlace, "question id \"\(sub.id)\" is used twice in this group (first at \(first))")
                        } else {
                            subPlaces[sub.id] = subPlace
                        }
                        check(sub, at: subPlace, earlier: siblings, everywhere: inGroup, nested: true, report)
                        if sub.summary != nil { report(subPlace, "a question inside a group cannot carry a summary role") }
                        siblings[sub.id] = sub
                    }
                }
                earlier[question.id] = question
            }
        }
        return problems
    }

    private func checkID(_ id: String, at place: String, _ report: (String, String) -> Void) {
        if id.isEmpty {
            report(place, "the id is empty")
        } else if !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            report(place, "id \"\(id)\" may only use lower-case letters a-z, digits and hyphens")
        }
    }

    private func check(
        _ question: Question, at place: String, earlier: [String: Question], everywhere: [String: String], nested: Bool,
        _ report: (String, String) -> Void
    ) {
        checkID(question.id, at: place, report)
        if question.prompt.trimmingWhitespace().isEmpty { report(place, "the question has no prompt") }
        if question.type.hasOptions {
            if question.options.isEmpty {
                report(place, "a \(question.type.rawValue) question needs options")
            }
            var seen: Set<String> = []
            for (index, option) in question.options.enumerated() {
                let optionPlace = "options[\(index)] (\(option.id))"
                checkID(option.id, at: "\(place).\(optionPlace)", report)
                if !seen.insert(option.id).inserted {
                    report(place, "option id \"\(option.id)\" is used twice")
                }
                if option.label.trimmingWhitespace().isEmpty { report("\(place).\(optionPlace)", "the option has no label") }
            }
        } else if !question.options.isEmpty {
            report(place, "a \(question.type.rawValue) question has no options; remove them or change the type")
        }
        if question.type.hasSubQuestions {
            if nested {
                report(place, "a group cannot hold another group")
            } else if question.questions.isEmpty {
                report(place, "a \(question.type.rawValue) question needs sub-questions")
            }
        } else if !question.questions.isEmpty {
            report(place, "only group and repeating questions hold sub-questions")
        }
        if let condition = question.showIf {
            let conditionPlace = "\(place).showIf"
            if condition.question == question.id {
                report(conditionPlace, "the condition depends on the question itself")
            } else if let target = earlier[condition.question] {
                if !target.type.canBeConditionedOn {
                    report(conditionPlace, "the condition depends on \"\(target.id)\", a \(target.type.rawValue) question; "
                        + "conditions may depend on choice, yes-no and scale questions")
                } else {
                    let allowed = Condition.allowedValues(for: target)
                    if condition.oneOf.isEmpty {
                        report(conditionPlace, "oneOf is empty: name the answers that show the question")
                    }
                    for value in condition.oneOf where !allowed.contains(value) {
                        report(conditionPlace, "\"\(value)\" is not an answer of \"\(target.id)\" (its answers: \(allowed.joined(separator: ", ")))")
                    }
                }
            } else if let later = everywhere[condition.question] {
                report(conditionPlace, "the condition depends on question \"\(condition.question)\", which comes later (at \(later)); "
                    + "a condition may only depend on an earlier question")
            } else {
                report(conditionPlace, "the condition depends on question \"\(condition.question)\", which is not in the definition")
            }
        }
    }

    private func checkRole(_ role: SummaryRole, of question: Question, at place: String, _ report: (String, String) -> Void) {
        let fits: Bool
        switch role {
        case .jobGoal, .otherWorkTypes, .disclosureDetail:
            fits = question.type == .shortText || question.type == .longText
        case .preferredHours, .preferredPlaces:
            fits = question.type == .shortText || question.type == .longText || question.type.hasOptions
        case .preferredWorkTypes:
            fits = question.type.hasOptions
        case .disclosure:
            fits = question.type == .singleChoice
        }
        if !fits { report(place, "a \(question.type.rawValue) question cannot carry the summary role \"\(role.rawValue)\"") }
    }
}
