import FieldbookCore
import Foundation

// MARK: Follow-along: the demo opens the day after the anchor (Maria's morning); every rule has
// live examples among her clients, and everyone else's schedule follows from their records.
struct FollowAlongExamples {
    var clients: [Client]
    let employers: [Employer]
    let maria: UUID

    /// The clients with the examples staged and a status history for everyone.
    @MainActor static func staged(_ clients: [Client], employers: [Employer], maria: UUID) -> [Client] {
        var examples = FollowAlongExamples(clients: clients, employers: employers, maria: maria)
        examples.stage()
        examples.fillStatusHistories()
        return examples.clients
    }

    @MainActor func faceToFace(_ day: LocalDate, _ note: String, place: String = "the job site") -> ClientContact {
        ClientContact(id: uuid(), date: day, kind: .faceToFace, place: place, note: note, specialistID: maria, createdAt: stamp(day, hour: 14))
    }
    /// Keeps the client's contacts dated before `day` and adds `added`.
    @MainActor mutating func contacts(of index: Int, before day: LocalDate, then added: [ClientContact]) {
        clients[index].contacts.removeAll { $0.date >= day }
        clients[index].contacts += added
    }
    /// Makes the client's current job start on `start` (and their entry come before it).
    @MainActor mutating func currentJob(of index: Int, startingOn start: LocalDate) {
        guard let last = clients[index].jobs.indices.last else { return }
        clients[index].jobs[last].startDate = start
        if clients[index].programEntryDate > start.adding(days: -14) { clients[index].programEntryDate = start.adding(days: -30) }
    }

