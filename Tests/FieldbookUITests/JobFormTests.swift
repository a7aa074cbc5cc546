import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// Adding, editing and ending a client's job; the schedule follows at once.
@Suite struct JobFormTests {
    static func onClient(_ n: Int) -> AppState {
        var state = Morning.state()
        state.push(ClientPage(clientID: Program.id(100 + n)))
        return state
    }

    @Test func aJobAtAKnownEmployerIsAddedAndItsScheduleFollows() throws {
        var state = Self.onClient(2)
        state.press(.character("a"))
        #expect(state.screen().lines[2].hasPrefix(" Add a job for 王小明"), "\(dump(state.screen()))")
        state.type("lumi")                        // part of "Café Lumière"
        state.press(.tab)
        state.type("Barista")
        state.press(.tab)
        state.type("2026-11-30")
        state.press(.tab)
        state.type("20")
        state.press(.tab)
        state.type("16.50")
        guard let saved = savedClient(state.press(.control("s"))) else {
            Issue.record("no save: \(dump(state.screen()))")
            return
        }
        let job = try #require(saved.jobs.first { $0.title == "Barista" })
        #expect(job.employerID == Morning.cafe.id && job.employerName == "Café Lumière")
        #expect(job.startDate == day("2026-11-30") && job.hoursPerWeek == 20 && job.hourlyWage == Decimal(string: "16.5"))
        #expect(job.isCompetitive && job.endDate == nil)
        state.answer(.saved(.client(saved)))
        #expect(state.figures.due.items(forClient: saved.id).contains { $0.kind == .beforeStart && $0.jobID == job.id })
        // The job start follow-up is offered; Esc leaves it for the client page.
        #expect((state.topPage as? FormPage)?.purpose is JobStartForm)
        state.press(.escape)
        #expect(state.topPage is ClientPage)
    }

    /// The employer completes from the directory as in the visit form: matches offered as
    /// typed, a name nothing matches offered as new.
    @Test func theEmployerCompletesFromTheDirectory() {
        var state = Self.onClient(2)
        state.press(.character("a"))
        state.type("lumi")
        #expect(state.form?.field("employer")?.suggestions.first?.label == "Café Lumière")
        state.press(.control("u"))
        state.type("Blue Heron")
        #expect(state.form?.field("employer")?.suggestions.last?.label == "+ new employer “Blue Heron”")
        #expect(state.screen().text.contains("Blue Heron"))
    }

    @Test func aNameTheDirectoryDoesNotKnowAddsTheEmployer() throws {
        var state = Self.onClient(2)
        state.press(.character("a"))
        state.type("Blue Heron Books")
        state.press(.tab)
        state.type("Shelver")
        state.press(.tab)
        state.type("2026-12-01")
        let effects = state.press(.control("s"))
        guard case .store(_, .saveClientAndEmployer(let client, let employer))? = effects.first else {
            Issue.record("no save of a new employer: \(effects)")
            return
        }
        #expect(employer.name == "Blue Heron Books")
        #expect(client.jobs.last?.employerID == employer.id)
        state.answer(.saved(.clientAndEmployer(client, employer)))
        #expect(state.data.employers.contains { $0.id == employer.id })
    }

    @Test func theLatestJobIsEditedAndItsEndRecordedWithAReason() throws {
        var state = Self.onClient(2)
        state.press(.character("E"))
        #expect(state.form?.field("employer")?.text == "王記麵館")
        #expect(state.form?.field("jobTitle")?.text == "Line cook")
        for _ in 0..<7 { state.press(.tab) }      // ended on
        state.type("2026-11-21")
        state.press(.tab)                         // why it ended: appears once an end is typed
        state.press(.character(" "))              // the next reason after "Resigned"
        guard let saved = savedClient(state.press(.control("s"))) else {
            Issue.record("no save: \(dump(state.screen()))")
            return
        }
        #expect(saved.jobs.count == 1)
        let job = try #require(saved.jobs.first)
        #expect(job.endDate == day("2026-11-21") && job.endReason == .dismissed)
        state.answer(.saved(.client(saved)))
        let due = state.figures.due.items(forClient: saved.id)
        #expect(due.map(\.kind) == [.afterJobLoss], "\(due)")
    }

    @Test func editingWithNoJobSaysSo() {
        var state = Self.onClient(1)
        state.data.clients[0].jobs = []
        state.press(.character("E"))
        #expect(state.topPage is ClientPage)
        #expect(state.message?.text.hasPrefix("No job to edit yet") == true)
    }
}

/// Editing and deleting a logged contact; deleting asks first.
@Suite struct ContactEditTests {
    @Test func theNewestContactIsEditedInPlace() throws {
        var state = JobFormTests.onClient(1)     // José: contacts on 10 and 11 Nov
        state.press(.character("C"))
        #expect(state.form?.field("date")?.text == "2026-11-11")
        #expect(state.screen().lines[2].hasPrefix(" Edit a contact with José Álvarez-Ruiz"), "\(dump(state.screen()))")
        state.press(.tab, .character(" "))      // face-to-face -> phone
        guard let saved = savedClient(state.press(.control("s"))) else {
            Issue.record("no save: \(dump(state.screen()))")
            return
        }
        #expect(saved.contacts.count == 2)
        let edited = try #require(saved.contacts.first { $0.id == Program.id(602) })
        #expect(edited.kind == .phone && edited.date == day("2026-11-11"))
        state.answer(.saved(.client(saved)))
        // The phone call does not count: the weekly item now runs from 10 Nov.
        #expect(state.figures.due.nextItem(forClient: saved.id)?.dueOn == day("2026-11-17"))
    }

    @Test func deletingAsksFirstAndAnyOtherKeyKeepsIt() {
        var state = JobFormTests.onClient(1)
        #expect(state.press(.character("X")).isEmpty)
        let question = state.screen().lines[21...22].joined(separator: " ")
        #expect(question.contains("Delete the contact of 2026-11-11 (Face-to-face)?") && question.contains("y deletes it"), "\(dump(state.screen()))")
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.message?.text == "Nothing deleted.")
        state.press(.character("X"))
        guard let saved = savedClient(state.press(.character("y"))) else {
            Issue.record("no save")
            return
        }
        #expect(saved.contacts.map(\.id) == [Program.id(601)])
        state.answer(.saved(.client(saved)))
        #expect(state.message?.text == "Contact deleted.")
        #expect(state.figures.due.nextItem(forClient: saved.id)?.dueOn == day("2026-11-17"))
    }
}
