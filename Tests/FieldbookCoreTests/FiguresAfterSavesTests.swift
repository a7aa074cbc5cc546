import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// The figures after a save follow the saved records (a client, an employer contact new, edited
/// or deleted, an employer) instead of being built again: after each of many random saves they
/// equal figures built from scratch from the same records.
@Suite struct FiguresAfterSavesTests {
    typealias Seeded = SeededRandom

    static let today = date("2026-11-18")
    static let clientNames = ["José Álvarez-Ruiz", "Jose Alvarez", "Zoë Fernández", "王小明", "Ana", "ana", "Ming Wang"]
    static let employerNames = ["Corner Books", "corner books", "Mill Bakery", "Café Uno", "Cafe Uno", "Grocer's Row", "Bean There"]
    static let businessTypes: [String?] = ["Coffee shop", "Grocery store", "Book shop", "Bakery", nil, "Grocery and coffee"]

    struct World {
        var random: Seeded
        var data: DataSnapshot

        mutating func day(_ range: ClosedRange<Int>) -> LocalDate { FiguresAfterSavesTests.today.adding(days: Int.random(in: range, using: &random)) }
        mutating func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

        mutating func employer() -> Employer {
            Employer(name: pick(FiguresAfterSavesTests.employerNames), businessType: pick(FiguresAfterSavesTests.businessTypes),
                     createdAt: instant(Double(1_760_000_000 + Int.random(in: 0..<1000, using: &random))))
        }

        mutating func job() -> Job {
            let employer = data.employers.isEmpty ? nil : pick(data.employers)
            let byID = chance(60)
            return Job(employerID: byID ? employer?.id : nil,
                       employerName: byID ? employer?.name ?? "Nowhere" : pick(FiguresAfterSavesTests.employerNames),
                       title: "Clerk", startDate: day(-200...20), endDate: chance(30) ? day(-30...30) : nil)
        }

        mutating func client() -> Client {
            var client = Sample.client(name: pick(FiguresAfterSavesTests.clientNames), specialist: pick(data.specialists.map(\.id) + [nil]))
            client.status = pick(ClientStatus.allCases)
            client.programEntryDate = day(-300...5)
            client.contacts = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                ClientContact(date: day(-90...0), kind: .faceToFace)
            }
            client.jobs = (0..<Int.random(in: 0...2, using: &random)).map { _ in job() }
            return client
        }

        mutating func contact() -> EmployerContact {
            let employer = chance(90) && !data.employers.isEmpty ? pick(data.employers).id : UUID()
            let seekers = data.clients.isEmpty ? [] : (0..<Int.random(in: 0...2, using: &random)).map { _ in pick(data.clients).id }
            let nextStep = chance(40)
            return EmployerContact(
                date: day(-120...3), specialistID: pick(data.specialists.map(\.id)), employerID: employer,
                purpose: .followUp, method: pick([.faceToFace, .faceToFace, .phone, .email]), jobSeekerIDs: seekers,
                nextStep: nextStep ? pick(["call back", " ", "meet the manager"]) : nil, nextStepDate: nextStep ? day(-10...20) : nil,
                createdAt: instant(Double(1_763_000_000 + Int.random(in: 0..<5, using: &random) * 60)))
        }

