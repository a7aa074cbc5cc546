import FieldbookCore
import Foundation
import Testing

/// A small program, computed by hand for 2026 Q3 (1 July to 30 September), seen on 25 November.
enum ReportData {
    static let ana = Specialist(name: "Ana Reyes", createdAt: instant(1_700_000_000))
    static let ben = Specialist(name: "Ben Okoro", createdAt: instant(1_700_000_000))
    static let corner = Employer(name: "Corner Books", createdAt: instant(1_700_000_000))
    static let mill = Employer(name: "Mill Bakery", createdAt: instant(1_700_000_000))
    static let today = date("2026-11-25")
    static let q3 = ReportPeriod.quarter(containing: date("2026-08-15"))

    static func client(_ name: String, _ specialist: Specialist, entry: String, status: ClientStatus,
                       history: [StatusChange] = [], workingAtEntry: Bool? = nil, jobs: [Job] = []) -> Client {
        Client(name: name, programEntryDate: date(entry), specialistID: specialist.id, status: status, statusHistory: history,
               workingAtEntry: workingAtEntry, jobs: jobs, createdAt: instant(1_700_000_000))
    }

    static func job(_ start: String, end: String? = nil, competitive: Bool = true, hours: Double? = nil,
                    reason: JobEndReason? = nil, title: String = "Clerk", at employer: Employer = corner) -> Job {
        Job(employerID: employer.id, employerName: employer.name, title: title, startDate: date(start), endDate: end.map(date),
            hoursPerWeek: hours, isCompetitive: competitive, endReason: reason, endNote: end == nil ? nil : "Store closed")
    }

    /// Starts a competitive job on the quarter's last day, 20 hours a week.
    static let c1 = client("Chloé Martin", ana, entry: "2026-05-01", status: .working, jobs: [job("2026-09-30", hours: 20)])
    /// Closed on the quarter's first day.
    static let c2 = client("Dmitri Ivanov", ana, entry: "2026-03-01", status: .closed,
                           history: [StatusChange(date: date("2026-07-01"), from: .jobSearch, to: .closed)])
    /// A referral, never enrolled: not served.
    static let c3 = client("Emeka Obi", ana, entry: "2026-06-01", status: .referred)
    /// Inactive, and worked until 15 July: served and worked.
    static let c4 = client("Fatima Zahra", ben, entry: "2026-01-10", status: .inactive,
                           jobs: [job("2026-02-01", end: "2026-07-15", reason: .laidOff)])
    /// Closed the day before the quarter: not served.
    static let c5 = client("Gao Wei 高伟", ben, entry: "2026-01-05", status: .closed,
                           history: [StatusChange(date: date("2026-06-30"), from: .engaging, to: .closed)])
    /// Entered after the quarter: not served.
    static let c6 = client("Hana Sato", ben, entry: "2026-10-05", status: .engaging)
    /// Entered in the quarter, working at entry, a job that is not competitive.
    static let c7 = client("Ivan Petrov", ben, entry: "2026-07-10", status: .jobSearch, workingAtEntry: true,
                           jobs: [job("2026-08-01", competitive: false, title: "Sheltered work")])
    /// Two jobs started 90-ish days before the quarter: one still held on its 90th day, one not.
    static let c8 = client("Jae Kim", ana, entry: "2026-04-01", status: .working,
                           jobs: [job("2026-04-10", title: "Baker", at: mill), job("2026-05-01", end: "2026-06-15", reason: .dismissed)])
    /// Entered in the quarter, no employer contact yet.
    static let c9 = client("Kofi Mensah", ana, entry: "2026-09-01", status: .jobSearch)

    static func contact(_ day: String, _ specialist: Specialist, _ employer: Employer, f2f: Bool = true, for seekers: [Client] = []) -> EmployerContact {
        EmployerContact(date: date(day), specialistID: specialist.id, employerID: employer.id, purpose: .learnNeeds,
                        method: f2f ? .faceToFace : .phone, jobSeekerIDs: seekers.map(\.id), createdAt: instant(1_700_000_000))
    }

