import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// Generated records (several specialists, jobs held and ended, status changes, items set
/// aside) for checking the board's fast way against the board worked out from the records alone.
enum GeneratedProgram {
    static let today = SyntheticFolder.defaultToday

    static let snapshot: DataSnapshot = {
        var data = SyntheticFolder.snapshot(.agency, today: today)
        // A tenth of the agency: enough specialists, employers and weeks, quick in a debug build.
        let kept = Set(data.specialists.prefix(10).map(\.id))
        data.clients = data.clients.filter { $0.specialistID.map(kept.contains) ?? false }
        data.employerContacts = data.employerContacts.filter { kept.contains($0.specialistID) }
        let due = DueList(snapshot: data, asOf: today.adding(days: -40))
        for index in data.clients.indices {
            var client = data.clients[index]
            let entry = client.programEntryDate
            switch index % 4 {
            case 0 where client.status != .engaging:
                // Reached today's status some weeks after entry.
                client.statusHistory = [StatusChange(date: entry.adding(days: 45), from: .engaging, to: client.status)]
            case 1:
                // Closed for a while, then back.
                client.statusHistory = [StatusChange(date: entry.adding(days: 10), from: client.status, to: .closed),
                                        StatusChange(date: entry.adding(days: 70), from: .closed, to: client.status)]
            case 2:
                // Set an item aside, some days after it was listed.
                if let item = due.items(forClient: client.id).first {
                    client.dueDismissals = [DueDismissal(of: item, reason: "In hospital", on: due.asOf.adding(days: 3), by: nil,
                                                         id: UUID(), at: Date(timeIntervalSince1970: 1_700_000_000))]
                }
            default:
                break
            }
            data.clients[index] = client
        }
        return data
    }()

    static var periods: [ReportPeriod] {
        [.quarter(containing: today), .quarter(containing: today).moved(by: -1), .quarter(containing: today).moved(by: -4),
         .month(containing: today), .month(containing: today).moved(by: -7),
         ReportPeriod(from: today.adding(days: -200), to: today.adding(days: -20))]
    }
}

/// Every figure of a board, as JSON and text, to compare two boards.
func everyFigure(of board: ReportBoard) throws -> [String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    let reports: [any Report] = [board.employmentRate, board.employmentRateUnemployedAtEntry, board.employerContacts, board.jobStarts,
                                 board.jobEndings, board.stillEmployed, board.leftCaseload, board.caseload, board.rapidSearch,
                                 board.followAlong]
    return try reports.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        + [board.weeklyContacts.description, board.quarterlyRates.description, "\(board.period)",
           "\(String(describing: board.latestReview)) \(String(describing: board.previousReview))"]
}

@Suite struct ReportBoardTests {
    /// The board read from the figures (their employer log) is the board worked out from the
    /// records alone, for quarters, months and a range of days, running or past.
    @Test func theFastBoardIsTheBoardWorkedOutFromTheRecords() throws {
        let data = GeneratedProgram.snapshot
        let figures = Figures(data: data, today: GeneratedProgram.today)
        var counted = 0
        for period in GeneratedProgram.periods {
            let fast = ReportBoard(data: data, figures: figures, period: period)
            let slow = ReportBoard(data: data, period: period, today: GeneratedProgram.today)
            #expect(try everyFigure(of: fast) == everyFigure(of: slow), "\(period)")
            counted += fast.followAlong.items.count + fast.employerContacts.faceToFace
        }
        #expect(counted > 100, "the periods hold follow-along items and visits to compare")
    }

    /// The follow-along report replays only the days something happens to a client; a replay
    /// of every day gives the same items and outcomes.
    @Test func followAlongReplaysTheSameAsEveryDay() throws {
        let data = GeneratedProgram.snapshot
        var kinds: Set<FollowAlongReport.Outcome> = []
        for period in GeneratedProgram.periods {
            let report = FollowAlongReport(ReportInput(data: data, period: period, today: GeneratedProgram.today))
            let expected = EveryDayReplay.outcomes(data, period: period)
            let found = report.items.map { EveryDayReplay.Outcome(client: $0.clientID, kind: $0.kind, dueOn: $0.dueOn,
                                                                   outcome: $0.outcome.rawValue, metOn: $0.metOn) }
            #expect(found.sorted() == expected.sorted(), "\(period)")
            kinds.formUnion(report.items.map(\.outcome))
        }
        #expect(kinds == [.metOnTime, .metLate, .open, .dismissed, .noLongerDue], "every outcome is compared")
    }

