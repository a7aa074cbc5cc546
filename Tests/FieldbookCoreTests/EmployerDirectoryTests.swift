@testable import FieldbookCore
import Foundation
import Testing

/// The figures' employer side: the directory (summaries, orders, search), name completion and
/// the contacts on a client's behalf with the first employer contact.
@Suite struct EmployerDirectoryTests {
    static let today = date("2026-11-25")

    func employer(_ name: String) -> Employer { Employer(name: name, createdAt: instant(1_700_000_000)) }

    func contact(_ day: String, at employer: Employer, method: EmployerContactMethod = .faceToFace,
                 seekers: [UUID] = [], nextStep: String? = nil, nextStepDate: String? = nil) -> EmployerContact {
        EmployerContact(date: date(day), specialistID: Sample.specialist.id, employerID: employer.id, purpose: .followUp,
                        method: method, jobSeekerIDs: seekers, nextStep: nextStep, nextStepDate: nextStepDate.map(date),
                        createdAt: instant(1_763_000_000))
    }

    @Test func anEmployerSummaryHasItsHistoryVisitsNextStepAndPeople() throws {
        let bakery = employer("Boulangerie Étoile"), other = employer("Other")
        var working = Sample.client(name: "Kim Lee")
        working.jobs = [Job(employerID: bakery.id, employerName: bakery.name, title: "Baker", startDate: date("2026-10-01")),
                        Job(employerID: bakery.id, employerName: bakery.name, title: "Porter", startDate: date("2026-01-01"),
                            endDate: date("2026-03-01"))]
        let seeker = Sample.client(name: "Ana Silva")
        let contacts = [
            contact("2026-08-27", at: bakery),                                   // 90 days before today: outside
            contact("2026-08-28", at: bakery, seekers: [seeker.id]),             // 89 days before: inside
            contact("2026-11-10", at: bakery, seekers: [seeker.id, working.id], nextStep: "Call back", nextStepDate: "2026-11-17"),
            contact("2026-11-20", at: bakery, method: .phone, nextStep: "Bring résumé", nextStepDate: "2026-11-24"),
            contact("2026-12-01", at: bakery, method: .email),                   // logged ahead: not yet happened
            contact("2026-11-21", at: other),
        ]
        let snapshot = DataSnapshot(specialists: [Sample.specialist], clients: [working, seeker],
                                    employers: [bakery, other], employerContacts: contacts)
        let log = Figures(data: snapshot, today: Self.today)
        let summary = try #require(log.directory.summary(of: bakery.id))
        #expect(summary.contacts.map(\.date) == ["2026-12-01", "2026-11-20", "2026-11-10", "2026-08-28", "2026-08-27"].map(date))
        #expect(summary.lastContact == date("2026-11-20"))
        #expect(summary.lastVisit == date("2026-11-10"))
        #expect(summary.visitsInLast90Days == 2)
        #expect(summary.contactsInLast90Days == 3)
        // The newest contact (the e-mail logged ahead) set no next step: the earlier ones are settled.
        #expect(summary.openNextStep == nil)
        let withoutAhead = Figures(data: DataSnapshot(clients: [working, seeker], employers: [bakery],
                                                    employerContacts: Array(contacts.dropLast(2))), today: Self.today)
        let step = try #require(withoutAhead.directory.summary(of: bakery.id)?.openNextStep)
        #expect(step.text == "Bring résumé")
        #expect(step.date == date("2026-11-24"))
        #expect(step.isOverdue)
        #expect(summary.jobSeekersPresented.map(\.clientID) == [seeker.id, working.id])
        #expect(summary.jobSeekersPresented.first?.contacts == 2)
        #expect(summary.jobSeekersPresented.first?.lastDate == date("2026-11-10"))
        #expect(summary.jobsHeld.map(\.job.title) == ["Baker"])
        #expect(summary.jobsHeld.first?.clientID == working.id)
        #expect(log.jobSeekerContacts.contacts(onBehalfOf: seeker.id).map(\.date) == [date("2026-11-10"), date("2026-08-28")])
    }