    static let snapshot = DataSnapshot(
        specialists: [ana, ben], clients: [c1, c2, c3, c4, c5, c6, c7, c8, c9], employers: [corner, mill],
        employerContacts: [
            contact("2026-07-20", ben, corner, for: [c7]),
            contact("2026-08-01", ben, corner),
            contact("2026-08-10", ben, mill, f2f: false),
            contact("2026-08-31", ben, mill),
            contact("2026-09-01", ben, mill),
        ])

    static func input(_ period: ReportPeriod = q3, naming: ReportNaming = .identified, specialists: Set<UUID>? = nil) -> ReportInput {
        ReportInput(data: snapshot, period: period, today: today, specialists: specialists, naming: naming)
    }
}

@Suite struct ReportPeriodTests {
    @Test func quartersAndMonthsParseAndMove() throws {
        let q = try ReportPeriod(quarter: "2026Q3")
        #expect(q.from == date("2026-07-01") && q.to == date("2026-09-30"))
        #expect(q.description == "2026Q3")
        #expect(q.moved(by: 2).description == "2027Q1")
        let m = try ReportPeriod(month: "2026-02")
        #expect(m.to == date("2026-02-28"))
        #expect(m.moved(by: -3).description == "2025-11")
        #expect(throws: ReportPeriodError.self) { try ReportPeriod(quarter: "2026Q5") }
        #expect(throws: ReportPeriodError.self) { try ReportPeriod(month: "11/2026") }
    }
}

@Suite struct EmploymentRateTests {
    @Test func servedAndWorkedInTheQuarter() {
        let report = EmploymentRateReport(ReportData.input())
        // Served: c1, c2 (closed on the first day), c4 (inactive), c7, c8, c9. Worked: c1 (start on the last day), c4, c8.
        #expect(report.served == 6)
        #expect(report.worked == 3)
        #expect(report.rate == 0.5)
        #expect(report.bySpecialist.map(\.specialist) == ["Ana Reyes", "Ben Okoro"])
        #expect(report.bySpecialist.map(\.served) == [4, 2])
        #expect(report.bySpecialist.map(\.worked) == [2, 1])
        #expect(Set(report.clients.map(\.client)) == ["Chloé Martin", "Dmitri Ivanov", "Fatima Zahra", "Ivan Petrov", "Jae Kim", "Kofi Mensah"])
    }

    @Test func unemployedAtEntryLeavesOutThoseWorkingAndCountsFromFourHours() {
        let report = EmploymentRateReport(ReportData.input(), unemployedAtEntry: true)
        // c7 worked at entry; c1's one day at 20 hours a week is under 4 paid hours.
        #expect(report.served == 5)
        #expect(report.worked == 2)
        #expect(report.benchmarks.map(\.rate) == [0.40])
    }

    @Test func jsonHoldsServedWorkedRateAndBySpecialist() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: CommandJSON.data(EmploymentRateReport(ReportData.input()))) as? [String: Any])
        #expect(json["served"] as? Int == 6)
        #expect(json["worked"] as? Int == 3)
        #expect(json["rate"] as? Double == 0.5)
        let by = try #require(json["by_specialist"] as? [[String: Any]])
        #expect(by.first?["served"] as? Int == 4)
        #expect(by.first?["rate"] as? Double == 0.5)
    }

    @Test func oneSpecialist() {
        let report = EmploymentRateReport(ReportData.input(specialists: [ReportData.ben.id]))
        #expect(report.served == 2 && report.worked == 1)
    }
}

@Suite struct JobAndCaseloadReportTests {
    @Test func jobStartsIncludeTheQuartersLastDay() {
        let report = JobStartsReport(ReportData.input())
        #expect(report.jobs.map(\.start) == [date("2026-08-01"), date("2026-09-30")])
        #expect(report.bySpecialist.map(\.count) == [1, 1])
    }

