import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// The caseload list built once per data change, and moved one client at a time after a save.
@Suite struct CaseloadIndexTests {
    static let today = date("2026-11-22")
    static let names = ["José Álvarez-Ruiz", "Jose Alvarez", "Zoë Fernández", "王小明", "Ana", "ana", "Ming Wang",
                        "Søren Berg", "Chloé Dubois", "Aisha Haddad", "Liam O'Brien"]

    /// Every combination of sort, direction, specialist, status and a few searches.
    static func queries(_ specialists: [Specialist]) -> [CaseloadQuery] {
        var queries: [CaseloadQuery] = []
        for sort in CaseloadSort.allCases {
            for ascending in [true, false] {
                for specialist in [nil] + specialists.map(\.id) {
                    for status in [StatusFilter.active, .all, .only(.jobSearch)] {
                        for text in ["", "a", "jo al", "王", "zz"] {
                            var query = CaseloadQuery(specialistFilter: specialist)
                            query.sort = sort
                            query.ascending = ascending
                            query.statusFilter = status
                            query.text = text
                            queries.append(query)
                        }
                    }
                }
            }
        }
        return queries
    }

    func randomClient(_ random: inout SeededRandom, specialists: [Specialist]) -> Client {
        var client = Sample.client(name: Self.names.randomElement(using: &random)!, specialist: specialists.randomElement(using: &random)?.id)
        client.status = ClientStatus.allCases.randomElement(using: &random)!
        client.preferredName = Bool.random(using: &random) ? "Jo" : nil
        client.programEntryDate = Self.today.adding(days: -Int.random(in: 30...400, using: &random))
        client.contacts = []
        client.jobs = []
        return client
    }

    /// After each of many random saves (renames, statuses, specialists, contacts, jobs, new
    /// clients), the index moved by the saved client alone lists the same rows, for every query,
    /// as an index built from scratch.
    @Test func updatingAfterASaveGivesTheRowsOfARebuild() {
        var random = SeededRandom(seed: 13)
        let specialists = [Specialist(name: "Maria Okafor"), Specialist(name: "Dev Patel"), Specialist(name: "Ana Silva")]
        var data = DataSnapshot(specialists: specialists, clients: (0..<25).map { _ in randomClient(&random, specialists: specialists) },
                                employers: [Sample.employer])
        data.problems = [DataProblem(path: "clients/broken.json", kind: .client, message: "does not parse")]
        var index = CaseloadIndex(data: data, due: DueList(snapshot: data, asOf: Self.today))
        let queries = Self.queries(specialists)
        for step in 0..<120 {
            var client = data.clients.randomElement(using: &random)!
            switch Int.random(in: 0..<7, using: &random) {
            case 0: client.name = Self.names.randomElement(using: &random)!
            case 1: client.status = ClientStatus.allCases.randomElement(using: &random)!
            case 2: client.specialistID = [nil, specialists[0].id, specialists[1].id].randomElement(using: &random)!
            case 3:
                client.contacts.append(ClientContact(date: Self.today.adding(days: -Int.random(in: 0...90, using: &random)),
                                                     kind: .faceToFace))
            case 4:
                client.jobs.append(Job(employerName: "Mill Bakery", title: "Baker",
                                       startDate: Self.today.adding(days: Int.random(in: -60...20, using: &random))))
            case 5: client.preferredName = client.preferredName == nil ? "Zoë" : nil
            default: client = randomClient(&random, specialists: specialists)
            }
            data.replace(client)
            let due = DueList(snapshot: data, asOf: Self.today)
            index = index.updating(client, in: data, due: due)
            let rebuilt = CaseloadIndex(data: data, due: due)
            for query in queries where index.rows(for: query) != rebuilt.rows(for: query) {
                Issue.record("step \(step): rows differ for \(query)")
                return
            }
        }
        #expect(data.clients.count > 25, "new clients were added along the way")
    }

    /// The same, through the figures the app keeps: a client saved moves in the caseload list.
    @Test func figuresAfterASavedClientListItInItsPlace() {
        let specialist = Sample.specialist
        let clients = ["Ana", "Chloé", "Zoë"].map { Sample.client(name: $0, specialist: specialist.id) }
        var data = DataSnapshot(specialists: [specialist], clients: clients)
        let before = Figures(data: data, today: Self.today)
        var renamed = clients[0]
        renamed.name = "Yusuf"
        data.replace(renamed)
        let after = Figures(data: data, today: Self.today, previous: before, savedClient: renamed)
        let names = after.caseload.rows(for: CaseloadQuery()).compactMap { row -> String? in
            if case .client(let client) = row { client.name } else { nil }
        }
        #expect(names == ["Chloé", "Yusuf", "Zoë"])
    }

    /// Names sort without case or accents, equal names by id; a search ignores accents; an
    /// unreadable client file is listed last, except while searching.
    @Test func rowsFollowTheListsRules() {
        let specialist = Sample.specialist
        let clients = ["Zoë", "ana", "Álvaro", "Ana"].map { Sample.client(name: $0, specialist: specialist.id) }
        var data = DataSnapshot(specialists: [specialist], clients: clients)
        data.problems = [DataProblem(path: "clients/broken.json", kind: .client, message: "does not parse")]
        let index = CaseloadIndex(data: data, due: DueList(snapshot: data, asOf: Self.today))
        let rows = index.rows(for: CaseloadQuery())
        let anas = clients.filter { $0.name.lowercased() == "ana" }.sorted { $0.id.uuidString < $1.id.uuidString }
        #expect(rows == [.client(clients[2])] + anas.map(CaseloadRow.client) + [.client(clients[0]), .unreadable(data.problems[0])])
        var search = CaseloadQuery()
        search.text = "alva"
        #expect(index.rows(for: search) == [.client(clients[2])])
        search.ascending = false
        search.text = ""
        #expect(index.rows(for: search).first == .client(clients[0]))
    }

    /// A search finds its text at the start, at the very end and where the first letter
    /// repeats before the match; it does not find text one letter short of the end, nor a
    /// text longer than what is searched. The rows a page reads are those of `rows(for:)`,
    /// and a client's place is found without making the rows before it.
    @Test func searchFindsTextAtEitherEndAndTheRowsReadAreTheListed() {
        let specialist = Sample.specialist
        // The name alone is searched: it ends what is searched.
        let clients = ["Maria Okafor", "Dev Patel", "Aaab Ng", "Ana Silva"].map { name in
            var client = Sample.client(name: name, specialist: specialist.id)
            (client.preferredName, client.phone, client.email, client.jobs) = (nil, nil, nil, [])
            return client
        }
        let data = DataSnapshot(specialists: [specialist], clients: clients)
        let index = CaseloadIndex(data: data, due: DueList(snapshot: data, asOf: Self.today))
        func found(_ text: String) -> [String] {
            var query = CaseloadQuery()
            query.text = text
            return index.rows(for: query).compactMap { if case .client(let c) = $0 { c.name } else { nil } }
        }
        #expect(found("mar") == ["Maria Okafor"])
        #expect(found("okafor") == ["Maria Okafor"])
        #expect(found("okafox").isEmpty)
        #expect(found("aab") == ["Aaab Ng"])
        #expect(found("silvaa").isEmpty)
        #expect(found("maria okafor and more").isEmpty)
        for text in ["", "a", "pat", "zz"] {
            var query = CaseloadQuery()
            query.text = text
            let rows = index.matches(for: query)
            #expect(Array(rows) == index.rows(for: query))
            for client in clients {
                #expect(rows.firstIndex(ofClient: client.id) == rows.firstIndex(of: .client(client)))
            }
        }
    }
}
