import FieldbookCore
import Foundation
import Testing

/// The rules read against the IPS references: the after-loss contact counted from when the
/// loss was learned, job support apart from job development, the step-down of follow-along,
/// self-employment, IPS Grow's employment rate and the career profile's answer sources.
@Suite struct JobLossLearnedTests {
    /// Ended on 1 November, learned on 15 November; monthly check-ins before.
    static func lateNews(learned: String? = "2026-11-15", contacts: [String] = ["2026-10-20"]) -> Client {
        var job = Rules.job("2026-06-01", ends: "2026-11-01")
        job.lossLearnedOn = learned.map(date)
        return Rules.client(jobs: [job], contacts: contacts.map { Rules.contact($0) })
    }

    @Test func theClockStartsWhenTheLossIsLearned() throws {
        // Entered the day it is learned: due 3 days later, not 11 days overdue.
        let entered = try #require(FollowAlong.items(for: Self.lateNews(), settings: FollowAlongIntervals(), asOf: date("2026-11-15")).first)
        #expect(entered.kind == .afterJobLoss && entered.dueOn == date("2026-11-18"))
        #expect(entered.daysOverdue == 0)
        #expect(entered.why.contains("ended 1 Nov, learned 15 Nov"), "\(entered.why)")
        // Day 3 is still in time; day 4 is one day late.
        #expect(Rules.due(Self.lateNews(), asOf: "2026-11-18") == ["after-job-loss 2026-11-18"])
        let dayFour = try #require(FollowAlong.items(for: Self.lateNews(), settings: FollowAlongIntervals(), asOf: date("2026-11-19")).first)
        #expect(dayFour.daysOverdue == 1)
    }

    @Test func withoutALearnedDateTheEndDateStandsInForIt() {
        #expect(Rules.due(Self.lateNews(learned: nil), asOf: "2026-11-15") == ["after-job-loss 2026-11-04"])
        // A learned date before the end is no later news: the end date stands.
        #expect(Rules.due(Self.lateNews(learned: "2026-10-30"), asOf: "2026-11-15") == ["after-job-loss 2026-11-04"])
    }

    @Test func untilTheLossIsLearnedTheJobsScheduleRuns() {
        // On 10 November the specialist does not know yet: the monthly check-in is what is due.
        #expect(Rules.due(Self.lateNews(), asOf: "2026-11-10") == ["monthly 2026-11-20"])
    }

    @Test func aContactAfterTheEndMeetsIt() {
        #expect(Rules.due(Self.lateNews(contacts: ["2026-10-20", "2026-11-05"]), asOf: "2026-11-15").isEmpty)
    }

    @Test func theFollowAlongReportCountsFromTheLearnedDay() throws {
        let november = ReportPeriod(from: date("2026-11-01"), to: date("2026-11-30"))
        func outcome(contact: String) throws -> FollowAlongReport.Row {
            let client = Self.lateNews(contacts: ["2026-10-20", contact])
            let data = DataSnapshot(specialists: [Rules.specialist], clients: [client])
            let report = FollowAlongReport(ReportInput(data: data, period: november, today: date("2026-12-05")))
            return try #require(report.items.first { $0.kind == DueKind.afterJobLoss.rawValue })
        }
        let onDayThree = try outcome(contact: "2026-11-18")
        #expect(onDayThree.dueOn == date("2026-11-18") && onDayThree.outcome == .metOnTime)
        #expect(try outcome(contact: "2026-11-19").outcome == .metLate)
    }

    @Test func anOlderFileWithoutTheNewKeysStillReads() throws {
        let json = #"{"id":"8F2C1B9E-3D4A-4C5B-9E6F-7A8B9C0D1E2F","employerName":"Corner Books","title":"Clerk","startDate":"2026-06-01","endDate":"2026-11-01","isCompetitive":true}"#
        let job = try JSONDecoder().decode(Job.self, from: Data(json.utf8))
        #expect(job.lossLearnedOn == nil && !job.isSelfEmployed && job.supports == nil)
        #expect(FollowAlong.lossKnown(job) == date("2026-11-01"))
    }
}