    @Test func jobEndingsWithReasons() {
        let report = JobEndingsReport(ReportData.input())
        #expect(report.count == 1)
        #expect(report.byReason.map(\.reason) == ["laid-off"])
        #expect(report.jobs.first?.endNote == "Store closed")
    }

    @Test func stillEmployedAt90Days() {
        let report = StillEmployed90DaysReport(ReportData.input())
        #expect(report.startsFrom == date("2026-04-03") && report.startsTo == date("2026-07-03"))
        #expect(report.starts == 2)
        #expect(report.stillEmployed == 1)
        #expect(report.jobs.map(\.day90) == [date("2026-07-08"), date("2026-07-29")])
    }

    @Test func leftCaseloadCountsTheClosingOnTheFirstDayOnly() {
        let report = LeftCaseloadReport(ReportData.input())
        #expect(report.clients.map(\.client) == ["Dmitri Ivanov"])
        #expect(report.clients.first?.closedOn == date("2026-07-01"))
    }

    /// Each edge falls in one quarter only: the closing on Q3's first day is not in Q2, the one
    /// on Q2's last day is; the job started on Q3's last day is not a Q4 start, but worked in Q4.
    @Test func quarterEdgesFallOnOneSideOnly() throws {
        let q2 = try ReportPeriod(quarter: "2026Q2"), q4 = try ReportPeriod(quarter: "2026Q4")
        #expect(LeftCaseloadReport(ReportData.input(q2)).clients.map(\.client) == ["Gao Wei 高伟"])
        let served = Set(EmploymentRateReport(ReportData.input(q2)).clients.map(\.client))
        #expect(served.contains("Dmitri Ivanov") && served.contains("Gao Wei 高伟"), "closed on Q3's first day and Q2's last: both served in Q2")
        #expect(!JobStartsReport(ReportData.input(q4)).jobs.contains { $0.client == "Chloé Martin" })
        #expect(JobStartsReport(ReportData.input(ReportData.q3)).jobs.contains { $0.client == "Chloé Martin" && $0.start == date("2026-09-30") })
        let q4Rate = EmploymentRateReport(ReportData.input(q4))
        #expect(q4Rate.clients.first { $0.client == "Chloé Martin" }?.worked == true)
        #expect(!q4Rate.clients.contains { $0.client == "Dmitri Ivanov" }, "closed all through Q4: not served")
    }

    @Test func caseloadAsOfTheQuartersEnd() {
        let report = CaseloadReport(ReportData.input())
        #expect(report.asOf == date("2026-09-30"))
        let ana = report.bySpecialist.first { $0.specialist == "Ana Reyes" }
        #expect(ana?.active == 3)
        #expect(ana?.working == 2)
        #expect(ana?.byStatus["closed"] == 1)
        #expect(ana?.byStatus["referred"] == 1)
        let ben = report.bySpecialist.first { $0.specialist == "Ben Okoro" }
        #expect(ben?.active == 1)
        #expect(ben?.working == 0)
        #expect(ben?.byStatus["inactive"] == 1)
    }

    @Test func rapidSearchMedianLeavesOutThoseWithoutAContact() {
        let report = RapidSearchReport(ReportData.input())
        #expect(report.clients.map(\.client) == ["Ivan Petrov", "Kofi Mensah"])
        #expect(report.clients.map(\.days) == [10, nil])
        #expect(report.clients.map(\.daysSoFar) == [nil, 85])
        #expect(report.medianDays == 10)
    }
}