        /// A dismissal of one of the items listed for the client or employer now, if any.
        mutating func dismissal(of items: [DueItem]) -> [DueDismissal] {
            guard let item = items.randomElement(using: &random) else { return [] }
            return [DueDismissal(of: item, reason: "met elsewhere", on: FiguresAfterSavesTests.today, by: nil, id: UUID(),
                                 at: instant(1_763_500_000))]
        }
    }

    /// One random save, as the app applies it to its records: what was saved, for the figures.
    static func randomSave(_ world: inout World, due: DueList) -> [SavedChange] {
        switch Int.random(in: 0..<10, using: &world.random) {
        case 0:
            let client = world.client()
            world.data.replace(client)
            return [.client(client)]
        case 1:
            var client = world.pick(world.data.clients)
            switch Int.random(in: 0..<6, using: &world.random) {
            case 0: client.name = world.pick(clientNames)
            case 1: client.status = world.pick(ClientStatus.allCases)
            case 2: client.specialistID = world.pick(world.data.specialists.map(\.id) + [nil])
            case 3: client.contacts.append(ClientContact(date: world.day(-60...0), kind: .faceToFace))
            case 4: client.jobs.append(world.job())
            default: client.dueDismissals = world.dismissal(of: due.items(forClient: client.id))
            }
            world.data.replace(client)
            return [.client(client)]
        case 2, 3:
            let contact = world.contact()
            world.data.replace(contact)
            return [.employerContact(contact, replacing: nil)]
        case 4, 5:
            let old = world.pick(world.data.employerContacts)
            var contact = old
            switch Int.random(in: 0..<5, using: &world.random) {
            case 0: contact.date = world.day(-120...3)
            case 1: contact.method = contact.isFaceToFace ? .phone : .faceToFace
            case 2: contact.employerID = world.pick(world.data.employers).id
            case 3: contact.jobSeekerIDs = [world.pick(world.data.clients).id]
            default:
                contact.specialistID = world.pick(world.data.specialists.map(\.id))
                contact.nextStepDate = world.chance(50) ? world.day(-10...20) : nil
                contact.nextStep = contact.nextStepDate == nil ? nil : "write"
            }
            world.data.replace(contact)
            return [.employerContact(contact, replacing: old)]
        case 6:
            let old = world.pick(world.data.employerContacts)
            world.data.removeEmployerContact(old.id)
            return [.deletedEmployerContact(old)]
        case 7:
            var employer = world.pick(world.data.employers)
            switch Int.random(in: 0..<3, using: &world.random) {
            case 0: employer.name = world.pick(employerNames)
            case 1: employer.businessType = world.pick(businessTypes)
            default:
                employer.dueDismissals = world.dismissal(of: due.items.filter { $0.clientID == nil && $0.employerID == employer.id })
            }
            world.data.replace(employer)
            return [.employer(employer)]
        case 8:
            // A contact with an employer new to the directory, saved together.
            let employer = world.employer()
            var contact = world.contact()
            contact.employerID = employer.id
            world.data.replace(employer)
            world.data.replace(contact)
            return [.employer(employer), .employerContact(contact, replacing: nil)]
        default:
            // A client with a job at a new employer, saved together.
            let employer = world.employer()
            world.data.replace(employer)
            var client = world.pick(world.data.clients)
            client.jobs.append(Job(employerID: employer.id, employerName: employer.name, title: "Cook", startDate: world.day(-20...5)))
            world.data.replace(client)
            return [.employer(employer), .client(client)]
        }
    }

    /// `inPlace`: the figures follow each save where they are (`follow`, as the app does), else
    /// new figures are made from the previous ones.
    @Test(arguments: [false, true]) func figuresFollowingSavesEqualFiguresBuiltAgain(inPlace: Bool) {
        var world = World(random: Seeded(seed: 2026), data: DataSnapshot())
        world.data.specialists = [Specialist(name: "Maria Okafor"), Specialist(name: "Dev Patel"),
                                  Specialist(name: "Ana Silva", isActive: false)]
        world.data.employers = (0..<8).map { _ in world.employer() }
        world.data.clients = (0..<16).map { _ in world.client() }
        world.data.employerContacts = (0..<50).map { _ in world.contact() }
        var figures = Figures(data: world.data, today: Self.today)
        var kinds = Set<String>()
        for step in 0..<400 {
            let saved = Self.randomSave(&world, due: figures.due)
            let names = saved.map { String(String(describing: $0).prefix { $0 != "(" }) }
            kinds.formUnion(names)
            if inPlace {
                figures.follow(saved, data: world.data, today: Self.today)
            } else {
                figures = Figures(data: world.data, today: Self.today, previous: figures, saved: saved)
            }
            let rebuilt = Figures(data: world.data, today: Self.today)
            if let difference = Self.difference(figures, rebuilt, data: world.data) {
                Issue.record("step \(step), after saving \(names): \(difference) differs")
                return
            }
        }
        #expect(kinds == ["client", "employer", "employerContact", "deletedEmployerContact"])
        #expect(!figures.due.dismissed.isEmpty, "dismissals were saved along the way")
        #expect(world.data.employers.count > 8 && world.data.clients.count > 16)
    }

    /// A save the figures cannot follow (specialists changed) builds them again.
    @Test func aChangeOfSpecialistsBuildsThemAgain() {
        let specialist = Sample.specialist
        var data = DataSnapshot(specialists: [specialist], clients: [Sample.client(name: "Ana", specialist: specialist.id)])
        let before = Figures(data: data, today: Self.today)
        var renamed = specialist
        renamed.name = "Zed Rowe"
        data.replace(renamed)
        var client = data.clients[0]
        client.notes = "moved"
        data.replace(client)
        let after = Figures(data: data, today: Self.today, previous: before, saved: [.client(client)])
        #expect(after.due.items.map(\.specialistName) == Figures(data: data, today: Self.today).due.items.map(\.specialistName))
        #expect(after.due.items.contains { $0.specialistName == "Zed Rowe" })
        var followed = before
        followed.follow([.client(client)], data: data, today: Self.today)
        #expect(followed.due.items.map(\.specialistName) == after.due.items.map(\.specialistName))
        #expect(before.due.items.allSatisfy { $0.specialistName != "Zed Rowe" }, "a copy kept elsewhere is left as it was")
    }

    /// The first part of the figures that differs, by name; nil when they are the same.
    static func difference(_ a: Figures, _ b: Figures, data: DataSnapshot) -> String? {
        if a.due != b.due { return "the due list" }
        if a.due.items(within: 7) != b.due.items(within: 7) { return "Today's lines" }
        for client in data.clients {
            if a.due.items(forClient: client.id) != b.due.items(forClient: client.id) { return "the due items of a client" }
            if a.jobSeekerContacts.contacts(onBehalfOf: client.id) != b.jobSeekerContacts.contacts(onBehalfOf: client.id) {
                return "the contacts on a client's behalf"
            }
            if a.jobSeekerContacts.firstEmployerContact(for: client.id) != b.jobSeekerContacts.firstEmployerContact(for: client.id) {
                return "a client's first employer contact"
            }
        }
        if a.directory.summaries != b.directory.summaries { return "the employer summaries" }
        for sort in EmployerSort.allCases {
            for query in ["", "corner", "cafe"] where a.directory.directory(sortedBy: sort, matching: query).map(\.id)
                != b.directory.directory(sortedBy: sort, matching: query).map(\.id) {
                return "the directory by \(sort) for '\(query)'"
            }
        }
        for employer in data.employers where a.directory.contacts(atEmployer: employer.id) != b.directory.contacts(atEmployer: employer.id) {
            return "the contacts at an employer"
        }
        if a.tallies.weeklyTargets != b.tallies.weeklyTargets { return "the weekly targets" }
        if a.weekTallies != b.weekTallies { return "the week tallies" }
        for specialist in [nil] + data.specialists.map(\.id) where a.tallies.history(of: specialist) != b.tallies.history(of: specialist) {
            return "the tally history"
        }
        for fragment in ["", "a", "corner b"] where a.completion.employers(matching: fragment).map(\.id) != b.completion.employers(matching: fragment).map(\.id) {
            return "the employers completed for '\(fragment)'"
        }
        for fragment in ["", "jo", "ana"] where a.completion.jobSeekers(matching: fragment) != b.completion.jobSeekers(matching: fragment) {
            return "the job seekers completed for '\(fragment)'"
        }
        let profile = ProfileSummary(businessTypes: ["coffee", "grocery store", "Book Shop", "bakery"])
        if a.directory.businessTypes.employers(fitting: profile) != b.directory.businessTypes.employers(fitting: profile) {
            return "the employers that fit a profile"
        }
        if a.activeClients != b.activeClients { return "the client counts" }
        if a.jobStartsAhead != b.jobStartsAhead { return "the job starts" }
        for sort in CaseloadSort.allCases {
            var query = CaseloadQuery()
            query.sort = sort
            query.statusFilter = .all
            if a.caseload.rows(for: query) != b.caseload.rows(for: query) { return "the caseload by \(sort)" }
        }
        return nil
    }
}
