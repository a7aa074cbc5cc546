import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The app hands the figures what each save wrote (the contact an edit or a deletion replaced
/// read before the record is put in), and they equal figures built again.
@Suite struct FiguresAfterSaveResultTests {
    @Test func eachSaveResultLeavesTheFiguresOfARebuild() {
        let bakery = Employer(name: "Mill Bakery", businessType: "Bakery")
        let books = Employer(name: "Corner Books", businessType: "Book shop")
        var data = Program.data
        data.employers = [bakery, books]
        let jose = data.clients[0]
        func contact(_ date: String, at employer: Employer, nextStep: String? = nil) -> EmployerContact {
            EmployerContact(date: day(date), specialistID: Program.maria.id, employerID: employer.id, purpose: .followUp,
                            method: .faceToFace, jobSeekerIDs: [jose.id], nextStep: nextStep,
                            nextStepDate: nextStep.map { _ in day("2026-11-25") }, createdAt: Date(timeIntervalSince1970: 0))
        }
        let first = contact("2026-11-18", at: bakery, nextStep: "call back")
        data.employerContacts = [first, contact("2026-10-02", at: books)]
        var state = AppState(data: data, today: Program.today, userSpecialistID: Program.maria.id, size: Size(rows: 24, columns: 80))
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))

        var moved = first
        moved.employerID = books.id
        moved.date = day("2026-11-20")
        let cafe = Employer(name: "Café Uno", businessType: "Coffee shop")
        var renamed = bakery
        renamed.name = "Corner Bakery"
        var working = jose
        working.jobs = [Job(employerName: "Corner Bakery", title: "Baker", startDate: day("2026-11-10"))]
        let saves: [SavedRecord] = [
            .employerContact(moved, employer: nil),
            .employerContact(contact("2026-11-21", at: cafe, nextStep: "meet the owner"), employer: cafe),
            .employer(renamed),
            .client(working),
            .deletedEmployerContact(moved.id),
        ]
        for (step, saved) in saves.enumerated() {
            App.update(&state, .finished(RequestID(900 + step), .saved(saved)))
            let rebuilt = Figures(data: state.data, today: state.today)
            #expect(state.figures.due == rebuilt.due, "step \(step)")
            #expect(state.figures.directory.summaries == rebuilt.directory.summaries, "step \(step)")
            for sort in EmployerSort.allCases {
                #expect(state.figures.directory.directory(sortedBy: sort).map(\.id)
                        == rebuilt.directory.directory(sortedBy: sort).map(\.id), "step \(step)")
            }
            #expect(state.figures.weekTallies == rebuilt.weekTallies, "step \(step)")
            #expect(state.figures.due.items(forClient: jose.id) == rebuilt.due.items(forClient: jose.id), "step \(step)")
        }
        #expect(state.data.employerContacts.count == 2)
        #expect(state.figures.directory.summary(of: renamed.id)?.jobsHeld.map(\.clientID) == [jose.id],
                "a job naming the renamed employer by name is held there")
    }
}