    /// Repeat visits counted in one pass over the log are those found by going through each
    /// specialist's visits in order.
    @Test func repeatVisitsAreThoseOfEachSpecialistsVisitsInOrder() {
        let data = GeneratedProgram.snapshot
        var repeats = 0
        for period in GeneratedProgram.periods {
            let input = ReportInput(data: data, period: period, today: GeneratedProgram.today)
            let report = EmployerContactsReport(input)
            for figure in report.bySpecialist {
                let visits = data.employerContacts.filter { ContactTally.counts($0) && $0.specialistID == figure.specialistID }
                    .sorted { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
                var seen: Set<UUID> = [], total = 0, again = 0
                for visit in visits where visit.date <= input.asOf {
                    if visit.date >= period.from {
                        total += 1
                        if seen.contains(visit.employerID) { again += 1 }
                    }
                    seen.insert(visit.employerID)
                }
                #expect(figure.repeatVisits == again, "\(period) \(figure.specialist)")
                #expect(figure.faceToFace == total, "\(period) \(figure.specialist)")
                repeats += again
            }
        }
        #expect(repeats > 0)
    }
}

/// The follow-along report's outcomes worked out the long way: the due list of every day of
/// the period (and the weeks before it), compared with the day before.
enum EveryDayReplay {
    struct Outcome: Hashable, Comparable {
        var client: UUID?
        var kind: String
        var dueOn: LocalDate
        var outcome: String
        var metOn: LocalDate?

        static func < (a: Outcome, b: Outcome) -> Bool {
            (a.client?.uuidString ?? "", a.kind, a.dueOn, a.outcome, a.metOn?.dayNumber ?? 0)
                < (b.client?.uuidString ?? "", b.kind, b.dueOn, b.outcome, b.metOn?.dayNumber ?? 0)
        }
    }

    private struct Key: Hashable {
        var job: UUID?
        var kind: DueKind
        var dueOn: LocalDate
    }

    static func outcomes(_ data: DataSnapshot, period: ReportPeriod) -> [Outcome] {
        let settings = data.settings.followAlong
        let range = period.range
        var found: [Outcome] = []
        for client in data.clients where client.programEntryDate <= range.to && !client.declinedFollowAlong {
            let longest = max(31 * max(1, settings.thereafterEveryMonths), settings.beforeStartDays, client.followAlongIntervalDays ?? 0)
            var present: Set<Key> = []
            var finished: [Key: (String, LocalDate?)] = [:]
            func dismissal(_ key: Key) -> DueDismissal? {
                client.dueDismissals.first { $0.jobID == key.job && $0.kind == key.kind && $0.dueOn == key.dueOn }
            }
            var day = range.from.adding(days: -longest - 7)
            while day <= range.to {
                let listed = Set(FollowAlong.items(for: client, settings: settings, asOf: day).map { Key(job: $0.jobID, kind: $0.kind, dueOn: $0.dueOn) })
                for key in present where !listed.contains(key) && range.contains(key.dueOn) && finished[key] == nil {
                    let met = client.contacts.contains { $0.date == day && $0.kind.meetsDueDates(phoneAndVideoCount: settings.phoneAndVideoCount) }
                    if let dismissal = dismissal(key), dismissal.dismissedOn < day {
                        finished[key] = ("dismissed", nil)
                    } else if met {
                        finished[key] = (day <= key.dueOn ? "met-on-time" : "met-late", day)
                    } else {
                        finished[key] = ("no-longer-due", nil)
                    }
                }
                present = listed
                day = day.adding(days: 1)
            }
            for (key, result) in finished {
                found.append(Outcome(client: client.id, kind: key.kind.rawValue, dueOn: key.dueOn, outcome: result.0, metOn: result.1))
            }
            for key in present where range.contains(key.dueOn) && finished[key] == nil {
                let dismissed = dismissal(key).map { $0.dismissedOn <= range.to } ?? false
                found.append(Outcome(client: client.id, kind: key.kind.rawValue, dueOn: key.dueOn,
                                     outcome: dismissed ? "dismissed" : "open", metOn: nil))
            }
        }
        return found
    }
}
