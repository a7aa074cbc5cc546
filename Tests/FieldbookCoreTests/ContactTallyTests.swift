import FieldbookCore
import Foundation
import Testing

/// A program of specialists and clients for the tally: `seekers[i]` clients in job search for
/// specialist i.
struct Program {
    var specialists: [Specialist]
    var clients: [Client] = []
    var contacts: [EmployerContact] = []
    var settings = Settings()

    init(seekers: [Int]) {
        specialists = seekers.indices.map { Specialist(name: "Specialist \($0)", createdAt: instant(1_700_000_000)) }
        for (index, count) in seekers.enumerated() {
            clients += (0..<count).map { _ in Sample.client(specialist: specialists[index].id) }
        }
    }

    mutating func log(_ day: String, by specialist: Int = 0, method: EmployerContactMethod = .faceToFace) {
        var contact = Sample.employerContact(on: day, method: method)
        contact.specialistID = specialists[specialist].id
        contacts.append(contact)
    }

    var snapshot: DataSnapshot {
        DataSnapshot(settings: settings, specialists: specialists, clients: clients,
                     employers: [Sample.employer], employerContacts: contacts)
    }

    func tallies(today: String) -> ContactTallies { ContactTallies(snapshot, today: date(today)) }
    func id(_ index: Int) -> UUID { specialists[index].id }
}

func week(_ text: String) -> ISOWeek { (try? ISOWeek(parsing: text))! }

@Suite struct ContactTallyTests {
    @Test func isoWeeksAreNamedAndParsedTheStandardWay() throws {
        #expect(week("2026-W47").monday == date("2026-11-16"))
        #expect(week("2026-W47").sunday == date("2026-11-22"))
        #expect(try ISOWeek(parsing: "2026w47") == week("2026-W47"))
        #expect(ISOWeek(containing: date("2026-11-22")).description == "2026-W47")
        #expect(ISOWeek(containing: date("2026-11-23")).description == "2026-W48")
        // 1 January 2026 is a Thursday, so 2026 has 53 weeks and 1 January 2027 is in its last.
        #expect(ISOWeek(containing: date("2027-01-01")).description == "2026-W53")
        #expect(ISOWeek(containing: date("2024-12-30")).description == "2025-W01")
        #expect(week("2026-W01").monday == date("2025-12-29"))
        #expect(week("2026-W53").adding(weeks: 1).description == "2027-W01")
        #expect(throws: WeekParseError.weekOutOfRange(week: 53, year: 2027, last: 52)) { try ISOWeek(parsing: "2027-W53") }
        #expect(throws: WeekParseError.notAWeek("2026-47")) { try ISOWeek(parsing: "2026-47") }
        #expect(throws: WeekParseError.notAWeek("W47")) { try ISOWeek(parsing: "W47") }
        #expect(throws: WeekParseError.weekOutOfRange(week: 0, year: 2026, last: 53)) { try ISOWeek(parsing: "2026-W00") }
        #expect(WeekParseError.notAWeek("x").description.contains("2026-W47"))
    }

    @Test func theWeekRunsMondayToSunday() {
        var program = Program(seekers: [5])
        for day in ["2026-11-15", "2026-11-16", "2026-11-22", "2026-11-23"] { program.log(day) }
        #expect(program.tallies(today: "2026-11-25").tally(of: program.id(0), week: week("2026-W47")).done == 2)
        #expect(program.tallies(today: "2026-11-22").currentWeek(of: program.id(0)).done == 2)
        #expect(program.tallies(today: "2026-11-23").currentWeek(of: program.id(0)).done == 1)
        #expect(program.tallies(today: "2026-11-15").currentWeek(of: program.id(0)).done == 1)
    }

    @Test func aWeekAcrossAMonthEndCountsBothMonthFiles() throws {
        var program = Program(seekers: [5])
        for day in ["2026-11-29", "2026-11-30", "2026-12-02", "2026-12-06", "2026-12-07"] { program.log(day) }
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        try store.save(program.specialists[0])
        try store.saveKeepingTimestamps(program.contacts)
        let loaded = try Store(folder: folder.url).load()
        #expect(loaded.employerContacts.count == 5)
        let tally = ContactTallies(loaded, today: date("2026-12-01")).currentWeek(of: program.id(0))
        #expect(tally.period == DateRange(from: date("2026-11-30"), to: date("2026-12-06")))
        #expect(tally.done == 3)
    }

    @Test func onlyFaceToFaceContactsCount() {
        var program = Program(seekers: [5])
        for method in EmployerContactMethod.allCases { program.log("2026-11-17", method: method) }
        #expect(program.tallies(today: "2026-11-18").currentWeek(of: program.id(0)).done == 1)
    }

    @Test func aSmallCaseloadAimsForTwoPerJobSeeker() {
        for (seekers, target) in [(0, 0), (1, 2), (2, 4), (3, 6), (12, 6)] {
            let program = Program(seekers: [seekers])
            #expect(program.tallies(today: "2026-11-18").currentWeek(of: program.id(0)).target == target, "\(seekers) job seekers")
        }
        var program = Program(seekers: [4])
        program.clients[0].status = .working
        program.clients[1].status = .closed
        #expect(program.tallies(today: "2026-11-18").currentWeek(of: program.id(0)).target == 4)
        program.settings.weeklyFaceToFaceTarget = 8
        program.clients[0].status = .jobSearch
        #expect(program.tallies(today: "2026-11-18").currentWeek(of: program.id(0)).target == 8)
    }