@Suite struct JobSupportTests {
    static func visit(_ day: String, _ purpose: EmployerContactPurpose, for seekers: [Client] = [], method: EmployerContactMethod = .faceToFace) -> EmployerContact {
        EmployerContact(date: date(day), specialistID: Rules.specialist.id, employerID: Rules.books.id, purpose: purpose,
                        method: method, jobSeekerIDs: seekers.map(\.id), createdAt: instant(1_700_000_000))
    }

    @Test func aJobSupportVisitIsNotJobDevelopment() {
        #expect(!ContactTally.counts(Self.visit("2026-11-16", .jobSupport)))
        #expect(ContactTally.counts(Self.visit("2026-11-16", .followUp)))
        #expect(ContactTally.counts(Self.visit("2026-11-16", .other)))
        #expect(!ContactTally.counts(Self.visit("2026-11-16", .presentJobSeeker, method: .phone)))
    }

    @Test func theTallyTheReportAndTheFirstContactFollowOneRule() throws {
        let seeker = Rules.client("Ben", entry: "2026-11-02", status: .jobSearch)
        let contacts = [Self.visit("2026-11-16", .jobSupport, for: [seeker]), Self.visit("2026-11-17", .learnNeeds),
                        Self.visit("2026-11-18", .jobSupport)]
        let data = DataSnapshot(specialists: [Rules.specialist], clients: [seeker], employers: [Rules.books], employerContacts: contacts)
        let week = ReportPeriod(from: date("2026-11-16"), to: date("2026-11-22"))
        let report = EmployerContactsReport(ReportInput(data: data, period: week, today: date("2026-11-25")))
        #expect(report.faceToFace == 1)
        let figures = Figures(data: data, today: date("2026-11-18"))
        #expect(figures.tallies.tally(of: Rules.specialist.id, period: DateRange(from: date("2026-11-16"), to: date("2026-11-22"))).done == 1)
        // The job support visit on the seeker's behalf is not their first employer contact.
        let first = FirstEmployerContact(for: seeker, contacts: contacts, settings: Settings(), today: date("2026-11-18"))
        #expect(first.made == nil)
        #expect(figures.due.items(forClient: seeker.id).contains { $0.kind == .firstEmployerContact })
    }
}

/// Fidelity item 15 counts a first meeting with an employer made by the person or the
/// specialist: a job start before any logged contact is that meeting.
@Suite struct FirstMeetingTests {
    @Test func theEarlierOfTheFirstContactAndAJobStart() {
        var client = Rules.client("Ben", entry: "2026-10-01", status: .working, jobs: [Rules.job("2026-10-12")])
        let contact = JobSupportTests.visit("2026-10-20", .presentJobSeeker, for: [client])
        let first = FirstEmployerContact(for: client, contacts: [contact], settings: Settings(), today: date("2026-11-01"))
        #expect(first.made?.date == date("2026-10-20") && first.firstMeeting == date("2026-10-12"))
        client.jobs = [Rules.job("2026-10-25")]
        let later = FirstEmployerContact(for: client, contacts: [contact], settings: Settings(), today: date("2026-11-01"))
        #expect(later.firstMeeting == date("2026-10-20"))
        // A job held from before entry is not a meeting the service made.
        client.jobs = [Rules.job("2026-09-01")]
        #expect(FirstEmployerContact(for: client, contacts: [], settings: Settings(), today: date("2026-11-01")).firstMeeting == nil)
    }
}

@Suite struct StepDownTests {
    static func steppedDown(on day: String = "2026-11-20") -> Client {
        var client = Rules.client(jobs: [Rules.job("2025-06-01")], contacts: [Rules.contact("2026-10-25")])
        client.followAlongStepDown = FollowAlongStepDown(date: date(day), to: "Riverside ACT team")
        return client
    }

    @Test func followAlongEndsOnTheStepDownDay() {
        #expect(Rules.due(Self.steppedDown(), asOf: "2026-11-19") == ["monthly 2026-11-25"])
        #expect(Rules.due(Self.steppedDown(), asOf: "2026-11-20").isEmpty)
    }