    @Test func theDirectorySortsByNameLastVisitOrRecentVisits() {
        let a = employer("Árbol Garden Centre"), b = employer("bean there"), c = employer("Corner Shop"), d = employer("Depot")
        let contacts = [contact("2026-11-01", at: a), contact("2026-11-02", at: a), contact("2026-11-03", at: a),
                        contact("2026-11-20", at: c), contact("2026-11-21", at: d, method: .phone), contact("2026-06-01", at: b)]
        let log = Figures(data: DataSnapshot(employers: [d, c, b, a], employerContacts: contacts), today: Self.today)
        #expect(log.directory.directory(sortedBy: .name).map(\.employer.name) == ["Árbol Garden Centre", "bean there", "Corner Shop", "Depot"])
        #expect(log.directory.directory(sortedBy: .lastVisit).map(\.employer.name) == ["Corner Shop", "Árbol Garden Centre", "bean there", "Depot"])
        #expect(log.directory.directory(sortedBy: .recentVisits).map(\.employer.name) == ["Árbol Garden Centre", "Corner Shop", "bean there", "Depot"])
        #expect(log.directory.directory(sortedBy: .name, matching: "ARBOL").map(\.employer.name) == ["Árbol Garden Centre"])
    }

    @Test func employersCompleteAccentInsensitivelyPrefixFirstThenWordStartThenAnywhere() {
        let names = ["Amucafé Bar", "Le Petit Café", "Cafeteria Central", "Bean There Café", "Café Müller", "Hardware"]
        let log = Figures(data: DataSnapshot(employers: names.map(employer)), today: Self.today)
        let expected = ["Café Müller", "Cafeteria Central", "Bean There Café", "Le Petit Café", "Amucafé Bar"]
        #expect(log.completion.employers(matching: "cafe").map(\.name) == expected)
        #expect(log.completion.employers(matching: "CAFÉ").map(\.name) == expected)
        #expect(log.completion.employers(matching: "cafe", limit: 2).map(\.name) == ["Café Müller", "Cafeteria Central"])
        #expect(log.completion.employers(matching: "muller").map(\.name) == ["Café Müller"])
        #expect(log.completion.employers(matching: "bean caf").map(\.name) == ["Bean There Café"])
        #expect(log.completion.employers(matching: "xyz").isEmpty)
        #expect(log.completion.employers(matching: "").count == names.count)
    }

    @Test func nothingTypedOffersTheDirectorysFirstNamesInOrder() {
        let names = ["Zed Tools", "árbol garden", "Bean There Café", "Corner Shop", "Depot", "Café Müller"]
        let log = Figures(data: DataSnapshot(employers: names.map(employer)), today: Self.today)
        #expect(log.completion.employers(matching: "", limit: 3).map(\.name) == ["árbol garden", "Bean There Café", "Café Müller"])
        #expect(log.completion.employers(matching: "  ").map(\.name) == log.directory.directory(sortedBy: .name).map(\.employer.name))
        #expect(log.completion.employers(matching: "", limit: 0).isEmpty)
    }

    @Test func jobSeekersCompleteWithTheirDisclosurePreference() {
        var jose = Sample.client(name: "José Álvarez-Ruiz")
        jose.preferredName = "Pepe"
        var josefina = Sample.client(name: "Josefina Park")
        josefina.preferredName = nil
        josefina.status = .working
        josefina.disclosure = Disclosure(preference: .doNotDisclose)
        var closed = Sample.client(name: "Joseph Closed")
        closed.status = .closed
        var ruiz = Sample.client(name: "Mei Ruiz")
        ruiz.preferredName = nil
        let log = Figures(data: DataSnapshot(clients: [josefina, closed, ruiz, jose]), today: Self.today)
        let matches = log.completion.jobSeekers(matching: "jose")
        // Both start with "jose"; the one in job search comes first; closed cases are not offered.
        #expect(matches.map(\.client.name) == ["José Álvarez-Ruiz", "Josefina Park"])
        #expect(matches.map(\.disclosure) == ["Limited disclosure: Gets help finding work", "Do not disclose"])
        #expect(log.completion.jobSeekers(matching: "ruiz").map(\.client.name) == ["José Álvarez-Ruiz", "Mei Ruiz"])
        #expect(log.completion.jobSeekers(matching: "mei").map(\.client.name) == ["Mei Ruiz"])
        #expect(log.completion.jobSeekers(matching: "pepe").map(\.client.name) == ["José Álvarez-Ruiz"])
        #expect(log.completion.jobSeekers(matching: "alvarez").map(\.client.name) == ["José Álvarez-Ruiz"])
    }

