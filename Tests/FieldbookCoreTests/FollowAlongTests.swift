import FieldbookCore
import Foundation
import Testing

/// Builders for rule tables: short, so each row of a table reads as one case.
enum Rules {
    static let specialist = Specialist(name: "Maria Okafor", createdAt: instant(1_700_000_000))
    static let books = Employer(name: "Corner Books", createdAt: instant(1_700_000_000))
    static let bakery = Employer(name: "Rise Bakery", createdAt: instant(1_700_000_000))

    static func job(_ start: String, ends: String? = nil, at employer: Employer = books) -> Job {
        Job(employerID: employer.id, employerName: employer.name, title: "Clerk", startDate: date(start),
            endDate: ends.map(date))
    }

    static func contact(_ day: String, _ kind: ClientContactKind = .faceToFace) -> ClientContact {
        ClientContact(date: date(day), kind: kind, createdAt: instant(1_700_000_000))
    }

    static func client(
        _ name: String = "Ana Lima", entry: String = "2023-01-09", status: ClientStatus = .working,
        jobs: [Job] = [], contacts: [ClientContact] = [], history: [StatusChange] = [],
        declined: Bool = false, everyDays: Int? = nil
    ) -> Client {
        Client(name: name, programEntryDate: date(entry), specialistID: specialist.id, status: status,
               statusHistory: history, declinedFollowAlong: declined, followAlongIntervalDays: everyDays,
               jobs: jobs, contacts: contacts, createdAt: instant(1_700_000_000))
    }

    /// The follow-along items of `client` on `asOf`, as (kind, due date) pairs in list order.
    static func due(_ client: Client, asOf: String, settings: FollowAlongIntervals = FollowAlongIntervals()) -> [String] {
        FollowAlong.items(for: client, settings: settings, asOf: date(asOf))
            .sorted(by: DueItem.listOrder)
            .map { "\($0.kind.rawValue) \($0.dueOn)" }
    }
}

