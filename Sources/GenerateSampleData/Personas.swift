import FieldbookCore
import Foundation

/// Who a client is in their career profile answers.
struct Persona {
    var jobGoal: String
    var idealJob: String
    var workTypes: [String]
    var otherTypes: String?
    var hours: String
    var place: String
    var disclosure: String
    var disclosureDetail: String
    var why: String
}
let personas: [Persona] = [
    Persona(jobGoal: "Cook in a small restaurant", idealJob: "Running my own food truck one day.", workTypes: ["food"], otherTypes: "Bakery",
            hours: "20-30", place: "Downtown, near the 12 bus", disclosure: "limited",
            disclosureDetail: "May say I get help finding work; nothing about my health.", why: "I want my own money and a reason to get up in the morning."),
    Persona(jobGoal: "Stock associate at a grocery store", idealJob: "Store manager.", workTypes: ["retail", "warehouse"], otherTypes: nil,
            hours: "10-20", place: "Within walking distance of home", disclosure: "disclose",
            disclosureDetail: "May say I work with a support programme and sometimes need a quiet break.", why: "I miss being busy and seeing people."),
    Persona(jobGoal: "Library page (図書館の仕事)", idealJob: "Librarian in a children's library.", workTypes: ["education", "office"], otherTypes: "Library",
            hours: "10-20", place: "Riverside, mornings only", disclosure: "undecided",
            disclosureDetail: "Wants to decide after meeting the employer.", why: "Quiet work with books would suit me; I like order."),
    Persona(jobGoal: "Groundskeeper or landscaping crew", idealJob: "Gardener at the zoo.", workTypes: ["outdoors"], otherTypes: "Garden centre",
            hours: "30-40", place: "Anywhere on the 9 route", disclosure: "do-not-disclose",
            disclosureDetail: "Nothing may be said about health or the programme.", why: "Working outside keeps my head clear."),
    Persona(jobGoal: "Pet care attendant", idealJob: "Veterinary assistant.", workTypes: ["care", "retail"], otherTypes: "Pet store",
            hours: "20-30", place: "Market Street area", disclosure: "limited",
            disclosureDetail: "May say I get support from an employment specialist.", why: "Animals calm me down, and I want to save for a flat."),
]
let phrases: [String: [String]] = [
    "work-goals": ["Wants steady work close to home.", "Would like to start small and build up hours.", "Keen to feel useful again."],
    "education": ["Finished high school in 2009.", "Took a food handler course at the college.", "Would like to learn basic computer skills."],
    "work-history": ["Liked the people; the early shifts were hard.", "Left when the shop closed.", "Best job was at a bakery: clear tasks, kind boss."],
    "job-preferences": ["Daytime shifts, not too loud.", "A team that explains things once, calmly.", "Prefers tasks with a clear end."],
    "strengths": ["Reliable, good with customers, learns by doing.", "Patient; good at sorting and tidying.", "Friends say I am funny and honest."],
    "current-adjustment": ["Mornings are slow; afternoons are the best time.", "Sleep is better since the summer.", "Walks every day; it helps."],
    "physical-health": ["No limits that affect work.", "Knee hurts after long standing; needs a short sit every two hours."],
    "substance-use": ["Not drinking since March; goes to a group on Thursdays.", "Uses nothing now; coffee is the only habit."],
    "legal-history": ["Nothing that would show on a check.", "An old fine, paid in 2019."],
    "benefits": ["Wants to know how earnings change SSI.", "Benefits planner meeting booked with the team."],
    "transportation": ["Takes the 12 bus; has a monthly pass.", "Bikes in summer; bus in winter."],
    "disclosure": ["Would rather tell a manager in person, later.", "Happy for the specialist to talk to the manager."],
    "support-network": ["Sister helps with mornings; peer group on Tuesdays.", "Mother and a close friend, Søren, are supportive."],
    "team-plan": ["Team agrees: start with part-time work near home.", "Clinician suggests afternoon shifts to begin with."],
]

/// An answer for `question` as `persona` would give it.
@MainActor func answer(_ question: Question, section: QuestionnaireSection, persona: Persona) -> AnswerValue? {
    switch question.summary {
    case .jobGoal?: return .text(persona.jobGoal)
    case .preferredWorkTypes?: return .choices(persona.workTypes)
    case .otherWorkTypes?: return persona.otherTypes.map { .text($0) }
    case .preferredHours?: return .choice(persona.hours)
    case .preferredPlaces?: return .text(persona.place)
    case .disclosure?: return .choice(persona.disclosure)
    case .disclosureDetail?: return .text(persona.disclosureDetail)
    case nil: break
    }
    if question.id == "ideal-job" { return .text(persona.idealJob) }
    if question.id == "why-work-now" { return .text(persona.why) }
    switch question.type {
    case .shortText, .longText: return .text(pick(phrases[section.id] ?? ["Talked it through; nothing to add."]))
    case .singleChoice: return .choice(pick(question.options).id)
    case .multipleChoice:
        let count = min(question.options.count, int(1...2))
        var chosen: [String] = []
        while chosen.count < count {
            let id = pick(question.options).id
            if !chosen.contains(id) { chosen.append(id) }
        }
        return .choices(question.options.map(\.id).filter(chosen.contains))
    case .yesNo: return .yesNo(chance(0.4))
    case .scale: return .scale(int(2...5))
    case .number:
        switch question.id {
        case "pay-needed": return .number(Decimal(int(15...17)))
        case "pay-hoped": return .number(Decimal(int(18...22)))
        default: return .number(Decimal(int(600...1200)))
        }
    case .date:
        let past = question.prompt.contains(" did ") || question.prompt.contains(" was ")
        return .date(past ? anchor.adding(days: -int(60...2000)) : anchor.adding(days: int(7...60)))
    case .group, .repeating:
        let jobs = [("Sunrise Bakery", "Bakery assistant"), ("Greenleaf Grocery", "Cashier"), ("Harbor View Hotel", "Housekeeper")]
        return .entries((0..<int(1...2)).map { n in
            let job = jobs[(n + int(0...2)) % jobs.count]
            let start = anchor.adding(days: -int(900...2400))
            var answers: [String: AnswerValue] = [:]
            for sub in question.questions {
                switch sub.id {
                case "employer": answers[sub.id] = .text(job.0)
                case "title": answers[sub.id] = .text(job.1)
                case "start": answers[sub.id] = .date(start)
                case "end": answers[sub.id] = .date(start.adding(days: int(90...500)))
                case "hours": answers[sub.id] = .number(Decimal(pick([15, 20, 25, 30])))
                case "pay": answers[sub.id] = .number(Decimal(string: pick(["12.50", "13.75", "15.00"]))!)
                default:
                    if sub.showIf == nil, let value = answer(sub, section: section, persona: persona), !(sub.type.hasSubQuestions) {
                        answers[sub.id] = value
                    }
                }
            }
            return GroupEntry(id: uuid(), answers: answers)
        })
    }
}
