import Foundation

/// Face-to-face employer contacts against the target, per specialist and for the team, for
/// any period: the header's tally, the contacts command, the employer contacts report and the
/// 12-week history. Holds each specialist's face-to-face days (sorted) and weekly target; the
/// rule itself is `ContactTally`'s. The build and a save take the same step per contact
/// (`add`, `remove`).
public struct ContactTallies: Sendable {
    public let today: LocalDate
    public let settings: Settings
    /// Each specialist's weekly face-to-face target from today's caseload.
    public private(set) var weeklyTargets: [UUID: Int]
    /// By name.
    private let specialists: [Specialist]
    /// Face-to-face contact days (day numbers) per specialist, oldest first.
    private var faceToFaceDays: [UUID: [Int]] = [:]

    public init(_ snapshot: DataSnapshot, today: LocalDate) {
        self.init(snapshot, newestFirst: EmployerSummary.newestFirstOrder(snapshot.employerContacts), today: today)
    }

    /// `order`: the positions of the snapshot's contacts newest first (`EmployerSummary.newestFirstOrder`).
    init(_ snapshot: DataSnapshot, newestFirst order: [Int], today: LocalDate) {
        self.today = today
        settings = snapshot.settings
        specialists = snapshot.specialists.map { (NameSearch.fold($0.name), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : UUID.precedes($0.1.id, $1.1.id) }.map(\.1)
        weeklyTargets = Self.weeklyTargets(snapshot)
        // Oldest first, each day goes at the end of its list: no list is sorted again.
        for index in order.reversed() { add(snapshot.employerContacts[index]) }
    }

    /// Each specialist's weekly target from the number of their clients in job search.
    static func weeklyTargets(_ snapshot: DataSnapshot) -> [UUID: Int] {
        var seekers: [UUID: Int] = [:]
        for client in snapshot.clients where client.status == .jobSearch {
            if let id = client.specialistID { seekers[id, default: 0] += 1 }
        }
        var targets: [UUID: Int] = [:]
        for specialist in snapshot.specialists {
            targets[specialist.id] = ContactTally.weeklyTarget(jobSeekers: seekers[specialist.id] ?? 0, settings: snapshot.settings)
        }
        return targets
    }

    // MARK: Tallies

    /// The tally of the week holding today: for the header.
    public func currentWeek(of specialistID: UUID?) -> ContactTally {
        tally(of: specialistID, week: ISOWeek(containing: today))
    }

    public func tally(of specialistID: UUID?, week: ISOWeek) -> ContactTally {
        tally(of: specialistID, period: week.days)
    }

    /// Face-to-face contacts in `period` against the target, for one specialist or (nil) the
    /// team: the active specialists and anyone else who logged a contact in the period.
    public func tally(of specialistID: UUID?, period: DateRange) -> ContactTally {
        let members = specialistID.map { [$0] } ?? team(in: period)
        let done = members.reduce(0) { $0 + faceToFaceCount(of: $1, in: period) }
        let weekly = members.reduce(0) { $0 + (weeklyTargets[$1] ?? settings.weeklyFaceToFaceTarget) }
        return ContactTally(period: period, specialistID: specialistID, done: done,
                            target: ContactTally.target(weekly: weekly, days: period.dayCount), today: today)
    }

    /// The last `weeks` weeks up to and including this one, oldest first: for the history chart.
    public func history(of specialistID: UUID?, weeks: Int = 12) -> [ContactTally] {
        let current = ISOWeek(containing: today)
        return (0..<max(0, weeks)).reversed().map { tally(of: specialistID, week: current.adding(weeks: -$0)) }
    }

    /// Specialists counted in a team tally, by name.
    public func team(in period: DateRange) -> [UUID] {
        specialists.filter { $0.isActive || faceToFaceCount(of: $0.id, in: period) > 0 }.map(\.id)
    }

    private func faceToFaceCount(of specialistID: UUID, in period: DateRange) -> Int {
        guard let days = faceToFaceDays[specialistID] else { return 0 }
        return Self.firstIndex(in: days, notBelow: period.to.dayNumber + 1) - Self.firstIndex(in: days, notBelow: period.from.dayNumber)
    }

    private static func insert(_ day: Int, into days: inout [Int]) {
        if let last = days.last, last > day { days.insert(day, at: firstIndex(in: days, notBelow: day)) } else { days.append(day) }
    }

    static func firstIndex(in sorted: [Int], notBelow value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: One record

    /// A client was saved: who is in job search, hence the targets, may have changed.
    mutating func clientSaved(in data: DataSnapshot) { weeklyTargets = Self.weeklyTargets(data) }

    /// An employer contact was saved (`old`: the version it replaced, nil for a new one) or
    /// deleted (`new` nil).
    mutating func contactSaved(_ new: EmployerContact?, replacing old: EmployerContact?) {
        if let old { remove(old) }
        if let new { add(new) }
    }

    private mutating func add(_ contact: EmployerContact) {
        guard ContactTally.counts(contact) else { return }
        let day = contact.date.dayNumber
        // One lookup of the list, changed in place: at the end when contacts come oldest first
        // (the build), else in its place (a save).
        Self.insert(day, into: &faceToFaceDays[contact.specialistID, default: []])
    }

    private mutating func remove(_ contact: EmployerContact) {
        guard ContactTally.counts(contact), let days = faceToFaceDays[contact.specialistID] else { return }
        let at = Self.firstIndex(in: days, notBelow: contact.date.dayNumber)
        guard at < days.count && days[at] == contact.date.dayNumber else { return }
        if days.count == 1 { faceToFaceDays[contact.specialistID] = nil } else { faceToFaceDays[contact.specialistID]!.remove(at: at) }
    }
}
