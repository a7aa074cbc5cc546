import FieldbookCore
import Foundation

// MARK: Cases of IPS practice the demo shows beside the follow-along examples: a job loss the
// specialist learned of late, a peer specialist job, a self-employed worker, the supports agreed
// at a job start, a job-support visit and a step-down of follow-along. No random draw is taken
// here (the ids are fixed), so everything else in the sample stays as it was.
enum PracticeExamples {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "5A3F0000-0000-4000-8000-%012d", n))! }

    /// Index of the first client of `specialist` with `status` in the plan (Clients.swift).
    static func planned(_ specialist: Int, _ status: ClientStatus, skipping: Int = 0) -> Int {
        plan.indices.filter { plan[$0] == (specialist, status) }[skipping]
    }

    static func staged(_ clients: [Client], employers: [Employer]) -> [Client] {
        var clients = clients
        // Daniel's worker laid off 13 days ago, which he learned of yesterday: the contact after
        // the loss is due in two days, not 10 days late.
        let laidOff = planned(1, .working)
        if let last = clients[laidOff].jobs.indices.last {
            let end = morning.adding(days: -13)
            clients[laidOff].jobs[last].startDate = min(clients[laidOff].jobs[last].startDate, end.adding(days: -40))
            clients[laidOff].jobs[last].endDate = end
            clients[laidOff].jobs[last].lossLearnedOn = anchor
            clients[laidOff].jobs[last].endReason = .laidOff
            clients[laidOff].jobs[last].endNote = "Seasonal staff let go; told Daniel at the clinic yesterday."
            clients[laidOff].contacts.removeAll { $0.date >= end }
            clients[laidOff].status = .jobSearch
            clients[laidOff].statusHistory = [change(clients[laidOff].jobs[last].startDate, .jobSearch, .working), change(anchor, .working, .jobSearch)]
        }
        // Daniel's second worker is a peer support specialist: competitive work.
        let peer = planned(1, .working, skipping: 1)
        if let last = clients[peer].jobs.indices.last {
            let hospital = employers[21]
            clients[peer].jobs[last].employerID = hospital.id
            clients[peer].jobs[last].employerName = hospital.name
            clients[peer].jobs[last].title = "Peer support specialist"
            clients[peer].jobs[last].isCompetitive = true
        }
        // Lena's worker runs her own alterations business.
        let own = planned(2, .working)
        if let last = clients[own].jobs.indices.last {
            clients[own].jobs[last].employerID = nil
            clients[own].jobs[last].employerName = "Élodie's Alterations"
            clients[own].jobs[last].title = "Seamstress"
            clients[own].jobs[last].selfEmployed = true
            clients[own].jobs[last].hourlyWage = nil
        }
        // Maria's worker in their first month agreed the supports at the start.
        if let last = clients[8].jobs.indices.last {
            clients[8].jobs[last].supports = JobSupports(
                employerContact: "The shift lead, for schedules only", wanted: "Meet after shifts, away from work",
                notWanted: "Visits at work, or talking about health with anyone there")
        }
        // Daniel's worker in follow-along passed it to their ACT team a month ago, after a year of steady work.
        let stepped = planned(1, .followAlong)
        clients[stepped].followAlongStepDown = FollowAlongStepDown(date: morning.adding(days: -30), to: "ACT Team South (case manager)")
        clients[stepped].notes = "Steady at work for a year; agreed to pass follow-along to the ACT team. Will call Daniel if the job changes."
        return clients
    }

    /// Maria's visit to support her worker of five months at their job: job support, logged
    /// and shown, not counted toward the weekly target.
    static func jobSupportVisit(clients: [Client], maria: UUID) -> EmployerContact? {
        guard let job = clients[10].jobs.last, let employer = job.employerID else { return nil }
        let day = morning.adding(days: -3)
        return EmployerContact(
            id: id(1), date: day, specialistID: maria, employerID: employer, purpose: .jobSupport, method: .faceToFace,
            jobSeekerIDs: [clients[10].id], outcome: "At the worker's request, sorted out the new rota with the manager.",
            createdAt: stamp(day, hour: 15))
    }
}
