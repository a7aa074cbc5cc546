import FieldbookCore
import Foundation

/// Career profiles: not started, started, half done over two meetings, complete and revised.
struct SampleProfiles {
    let profileStore: CareerProfileStore
    let definition: QuestionnaireDefinition

    init(store: Store) {
        profileStore = CareerProfileStore(store: store)
        definition = profileStore.definition().definition
    }

    /// One meeting: answers the shown questions of `sections` (all of them, or the first `limit`), from `hour` on.
    @MainActor func meeting(_ client: Client, persona: Persona, on day: LocalDate, sections: ArraySlice<QuestionnaireSection>,
                            limit: Int = .max, by specialist: UUID?, given answers: inout [String: AnswerEntry]) throws {
        var session = profileStore.startSession(for: client.id, definition: definition, at: stamp(day, hour: 10), id: uuid())
        var minute = 0.0
        var count = 0
        for section in sections {
            for question in section.questions where count < limit {
                guard definition.isShown(question, given: ProfileAnswers(answers)),
                      let value = answer(question, section: section, persona: persona) else { continue }
                minute += Double(int(1...3))
                let entry = try profileStore.append(value, to: question.id, in: definition, by: specialist,
                                                    source: section.id == "team-plan" ? .team : .client,
                                                    at: stamp(day, hour: 10).addingTimeInterval(minute * 60), session: &session)
                answers[question.id] = entry
                count += 1
            }
        }
    }


    /// Writes every client's profile sessions and counts them by how far they got.
    @MainActor func write(for clients: [Client]) throws -> (notStarted: Int, started: Int, halfDone: Int, complete: Int) {
        var profileCount = (notStarted: 0, started: 0, halfDone: 0, complete: 0)
        let allSections = ArraySlice(definition.sections)
        for (index, client) in clients.enumerated() where [.jobSearch, .working, .followAlong, .engaging].contains(client.status) {
            let persona = personas[index % personas.count]
            let specialist = client.specialistID
            var answers: [String: AnswerEntry] = [:]
            switch index % 5 {
            case 0, 3:
                // Half done over two meetings: goals and schooling, then work history and preferences.
                try meeting(client, persona: persona, on: anchor.adding(days: -16), sections: allSections.prefix(2), by: specialist, given: &answers)
                try meeting(client, persona: persona, on: anchor.adding(days: -9), sections: allSections.dropFirst(2).prefix(2),
                            limit: 20, by: specialist, given: &answers)
                profileCount.halfDone += 1
            case 1:
                // Complete over three meetings, then revised when the goal changed.
                try meeting(client, persona: persona, on: anchor.adding(days: -75), sections: allSections.prefix(5), by: specialist, given: &answers)
                try meeting(client, persona: persona, on: anchor.adding(days: -68), sections: allSections.dropFirst(5).prefix(5), by: specialist, given: &answers)
                try meeting(client, persona: persona, on: anchor.adding(days: -61), sections: allSections.dropFirst(10), by: specialist, given: &answers)
                var revision = profileStore.startSession(for: client.id, definition: definition, at: stamp(anchor.adding(days: -4), hour: 14), id: uuid())
                let revised = personas[(index + 1) % personas.count]
                let when = stamp(anchor.adding(days: -4), hour: 14)
                _ = try profileStore.append(.text(revised.jobGoal), to: "job-goal", in: definition, by: specialist, source: .client,
                                        at: when.addingTimeInterval(120), session: &revision)
                _ = try profileStore.append(.choice(revised.hours), to: "hours-per-week", in: definition, by: specialist, source: .client,
                                        at: when.addingTimeInterval(240), session: &revision)
                _ = try profileStore.append(.choices(revised.workTypes), to: "work-types", in: definition, by: specialist, source: .team,
                                        at: when.addingTimeInterval(360), session: &revision)
                profileCount.complete += 1
            case 2:
                // Started: the first questions of one meeting.
                try meeting(client, persona: persona, on: anchor.adding(days: -3), sections: allSections.prefix(1), limit: 6, by: specialist, given: &answers)
                profileCount.started += 1
            default:
                profileCount.notStarted += 1
            }
        }
        return profileCount
    }
}