/// Rules 1-4 and 6 (follow-along around a job), one table row per case. The job starts on
/// Tuesday 2026-11-03 unless a row says otherwise.
@Suite struct FollowAlongTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let start: String
        let end: String?
        let contacts: [(String, ClientContactKind)]
        let asOf: String
        let expected: [String]
        var testDescription: String { name }

        init(_ name: String, start: String = "2026-11-03", end: String? = nil,
             contacts: [(String, ClientContactKind)] = [], asOf: String, _ expected: [String]) {
            self.name = name
            self.start = start
            self.end = end
            self.contacts = contacts
            self.asOf = asOf
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        // 1. before-start: S-7..S-1, due S-1, gone once S arrives.
        Case("a future start with no contact is due the day before", asOf: "2026-10-20", ["before-start 2026-11-02"]),
        Case("a contact on S-7 meets before-start", contacts: [("2026-10-27", .faceToFace)], asOf: "2026-11-01", []),
        Case("a contact on S-8 is too early", contacts: [("2026-10-26", .faceToFace)], asOf: "2026-11-01", ["before-start 2026-11-02"]),
        Case("a contact on S-1 meets before-start", contacts: [("2026-11-02", .faceToFace)], asOf: "2026-11-02", []),
        Case("an outreach attempt meets nothing", contacts: [("2026-10-30", .outreachAttempt)], asOf: "2026-11-01", ["before-start 2026-11-02"]),
        Case("a phone call does not count by default", contacts: [("2026-10-30", .phone)], asOf: "2026-11-01", ["before-start 2026-11-02"]),
        Case("a contact after as-of is ignored", contacts: [("2026-10-30", .faceToFace)], asOf: "2026-10-29", ["before-start 2026-11-02"]),
        Case("before-start is gone once S arrives, after-start takes over", asOf: "2026-11-03", ["after-start 2026-11-06"]),
        // 2. after-start: a contact on or after S, due S+3, late contacts still meet it.
        Case("after-start overdue", asOf: "2026-11-10", ["after-start 2026-11-06"]),
        Case("a contact before S does not meet after-start", contacts: [("2026-11-02", .faceToFace)], asOf: "2026-11-05", ["after-start 2026-11-06"]),
        Case("a contact on S meets after-start; weekly from it", contacts: [("2026-11-03", .faceToFace)], asOf: "2026-11-03", ["weekly 2026-11-10"]),
        Case("a late contact still meets after-start", contacts: [("2026-11-09", .faceToFace)], asOf: "2026-11-10", ["weekly 2026-11-16"]),
        Case("a video call does not meet after-start by default", contacts: [("2026-11-04", .video)], asOf: "2026-11-05", ["after-start 2026-11-06"]),
        // 3. weekly: L+7 while L+7 <= S+30 (2026-12-03).
        Case("weekly in the first month",
             contacts: [("2026-11-04", .faceToFace), ("2026-11-11", .faceToFace), ("2026-11-18", .faceToFace), ("2026-11-25", .faceToFace)],
             asOf: "2026-11-26", ["weekly 2026-12-02"]),
        Case("weekly when L+7 is S+30 exactly", contacts: [("2026-11-04", .faceToFace), ("2026-11-26", .faceToFace)],
             asOf: "2026-11-27", ["weekly 2026-12-03"]),
        Case("monthly when L+7 is past S+30", contacts: [("2026-11-04", .faceToFace), ("2026-11-27", .faceToFace)],
             asOf: "2026-11-28", ["monthly 2026-12-27"]),
        Case("a missed weekly stays weekly and overdue", contacts: [("2026-11-04", .faceToFace)], asOf: "2026-12-20", ["weekly 2026-11-11"]),
        Case("contacts out of order in the file", contacts: [("2026-11-25", .faceToFace), ("2026-11-04", .faceToFace)],
             asOf: "2026-11-26", ["weekly 2026-12-02"]),
        Case("a text message is not the latest contact", contacts: [("2026-11-04", .faceToFace), ("2026-11-09", .text)],
             asOf: "2026-11-10", ["weekly 2026-11-11"]),
        // 4. monthly: one calendar month after L, clamped to the month's end.
        Case("Jan 31 to Feb 29 in a leap year", start: "2023-06-01", contacts: [("2024-01-31", .faceToFace)], asOf: "2024-02-01",
             ["monthly 2024-02-29"]),
        Case("Jan 31 to Feb 28 otherwise", start: "2024-06-01", contacts: [("2025-01-31", .faceToFace)], asOf: "2025-02-01",
             ["monthly 2025-02-28"]),
        Case("Feb 29 to Mar 29", start: "2023-06-01", contacts: [("2024-02-29", .faceToFace)], asOf: "2024-03-01", ["monthly 2024-03-29"]),
        Case("Mar 31 to Apr 30", start: "2023-06-01", contacts: [("2024-03-31", .faceToFace)], asOf: "2024-04-01", ["monthly 2024-04-30"]),
        Case("Dec 31 to Jan 31 across a year", start: "2023-06-01", contacts: [("2024-12-31", .faceToFace)], asOf: "2025-01-02",
             ["monthly 2025-01-31"]),
        Case("monthly never stops by itself", start: "2020-01-06", contacts: [("2020-02-10", .faceToFace)], asOf: "2026-11-03",
             ["monthly 2020-03-10"]),
        // 6. after-job-loss: a contact on or after E, due E+3; an ended job has no other item.
        Case("an ended job needs a contact after its end", start: "2026-09-01", end: "2026-11-10",
             contacts: [("2026-11-05", .faceToFace)], asOf: "2026-11-12", ["after-job-loss 2026-11-13"]),
        Case("a contact on E meets after-job-loss", start: "2026-09-01", end: "2026-11-10",
             contacts: [("2026-11-10", .faceToFace)], asOf: "2026-11-12", []),
        Case("after-job-loss overdue, met late later", start: "2026-09-01", end: "2026-11-10",
             contacts: [("2026-11-05", .faceToFace), ("2026-11-20", .faceToFace)], asOf: "2026-11-25", []),
        Case("an attempt after E meets nothing", start: "2026-09-01", end: "2026-11-10",
             contacts: [("2026-11-11", .outreachAttempt)], asOf: "2026-11-20", ["after-job-loss 2026-11-13"]),
        Case("a job ending after as-of is still held then", start: "2026-09-01", end: "2026-11-20",
             contacts: [("2026-11-05", .faceToFace)], asOf: "2026-11-12", ["monthly 2026-12-05"]),
        Case("a job ending on as-of has ended", start: "2026-09-01", end: "2026-11-12",
             contacts: [("2026-11-05", .faceToFace)], asOf: "2026-11-12", ["after-job-loss 2026-11-15"]),
    ]

    @Test(arguments: cases)
    func oneJob(_ row: Case) {
        let client = Rules.client(jobs: [Rules.job(row.start, ends: row.end)],
                                  contacts: row.contacts.map { Rules.contact($0.0, $0.1) })
        #expect(Rules.due(client, asOf: row.asOf) == row.expected)
    }

    @Test func phoneAndVideoCountWhenTheSettingsSaySoButTextNever() {
        let counting = FollowAlongIntervals(phoneAndVideoCount: true)
        let job = Rules.job("2026-11-03")
        for kind in [ClientContactKind.phone, .video] {
            let client = Rules.client(jobs: [job], contacts: [Rules.contact("2026-10-30", kind)])
            #expect(Rules.due(client, asOf: "2026-11-01", settings: counting) == [])
            #expect(Rules.due(client, asOf: "2026-11-01") == ["before-start 2026-11-02"])
        }
        for kind in [ClientContactKind.text, .outreachAttempt] {
            let client = Rules.client(jobs: [job], contacts: [Rules.contact("2026-10-30", kind)])
            #expect(Rules.due(client, asOf: "2026-11-01", settings: counting) == ["before-start 2026-11-02"])
        }
    }

    @Test func intervalsComeFromTheSettings() {
        let settings = FollowAlongIntervals(beforeStartDays: 3, afterStartDays: 1, firstMonthEveryDays: 5,
                                            firstMonthLengthDays: 10, thereafterEveryMonths: 2, afterJobEndDays: 2)
        let job = Rules.job("2026-11-03")
        #expect(Rules.due(Rules.client(jobs: [job], contacts: [Rules.contact("2026-10-30")]), asOf: "2026-11-01", settings: settings)
                == ["before-start 2026-11-02"])
        #expect(Rules.due(Rules.client(jobs: [job]), asOf: "2026-11-03", settings: settings) == ["after-start 2026-11-04"])
        #expect(Rules.due(Rules.client(jobs: [job], contacts: [Rules.contact("2026-11-08")]), asOf: "2026-11-08", settings: settings)
                == ["weekly 2026-11-13"])
        #expect(Rules.due(Rules.client(jobs: [job], contacts: [Rules.contact("2026-11-09")]), asOf: "2026-11-09", settings: settings)
                == ["monthly 2027-01-09"])
        let ended = Rules.job("2026-09-01", ends: "2026-11-10")
        #expect(Rules.due(Rules.client(jobs: [ended]), asOf: "2026-11-10", settings: settings) == ["after-job-loss 2026-11-12"])
    }

    @Test func twoJobsHaveTheirOwnItemsAndOneContactMeetsBoth() {
        let held = Rules.job("2026-09-01", at: Rules.books)
        let next = Rules.job("2026-11-20", at: Rules.bakery)
        // 2026-11-14 is in the second job's before-start window and is the first job's latest contact.
        let client = Rules.client(jobs: [held, next], contacts: [Rules.contact("2026-09-02"), Rules.contact("2026-11-14")])
        #expect(Rules.due(client, asOf: "2026-11-15") == ["monthly 2026-12-14"])
        // Both started: one contact on the second start meets its after-start and is the first's latest.
        let both = Rules.client(jobs: [held, Rules.job("2026-11-03", at: Rules.bakery)],
                                contacts: [Rules.contact("2026-09-02"), Rules.contact("2026-11-03")])
        let items = FollowAlong.items(for: both, settings: FollowAlongIntervals(), asOf: date("2026-11-05"))
        #expect(items.map { "\($0.employerName ?? "") \($0.kind.rawValue) \($0.dueOn)" }.sorted()
                == ["Corner Books monthly 2026-12-03", "Rise Bakery weekly 2026-11-10"])
        // A job lost while another goes on: both schedules.
        let lost = Rules.client(jobs: [Rules.job("2026-09-01", ends: "2026-11-10", at: Rules.bakery), held],
                                contacts: [Rules.contact("2026-11-02")])
        #expect(Rules.due(lost, asOf: "2026-11-11") == ["after-job-loss 2026-11-13", "monthly 2026-12-02"])
    }

    @Test func aClientWhoDeclinedHasNoFollowAlongItems() {
        let jobs = [Rules.job("2026-11-03"), Rules.job("2026-11-20", at: Rules.bakery), Rules.job("2026-01-05", ends: "2026-11-01")]
        #expect(Rules.due(Rules.client(jobs: jobs, declined: true), asOf: "2026-11-10") == [])
        #expect(Rules.due(Rules.client(jobs: jobs), asOf: "2026-11-10").count == 3)
    }

    @Test func aPersonalIntervalReplacesWeeklyAndMonthly() {
        let job = Rules.job("2026-11-03")
        let everyTwoWeeks = { (contacts: [String]) in Rules.client(jobs: [job], contacts: contacts.map { Rules.contact($0) }, everyDays: 14) }
        #expect(Rules.due(everyTwoWeeks([]), asOf: "2026-11-04") == ["after-start 2026-11-06"])
        #expect(Rules.due(everyTwoWeeks(["2026-11-04"]), asOf: "2026-11-05") == ["weekly 2026-11-18"])
        #expect(Rules.due(everyTwoWeeks(["2026-11-04", "2026-11-25"]), asOf: "2026-11-26") == ["monthly 2026-12-09"])
        let item = FollowAlong.items(for: everyTwoWeeks(["2026-11-04"]), settings: FollowAlongIntervals(), asOf: date("2026-11-05"))
        #expect(item.first?.why == "check-in every 14 days (client's choice), job at Corner Books since 3 Nov")
        let stillAhead = Rules.client(jobs: [Rules.job("2026-11-20")], everyDays: 14)
        #expect(Rules.due(stillAhead, asOf: "2026-11-05") == ["before-start 2026-11-19"])
    }

    @Test func referredAndClosedClientsHaveNothingDueEveryOtherStatusFollowsTheRules() {
        let job = Rules.job("2026-11-03")
        for status in ClientStatus.allCases {
            let due = Rules.due(Rules.client(status: status, jobs: [job]), asOf: "2026-11-05")
            #expect(due == (status == .referred || status == .closed ? [] : ["after-start 2026-11-06"]), "\(status)")
        }
    }

    @Test func theStatusIsTheOneOfThatMorning() {
        let job = Rules.job("2026-11-03")
        // Enrolled on 2026-10-01 (was referred), closed on 2026-11-10.
        let history = [StatusChange(date: date("2026-10-01"), from: .referred, to: .jobSearch),
                       StatusChange(date: date("2026-11-10"), from: .jobSearch, to: .closed)]
        let client = Rules.client(status: .closed, jobs: [job], history: history)
        #expect(Rules.due(client, asOf: "2026-09-25") == [])
        #expect(Rules.due(client, asOf: "2026-10-27") == ["before-start 2026-11-02"])
        #expect(Rules.due(client, asOf: "2026-11-09") == ["after-start 2026-11-06"])
        #expect(Rules.due(client, asOf: "2026-11-10") == [])
        #expect(Rules.due(client, asOf: "2026-12-01") == [])
        // Closed with no known date: closed on every morning.
        let closedLongAgo = Rules.client(status: .closed, jobs: [job])
        #expect(Rules.due(closedLongAgo, asOf: "2026-11-05") == [])
        // Reopened: closed, then back in follow-along.
        let reopened = Rules.client(status: .followAlong, jobs: [job],
                                    history: [StatusChange(date: date("2026-11-01"), from: .working, to: .closed),
                                              StatusChange(date: date("2026-11-07"), from: .closed, to: .followAlong)])
        #expect(Rules.due(reopened, asOf: "2026-11-05") == [])
        #expect(Rules.due(reopened, asOf: "2026-11-07") == ["after-start 2026-11-06"])
    }

    @Test func aClientEnrolledAfterAsOfIsIgnored() {
        let client = Rules.client(entry: "2026-11-10", jobs: [Rules.job("2026-11-20")])
        #expect(Rules.due(client, asOf: "2026-11-09") == [])
        #expect(Rules.due(client, asOf: "2026-11-10") == ["before-start 2026-11-19"])
    }

    @Test func whyTextsSayWhatIsDueAndWhy() {
        let client = Rules.client(jobs: [Rules.job("2026-11-03")], contacts: [Rules.contact("2026-11-04")])
        let item = FollowAlong.items(for: client, settings: FollowAlongIntervals(), asOf: date("2026-11-05"))
        #expect(item.map(\.why) == ["weekly check-in, job at Corner Books since 3 Nov"])
        #expect(item.first?.jobID == client.jobs[0].id)
        #expect(item.first?.clientID == client.id)
        let lastYear = FollowAlong.items(for: Rules.client(jobs: [Rules.job("2025-12-29")]), settings: FollowAlongIntervals(),
                                         asOf: date("2026-01-02"))
        #expect(lastYear.map(\.why) == ["contact after the start, job at Corner Books started 29 Dec 2025"])
    }
}
