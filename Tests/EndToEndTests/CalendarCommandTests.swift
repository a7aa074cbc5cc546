import FieldbookCore
import Foundation
import Testing

/// A Python that reads iCalendar files: /usr/bin/python3 or python3 with the `icalendar`
/// package (Debian's python3-icalendar, which `.ci/run` installs); nil when none has it.
let icalendarPython: String? = {
    for python in ["/usr/bin/python3", "python3"] where spawn([python, "-c", "import icalendar"]).status == 0 { return python }
    print("Calendar parser tests skipped: neither /usr/bin/python3 nor python3 imports icalendar (apt-get install python3-icalendar)")
    return nil
}()

/// Reads a calendar file with Python's `icalendar` and prints its events as JSON, the way a
/// calendar app takes them (lines unfolded, TEXT unescaped, dates as dates).
private let readEvents = """
    import icalendar, json, sys
    calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
    assert str(calendar['VERSION']) == '2.0' and 'PRODID' in calendar
    events = []
    for event in calendar.walk('VEVENT'):
        start, end = event['DTSTART'].dt, event['DTEND'].dt
        assert not hasattr(start, 'hour'), 'an all-day event'
        assert (end - start).days == 1
        assert 'DTSTAMP' in event
        categories = [str(c) for c in event['CATEGORIES'].cats]
        events.append({'uid': str(event['UID']), 'day': start.isoformat(), 'summary': str(event['SUMMARY']),
                       'description': str(event.get('DESCRIPTION', '')), 'kind': categories[-1]})
    print(json.dumps(events))
    """

/// `fieldbook calendar`, run as the built binary, read by a real iCalendar parser and checked
/// against `fieldbook due --json` on three mornings of one program: before a job start, three
/// days after it, and a month later, with the contacts logged in between.
@Suite(.serialized) struct CalendarCommandTests {
    static func day(_ text: String) -> LocalDate { (try? LocalDate(parsing: text)) ?? LocalDate(dayNumber: 0) }
    static let created = Date(timeIntervalSince1970: 1_700_000_000)
    /// A name that folds (long, accented), and holds `;`, `,` and a backslash.
    static let zoeName = "Zoë Adéla Núñez-Björkström de la Cruz; \"Zo\", Jr. \\ the first of her name"

    final class Program {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-cal-\(UUID().uuidString)")
        var folder: URL { root.appendingPathComponent("data") }
        var config: URL { root.appendingPathComponent("config") }
        let store: Store
        let maria = Specialist(name: "María Okafor", createdAt: created)
        let books = Employer(name: "Corner Books", createdAt: created)
        let cafe = Employer(name: "Café Müller", createdAt: created)
        var zoe: Client
        var ming: Client
        var step: EmployerContact

