import FieldbookCore
import Foundation

/// The fidelity self-review on the form engine: one section per group of the scale, each item
/// a 1-5 scale and a note. The items Fieldbook's records inform show the score they suggest
/// and the evidence; scores start from the last review's.
public struct FidelityReviewForm: FormPurpose {
    public init() {}

    public func title(in context: PageContext) -> String { "Fidelity self-review" }

    public func heading(in context: PageContext) -> (title: String, aside: String?) {
        ("Fidelity self-review", "25 items, 1-5 each")
    }

    static func scoreField(_ item: Int) -> FieldID { FieldID("item\(item)") }
    static func noteField(_ item: Int) -> FieldID { FieldID("note\(item)") }
    static let dateField: FieldID = "reviewDate"

    public func makeForm(in context: PageContext) -> FormState {
        let suggestions = FidelitySuggestions(data: context.data, on: context.today)
        let last = FidelityReview.latest(context.data.fidelityReviews)
        var items: [FormItem] = [.field(Self.dateField, "Date of the review", .date(lean: .past), required: true, initial: "today")]
        for group in FidelityScale.Group.allCases {
            items.append(.section(group.title))
            for item in FidelityScale.items where item.group == group {
                // The item's criterion in our own words (the anchors are copyrighted: where to
                // find them is said); the records' suggestion with its evidence under the score,
                // the anchor applied and the records used under the note.
                let criterion = FidelityScale.criteria[item.number] ?? ""
                var help = "\(criterion) Score 1 (not implemented) to 5 (fully implemented); anchors: \(FidelityScale.source)."
                var noteHelp: String?
                var label = "\(item.number). \(item.title)"
                if let suggestion = suggestions.suggestion(for: item.number) {
                    label += suggestion.score.map { " (records: \($0))" } ?? ""
                    help = "\(criterion) Records suggest \(suggestion.score.map { "\($0)" } ?? "no score"): \(suggestion.evidence)."
                    noteHelp = "Anchor \(suggestion.anchor). From: " + suggestion.records.joined(separator: "; ")
                        + " (all: fieldbook report fidelity-suggestions)"
                }
                items.append(.field(Self.scoreField(item.number), label, .scale(1...5), help: help,
                                    initial: last?.score(of: item.number).map { "\($0)" } ?? ""))
                items.append(.field(Self.noteField(item.number), "Note", help: noteHelp, initial: last?.note(of: item.number) ?? ""))
            }
        }
        return FormState(items)
    }

    public func request(for form: FormState, in context: PageContext) -> StoreRequest? {
        guard form.problems(today: context.today).isEmpty,
              let day = form.input(Self.dateField)?.date(today: context.today) else { return nil }
        let scores = FidelityScale.items.map { item in
            FidelityReview.Score(item: item.number, score: form.text(Self.scoreField(item.number)).flatMap { Int($0) },
                                 note: form.text(Self.noteField(item.number)))
        }
        return .saveFidelityReview(FidelityReview(
            id: context.environment.newID(), date: day, specialistID: context.userSpecialistID, scores: scores, createdAt: context.now))
    }

    public func saved(_ record: SavedRecord, in context: PageContext) -> (message: Message, next: (any Page)?) {
        guard case .fidelityReview(let review) = record else { return (Message("Saved.", kind: .success), nil) }
        return (Message("Fidelity review saved: \(FidelityReviewText.standing(review)).", kind: .success), nil)
    }
}
