import FieldbookCore
import Foundation
import Testing

/// `fieldbook contacts` on a folder written by the store.
@Suite struct ContactsCommandTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-contacts-\(UUID().uuidString)")
    let maria = Specialist(name: "Maria Okafor")
    let zoe = Specialist(name: "Zoë Müller")
    let jose = Client(name: "José Álvarez-Ruiz", programEntryDate: (try? LocalDate(parsing: "2026-10-01"))!, status: .jobSearch)
    let odd = Client(name: "Odd\u{7}Name", programEntryDate: (try? LocalDate(parsing: "2026-10-01"))!, status: .jobSearch)
    let shop = Employer(name: "Bad\u{1B}[31mShop", people: [EmployerPerson(name: "Sam Patel", title: "Owner", hires: true)])
    let cafe = Employer(name: "Café 小明")

    func day(_ text: String) -> LocalDate { (try? LocalDate(parsing: text))! }

    func makeFolder() throws -> URL {
        let folder = root.appendingPathComponent("data")
        let store = try Store(folder: folder)
        for specialist in [maria, zoe] { try store.save(specialist) }
        var seekers = [jose, odd]
        for n in 0..<3 { seekers.append(Client(name: "Seeker \(n)", programEntryDate: day("2026-10-01"), specialistID: maria.id, status: .jobSearch)) }
        seekers[0].specialistID = maria.id
        seekers.append(Client(name: "Zoë's client", programEntryDate: day("2026-10-01"), specialistID: zoe.id, status: .jobSearch))
        for client in seekers { try store.save(client) }
        try store.save(shop)
        try store.save(cafe)
        try store.saveKeepingTimestamps([
            EmployerContact(date: day("2026-11-16"), specialistID: maria.id, employerID: shop.id, contactPersonID: shop.people[0].id,
                            contactPerson: "Sam", purpose: .presentJobSeeker, method: .faceToFace, jobSeekerIDs: [jose.id, odd.id],
                            createdAt: Date(timeIntervalSince1970: 1_763_300_000)),
            EmployerContact(date: day("2026-11-17"), specialistID: maria.id, employerID: cafe.id, purpose: .learnNeeds,
                            method: .phone, createdAt: Date(timeIntervalSince1970: 1_763_300_000)),
            EmployerContact(date: day("2026-11-18"), specialistID: zoe.id, employerID: cafe.id, contactPerson: "Li Wei",
                            purpose: .other, method: .faceToFace, createdAt: Date(timeIntervalSince1970: 1_763_300_000)),
            EmployerContact(date: day("2026-11-23"), specialistID: maria.id, employerID: cafe.id, purpose: .followUp,
                            method: .faceToFace, createdAt: Date(timeIntervalSince1970: 1_763_300_000)),
        ])
        return folder
    }

    func run(_ arguments: String...) throws -> (status: Int32, output: String) {
        spawn([binary, "contacts", "--data", try makeFolder().path, "--today", "2026-11-18"] + arguments)
    }

    @Test func theTableListsTheWeeksContactsAndTheTallies() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run()
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Employer contacts 2026-W47: Mon 16 Nov 2026 to Sun 22 Nov 2026")
        #expect(lines[2].hasPrefix("Date        Specialist    Employer"))
        #expect(lines[3] == "2026-11-16  Maria Okafor  Bad^[[31mShop  Sam Patel  Present a job seeker        Face-to-face  José Álvarez-Ruiz, Odd^GName")
        #expect(lines[4] == "2026-11-17  Maria Okafor  Café 小明                 Learn the business's needs  Phone")
        #expect(lines[5].hasPrefix("2026-11-18  Zoë Müller    Café 小明      Li Wei     Other"))
        #expect(!result.output.contains("2026-11-23"))
        #expect(!result.output.utf8.contains { $0 < 0x20 && $0 != 0x0A }, "a control character reached the terminal")
        #expect(result.output.contains("Maria Okafor  1/6  5 to go · 3 working days left\n"))
        #expect(result.output.contains("Zoë Müller    1/2  1 to go · 3 working days left\n"))
        #expect(result.output.contains("Team          2/8  6 to go · 3 working days left\n"))
    }

    @Test func aPastWeekForOneSpecialistShowsTheMiss() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run("--week", "2026-w47", "--specialist", "zoe")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Zoë Müller"))
        #expect(!result.output.contains("Maria Okafor"))
        #expect(!result.output.contains("Team"))
        let past = spawn([binary, "contacts", "--data", root.appendingPathComponent("data").path, "--today", "2026-11-30",
                          "--week", "2026-W47", "--specialist", "MARIA"])
        #expect(past.output.contains("Maria Okafor  1/6  missed\n"), "\(past.output)")
    }

    @Test func jsonCarriesTheDataAsItIs() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run("--from", "2026-11-16", "--to", "2026-11-30", "--json")
        #expect(result.status == 0, "\(result.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["from"] as? String == "2026-11-16")
        #expect(object["to"] as? String == "2026-11-30")
        #expect(object["week"] == nil)
        let contacts = try #require(object["contacts"] as? [[String: Any]])
        #expect(contacts.count == 4)
        #expect(contacts[0]["employer"] as? String == "Bad\u{1B}[31mShop")
        #expect(contacts[0]["person"] as? String == "Sam Patel")
        #expect(contacts[0]["purpose"] as? String == "present-job-seeker")
        #expect(contacts[0]["method"] as? String == "face-to-face")
        #expect((contacts[0]["on_behalf_of"] as? [[String: Any]])?.first?["name"] as? String == "José Álvarez-Ruiz")
        #expect(contacts[2]["purpose"] as? String == "other")
        let team = try #require(object["team"] as? [String: Any])
        #expect(team["face_to_face"] as? Int == 3)
        #expect(team["target"] as? Int == 17)   // 8 a week over 15 days
        let specialists = try #require(object["specialists"] as? [[String: Any]])
        #expect(specialists.map { $0["name"] as? String } == ["Maria Okafor", "Zoë Müller"])
    }

    @Test func badOptionsGetClearMessages() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let cases: [([String], String)] = [
            (["--week", "2027-W53"], "--week: week 53 is out of range: 2027 has weeks 1 to 52"),
            (["--week", "47"], "--week: \"47\" is not a week: write it as YYYY-Www, e.g. 2026-W47"),
            (["--week", "2026-W47", "--from", "2026-11-01"], "give either --week or --from/--to, not both"),
            (["--from", "2026-11-31"], "--from: day 31 is out of range: November 2026 has 30 days"),
            (["--from", "2026-12-01", "--to", "2026-11-01"], "--from 2026-12-01 is after --to 2026-11-01"),
            (["--specialist", "nobody"], "no specialist matches \"nobody\""),
        ]
        let folder = try makeFolder()
        for (arguments, message) in cases {
            let result = spawn([binary, "contacts", "--data", folder.path, "--today", "2026-11-18"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.output.contains(message), "\(arguments): \(result.output)")
        }
    }
}