@Suite struct EmployerContactsReportTests {
    @Test func weeksAcrossTheMonthEndAreClippedAndRepeatsCounted() throws {
        let august = try ReportPeriod(month: "2026-08")
        let report = EmployerContactsReport(ReportData.input(august))
        let ben = try #require(report.bySpecialist.first { $0.specialist == "Ben Okoro" })
        #expect(ben.weeks.first?.week == "2026-W31")
        #expect(ben.weeks.first?.from == date("2026-08-01"))
        #expect(ben.weeks.last?.week == "2026-W36")
        #expect(ben.weeks.last?.to == date("2026-08-31"))
        #expect(ben.weeks.map(\.faceToFace) == [1, 0, 0, 0, 0, 1])
        // 1 August is a repeat visit to Corner Books (20 July); 31 August is the first at Mill Bakery.
        #expect(ben.faceToFace == 2)
        #expect(ben.repeatVisits == 1)
        #expect(ben.repeatShare == 0.5)
        #expect(ben.weeks[1].target == 2)
    }

    @Test func aQuarterStillRunningCountsUpToToday() throws {
        // Seen on Wednesday 25 November: Q4's weeks run from W40 (from 1 October) to W48, cut at today.
        let report = EmployerContactsReport(ReportData.input(try ReportPeriod(quarter: "2026Q4")))
        #expect(report.bySpecialist.count == 2)
        for figure in report.bySpecialist {
            #expect(figure.weeks.first?.week == "2026-W40" && figure.weeks.first?.from == date("2026-10-01"))
            #expect(figure.weeks.last?.week == "2026-W48" && figure.weeks.last?.to == ReportData.today)
            #expect(figure.weeks.count == 9)
        }
        // W40 starts before 1 October and W48 runs past today: 7 whole weeks of the 9.
        #expect(report.bySpecialist.allSatisfy { $0.wholeWeeks == 7 })
        let future = EmployerContactsReport(ReportData.input(try ReportPeriod(quarter: "2027Q1")))
        #expect(future.bySpecialist.allSatisfy { $0.weeks.isEmpty && $0.perWeek == 0 })
    }
}

@Suite struct FollowAlongReportTests {
    @Test func metOnTimeLateAndOpenAtTheEnd() throws {
        let worker = Client(
            name: "Lena Vogel", programEntryDate: date("2026-01-01"), specialistID: ReportData.ana.id, status: .working,
            jobs: [ReportData.job("2026-07-06")],
            contacts: ["2026-07-03", "2026-07-08", "2026-07-17"].map {
                ClientContact(date: date($0), kind: .faceToFace, createdAt: instant(1_700_000_000))
            },
            createdAt: instant(1_700_000_000))
        let data = DataSnapshot(specialists: [ReportData.ana], clients: [worker])
        let report = FollowAlongReport(ReportInput(data: data, period: try ReportPeriod(month: "2026-07"), today: ReportData.today))
        #expect(report.items.map(\.kind) == ["before-start", "after-start", "weekly", "weekly"])
        #expect(report.items.map(\.dueOn) == ["2026-07-05", "2026-07-09", "2026-07-15", "2026-07-24"].map(date))
        #expect(report.items.map(\.outcome) == [.metOnTime, .metOnTime, .metLate, .open])
        #expect(report.items.last?.daysOverdue == 7)
        #expect(report.total.metOnTime == 2 && report.total.metLate == 1 && report.total.open == 1 && report.total.overdue == 1)
        #expect(report.total.dismissed == 0)
        #expect(FollowAlongReport.dismissals(in: ReportInput(data: data, period: ReportData.q3, today: ReportData.today)).isEmpty)

        // The weekly item due 24 July set aside on the 27th: dismissed in July; set aside on
        // 2 August, after the month: still open at July's end.
        var dismissed = worker
        let open = try #require(report.items.last)
        dismissed.dueDismissals = [DueDismissal(kind: .weekly, dueOn: open.dueOn, jobID: worker.jobs[0].id,
                                                reason: "In hospital", dismissedOn: date("2026-07-27"), createdAt: instant(1_700_000_000))]
        let july = try ReportPeriod(month: "2026-07")
        let withDismissal = FollowAlongReport(ReportInput(data: DataSnapshot(specialists: [ReportData.ana], clients: [dismissed]),
                                                          period: july, today: ReportData.today))
        #expect(withDismissal.items.map(\.outcome) == [.metOnTime, .metOnTime, .metLate, .dismissed])
        #expect(withDismissal.items.last?.reason == "In hospital")
        #expect(withDismissal.total.dismissed == 1 && withDismissal.total.open == 0)
        dismissed.dueDismissals[0].dismissedOn = date("2026-08-02")
        let later = FollowAlongReport(ReportInput(data: DataSnapshot(specialists: [ReportData.ana], clients: [dismissed]),
                                                  period: july, today: ReportData.today))
        #expect(later.items.last?.outcome == .open)
    }
}