    @Test func theMissMarkIsOnlyForFinishedWeeks() {
        var program = Program(seekers: [5])
        program.log("2026-11-16")
        let midWeek = program.tallies(today: "2026-11-18").currentWeek(of: program.id(0))
        #expect(!midWeek.isMissed)
        #expect(midWeek.text == "F2F 1/6 · 5 to go · 3 days")
        let sunday = program.tallies(today: "2026-11-22").currentWeek(of: program.id(0))
        #expect(!sunday.isMissed)
        #expect(sunday.text == "F2F 1/6 · 5 to go · ends today")
        let saturday = program.tallies(today: "2026-11-21").currentWeek(of: program.id(0))
        #expect(saturday.text == "F2F 1/6 · 5 to go · ends tomorrow")
        let after = program.tallies(today: "2026-11-23").tally(of: program.id(0), week: week("2026-W47"))
        #expect(after.isMissed)
        #expect(after.text == "F2F 1/6 missed")
        #expect(after.workingDaysLeft == 0)
    }

    @Test func aMetTargetShowsTheShortForm() {
        var program = Program(seekers: [5])
        for day in ["2026-11-16", "2026-11-16", "2026-11-17", "2026-11-17", "2026-11-18", "2026-11-18"] { program.log(day) }
        let tally = program.tallies(today: "2026-11-18").currentWeek(of: program.id(0))
        #expect(tally.text == "F2F 6/6")
        #expect(tally.left == 0)
        #expect(!program.tallies(today: "2026-11-30").tally(of: program.id(0), week: week("2026-W47")).isMissed)
    }

    @Test func workingDaysLeftCountTodayWhenItIsAWorkingDay() {
        let program = Program(seekers: [5])
        let expected = ["2026-11-15": 5, "2026-11-16": 5, "2026-11-17": 4, "2026-11-18": 3, "2026-11-19": 2,
                        "2026-11-20": 1, "2026-11-21": 0, "2026-11-22": 0, "2026-11-23": 0]
        for (today, days) in expected {
            let tally = program.tallies(today: today).tally(of: program.id(0), week: week("2026-W47"))
            #expect(tally.workingDaysLeft == days, "on \(today)")
        }
        #expect(program.tallies(today: "2026-11-20").currentWeek(of: program.id(0)).text == "F2F 0/6 · 6 to go · 1 day")
    }

    @Test func noJobSeekersMeansNoTargetAndSaysSo() {
        var program = Program(seekers: [0])
        program.log("2026-11-16")
        let tally = program.tallies(today: "2026-11-18").currentWeek(of: program.id(0))
        #expect(tally.target == 0)
        #expect(tally.text == "F2F 1 · no job seekers")
        #expect(tally.shortText == "F2F 1 · no job seekers")
        #expect(!tally.text.contains("/0"))
        let finished = program.tallies(today: "2026-11-30").tally(of: program.id(0), week: week("2026-W47"))
        #expect(finished.text == "F2F 1 · no job seekers" && !finished.isMissed)
    }

    @Test func theTeamTallyAddsUpItsSpecialists() {
        var program = Program(seekers: [5, 2, 1])
        program.specialists[2].isActive = false
        program.log("2026-11-16", by: 0)
        program.log("2026-11-17", by: 1)
        program.log("2026-11-17", by: 1, method: .phone)
        let tallies = program.tallies(today: "2026-11-18")
        let team = tallies.currentWeek(of: nil)
        #expect(team.done == 2)
        #expect(team.target == 10)   // 6 + 2 per job seeker for the second; the third has left
        #expect(team.specialistID == nil)
        #expect(team.text == "F2F 2/10 · 8 to go · 3 days")
        program.log("2026-11-18", by: 2)
        let withLeaver = program.tallies(today: "2026-11-18").currentWeek(of: nil)
        #expect(withLeaver.done == 3)
        #expect(withLeaver.target == 12)
    }

    @Test func historyGivesTheLastTwelveWeeksOldestFirst() {
        var program = Program(seekers: [5])
        program.log("2026-09-01")   // W36: before the window
        program.log("2026-09-07")   // W37: the first week shown
        program.log("2026-11-17")
        program.log("2026-11-18")
        let history = program.tallies(today: "2026-11-25").history(of: program.id(0))
        #expect(history.count == 12)
        #expect(history.first?.period.from == date("2026-09-07"))
        #expect(history.last?.period.from == date("2026-11-23"))
        #expect(history.map(\.done) == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0])
        #expect(history.dropLast().allSatisfy { $0.isMissed })
        #expect(!history[11].isMissed)
    }

    @Test func aLongerPeriodScalesTheTarget() {
        var program = Program(seekers: [5])
        program.log("2026-11-03")
        let tally = program.tallies(today: "2026-12-10").tally(of: program.id(0), period: DateRange(from: date("2026-11-01"), to: date("2026-11-30")))
        #expect(tally.target == 26)
        #expect(tally.done == 1)
        #expect(tally.isMissed)
    }
}