        /// As of 2026-11-10: Zoë's job at Corner Books starts on 11-16 (seen for her job search
        /// before); Ming entered on 10-20 with no employer contact yet; a visit to Café Müller
        /// on 11-02 set a next step for 11-09.
        init() throws {
            store = try Store(folder: root.appendingPathComponent("data"), now: { CalendarCommandTests.created })
            _ = store.load()
            try store.save(maria)
            try store.save(books)
            try store.save(cafe)
            zoe = Client(name: zoeName, programEntryDate: day("2026-10-01"), specialistID: maria.id, status: .working,
                         jobs: [Job(employerID: books.id, employerName: books.name, title: "Clerk", startDate: day("2026-11-16"))],
                         createdAt: created)
            ming = Client(name: "Ming Wáng", programEntryDate: day("2026-10-20"), specialistID: maria.id, status: .jobSearch,
                          createdAt: created)
            zoe = try store.save(zoe).record
            ming = try store.save(ming).record
            try store.save(EmployerContact(date: day("2026-10-20"), specialistID: maria.id, employerID: books.id,
                                           purpose: .presentJobSeeker, method: .faceToFace, jobSeekerIDs: [zoe.id], createdAt: created))
            step = try store.save(EmployerContact(date: day("2026-11-02"), specialistID: maria.id, employerID: cafe.id,
                                                  purpose: .learnNeeds, method: .faceToFace, nextStep: "Bring Ming Wáng's résumé",
                                                  nextStepDate: day("2026-11-09"), createdAt: created)).record
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func seeZoe(on days: String...) throws {
            for day in days { zoe.contacts.append(ClientContact(date: CalendarCommandTests.day(day), kind: .faceToFace, createdAt: created)) }
            zoe = try store.save(zoe).record
        }

        func run(_ arguments: [String]) -> (status: Int32, output: String) {
            spawn(["/usr/bin/env", "XDG_CONFIG_HOME=\(config.path)", binary] + arguments + ["--data", folder.path])
        }

        /// The events of `calendar --as-of day`, as the parser read them.
        func events(on day: String, _ extra: String...) throws -> [[String: String]] {
            let file = root.appendingPathComponent("feed-\(day)\(extra.joined()).ics")
            let written = run(["calendar", "--as-of", day, "--out", file.path] + extra)
            #expect(written.status == 0, "\(written.output)")
            return try Self.parse(file)
        }

        static func parse(_ file: URL) throws -> [[String: String]] {
            let read = spawn([try #require(icalendarPython), "-c", readEvents, file.path])
            #expect(read.status == 0, "\(read.output)")
            return try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[String: String]], "\(read.output)")
        }

        /// `due --json` that morning, however far ahead.
        func due(on day: String) throws -> [[String: Any]] {
            let listed = run(["due", "--as-of", day, "--within", "100000", "--json"])
            #expect(listed.status == 0, "\(listed.output)")
            return try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        }
    }

    /// What an item is, from `due --json`: its kind and the client's and job's ids, or the employer's.
    static func identity(_ row: [String: Any]) -> String {
        let kind = row["kind"] as? String ?? "?"
        if let client = row["client_id"] as? String { return [kind, client, row["job_id"] as? String ?? "-"].joined(separator: ".") }
        return [kind, row["employer_id"] as? String ?? "?"].joined(separator: ".")
    }

    /// The same from a full-names feed's UID (`kind.client.job@fieldbook`, `kind.employer.contact@fieldbook`).
    static func identity(_ event: [String: String]) -> String {
        let parts = (event["uid"] ?? "").replacingOccurrences(of: "@fieldbook", with: "").split(separator: ".").map(String.init)
        return parts[0] == "employer-next-step" ? parts[0] + "." + parts[1] : parts.joined(separator: ".")
    }

    /// On each morning: every item of `due --json` is one event on its day, and the job starts
    /// ahead; nothing else.
    func expectFeedMatchesDue(_ program: Program, on morning: String, jobStarts: [String]) throws -> (full: [[String: String]], hidden: [[String: String]]) {
        let full = try program.events(on: morning, "--full-names")
        let hidden = try program.events(on: morning)
        let due = try program.due(on: morning)
        let expected = due.map { "\(Self.identity($0)) \($0["due_on"] as? String ?? "?")" }
            + jobStarts.map { "job-start.\(program.zoe.id.uuidString.lowercased()).\(program.zoe.jobs[0].id.uuidString.lowercased()) \($0)" }
        #expect(full.map { "\(Self.identity($0)) \($0["day"] ?? "?")" }.sorted() == expected.sorted(), "on \(morning)")
        // The deidentified feed has the same events, on the same days, under other UIDs.
        #expect(hidden.map { "\($0["kind"] ?? "") \($0["day"] ?? "")" }.sorted() == full.map { "\($0["kind"] ?? "") \($0["day"] ?? "")" }.sorted())
        #expect(Set(hidden.map { $0["uid"] ?? "" }).count == hidden.count, "UIDs are unique")
        return (full, hidden)
    }

    static func event(_ events: [[String: String]], _ kind: String) -> [String: String]? { events.first { $0["kind"] == kind } }

    @Test(.enabled(if: icalendarPython != nil, "python3 with icalendar is not installed"))
    func aParserReadsTheFeedAndItMatchesTheDueListOnThreeMornings() throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "no binary at \(binary)")
        let program = try Program()

