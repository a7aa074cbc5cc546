import FieldbookCore
import FieldbookUI
import Foundation
import Testing

/// Where a meeting on the career profile picks up: the first question shown and unanswered
/// after the one answered last, wrapping round to earlier ones.
@Suite struct ProfileResumeTests {
    static func digest(answering ids: [String]) -> ProfileDigest {
        let values: [String: AnswerValue] = [
            "goal": .text("Barista"), "story": .text("Ready"), "hours": .choice("few"), "types": .choices(["food"]),
            "tried": .yesNo(false), "start": .date(day("2026-12-01")), "pay": .number(15), "sure": .scale(4),
            "past-jobs": .entries([GroupEntry(answers: ["employer": .text("Library")])]), "using": .yesNo(false), "next": .text("Visit the bakery"),
        ]
        let pending = ids.enumerated().map { offset, id in
            AnswerEntry(questionID: id, value: values[id]!, answeredAt: SmallProfile.monday.addingTimeInterval(Double(offset)),
                        enteredBy: nil, source: .client)
        }
        return ProfileDigest(definition: SmallProfile.definition, profile: CareerProfile(clientID: SmallProfile.jose),
                             pending: pending, hidingSensitive: false)
    }

    @Test func resumingWrapsRoundToAnEarlierUnansweredQuestion() {
        // Everything but "story" (the second question), the last question answered last.
        let digest = Self.digest(answering: ["goal", "hours", "types", "tried", "start", "pay", "sure", "past-jobs", "using", "next"])
        #expect(digest.lastAnswered == "next")
        #expect(digest.resumeQuestion == "story")
        #expect(digest.nextUnanswered(from: "start") == "story")
    }

    @Test func resumingGoesOnAfterTheLastAnswerAndStartsOverWhenAllAreAnswered() {
        #expect(Self.digest(answering: ["goal", "hours"]).resumeQuestion == "types")
        #expect(Self.digest(answering: []).resumeQuestion == "goal")
        let all = Self.digest(answering: ["goal", "story", "hours", "types", "tried", "start", "pay", "sure", "past-jobs", "using", "next"])
        #expect(all.nextUnanswered(from: nil) == nil)
        #expect(all.resumeQuestion == "goal")
    }
}
