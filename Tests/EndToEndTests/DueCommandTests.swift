import FieldbookCore
import Foundation
import Testing

/// `fieldbook due`, run as the built binary on a small program written to a temporary folder.
@Suite struct DueCommandTests {
    static func day(_ text: String) -> LocalDate { (try? LocalDate(parsing: text)) ?? LocalDate(dayNumber: 0) }
    static let created = Date(timeIntervalSince1970: 1_700_000_000)

    static let maria = Specialist(name: "María Okafor", createdAt: created)
    static let daniel = Specialist(name: "Daniel Whitehorse", createdAt: created)
    static let books = Employer(name: "Corner Books", createdAt: created)
    static let cafe = Employer(name: "Café Müller", createdAt: created)

    /// Five clients and two employer contacts, as of 2026-11-10:
    /// - Zoë (Maria): job at Corner Books from 2026-11-03, seen on 11-04: weekly due 11-11.
    /// - Ming (Maria): job starting 2026-11-16, no contact: before-start due 11-15.
    /// - Esc (Daniel, an Esc in the name): job from 2026-10-01, no contact since: after-start due 10-04.
    /// - Closed (Maria): closed on 2026-11-05, a job from 11-03 and no contact.
    /// - Late (Daniel): enrolled 2026-11-12, after the day asked about.
    /// - A visit to Café Müller by Daniel on 2026-11-02 with a next step on 11-09 (an Esc in its text).
    final class Program {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-due-\(UUID().uuidString)")
        let zoe: Client, ming: Client, escaped: Client, closed: Client

