import FieldbookCore
import Foundation
import Testing

/// The rules on their boundaries: the last day of a window, the first day of a period, seen
/// from every place that uses the rule.
@Suite struct RuleBoundaryTests {
    /// Program entry 2026-06-07: day 30 is 2026-07-07.
    static let client = Sample.client()
    static let shop = Employer(name: "Shop", createdAt: instant(1_700_000_000))

    static func snapshot(contactOn day: String?) -> DataSnapshot {
        DataSnapshot(specialists: [Sample.specialist], clients: [client], employers: [shop],
                     employerContacts: day.map { [EmployerContact(date: date($0), specialistID: Sample.specialist.id,
                                                                  employerID: shop.id, purpose: .presentJobSeeker, method: .faceToFace,
                                                                  jobSeekerIDs: [client.id], createdAt: instant(1_700_000_000))] } ?? [])
    }

    @Test func aFirstEmployerContactOnDayThirtyIsInTimeAndOnDayThirtyOneLate() throws {
        let quarter = ReportPeriod.quarter(containing: date("2026-06-07"))
        for (day, inTime) in [("2026-07-07", true), ("2026-07-08", false)] {
            let data = Self.snapshot(contactOn: day)
            let today = date("2026-07-20")
            // The client page's line.
            let first = try #require(JobSeekerContacts(data, today: today).firstEmployerContact(for: Self.client.id))
            #expect(first.madeInTime == inTime, "\(day)")
            #expect(first.isLate == !inTime, "\(day)")
            // The rapid job search report.
            let report = RapidSearchReport(ReportInput(data: data, period: quarter, today: today))
            #expect(report.withinTarget == (inTime ? 1 : 0), "\(day)")
        }
        // The due list: with no contact the item is due on day 30, overdue from day 31.
        let none = Self.snapshot(contactOn: nil)
        func firstContactItems(_ data: DataSnapshot, asOf day: String) -> [DueItem] {
            DueList(snapshot: data, asOf: date(day)).items(forClient: Self.client.id).filter { $0.kind == .firstEmployerContact }
        }
        #expect(firstContactItems(none, asOf: "2026-07-07").map(\.status) == [.today])
        #expect(firstContactItems(none, asOf: "2026-07-08").map(\.status) == [.overdue])
        // A contact made on day 30 meets it.
        #expect(firstContactItems(Self.snapshot(contactOn: "2026-07-07"), asOf: "2026-07-07").isEmpty)
    }

    /// A job that ends on a quarter's first day was worked in that quarter; one that ended the
    /// day before was not.
    @Test func aJobEndingOnTheQuartersFirstDayCountsInItsEmploymentRate() {
        let quarter = ReportPeriod.quarter(containing: date("2026-08-15"))
        for (end, worked) in [("2026-07-01", 1), ("2026-06-30", 0)] {
            var client = Sample.client()
            client.status = .jobSearch
            client.jobs = [Job(employerName: "Library", title: "Shelver", startDate: date("2026-06-10"), endDate: date(end),
                               hoursPerWeek: 40, endReason: .resigned)]
            let data = DataSnapshot(specialists: [Sample.specialist], clients: [client])
            let input = ReportInput(data: data, period: quarter, today: date("2026-11-25"))
            #expect(EmploymentRateReport(input).served == 1, "\(end)")
            #expect(EmploymentRateReport(input).worked == worked, "\(end)")
            #expect(EmploymentRateReport(input, unemployedAtEntry: true).worked == worked, "\(end)")
        }
    }
}

/// An inactive client's item leaves the Today agenda on its 30th day overdue; an active
/// client's, or an employer's next step, never does.
@Suite struct TodayAgendaTests {
    static let today = date("2026-12-05")

    static func item(overdueBy days: Int) -> DueItem {
        DueItem(kind: .afterJobLoss, dueOn: today.adding(days: -days), asOf: today, clientID: UUID(), why: "contact after job loss")
    }

    @Test func anInactiveClientsItemLeavesOnItsThirtiethDayOverdue() {
        #expect(TodayAgenda.lists(Self.item(overdueBy: 29), clientIsActive: false))
        #expect(!TodayAgenda.lists(Self.item(overdueBy: 30), clientIsActive: false))
        #expect(TodayAgenda.lists(Self.item(overdueBy: 503), clientIsActive: true))
        #expect(TodayAgenda.lists(Self.item(overdueBy: 503), clientIsActive: nil))
    }
}

/// A client imported on 20 Nov with a program entry in March: the first employer contact fell
/// due in April, before the records begin; it is due on 20 Nov, not 230 days late.
@Suite struct RecordsBeginTests {
    @Test func whatFellDueBeforeTheRecordsBeginIsDueThatDay() {
        var client = Sample.client()
        client.programEntryDate = date("2026-03-01")
        client.jobs = []
        client.status = .jobSearch
        var data = DataSnapshot(specialists: [Sample.specialist], clients: [client])
        let today = date("2026-12-05")
        let late = DueList(snapshot: data, asOf: today).items.first { $0.kind == .firstEmployerContact }
        #expect((late?.daysOverdue ?? 0) > 200)
        data.clients[0].recordsBegin = date("2026-11-20")
        let item = DueList(snapshot: data, asOf: today).items.first { $0.kind == .firstEmployerContact }
        #expect(item?.dueOn == date("2026-11-20"))
        #expect(item?.daysOverdue == 15)
        // On the day the records begin it is due today; an item due after it is untouched.
        let onTheDay = DueList(snapshot: data, asOf: date("2026-11-20")).items.first { $0.kind == .firstEmployerContact }
        #expect(onTheDay?.status == .today && onTheDay?.daysOverdue == 0)
    }
}