        // Morning 1, before the job start: the contact before it, the start itself, Ming's first
        // employer contact, the café's next step (overdue).
        let one = try expectFeedMatchesDue(program, on: "2026-11-10", jobStarts: ["2026-11-16"])
        #expect(Set(one.full.map { $0["kind"] ?? "" }) == ["before-start", "job-start", "first-employer-contact", "employer-next-step"])
        let zoeStart = try #require(Self.event(one.full, "job-start"))
        #expect(zoeStart["summary"] == "Job start: " + Self.zoeName, "folded, escaped and read back whole")
        #expect(Self.event(one.full, "before-start")?["day"] == "2026-11-15")
        #expect(Self.event(one.full, "employer-next-step")?["summary"] == "Employer next step: Café Müller")

        // Zoë seen before her start and on her second day; the café's next step put off to 11-25.
        try program.seeZoe(on: "2026-11-13", "2026-11-17")
        program.step.nextStepDate = Self.day("2026-11-25")
        program.step = try program.store.save(program.step).record

        // Morning 2, three days after the start: the contact before it was met (gone), the start
        // is past, a weekly check-in is due; the next step moved under the same UID.
        let two = try expectFeedMatchesDue(program, on: "2026-11-19", jobStarts: [])
        #expect(Set(two.full.map { $0["kind"] ?? "" }) == ["weekly", "first-employer-contact", "employer-next-step"])
        #expect(Self.event(two.full, "weekly")?["day"] == "2026-11-24")
        for (before, after) in [(one.full, two.full), (one.hidden, two.hidden)] {
            let stepBefore = try #require(Self.event(before, "employer-next-step")), stepAfter = try #require(Self.event(after, "employer-next-step"))
            #expect(stepBefore["uid"] == stepAfter["uid"] && stepBefore["day"] == "2026-11-09" && stepAfter["day"] == "2026-11-25")
            #expect(Self.event(before, "first-employer-contact")?["uid"] == Self.event(after, "first-employer-contact")?["uid"])
        }

        // Weekly contacts through the first month; Ming presented to the café on 11-25, which
        // is also the contact that follows the next step.
        try program.seeZoe(on: "2026-11-24", "2026-12-01", "2026-12-08")
        try program.store.save(EmployerContact(date: Self.day("2026-11-25"), specialistID: program.maria.id, employerID: program.cafe.id,
                                               purpose: .presentJobSeeker, method: .faceToFace, jobSeekerIDs: [program.ming.id],
                                               createdAt: Self.created))