@Suite struct DeidentifiedReportTests {
    @Test func namesBecomeStableCodesAndFreeTextIsDropped() throws {
        let salt = Data((0..<32).map { UInt8($0) })
        let encoder = JSONEncoder()
        var texts: [String] = []
        for name in ReportCatalog.names {
            let report = try #require(ReportCatalog.report(name, ReportData.input(naming: .deidentified(salt: salt))))
            texts.append(String(decoding: try encoder.encode(report), as: UTF8.self))
            texts.append(ReportText.render(report, width: { $0.count }))
        }
        let all = texts.joined()
        for client in ReportData.snapshot.clients {
            #expect(!all.contains(client.name.components(separatedBy: " ")[0]))
            #expect(!all.contains(client.id.uuidString.lowercased()) && !all.contains(client.id.uuidString))
        }
        #expect(!all.contains("Corner Books") && !all.contains("Store closed") && !all.contains("Sheltered work"))
        let first = EmploymentRateReport(ReportData.input(naming: .deidentified(salt: salt))).clients.map(\.client)
        let again = EmploymentRateReport(ReportData.input(naming: .deidentified(salt: salt))).clients.map(\.client)
        let other = EmploymentRateReport(ReportData.input(naming: .deidentified(salt: Data(repeating: 7, count: 32)))).clients.map(\.client)
        #expect(first == again)
        #expect(first.allSatisfy { $0.hasPrefix("C-") && $0.count == 10 })
        #expect(Set(first).count == first.count)
        #expect(Set(first) != Set(other))
    }

    @Test func theSaltIsCreatedOnceOwnerOnly() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let salt = try ReportSalt.load(folder: folder.url)
        #expect(salt.count == 32)
        #expect(try ReportSalt.load(folder: folder.url) == salt)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path(ReportSalt.fileName).path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

@Suite struct ReportCSVTests {
    @Test func formulaCellsAreGuardedAndQuotingFollowsRFC4180() throws {
        let table = ReportTable(title: "T", columns: [("name", "Name"), ("note", "Note")],
                                rows: [["=HYPERLINK(\"x\")", "a, b"], ["+1", "-2"], ["@SUM", "line\nbreak"], ["plain", "'kept"]])
        let text = try ReportCSV.text(table)
        let lines = text.components(separatedBy: "\r\n")
        try #require(lines.count >= 3)
        #expect(lines[0] == "name,note")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"x\"\")\",\"a, b\"")
        #expect(lines[2] == "'+1,'-2")
        #expect(text.contains("'@SUM,\"line\nbreak\""))
        #expect(text.contains("plain,'kept"))
    }

