import FieldbookCore
import Foundation
import Testing

@Suite struct FiguresTests {
    /// The figures agree with the rules they summarise, for any day.
    @Test func figuresAgreeWithTheRules() {
        let me = Sample.specialist.id
        var clients = (0..<4).map { n in Sample.client(name: "Client \(n)", specialist: me) }
        clients[0].status = .closed
        clients[1].jobs.append(Job(employerName: "Mill Bakery", title: "Baker", startDate: date("2026-11-10")))
        clients[2].jobs.append(Job(employerName: "Mill Bakery", title: "Packer", startDate: date("2026-11-30")))
        clients[3].jobs.append(Job(employerName: "Mill Bakery", title: "Driver", startDate: date("2026-12-31")))
        let contacts = ["2026-11-16", "2026-11-18", "2026-11-23", "2026-08-01"].map { Sample.employerContact(on: $0) }
            + [Sample.employerContact(on: "2026-11-17", method: .phone)]
        let data = DataSnapshot(specialists: [Sample.specialist], clients: clients, employers: [Sample.employer], employerContacts: contacts)
        for day in ["2026-11-22", "2026-11-23", "2026-12-01"].map(date) {
            let figures = Figures(data: data, today: day)
            #expect(figures.activeClients(of: me) == Caseload.activeCount(of: me, in: clients))
            let tally = figures.weekTally(of: me)
            #expect(tally.done == TallyOracle.faceToFaceCount(for: me, weekOf: day, in: contacts))
            #expect(tally.target == TallyOracle.weeklyTarget(for: me, clients: clients, settings: data.settings))
            #expect(figures.tallies.weeklyTargets[me] == tally.target)
        }
        let figures = Figures(data: data, today: date("2026-11-22"))
        #expect(figures.jobStartsAhead.map(\.job.title) == ["Packer"])
        #expect(figures.weekTally(of: me).done == 2)
    }
}