        // Morning 3, a month later: the first employer contact and the next step were met
        // (gone); the weekly check-in moved to 12-15 under the same UID.
        let three = try expectFeedMatchesDue(program, on: "2026-12-16", jobStarts: [])
        #expect(three.full.map { $0["kind"] ?? "" } == ["weekly"])
        for (before, after) in [(two.full, three.full), (two.hidden, three.hidden)] {
            let weeklyBefore = try #require(Self.event(before, "weekly")), weeklyAfter = try #require(Self.event(after, "weekly"))
            #expect(weeklyBefore["uid"] == weeklyAfter["uid"] && weeklyAfter["day"] == "2026-12-15")
        }
    }

    @Test(.enabled(if: icalendarPython != nil, "python3 with icalendar is not installed"))
    func theDefaultFeedNamesNoOneInFull() throws {
        let program = try Program()
        let file = program.root.appendingPathComponent("hidden.ics")
        let written = program.run(["calendar", "--as-of", "2026-11-10", "--out", file.path])
        #expect(written.status == 0, "\(written.output)")
        let events = try Program.parse(file)
        let raw = try String(contentsOf: file, encoding: .utf8)
        let read = events.map { "\($0["summary"] ?? "") \($0["description"] ?? "") \($0["uid"] ?? "")" }.joined(separator: "\n")
        for part in ["Zoë", "Adéla", "Núñez", "Ming", "Wáng", "Clerk", "résumé", program.zoe.id.uuidString.lowercased(),
                     program.ming.id.uuidString.lowercased()] {
            #expect(!read.contains(part) && !raw.contains(part), "\(part) is in the default calendar")
        }
        #expect(events.contains { $0["summary"]?.hasPrefix("First employer contact: M.W. C-") == true })
        #expect(events.contains { $0["summary"]?.hasPrefix("Job start: Z.N. C-") == true })
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aKeptCalendarIsSetInMachineJSONAndWrittenAgainAfterAChange() throws {
        let program = try Program()
        let file = program.root.appendingPathComponent("kept/due.ics")
        let set = program.run(["calendar", "--keep", file.path])
        #expect(set.status == 0, "\(set.output)")
        let machine = try MachineSettings.load(from: program.config.appendingPathComponent("fieldbook/machine.json"))
        #expect(machine.keptCalendar(for: program.folder)?.path == file.path)
        #expect(machine.keptCalendar(for: program.folder)?.namesInFull == false)
        // Kept as of today: the due list's items and the job start if it is still ahead.
        let today = LocalDate(containing: Date())
        func expected() throws -> Int {
            try program.due(on: today.description).count + (program.zoe.jobs[0].startDate >= today ? 1 : 0)
        }
        let first = try String(contentsOf: file, encoding: .utf8)
        #expect(first.components(separatedBy: "BEGIN:VEVENT").count - 1 == (try expected()), "\(first)")
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try FileManager.default.removeItem(at: file)

        // A command that changes records: an import adds a client in job search, enrolled 3 days ago.
        let sheet = program.root.appendingPathComponent("clients.csv")
        try Data("id,name,program_entry,specialist,status\r\nA-1,Ada Lovelace,\(today.adding(days: -3)),María Okafor,job-search\r\n".utf8)
            .write(to: sheet)
        let imported = program.run(["import", "clients", sheet.path])
        #expect(imported.status == 0, "\(imported.output)")
        let again = try String(contentsOf: file, encoding: .utf8)
        #expect(again.components(separatedBy: "BEGIN:VEVENT").count - 1 == (try expected()), "\(again)")
        #expect(again.contains("First employer contact: A.L. C-"))

        // Off: the setting goes, the file stays as it was.
        let off = program.run(["calendar", "--keep", "off"])
        #expect(off.status == 0, "\(off.output)")
        #expect(try MachineSettings.load(from: program.config.appendingPathComponent("fieldbook/machine.json")).keptCalendar(for: program.folder) == nil)
        try FileManager.default.removeItem(at: file)
        let importedAgain = program.run(["import", "clients", sheet.path])
        #expect(importedAgain.status == 0, "\(importedAgain.output)")
        #expect(!FileManager.default.fileExists(atPath: file.path), "no calendar is written once it is no longer kept")
    }

    /// A sync that brings a change writes the kept calendar again; one that brings nothing leaves it.
    @Test func aSyncThatBringsAChangeWritesTheKeptCalendarAgain() throws {
        let program = try Program()
        let hub = program.root.appendingPathComponent("hub.git").path
        let other = program.root.appendingPathComponent("other")
        func fieldbook(_ copy: String, _ arguments: String...) -> (status: Int32, output: String) {
            spawn(["/usr/bin/env", "XDG_STATE_HOME=\(program.root.path)/state-\(copy)", "XDG_CONFIG_HOME=\(program.root.path)/config-\(copy)",
                   binary] + arguments)
        }
        #expect(fieldbook("a", "sync", "init", hub, "--data", program.folder.path).status == 0)
        #expect(fieldbook("b", "sync", "join", hub, "--data", other.path).status == 0)
        let file = program.root.appendingPathComponent("b.ics")
        let kept = fieldbook("b", "calendar", "--keep", file.path, "--full-names", "--data", other.path)
        #expect(kept.status == 0, "\(kept.output)")
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("Grace Hopper"))
        try FileManager.default.removeItem(at: file)
        let nothing = fieldbook("b", "sync", "--data", other.path)
        #expect(nothing.status == 0, "\(nothing.output)")
        #expect(!FileManager.default.fileExists(atPath: file.path), "nothing came: nothing written")

        let today = LocalDate(containing: Date())
        try program.store.save(Client(name: "Grace Hopper", programEntryDate: today.adding(days: -2), specialistID: program.maria.id,
                                      status: .jobSearch, createdAt: Self.created))
        #expect(fieldbook("a", "sync", "--data", program.folder.path).status == 0)
        let brought = fieldbook("b", "sync", "--data", other.path)
        #expect(brought.status == 0, "\(brought.output)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("First employer contact: Grace Hopper"))
    }

    /// `check --repair` changes what the folder holds (a file that does not read is moved
    /// aside): the kept calendar follows.
    @Test func aRepairWritesTheKeptCalendarAgain() throws {
        let program = try Program()
        let file = program.root.appendingPathComponent("kept.ics")
        let kept = program.run(["calendar", "--keep", file.path, "--full-names"])
        #expect(kept.status == 0, "\(kept.output)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("First employer contact: Ming Wáng"))
        try Data("{ not json".utf8).write(to: program.folder.appendingPathComponent("clients/\(program.ming.id.uuidString.lowercased()).json"))
        let repaired = program.run(["check", "--repair", "--yes"])
        #expect(repaired.output.contains("Repaired"), "\(repaired.output)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(!text.contains("First employer contact: Ming") && text.contains("BEGIN:VCALENDAR"), "\(text)")
    }

    /// An encrypted folder's calendar is plain text outside it: said when it is kept, and each
    /// time a command writes it again (the passphrase asked once).
    @Test func anEncryptedFoldersCalendarIsWarnedAbout() throws {
        let program = try Program()
        func shell(_ command: String) -> (status: Int32, output: String) {
            // Exported: every command of the pipeline reads this machine's settings from the test's folder.
            spawn(["sh", "-c", "export XDG_CONFIG_HOME='\(program.config.path)'; " + command])
        }
        let encrypted = shell("printf 'pw\\npw\\n' | '\(binary)' encrypt --data '\(program.folder.path)'")
        #expect(encrypted.status == 0, "\(encrypted.output)")
        let file = program.root.appendingPathComponent("cal.ics")
        let kept = shell("printf 'pw\\n' | '\(binary)' calendar --keep '\(file.path)' --data '\(program.folder.path)'")
        #expect(kept.status == 0, "\(kept.output)")
        #expect(kept.output.contains("warning: the calendar is not encrypted"), "\(kept.output)")
        // Kept in the test's own machine settings, never the user's.
        let machine = try MachineSettings.load(from: program.config.appendingPathComponent("fieldbook/machine.json"))
        #expect(machine.keptCalendar(for: program.folder)?.path == file.path)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("BEGIN:VEVENT"))
        try FileManager.default.removeItem(at: file)
        let sheet = program.root.appendingPathComponent("clients.csv")
        try Data("id,name,program_entry,specialist,status\r\nA-1,Ada Lovelace,2026-12-01,María Okafor,job-search\r\n".utf8).write(to: sheet)
        let imported = shell("printf 'pw\\n' | '\(binary)' import clients '\(sheet.path)' --data '\(program.folder.path)'")
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.components(separatedBy: "Passphrase").count == 2, "asked once: \(imported.output)")
        #expect(imported.output.contains("warning: the calendar is not encrypted"), "\(imported.output)")
        #expect(FileManager.default.fileExists(atPath: file.path))
    }

    @Test func aCalendarFileInsideTheDataFolderIsRefused() throws {
        let program = try Program()
        let inside = program.run(["calendar", "--out", program.folder.appendingPathComponent("due.ics").path])
        #expect(inside.status == 2, "\(inside.output)")
        #expect(!FileManager.default.fileExists(atPath: program.folder.appendingPathComponent("due.ics").path))
        let unknown = program.run(["calendar", "--specialist", "Nobody"])
        #expect(unknown.status == 2 && unknown.output.contains("María Okafor"), "\(unknown.output)")
    }
}
