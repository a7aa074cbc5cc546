import FieldbookCore
import Foundation
import Testing

/// Rules 5 (first employer contact) and 7 (employer next step), and the whole list.
@Suite struct DueListTests {
    static let other = Specialist(name: "Chen Wei", createdAt: instant(1_700_000_000))

    static func visit(
        _ day: String, for seekers: [UUID] = [], method: EmployerContactMethod = .faceToFace,
        at employer: Employer = Rules.books, by specialist: Specialist = Rules.specialist,
        next: String? = nil, step: String? = "Bring a resume"
    ) -> EmployerContact {
        EmployerContact(date: date(day), specialistID: specialist.id, employerID: employer.id, purpose: .presentJobSeeker,
                        method: method, jobSeekerIDs: seekers, nextStep: next == nil ? nil : step,
                        nextStepDate: next.map(date), createdAt: instant(1_700_000_000))
    }

    /// A face-to-face employer contact for `clients` soon after their entry, so that no
    /// first-employer-contact item is due for them.
    static func introduced(_ clients: [Client]) -> EmployerContact {
        visit("2023-02-01", for: clients.map(\.id), at: Rules.bakery)
    }

    static func list(_ clients: [Client], _ contacts: [EmployerContact] = [], asOf: String,
                     settings: Settings = Settings()) -> DueList {
        DueList(clients: clients, employerContacts: contacts, employers: [Rules.books, Rules.bakery],
                specialists: [Rules.specialist, other], settings: settings, asOf: date(asOf))
    }

    static func kinds(_ list: DueList) -> [String] {
        list.items.map { "\($0.kind.rawValue) \($0.dueOn)" }
    }

    struct FirstContactCase: CustomTestStringConvertible, Sendable {
        let name: String
        let client: Client
        let visits: [EmployerContact]
        let expected: [String]
        var testDescription: String { name }
    }

    /// Entry 2026-10-01, as of 2026-10-15: due on 2026-10-31 unless something below stops it.
    static let firstContactCases: [FirstContactCase] = {
        let entry = "2026-10-01"
        func seeker(jobs: [Job] = [], status: ClientStatus = .jobSearch, declined: Bool = false) -> Client {
            Rules.client(entry: entry, status: status, jobs: jobs, declined: declined)
        }
        let plain = seeker()
        let due = ["first-employer-contact 2026-10-31"]
        return [
            FirstContactCase(name: "no employer contact yet", client: plain, visits: [], expected: due),
            FirstContactCase(name: "a face-to-face contact on their behalf meets it", client: plain,
                             visits: [visit("2026-10-10", for: [plain.id])], expected: []),
            FirstContactCase(name: "on the day of entry counts", client: plain, visits: [visit(entry, for: [plain.id])], expected: []),
            FirstContactCase(name: "a phone contact does not", client: plain,
                             visits: [visit("2026-10-10", for: [plain.id], method: .phone)], expected: due),
            FirstContactCase(name: "one before program entry does not", client: plain,
                             visits: [visit("2026-09-20", for: [plain.id])], expected: due),
            FirstContactCase(name: "one after as-of is ignored", client: plain,
                             visits: [visit("2026-10-20", for: [plain.id])], expected: due),
            FirstContactCase(name: "one for someone else does not", client: plain,
                             visits: [visit("2026-10-10", for: [UUID()])], expected: due),
            FirstContactCase(name: "a job starting later does not count", client: seeker(jobs: [Rules.job("2026-11-20")]),
                             visits: [], expected: due + ["before-start 2026-11-19"]),
            FirstContactCase(name: "a job that started and ended counts",
                             client: seeker(jobs: [Rules.job("2026-10-05", ends: "2026-10-08")], declined: true),
                             visits: [], expected: []),
            FirstContactCase(name: "a client who declined follow-along still gets it", client: seeker(declined: true),
                             visits: [], expected: due),
            FirstContactCase(name: "a referred client does not", client: seeker(status: .referred), visits: [], expected: []),
            FirstContactCase(name: "an inactive client does", client: seeker(status: .inactive), visits: [], expected: due),
        ]
    }()

    @Test(arguments: firstContactCases)
    func firstEmployerContact(_ row: FirstContactCase) {
        #expect(Self.kinds(Self.list([row.client], row.visits, asOf: "2026-10-15")) == row.expected)
    }

    @Test func firstEmployerContactOverdueAndItsSetting() {
        let client = Rules.client(entry: "2026-10-01", status: .jobSearch)
        let late = Self.list([client], asOf: "2026-11-05")
        #expect(late.items.map(\.status) == [.overdue])
        #expect(late.items.map(\.daysOverdue) == [5])
        #expect(late.items.first?.why == "first face-to-face employer contact, in the program since 1 Oct")
        var settings = Settings()
        settings.firstEmployerContactDays = 14
        #expect(Self.kinds(Self.list([client], asOf: "2026-10-02", settings: settings)) == ["first-employer-contact 2026-10-15"])
    }