        init() throws {
            let store = try Store(folder: folder, now: { DueCommandTests.created })
            _ = store.load()
            for specialist in [maria, daniel] { try store.save(specialist) }
            for employer in [books, cafe] { try store.save(employer) }
            func client(_ name: String, _ specialist: Specialist, entry: String = "2026-01-05", status: ClientStatus = .working,
                        job: String? = nil, contacts: [String] = []) -> Client {
                Client(name: name, programEntryDate: day(entry), specialistID: specialist.id, status: status,
                       jobs: job.map { [Job(employerID: books.id, employerName: books.name, title: "Clerk", startDate: day($0))] } ?? [],
                       contacts: contacts.map { ClientContact(date: day($0), kind: .faceToFace, createdAt: created) },
                       createdAt: created)
            }
            zoe = client("Zoë Adams", maria, job: "2026-11-03", contacts: ["2026-11-04"])
            ming = client("王小明", maria, job: "2026-11-16", contacts: ["2026-01-10"])
            escaped = client("Evil\u{1B}[31m Name", daniel, job: "2026-10-01")
            var closed = client("Closed Person", maria, status: .working, job: "2026-11-03")
            closed.setStatus(.closed, on: day("2026-11-05"))
            self.closed = closed
            let late = client("Late Arrival", daniel, entry: "2026-11-12", status: .jobSearch)
            for record in [zoe, ming, escaped, closed, late] { try store.save(record) }
            // Every client but the late one has had a face-to-face employer contact on their behalf.
            try store.save(EmployerContact(date: day("2026-01-20"), specialistID: maria.id, employerID: books.id,
                                           purpose: .presentJobSeeker, method: .faceToFace,
                                           jobSeekerIDs: [zoe.id, ming.id, escaped.id, closed.id], createdAt: created))
            try store.save(EmployerContact(date: day("2026-11-02"), specialistID: daniel.id, employerID: cafe.id,
                                           purpose: .learnNeeds, method: .faceToFace, nextStep: "Bring a résumé\u{1B}[2J",
                                           nextStepDate: day("2026-11-09"), createdAt: created))
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func due(_ arguments: String...) -> (status: Int32, output: String) {
            spawn([binary, "due", "--data", folder.path] + arguments)
        }

        func json(_ arguments: String...) throws -> [[String: Any]] {
            let (status, output) = spawn([binary, "due", "--data", folder.path, "--json"] + arguments)
            #expect(status == 0, "\(output)")
            let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8), options: [.fragmentsAllowed])
            return try #require(parsed as? [[String: Any]], "\(output)")
        }
    }

    static func summary(_ rows: [[String: Any]]) -> [String] {
        rows.map { row in
            ["due_on", "status", "days_overdue", "kind", "client_name", "specialist", "employer_name"]
                .map { row[$0].map { $0 is NSNull ? "null" : "\($0)" } ?? "-" }
                .joined(separator: " ")
        }
    }

    @Test func jsonListsTheItemsSortedWithTheirKeys() throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "no binary at \(binary)")
        let program = try Program()
        let rows = try program.json("--as-of", "2026-11-10")
        #expect(Self.summary(rows) == [
            "2026-10-04 overdue 37 after-start Evil\u{1B}[31m Name Daniel Whitehorse Corner Books",
            "2026-11-09 overdue 1 employer-next-step null Daniel Whitehorse Café Müller",
            "2026-11-11 upcoming 0 weekly Zoë Adams María Okafor Corner Books",
            "2026-11-15 upcoming 0 before-start 王小明 María Okafor Corner Books",
        ])
        let weekly = try #require(rows.first { $0["kind"] as? String == "weekly" })
        #expect(weekly["client_id"] as? String == program.zoe.id.uuidString.lowercased())
        #expect(weekly["job_id"] as? String == program.zoe.jobs[0].id.uuidString.lowercased())
        #expect(weekly["why"] as? String == "weekly check-in, job at Corner Books since 3 Nov")
        let step = try #require(rows.first { $0["kind"] as? String == "employer-next-step" })
        #expect(step["client_id"] is NSNull && step["client_name"] is NSNull)
        #expect(step["employer_id"] as? String == Self.cafe.id.uuidString.lowercased())
        #expect(step["job_id"] == nil)
        #expect(step["why"] as? String == "next step: Bring a résumé\u{1B}[2J (after the contact on 2 Nov)")
        let keys = Set(rows.flatMap(\.keys))
        #expect(keys == ["client_id", "client_name", "specialist", "kind", "due_on", "status", "days_overdue",
                         "job_id", "employer_id", "employer_name", "why"])
    }

    @Test func withinAndSpecialistNarrowTheList() throws {
        let program = try Program()
        #expect(Self.summary(try program.json("--as-of", "2026-11-10", "--within", "1")).map { String($0.prefix(10)) }
                == ["2026-10-04", "2026-11-09", "2026-11-11"])
        #expect(Self.summary(try program.json("--as-of", "2026-11-10", "--within", "0")).count == 2)
        let maria = try program.json("--as-of", "2026-11-10", "--specialist", "maria")
        #expect(maria.map { $0["specialist"] as? String } == ["María Okafor", "María Okafor"])
        let daniel = try program.json("--as-of", "2026-11-10", "--specialist", "WHITE")
        #expect(daniel.map { $0["kind"] as? String } == ["after-start", "employer-next-step"])
    }

    @Test func aPastMorningUsesTheStatusAndRecordsOfThatDay() throws {
        let program = try Program()
        // On 11-04 the closed client was still working, and Zoë's contact of that day counts.
        let rows = try program.json("--as-of", "2026-11-04", "--within", "3")
        #expect(Self.summary(rows) == [
            "2026-10-04 overdue 31 after-start Evil\u{1B}[31m Name Daniel Whitehorse Corner Books",
            "2026-11-06 upcoming 0 after-start Closed Person María Okafor Corner Books",
        ])
        // On 11-03 Zoë's contact has not happened yet.
        let before = Self.summary(try program.json("--as-of", "2026-11-03", "--within", "3"))
        #expect(before.contains("2026-11-06 upcoming 0 after-start Zoë Adams María Okafor Corner Books"))
        // On 11-01 the Café Müller visit (11-02) and its next step are not known yet.
        #expect(!Self.summary(try program.json("--as-of", "2026-11-01", "--within", "10")).contains { $0.contains("employer-next-step") })
        #expect(Self.summary(try program.json("--as-of", "2026-11-02", "--within", "10")).contains { $0.contains("employer-next-step") })
        // The client enrolled on 11-12 is due a first employer contact only from then on.
        #expect(try program.json("--as-of", "2026-11-12", "--within", "60").contains { $0["client_name"] as? String == "Late Arrival" })
        #expect(!(try program.json("--as-of", "2026-11-11", "--within", "60")).contains { $0["client_name"] as? String == "Late Arrival" })
    }

    @Test func theTableEscapesControlCharactersAndLinesUpWideNames() throws {
        let program = try Program()
        let (status, output) = program.due("--as-of", "2026-11-10")
        #expect(status == 0)
        #expect(!output.contains("\u{1B}"), "\(output)")
        #expect(output.contains("Evil^[[31m Name"))
        #expect(output.contains("next step: Bring a résumé^[[2J (after the contact on 2 Nov)"))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Due as of Tue 10 Nov 2026, up to Tue 17 Nov 2026: 4 items (2 overdue, 0 today)")
        // The kind column starts at the same screen column on every row, CJK names included.
        let markers = [" KIND", " after-start", " weekly", " before-start", " employer-next-step"]
        let kindColumns = lines.dropFirst(2).map { line -> Int in
            let start = markers.compactMap { line.range(of: $0)?.lowerBound }.min() ?? line.startIndex
            return line[..<start].unicodeScalars.reduce(0) { $0 + (($1.value >= 0x4E00 && $1.value <= 0x9FFF) ? 2 : 1) }
        }
        #expect(Set(kindColumns).count == 1, "\(output)")
        #expect(program.due("--as-of", "2026-01-01").output.contains("nothing due"))
    }

    /// `--as-of` takes the app's date words, through the one date-expression type.
    @Test func asOfTakesTheAppsDateWords() throws {
        let program = try Program()
        for _ in 0..<2 {
            let yesterday = LocalDate(containing: Date()).adding(days: -1)
            let words = spawn([binary, "due", "--data", program.folder.path, "--as-of", "yesterday", "--json"])
            let written = spawn([binary, "due", "--data", program.folder.path, "--as-of", yesterday.description, "--json"])
            // Past midnight between the two, the day moved: once more.
            guard LocalDate(containing: Date()).adding(days: -1) == yesterday else { continue }
            #expect(words.status == 0, "\(words.output)")
            #expect(words.output == written.output)
            break
        }
        let week = spawn([binary, "due", "--data", program.folder.path, "--as-of=-1w"])
        #expect(week.status == 0, "\(week.output)")
        let wrong = spawn([binary, "due", "--data", program.folder.path, "--as-of", "someday"])
        #expect(wrong.status == 2)
        #expect(wrong.output.contains("--as-of: "), "\(wrong.output)")
    }

    @Test func badInputGetsAClearMessageAndANonZeroExit() throws {
        let program = try Program()
        let cases: [([String], String)] = [
            (["--as-of", "2026-02-30"], "--as-of: day 30 is out of range: February 2026 has 28 days"),
            (["--as-of", "30/11/2026"], "--as-of: \"30/11/2026\" is not a date in the form YYYY-MM-DD"),
            (["--within=-1"], "--within: -1 is negative"),
            (["--within", "soon"], "'soon' is invalid for '--within <DAYS>'"),
            (["--specialist", "nobody"], "--specialist: no specialist matches \"nobody\""),
        ]
        for (arguments, message) in cases {
            let (status, output) = spawn([binary, "due", "--data", program.folder.path] + arguments)
            #expect(status != 0, "\(arguments)")
            #expect(output.contains(message), "\(arguments): \(output)")
        }
        let missing = spawn([binary, "due", "--data", program.folder.appendingPathComponent("nope").path])
        #expect(missing.status != 0 && missing.output.contains("no such folder"))
    }

    @Test func theSampleDataGivesASortedList() throws {
        let data = try DataCopy()
        let (status, output) = spawn([binary, "due", "--data", data.folder.path, "--as-of", "2026-11-21", "--json", "--within", "30"])
        #expect(status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(rows.count > 20)
        let dues = rows.compactMap { $0["due_on"] as? String }
        #expect(dues == dues.sorted() && dues.count == rows.count)
        #expect(dues.last.map { $0 <= "2026-12-21" } == true)
        let kinds = Set(rows.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["before-start", "after-start", "weekly", "monthly", "first-employer-contact", "employer-next-step"]))
    }
}