    /// Numbers reach spreadsheets as data: a share from 0 to 1, never the "50 %" people read.
    @Test func sharesAreNumbersInCSVAndPercentagesInText() throws {
        let rate = EmploymentRateReport(ReportData.input())
        let csv = try ReportCSV.text(try #require(rate.tables.first)).components(separatedBy: "\r\n")
        #expect(Array(csv.prefix(4)) == ["specialist,served,worked,rate", "Ana Reyes,4,2,0.5", "Ben Okoro,2,1,0.5", "Program,6,3,0.5"])
        let text = ReportText.render(rate, width: { $0.count })
        #expect(text.contains("Ana Reyes   4       2       50 %"), "\(text)")

        let caseload = try ReportCSV.text(try #require(CaseloadReport(ReportData.input()).tables.first))
        let ana = try #require(caseload.components(separatedBy: "\r\n").first { $0.hasPrefix("Ana Reyes,") })
        // 3 active, 2 working, none in education.
        #expect(ana.hasPrefix("Ana Reyes,3,20,2,0.6667,0,0,"), "\(ana)")
        let empty = try ReportCSV.text(try #require(EmploymentRateReport(ReportData.input(try ReportPeriod(quarter: "2020Q1"))).tables.first))
        #expect(empty.contains("Program,0,0,\r\n"), "nothing counted: an empty cell, not \"-\": \(empty)")
        for name in ReportCatalog.names {
            let report = try #require(ReportCatalog.report(name, ReportData.input()))
            for table in report.tables {
                let written = try ReportCSV.text(table)
                #expect(!written.contains("%"), "\(name): \(written)")
            }
        }
    }
}

/// Outcomes are what has happened: a job starting after today is neither a start nor work in
/// the period that is still running.
@Suite struct ReportsOnlyCountWhatHappenedTests {
    static let today = date("2026-12-05")
    static let q4 = ReportPeriod.quarter(containing: today)

    static func input(_ clients: [Client]) -> ReportInput {
        ReportInput(data: DataSnapshot(specialists: [ReportData.ana], clients: clients), period: q4, today: today)
    }

    @Test func aJobStartingAfterTodayIsNotStartedNorWorked() {
        let soren = ReportData.client("Søren Kierkegaard", ReportData.ana, entry: "2026-10-01", status: .jobSearch,
                                      jobs: [ReportData.job("2026-12-15", hours: 20)])
        let today = ReportData.client("Tove Jansson", ReportData.ana, entry: "2026-10-01", status: .working,
                                      jobs: [ReportData.job("2026-12-05", hours: 20)])
        let input = Self.input([soren, today])
        #expect(JobStartsReport(input).jobs.count == 1, "the start on today counts, the one on 15 Dec does not")
        let rate = EmploymentRateReport(input)
        #expect(rate.served == 2 && rate.worked == 1)
        #expect(rate.clients.first { $0.client == "Søren Kierkegaard" }?.worked == false)
    }

    @Test func aJobEndingAfterTodayIsNotAnEndingYet() {
        let ending = ReportData.client("Ursula Le Guin", ReportData.ana, entry: "2026-01-01", status: .working,
                                       jobs: [ReportData.job("2026-03-01", end: "2026-12-20", reason: .resigned)])
        #expect(JobEndingsReport(Self.input([ending])).jobs.isEmpty)
    }
}


/// November 2026 starts on a Sunday and ends on a Monday: those one-day weeks show, against a
/// scaled target, but are neither met nor missed.
@Suite struct PartWeeksTests {
    @Test func aMonthsPartWeeksAreNeitherMetNorMissed() throws {
        var data = ReportData.snapshot
        // Three visits on Sunday 1 November: that one-day week meets its scaled target, but is no week met.
        data.employerContacts += (0..<3).map { _ in ReportData.contact("2026-11-01", ReportData.ana, ReportData.mill) }
        let input = ReportInput(data: data, period: try ReportPeriod(month: "2026-11"), today: date("2026-12-05"),
                                specialists: [ReportData.ana.id])
        let report = EmployerContactsReport(input)
        let figure = try #require(report.bySpecialist.first)
        #expect(figure.weeks.map(\.week) == ["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"])
        #expect(figure.weeks.map(\.whole) == [false, true, true, true, true, false])
        #expect(figure.wholeWeeks == 4)
        #expect(figure.weeks[0].faceToFace == 3 && figure.weeks[0].faceToFace >= figure.weeks[0].target)
        #expect(figure.weeksMet == 0, "no whole week of November had a visit")
    }
}