    /// Within a tier, clients in job search come before others even when another's name sorts
    /// first; among the rest, the name decides.
    @Test func jobSeekersInJobSearchComeFirstWithinATier() {
        var abel = Sample.client(name: "Jose Abel")
        abel.preferredName = nil
        abel.status = .working
        var alvarez = Sample.client(name: "Jose Alvarez")
        alvarez.preferredName = nil
        alvarez.status = .jobSearch
        var aaron = Sample.client(name: "Jose Aaron")
        aaron.preferredName = nil
        aaron.status = .working
        let log = Figures(data: DataSnapshot(clients: [abel, alvarez, aaron]), today: Self.today)
        #expect(log.completion.jobSeekers(matching: "jose").map(\.client.name) == ["Jose Alvarez", "Jose Aaron", "Jose Abel"])
        #expect(log.completion.jobSeekers(matching: "jose", limit: 2).map(\.client.name) == ["Jose Alvarez", "Jose Aaron"])
    }

    @Test func peopleCompleteByNameOrTitle() {
        var shop = employer("Shop")
        shop.people = [EmployerPerson(name: "Sam Patel", title: "Owner", hires: true),
                       EmployerPerson(name: "Patricia Núñez", title: "Shift lead"),
                       EmployerPerson(name: "Lee Kim", title: "Assistant manager")]
        let log = Figures(data: DataSnapshot(employers: [shop]), today: Self.today)
        #expect(log.completion.people(of: shop.id, matching: "pat").map(\.name) == ["Patricia Núñez", "Sam Patel"])
        #expect(log.completion.people(of: shop.id, matching: "nunez").map(\.name) == ["Patricia Núñez"])
        #expect(log.completion.people(of: shop.id, matching: "manager").map(\.name) == ["Lee Kim"])
        #expect(log.completion.people(of: UUID(), matching: "").isEmpty)
        var visit = contact("2026-11-20", at: shop)
        visit.contactPersonID = shop.people[1].id
        visit.contactPerson = "Patty"
        #expect(log.directory.personName(of: visit) == "Patricia Núñez")
        visit.contactPersonID = UUID()
        #expect(log.directory.personName(of: visit) == "Patty")
    }

    @Test func theFirstEmployerContactAndTheThirtyDayWindow() throws {
        let shop = employer("Shop")
        let client = Sample.client()   // program entry 2026-06-07
        let other = Sample.client(name: "Someone Else")
        var snapshot = DataSnapshot(clients: [client, other], employers: [shop])
        let none = try #require(Figures(data: snapshot, today: date("2026-06-20")).jobSeekerContacts.firstEmployerContact(for: client.id))
        #expect(none.made == nil)
        #expect(none.deadline == date("2026-07-07"))
        #expect(none.daysLeft == 17)
        #expect(none.text == "No employer contact yet: 17 days left of the 30-day window")
        let late = try #require(Figures(data: snapshot, today: date("2026-07-10")).jobSeekerContacts.firstEmployerContact(for: client.id))
        #expect(late.daysLeft == -3)
        #expect(late.text == "No employer contact yet: 3 days past the 30-day window")

        snapshot.employerContacts = [
            contact("2026-06-01", at: shop, seekers: [client.id]),                  // before entry
            contact("2026-06-10", at: shop, method: .phone, seekers: [client.id]),  // not face to face
            contact("2026-06-12", at: shop, seekers: [other.id]),                   // someone else's
            contact("2026-07-01", at: shop, seekers: [client.id]),
            contact("2026-06-25", at: shop, seekers: [other.id, client.id]),
        ]
        let made = try #require(Figures(data: snapshot, today: date("2026-07-10")).jobSeekerContacts.firstEmployerContact(for: client.id))
        #expect(made.made?.date == date("2026-06-25"))
        #expect(made.daysFromEntry == 18)
        #expect(made.madeInTime)
        #expect(made.daysLeft == nil)
        #expect(made.text == "First employer contact 2026-06-25 (18 days after entry)")
        snapshot.settings.firstEmployerContactDays = 14
        #expect(Figures(data: snapshot, today: date("2026-07-10")).jobSeekerContacts.firstEmployerContact(for: client.id)?.madeInTime == false)
        #expect(Figures(data: snapshot, today: date("2026-07-10")).jobSeekerContacts.firstEmployerContact(for: UUID()) == nil)
    }