    /// Every follow-along rule, live on the demo morning among Maria's clients.
    @MainActor mutating func stage() {
        // 1: a job that ended two days ago (after-job-loss).
        do {
            let employer = employers[15], start = max(clients[1].programEntryDate.adding(days: 20), morning.adding(days: -60))
            clients[1].jobs.append(Job(id: uuid(), employerID: employer.id, employerName: employer.name, title: "Bookshop assistant",
                                       startDate: start, endDate: morning.adding(days: -2), hoursPerWeek: 16, hourlyWage: Decimal(string: "16.00"),
                                       isCompetitive: true, endReason: .resigned, endNote: "Said the evening shifts were too much."))
            contacts(of: 1, before: morning.adding(days: -2), then: [])
            clients[1].statusHistory = [change(start, .jobSearch, .working), change(morning.adding(days: -2), .working, .jobSearch)]
        }
        // 3 starts a job next week, with no contact yet (before-start); 7 started two days ago (after-start).
        clients[3].notes = "Starts next week; wants to go over the bus route before the first day."
        currentJob(of: 7, startingOn: morning.adding(days: -2))
        contacts(of: 7, before: morning.adding(days: -2), then: [])
        clients[7].statusHistory = [change(morning.adding(days: -2), .jobSearch, .working)]
        // 8 and 9 are in their first month (weekly): 8 is three days late, 9 is due today.
        currentJob(of: 8, startingOn: morning.adding(days: -20))
        contacts(of: 8, before: morning.adding(days: -20), then: [
            faceToFace(morning.adding(days: -19), "First day went fine; manager is patient."),
            faceToFace(morning.adding(days: -10), "Second week: tired but pleased. Talked about breaks."),
        ])
        currentJob(of: 9, startingOn: morning.adding(days: -12))
        contacts(of: 9, before: morning.adding(days: -12), then: [
            faceToFace(morning.adding(days: -11), "Met after the first shift."),
            faceToFace(morning.adding(days: -7), "Checked in; wants help asking about the schedule."),
        ])
        for index in [8, 9] { clients[index].statusHistory = [change(clients[index].jobs.last!.startDate, .jobSearch, .working)] }
        // 10 and 11 have worked for months (monthly).
        for (index, (started, seen)) in [(10, (150, 20)), (11, (200, 27))] {
            currentJob(of: index, startingOn: morning.adding(days: -started))
            contacts(of: index, before: morning.adding(days: -(started - 1)), then: [
                faceToFace(morning.adding(days: -(started - 1)), "First day; met at the break."),
                faceToFace(morning.adding(days: -(started - 6)), "First week done."),
                faceToFace(morning.adding(days: -(seen + 31)), "Monthly check-in; asked about more hours.", place: "Bean There Café"),
                faceToFace(morning.adding(days: -seen), "Monthly check-in; all steady.", place: "Bean There Café"),
            ])
            clients[index].statusHistory = [change(morning.adding(days: -started), .jobSearch, .working)]
        }
        // 12: in follow-along, last seen 41 days ago (monthly, overdue); 13 declined follow-along;
        // 14 asked for a contact every two weeks.
        for index in 12...14 {
            let start = morning.adding(days: -(260 + index * 10))
            currentJob(of: index, startingOn: start)
            clients[index].statusHistory = [change(start, .jobSearch, .working), change(start.adding(days: 120), .working, .followAlong)]
        }
        contacts(of: 12, before: morning.adding(days: -90), then: [
            faceToFace(morning.adding(days: -72), "Monthly check-in; new supervisor, getting on fine."),
            faceToFace(morning.adding(days: -41), "Monthly check-in; talked about a raise.", place: "bus station café"),
        ])
        clients[13].declinedFollowAlong = true
        clients[13].notes = "Declined follow-along support in October: happy at work, will call if needed."
        clients[14].followAlongIntervalDays = 14
        contacts(of: 14, before: morning.adding(days: -40), then: [
            faceToFace(morning.adding(days: -24), "Fortnightly check-in."),
            faceToFace(morning.adding(days: -10), "Fortnightly check-in; asked to keep meeting every two weeks."),
        ])
        // 15-17 entered the program this month: 15 and 17 have had no employer contact yet (17 is late), 16 has.
        for (index, days) in [(15, 25), (16, 18), (17, 33)] {
            let entry = morning.adding(days: -days)
            clients[index].programEntryDate = entry
            clients[index].referralDate = entry.adding(days: -6)
            clients[index].createdAt = stamp(entry)
            clients[index].contacts.removeAll { $0.date < entry }
            clients[index].statusHistory = [change(entry.adding(days: 7), .engaging, .jobSearch)]
            clients[index].status = .jobSearch
        }
    }

    /// A status history for everyone else who has moved along the path, and the last change.
    mutating func fillStatusHistories() {
        for index in clients.indices where clients[index].statusHistory.isEmpty {
            let client = clients[index]
            switch client.status {
            case .working:
                if let job = client.jobs.last { clients[index].statusHistory = [change(job.startDate, .jobSearch, .working)] }
            case .followAlong:
                if let job = client.jobs.last {
                    clients[index].statusHistory = [change(job.startDate, .jobSearch, .working), change(job.startDate.adding(days: 120), .working, .followAlong)]
                }
            case .closed:
                let last = client.contacts.map(\.date).max() ?? client.programEntryDate
                clients[index].statusHistory = [change(last.adding(days: 21), .inactive, .closed)]
            case .inactive:
                let last = client.contacts.filter(\.kind.reachedThePerson).map(\.date).max() ?? client.programEntryDate
                clients[index].statusHistory = [change(last.adding(days: 14), .jobSearch, .inactive)]
            case .jobSearch where client.programEntryDate < morning.adding(days: -30):
                clients[index].statusHistory = [change(client.programEntryDate.adding(days: 10), .engaging, .jobSearch)]
            default:
                break
            }
        }
        for index in clients.indices {
            clients[index].updatedAt = max(clients[index].createdAt, clients[index].contacts.map(\.createdAt).max() ?? clients[index].createdAt)
        }
    }
}

func change(_ day: LocalDate, _ from: ClientStatus, _ to: ClientStatus) -> StatusChange { StatusChange(date: day, from: from, to: to) }