    @Test func theReportCountsTheStepDownAndTheItemsItEnded() throws {
        let november = ReportPeriod(from: date("2026-11-01"), to: date("2026-11-30"))
        let data = DataSnapshot(specialists: [Rules.specialist], clients: [Self.steppedDown()])
        let report = FollowAlongReport(ReportInput(data: data, period: november, today: date("2026-12-05")))
        #expect(report.total.stepDowns == 1)
        #expect(report.items.map(\.outcome) == [.steppedDown])
        #expect(report.total.noLongerDue == 0)
        #expect(report.summary.joined().contains("1 stepped down"))
        // A step-down in December is not November's.
        let later = DataSnapshot(specialists: [Rules.specialist], clients: [Self.steppedDown(on: "2026-12-01")])
        #expect(FollowAlongReport(ReportInput(data: later, period: november, today: date("2026-12-05"))).total.stepDowns == 0)
    }
}

@Suite struct CompetitiveWorkTests {
    @Test func selfEmploymentHasNoDirectoryEmployerAndReadsSo() throws {
        var client = ReportData.c9
        client.jobs = [Job(employerName: "", title: "Dog walker", startDate: date("2026-09-10"), selfEmployed: true)]
        let data = DataSnapshot(specialists: [ReportData.ana], clients: [client])
        let report = JobStartsReport(ReportInput(data: data, period: ReportData.q3, today: ReportData.today))
        let row = try #require(report.jobs.first)
        #expect(row.employer == "self-employed" && row.selfEmployed && row.competitive)
        let named = Job(employerName: "Paws & Co", title: "Dog walker", startDate: date("2026-09-10"), selfEmployed: true)
        #expect(named.employerText == "Paws & Co (self-employed)")
        #expect(Job.competitiveHelp.contains("Peer support jobs, self-employment"))
    }

    @Test func ipsGrowsRateCountsOnlyWorkFoundAfterEntry() {
        // Out of work at entry on 15 July; a job that ended on 10 July, inside the quarter.
        let before = ReportData.client("Lena Berg", ReportData.ana, entry: "2026-07-15", status: .jobSearch, workingAtEntry: false,
                                       jobs: [ReportData.job("2026-05-01", end: "2026-07-10", hours: 30)])
        let data = DataSnapshot(specialists: [ReportData.ana], clients: [before])
        let input = ReportInput(data: data, period: ReportData.q3, today: ReportData.today)
        #expect(EmploymentRateReport(input).worked == 1)
        #expect(EmploymentRateReport(input, unemployedAtEntry: true).worked == 0)
        #expect(EmploymentRateReport(input, unemployedAtEntry: true).title.contains("IPS Grow (UK)"))
    }
}

@Suite struct PracticeDatesShiftTests {
    /// The demo moves every date to end yesterday: the new dates move with the rest.
    @Test func theDemoShiftMovesTheLearnedDayAndTheStepDown() {
        var client = StepDownTests.steppedDown()
        client.jobs = JobLossLearnedTests.lateNews().jobs
        let moved = client.shifted(byDays: 10)
        #expect(moved.followAlongStepDown?.date == date("2026-11-30"))
        #expect(moved.jobs[0].lossLearnedOn == date("2026-11-25") && moved.jobs[0].endDate == date("2026-11-11"))
    }
}

@Suite struct AnswerSourceTests {
    @Test func aPreviousEmployerIsWrittenSoOlderCopiesReadIt() throws {
        let entry = AnswerEntry(questionID: "q", value: .text("Reliable"), answeredAt: instant(1_700_000_000), enteredBy: nil,
                                source: .previousEmployer)
        let data = try JSONEncoder().encode(entry)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["source"] as? String == "records" && json["sourceDetail"] as? String == "previous-employer")
        #expect(try JSONDecoder().decode(AnswerEntry.self, from: data).source == .previousEmployer)
        // What a copy that knows only the first four sources reads.
        struct OlderEntry: Decodable { var source: String }
        #expect(try JSONDecoder().decode(OlderEntry.self, from: data).source == "records")
        let family = try JSONEncoder().encode(AnswerEntry(questionID: "q", value: .text("x"), answeredAt: instant(0), enteredBy: nil, source: .family))
        #expect(String(decoding: family, as: UTF8.self).contains("sourceDetail") == false)
        #expect(AnswerSource.family.label == "Family or friends")
    }
}
