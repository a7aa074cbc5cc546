import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The job start follow-up, self-employment, a loss learned late, the step-down of
/// follow-along and the fidelity review's evidence, on the screens that use them.
@Suite struct IPSPracticeScreenTests {
    /// Adds a job for Zoë (engaging) that started two days ago; the follow-up opens.
    static func jobAdded(selfEmployed: Bool = false) -> (AppState, [Effect]) {
        var state = JobFormTests.onClient(3)
        state.press(.character("a"))
        state.type(selfEmployed ? "Zoë's Cakes" : "lumi")
        state.press(.tab)
        state.type(selfEmployed ? "Baker" : "Barista")
        state.press(.tab)
        state.type("2026-11-20")
        state.press(.tab, .tab, .tab, .tab)           // hours, wage, competitive, self-employed
        if selfEmployed { state.press(.character(" ")) }
        let effects = state.press(.control("s"))
        return (state, effects)
    }

    @Test func aJobStartOffersStatusDisclosureAndSupports() throws {
        var (state, effects) = Self.jobAdded()
        let added = try #require(savedClient(effects))
        state.answer(.saved(.client(added)))
        let page = try #require(state.topPage as? FormPage)
        #expect(page.purpose is JobStartForm)
        #expect(state.screen().text.contains("Job start of Zoë Fernández: Barista at Café Lumière"), "\(dump(state.screen()))")
        // Working is offered since the job has started; the supports are typed.
        #expect(state.form?.field("status")?.value == "working")
        state.press(.tab, .tab, .tab)
        state.type("Sam, the owner")
        state.press(.tab)
        state.type("Text before a shift")
        state.press(.tab)
        state.type("Visit at work")
        let saved = try #require(savedClient(state.press(.control("s"))))
        #expect(saved.status == .working)
        #expect(saved.statusHistory.last == StatusChange(date: Program.today, from: .engaging, to: .working))
        #expect(saved.disclosure.preference == .limited, "unchanged")
        let job = try #require(saved.jobs.last)
        #expect(job.supports == JobSupports(employerContact: "Sam, the owner", wanted: "Text before a shift", notWanted: "Visit at work"))
        state.answer(.saved(.client(saved)))
        #expect(state.topPage is ClientPage)
        let page80 = ClientPage.lines(saved, context: state.makeContext(state.readingEnvironment), width: 78).map { $0.map(\.text).joined() }
        let flowing = page80.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flowing.contains("Supports · employer contact Sam, the owner · wants: Text before a shift · not: Visit at work"),
                "\(page80)")
    }

    @Test func aSelfEmployedJobAddsNoEmployerToTheDirectory() throws {
        let (_, effects) = Self.jobAdded(selfEmployed: true)
        guard case .store(_, .saveClient(let client))? = effects.first else {
            Issue.record("not a client save alone: \(effects)")
            return
        }
        let job = try #require(client.jobs.last)
        #expect(job.isSelfEmployed && job.employerID == nil && job.employerName == "Zoë's Cakes")
        #expect(job.employerText == "Zoë's Cakes (self-employed)")
    }

    @Test func aLossLearnedLateIsDueThreeDaysFromThen() throws {
        var state = JobFormTests.onClient(2)
        state.press(.character("E"))
        for _ in 0..<7 { state.press(.tab) }          // ended on
        state.type("2026-11-20")
        state.press(.tab, .tab, .tab)                 // why, about the end, learned of it on
        #expect(state.form?.focused?.field.label == "Learned of it on")
        state.type("2026-11-21")
        let saved = try #require(savedClient(state.press(.control("s"))))
        let job = try #require(saved.jobs.first)
        #expect(job.endDate == day("2026-11-20") && job.lossLearnedOn == day("2026-11-21"))
        state.answer(.saved(.client(saved)))
        let due = state.figures.due.items(forClient: saved.id)
        #expect(due.map(\.kind) == [.afterJobLoss] && due.first?.dueOn == day("2026-11-24"), "\(due)")
    }

    @Test func aStepDownIsEnteredOnTheClientFormAndEndsFollowAlong() throws {
        var state = JobFormTests.onClient(4)          // Anna-Maria, in follow-along
        #expect(!state.figures.due.items(forClient: Program.id(104)).isEmpty)
        state.press(.character("e"))
        for _ in 0..<18 { state.press(.down) }
        #expect(state.form?.focused?.field.label == "Follow-along passed on")
        state.type("2026-11-22")
        state.press(.down)
        state.type("Riverside ACT team")
        let saved = try #require(savedClient(state.press(.control("s"))))
        #expect(saved.followAlongStepDown == FollowAlongStepDown(date: Program.today, to: "Riverside ACT team"))
        state.answer(.saved(.client(saved)))
        #expect(state.figures.due.items(forClient: saved.id).isEmpty)
        let lines = ClientPage.lines(saved, context: state.makeContext(state.readingEnvironment), width: 78).map { $0.map(\.text).joined() }
        #expect(lines.contains("    Nothing due (follow-along stepped down)."), "\(lines)")
        #expect(lines.contains { $0.contains("Follow-along passed to Riverside ACT team on 2026-11-22") }, "\(lines)")
    }

    @Test func theFidelityReviewShowsCriterionAnchorAndRecords() throws {
        var state = Morning.state()
        state.push(FormPage(FidelityReviewForm(), in: state.makeContext(state.readingEnvironment)))
        let caseload = try #require(state.form?.field("item1")?.field.help)
        #expect(caseload.hasPrefix("Active clients per employment specialist. Records suggest 5"), "\(caseload)")
        #expect(caseload.hasSuffix("largest active caseload 4 on 2026-11-22."), "\(caseload)")
        let note = try #require(state.form?.field("note1")?.field.help)
        #expect(note.hasPrefix("Anchor 5: 20 or fewer active clients per specialist. From: Daniel Whitehorse: 1 active; Maria Okafor: 4 active"),
                "\(note)")
        let zeroExclusion = try #require(state.form?.field("item9")?.field.help)
        #expect(zeroExclusion.contains("Anyone who wants to work is served") && zeroExclusion.contains("Fidelity Review Manual"))
    }
}