    struct NextStepCase: CustomTestStringConvertible, Sendable {
        let name: String
        let visits: [EmployerContact]
        let expected: [String]
        var testDescription: String { name }
    }

    /// As of 2026-11-05.
    static let nextStepCases: [NextStepCase] = [
        NextStepCase(name: "a next step is due on its date",
                     visits: [visit("2026-11-02", next: "2026-11-09")], expected: ["Corner Books 2026-11-09"]),
        NextStepCase(name: "overdue until a later contact",
                     visits: [visit("2026-10-20", next: "2026-10-27")], expected: ["Corner Books 2026-10-27"]),
        NextStepCase(name: "a later contact by any method and specialist ends it",
                     visits: [visit("2026-10-20", next: "2026-10-27"), visit("2026-10-28", method: .email, by: other)],
                     expected: []),
        NextStepCase(name: "a contact on the same day does not",
                     visits: [visit("2026-10-20", next: "2026-10-27"), visit("2026-10-20", method: .phone)],
                     expected: ["Corner Books 2026-10-27"]),
        NextStepCase(name: "a contact after as-of is ignored",
                     visits: [visit("2026-10-20", next: "2026-10-27"), visit("2026-11-06")],
                     expected: ["Corner Books 2026-10-27"]),
        NextStepCase(name: "a next step logged after as-of is not known yet",
                     visits: [visit("2026-11-06", next: "2026-11-08")], expected: []),
        NextStepCase(name: "a contact with another employer does not end it",
                     visits: [visit("2026-10-20", next: "2026-10-27"), visit("2026-10-28", at: Rules.bakery)],
                     expected: ["Corner Books 2026-10-27"]),
        NextStepCase(name: "a newer contact's own next step replaces the older",
                     visits: [visit("2026-10-20", next: "2026-10-27"), visit("2026-10-28", next: "2026-11-12")],
                     expected: ["Corner Books 2026-11-12"]),
    ]

    @Test(arguments: nextStepCases)
    func employerNextStep(_ row: NextStepCase) {
        let list = Self.list([], row.visits, asOf: "2026-11-05")
        #expect(list.items.map { "\($0.employerName ?? "-") \($0.dueOn)" } == row.expected)
        #expect(list.items.allSatisfy { $0.kind == .employerNextStep && $0.clientID == nil && $0.clientName == nil })
    }

    @Test func anEmployerItemNamesTheSpecialistWhoLoggedIt() throws {
        let list = Self.list([], [Self.visit("2026-11-02", by: Self.other, next: "2026-11-04", step: "Call Sam back")], asOf: "2026-11-05")
        let item = try #require(list.items.first)
        #expect(item.specialistName == "Chen Wei")
        #expect(item.employerID == Rules.books.id)
        #expect(item.why == "next step: Call Sam back (after the contact on 2 Nov)")
        #expect(item.status == .overdue && item.daysOverdue == 1)
    }