    /// Contacts in a loaded folder's order (oldest first) and in any other order come out in
    /// the same newest-first order, contacts logged at the same moment by id.
    @Test func newestFirstOrderIsTheSortedOrderWhateverOrderTheContactsComeIn() {
        var random = SystemRandomNumberGenerator()
        let bakery = employer("Bakery")
        for round in 0..<40 {
            // Few days and few moments, so many contacts share both.
            let contacts = (0..<Int.random(in: 0...60, using: &random)).map { _ in
                EmployerContact(date: Self.today.adding(days: -Int.random(in: 0...4, using: &random)), specialistID: Sample.specialist.id,
                                employerID: bakery.id, purpose: .followUp, method: .faceToFace,
                                createdAt: instant(1_763_000_000 + Double(Int.random(in: 0...3, using: &random))))
            }
            let expected = contacts.sorted(by: EmployerSummary.newestFirst).map(\.id)
            let oldestFirst = contacts.sorted { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
            #expect(EmployerSummary.newestFirstOrder(oldestFirst).map { oldestFirst[$0].id } == expected, "round \(round), oldest first")
            #expect(EmployerSummary.newestFirstOrder(contacts).map { contacts[$0].id } == expected, "round \(round), any order")
            #expect(EmployerSummary.sortedNewestFirst(oldestFirst).map(\.id) == expected)
        }
    }
}

@Suite struct EmployerRecordTests {
    let oldEmployer = """
        {
          "createdAt" : "2026-02-08T10:00:00Z",
          "id" : "00131C9B-E015-4DB3-907B-B17C658C99CA",
          "name" : "Big Box Warehouse",
          "people" : [
            { "hires" : true, "name" : "Aiko Tanaka", "title" : "Store manager" },
            { "hires" : false, "name" : "Ben Ode" }
          ],
          "updatedAt" : "2026-02-08T10:00:00Z"
        }

        """
    let employerID = UUID(uuidString: "00131C9B-E015-4DB3-907B-B17C658C99CA")!

    func folderWithOldEmployer() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        _ = try Store(folder: folder.url)
        try FileManager.default.createDirectory(at: folder.path(DataLayout.employers), withIntermediateDirectories: true)
        try Data(oldEmployer.utf8).write(to: folder.path(DataLayout.employer(employerID)))
        return folder
    }