    @Test func theListIsSortedByDueDateThenClientNameThenKind() {
        let books = Rules.job("2026-11-03")
        let zoe = Rules.client("Zoë Adams", jobs: [books])                                     // after-start 11-06
        let emil = Rules.client("Émil Brandt", jobs: [Rules.job("2026-11-07", at: Rules.bakery)])  // before-start 11-06
        let anna = Rules.client("anna Costa", jobs: [Rules.job("2026-09-01", ends: "2026-11-03"), books])  // 11-06 twice
        let visit = Self.visit("2026-11-01", next: "2026-11-06")
        let list = Self.list([zoe, emil, anna], [visit, Self.introduced([emil])], asOf: "2026-11-04")
        #expect(list.items.map { "\($0.dueOn) \($0.clientName ?? "(employer)") \($0.kind.rawValue)" } == [
            "2026-11-06 anna Costa after-start",
            "2026-11-06 anna Costa after-job-loss",
            "2026-11-06 Émil Brandt before-start",
            "2026-11-06 Zoë Adams after-start",
            "2026-11-06 (employer) employer-next-step",
        ])
        let reversed = Self.list([anna, emil, zoe], [Self.introduced([emil]), visit], asOf: "2026-11-04")
        #expect(reversed.items == list.items)
        for client in [zoe, emil, anna] {
            #expect(list.nextItem(forClient: client.id) == list.items(forClient: client.id).first)
            #expect(list.nextItem(forClient: client.id)?.clientID == client.id)
        }
    }

    @Test func withinKeepsOverdueAndTodayAndCutsAfterTheWindow() {
        let clients = [
            Rules.client("Overdue", jobs: [Rules.job("2026-10-01")]),     // after-start 10-04
            Rules.client("Today", jobs: [Rules.job("2026-11-11")]),       // before-start 11-10
            Rules.client("Edge", jobs: [Rules.job("2026-11-18")]),        // before-start 11-17
            Rules.client("Beyond", jobs: [Rules.job("2026-11-19")]),      // before-start 11-18
        ]
        let list = Self.list(clients, [Self.introduced(clients)], asOf: "2026-11-10")
        #expect(list.items.count == 4)
        #expect(list.items(within: 7).map { $0.clientName ?? "" } == ["Overdue", "Today", "Edge"])
        #expect(list.items(within: 0).map { $0.clientName ?? "" } == ["Overdue", "Today"])
        #expect(list.items(within: 7).map(\.status) == [.overdue, .today, .upcoming])
        #expect(list.items(within: 7).map(\.daysOverdue) == [37, 0, 0])
    }

    @Test func clientLookupsAndSpecialistNames() throws {
        let mine = Rules.client("Ana Lima", jobs: [Rules.job("2026-11-03")])
        var theirs = Rules.client("Bo Lind", jobs: [Rules.job("2026-11-20"), Rules.job("2026-10-01")])
        theirs.specialistID = Self.other.id
        let list = Self.list([mine, theirs], asOf: "2026-11-05")
        #expect(list.nextItem(forClient: theirs.id)?.kind == .afterStart)
        #expect(list.items(forClient: theirs.id).map(\.kind) == [.afterStart, .beforeStart])
        #expect(list.items(forSpecialists: [Self.other.id]).allSatisfy { $0.clientName == "Bo Lind" })
        #expect(list.items.first { $0.clientID == mine.id }?.specialistName == "Maria Okafor")
        #expect(list.nextItem(forClient: UUID()) == nil)
    }

    @Test func aPastMorningIsReconstructed() {
        // Today the job has ended and the client is closed; three weeks ago neither had happened.
        let history = [StatusChange(date: date("2026-11-20"), from: .working, to: .closed)]
        let client = Rules.client(status: .closed, jobs: [Rules.job("2026-10-01", ends: "2026-11-18")],
                                  contacts: [Rules.contact("2026-10-02"), Rules.contact("2026-10-25"), Rules.contact("2026-11-19")],
                                  history: history)
        #expect(Self.kinds(Self.list([client], asOf: "2026-11-25")) == [])
        #expect(Self.kinds(Self.list([client], asOf: "2026-11-19")) == [])
        #expect(Self.kinds(Self.list([client], asOf: "2026-11-18")) == ["after-job-loss 2026-11-21"])
        #expect(Self.kinds(Self.list([client], asOf: "2026-11-04")) == ["monthly 2026-11-25"])
        #expect(Self.kinds(Self.list([client], asOf: "2026-10-24")) == ["weekly 2026-10-09"])
    }

    /// Items alike but for their ids are ordered by the ids' text (no id first), as when the
    /// ids were compared as `uuidString`s; here they are compared as bytes.
    @Test func itemsAlikeButForTheirIdsAreInTheOrderOfTheIdsText() throws {
        let asOf = try LocalDate(parsing: "2026-11-18")
        var ids: [UUID?] = [nil] + (0..<40).map { _ in UUID() }
        ids += ["00000000-0000-0000-0000-00000000000A", "00000000-0000-0000-0000-000000000009",
                "A0000000-0000-0000-0000-000000000000", "90000000-0000-0000-0000-000000000000"].map(UUID.init(uuidString:))
        var items: [DueItem] = []
        for (n, id) in ids.enumerated() {
            for job in [nil, ids[(n * 7) % ids.count], ids[(n * 11 + 3) % ids.count]] {
                items.append(DueItem(kind: .weekly, dueOn: asOf, asOf: asOf, clientID: n % 3 == 0 ? id : nil, clientName: "Same",
                                     jobID: job, employerID: n % 3 == 1 ? id : nil, employerContactID: n % 3 == 2 ? id : nil,
                                     why: "w"))
            }
        }
        func text(_ item: DueItem) -> (String, String) {
            ((item.clientID ?? item.employerContactID ?? item.employerID)?.uuidString ?? "", item.jobID?.uuidString ?? "")
        }
        let sorted = items.shuffled().sorted(by: DueItem.listOrder)
        #expect(sorted.map(text) .elementsEqual(items.map(text).sorted(by: <), by: ==))
        #expect(text(sorted[0]).0 == "" && text(sorted[0]).1 == "")
    }
}