    @Test func peopleWithoutIdsLoadWithTheSameIdsEveryTimeUntilSavedWithThem() throws {
        let folder = try folderWithOldEmployer()
        let first = try Store(folder: folder.url).load()
        #expect(first.problems.isEmpty)
        let people = try #require(first.employers.first?.people)
        #expect(people.map(\.name) == ["Aiko Tanaka", "Ben Ode"])
        #expect(people[0].id != people[1].id)
        #expect(try Store(folder: folder.url).load().employers.first?.people.map(\.id) == people.map(\.id))
        #expect(try !String(contentsOf: folder.path(DataLayout.employer(employerID)), encoding: .utf8).contains("\"id\" : \"\(people[0].id.uuidString)\""))

        // Saved once, the ids are in the file and stay when the details change later.
        let store = try Store(folder: folder.url)
        var employer = try #require(store.load().employers.first)
        employer.people.append(EmployerPerson(name: "Cara New"))
        employer = try store.save(employer).record
        let text = try String(contentsOf: folder.path(DataLayout.employer(employerID)), encoding: .utf8)
        #expect(text.contains("\"id\" : \"\(people[0].id.uuidString)\""))
        employer.people[0].name = "Aiko Tanaka-Smith"
        employer.people.remove(at: 1)
        try store.save(employer)
        let reloaded = try #require(try Store(folder: folder.url).load().employers.first)
        #expect(reloaded.people.map(\.id) == [people[0].id, employer.people[1].id])
        #expect(reloaded.person(people[0].id)?.name == "Aiko Tanaka-Smith")
    }

    @Test func oldContactsLoadAndNewFieldsRoundTrip() throws {
        let folder = try folderWithOldEmployer()
        let specialist = UUID(uuidString: "11111111-2222-3333-4444-555555555555")!
        let old = """
            { "contacts" : [ { "createdAt" : "2026-11-18T09:00:00Z", "date" : "2026-11-18",
                "employerID" : "00131C9B-E015-4DB3-907B-B17C658C99CA", "id" : "AAAAAAAA-2222-3333-4444-555555555555",
                "jobSeekerIDs" : [], "jobSeekerPresent" : false, "method" : "face-to-face", "contactPerson" : "Aiko Tanaka",
                "purpose" : "learn-needs", "specialistID" : "11111111-2222-3333-4444-555555555555",
                "updatedAt" : "2026-11-18T09:00:00Z" } ],
              "month" : "2026-11", "specialistID" : "11111111-2222-3333-4444-555555555555" }
            """
        let monthFile = folder.path(DataLayout.employerContacts(specialist: specialist, month: date("2026-11-18")))
        try FileManager.default.createDirectory(at: monthFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(old.utf8).write(to: monthFile)
        let store = try Store(folder: folder.url)
        let loaded = store.load()
        #expect(loaded.problems.isEmpty)
        var contact = try #require(loaded.employerContacts.first)
        #expect(contact.contactPersonID == nil)
        #expect(contact.contactPerson == "Aiko Tanaka")

        let employer = try #require(loaded.employers.first)
        contact.contactPersonID = employer.people[0].id
        contact.purpose = .other
        let saved = try store.save(contact).record
        #expect(try Store(folder: folder.url).load().employerContacts == [saved])
        #expect(try String(contentsOf: monthFile, encoding: .utf8).contains("\"purpose\" : \"other\""))
    }

    @Test func aDeletedContactIsGoneAndTheOthersStay() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let keep = try store.save(Sample.employerContact(on: "2026-11-18")).record
        let gone = try store.save(Sample.employerContact(on: "2026-11-19")).record
        let elsewhere = try store.save(Sample.employerContact(on: "2026-10-02")).record

        let again = try Store(folder: folder.url)
        #expect(again.load().employerContacts.count == 3)
        try again.delete(gone)
        #expect(try Store(folder: folder.url).load().employerContacts == [elsewhere, keep])
        try again.delete(gone)   // already gone: nothing changes
        try again.delete(elsewhere)
        let left = try Store(folder: folder.url).load()
        #expect(left.employerContacts == [keep])
        #expect(left.problems.isEmpty)
    }

    @Test func deletingFromAFileChangedOnDiskMergesWithTheOtherChange() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let contact = try store.save(Sample.employerContact(on: "2026-11-18")).record
        let reader = try Store(folder: folder.url)
        _ = reader.load()
        let added = try store.save(Sample.employerContact(on: "2026-11-20")).record
        try reader.delete(contact)
        // The contact added elsewhere meanwhile stays; the deleted one is gone.
        #expect(try Store(folder: folder.url).load().employerContacts.map(\.id) == [added.id])
    }
}
