@testable import FieldbookCore
import Foundation
import Testing

/// The calendar feed's text (RFC 5545): folding at the boundary, TEXT escaping, line ends, UIDs
/// and names; and the kept calendar in machine.json.
@Suite struct CalendarFeedTests {
    static func day(_ text: String) -> LocalDate { (try? LocalDate(parsing: text)) ?? LocalDate(dayNumber: 0) }

    /// The lines of a folded text, without their CR LF.
    static func physicalLines(_ folded: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(folded.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(current)
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        #expect(current.isEmpty, "the text ends in CR LF")
        return lines
    }

    /// Unfolding as a reader does: a CR LF followed by a space is removed.
    /// (Octet by octet: a fold may fall before a combining mark, inside what Swift sees as one character.)
    static func unfolded(_ folded: String) -> String {
        var bytes = Array(folded.utf8), out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += (index + 2 < bytes.count && bytes[index + 2] == 0x20) ? 3 : 2
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        bytes = out
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func aLineOf75OctetsStaysWholeAndOneOf76Folds() {
        let exact = String(repeating: "a", count: 75)
        #expect(ICalendarText.folded(exact) == exact + "\r\n")
        let over = String(repeating: "a", count: 76)
        let folded = ICalendarText.folded(over)
        #expect(folded == String(repeating: "a", count: 75) + "\r\n a\r\n")
        // A long line: every physical line 75 octets at most, the leading space counted.
        let long = String(repeating: "b", count: 500)
        let lines = Self.physicalLines(ICalendarText.folded(long))
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.dropLast().allSatisfy { $0.count == 75 }, "continuations are filled: space plus 74 octets")
        #expect(Self.unfolded(ICalendarText.folded(long)) == long)
    }

    @Test func aMultiByteCharacterAtTheFoldIsNeverSplit() {
        // 74 octets, then "é" (2 octets) would end at octet 76: it goes whole to the next line.
        let line = String(repeating: "a", count: 74) + "é" + "z"
        let folded = ICalendarText.folded(line)
        #expect(folded == String(repeating: "a", count: 74) + "\r\n éz\r\n")
        // 73 octets then "é": 75 octets exactly, one line.
        let fits = String(repeating: "a", count: 73) + "é"
        #expect(ICalendarText.folded(fits) == fits + "\r\n")
        // Every offset of a 4-octet emoji and a 3-octet CJK character around the fold.
        for prefix in 60...80 {
            for piece in ["😀", "王", "é", "e\u{301}"] {
                let text = String(repeating: "x", count: prefix) + String(repeating: piece, count: 30)
                let folded = ICalendarText.folded(text)
                for physical in Self.physicalLines(folded) {
                    #expect(physical.count <= 75)
                    #expect(String(bytes: physical, encoding: .utf8) != nil, "each line is whole UTF-8")
                }
                #expect(Self.unfolded(folded) == text)
            }
        }
    }

    @Test func textEscapesBackslashSemicolonCommaAndLineBreaks() {
        #expect(ICalendarText.escaped(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarText.escaped("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendarText.escaped("\\n") == #"\\n"#, "a backslash then n is not a line break")
    }

    @Test func controlCharactersAreRemovedAndTabsKept() {
        #expect(ICalendarText.escaped("Evil\u{1B}[31m Name") == "Evil[31m Name")
        #expect(ICalendarText.escaped("a\u{0}b\u{7}c\u{7F}d\u{85}e\u{9F}f") == "abcdef")
        #expect(ICalendarText.escaped("col\tumn") == "col\tumn")
        #expect(ICalendarText.escaped("Zoë 王小明 😀") == "Zoë 王小明 😀")
    }

    @Test func datesAndStampsAreWrittenAsRFC5545Wants() {
        #expect(ICalendarText.date(Self.day("2026-03-07")) == "20260307")
        #expect(ICalendarText.utc(Date(timeIntervalSince1970: 1_796_467_505)) == "20261205T104505Z")
    }

    // MARK: The feed

    static let created = Date(timeIntervalSince1970: 1_700_000_000)

    /// A client with a job, seen a week after it started, as of a morning; an employer's next step.
    static func program(asOf: LocalDate, lastContact: String) -> (DueList, [Client], [Specialist]) {
        let maria = Specialist(name: "María Okafor", createdAt: created)
        let books = Employer(name: "Corner Books", createdAt: created)
        let zoe = Client(id: UUID(uuidString: "2A9F0E4C-1B7D-4E0A-9C3B-5D6E7F801234")!, name: "Zoë Adéla Núñez",
                         programEntryDate: day("2026-01-05"), specialistID: maria.id, status: .working,
                         jobs: [Job(id: UUID(uuidString: "00000000-0000-4000-8000-00000000000A")!, employerID: books.id,
                                    employerName: books.name, title: "Clerk", startDate: day("2026-11-03"))],
                         contacts: [ClientContact(date: day("2026-11-04"), kind: .faceToFace, createdAt: created),
                                    ClientContact(date: day(lastContact), kind: .faceToFace, createdAt: created)],
                         createdAt: created)
        let due = DueList(clients: [zoe], employerContacts: [], employers: [books], specialists: [maria],
                          settings: Settings(), asOf: asOf)
        return (due, [zoe], [maria])
    }

    @Test func anItemsUIDSaysWhatItIsNotWhenItIsDue() throws {
        let salt = Data(repeating: 7, count: 32)
        let (early, clients, specialists) = Self.program(asOf: Self.day("2026-11-05"), lastContact: "2026-11-04")
        let (later, _, _) = Self.program(asOf: Self.day("2026-11-12"), lastContact: "2026-11-11")
        for naming in [ReportNaming.identified, .deidentified(salt: salt)] {
            let one = try #require(CalendarFeed(due: early, clients: clients, specialists: specialists).events(naming: naming).first)
            let two = try #require(CalendarFeed(due: later, clients: clients, specialists: specialists).events(naming: naming).first)
            #expect(one.categories == ["Fieldbook", "weekly"] && two.categories == one.categories)
            #expect(one.day == Self.day("2026-11-11") && two.day == Self.day("2026-11-18"))
            #expect(one.uid == two.uid, "the weekly check-in moved: the same event")
            #expect(!one.uid.contains("20261111") && !one.uid.contains("2026-11-11"))
        }
        let identified = CalendarFeed(due: early, clients: clients, specialists: specialists).events(naming: .identified)
        #expect(identified.first?.uid == "weekly.2a9f0e4c-1b7d-4e0a-9c3b-5d6e7f801234.00000000-0000-4000-8000-00000000000a@fieldbook")
        let hidden = CalendarFeed(due: early, clients: clients, specialists: specialists).events(naming: .deidentified(salt: salt))
        #expect(hidden.first.map { !$0.uid.contains("2a9f0e4c") } == true, "no record id in a deidentified feed")
    }

    /// A job start is in the feed up to its own morning, and gone the morning after.
    @Test func aJobStartIsListedOnItsDayAndNotTheDayAfter() {
        func starts(on day: String) -> [LocalDate] {
            let (due, clients, specialists) = Self.program(asOf: Self.day(day), lastContact: "2026-11-04")
            return CalendarFeed(due: due, clients: clients, specialists: specialists).events(naming: .identified)
                .filter { $0.categories.last == CalendarFeed.jobStartKind }.map(\.day)
        }
        #expect(starts(on: "2026-11-02") == [Self.day("2026-11-03")])
        #expect(starts(on: "2026-11-03") == [Self.day("2026-11-03")])
        #expect(starts(on: "2026-11-04") == [])
    }

    @Test func deidentifiedNamesAreInitialsAndTheReportCode() throws {
        let salt = Data(repeating: 3, count: 32)
        let (due, clients, specialists) = Self.program(asOf: Self.day("2026-11-05"), lastContact: "2026-11-04")
        let naming = ReportNaming.deidentified(salt: salt)
        let text = String(decoding: CalendarFeed(due: due, clients: clients, specialists: specialists)
            .ics(naming: naming, stamp: Self.created), as: UTF8.self)
        let code = naming.client(clients[0].id, name: clients[0].name)
        #expect(Self.unfolded(text).contains("SUMMARY:Weekly follow-along contact: Z.N. \(code)"))
        for part in ["Zoë", "Adéla", "Núñez", "Corner Books", "Clerk", clients[0].id.uuidString.lowercased()] {
            #expect(!Self.unfolded(text).contains(part), "\(part) is in the deidentified feed")
        }
        let full = String(decoding: CalendarFeed(due: due, clients: clients, specialists: specialists)
            .ics(naming: .identified, stamp: Self.created), as: UTF8.self)
        #expect(Self.unfolded(full).contains("Zoë Adéla Núñez"))
        #expect(CalendarFeed.initials("María José García") == "M.G.")
        #expect(CalendarFeed.initials("王小明") == "王.")
        #expect(CalendarFeed.initials("  ") == "")
    }

    @Test func theFileIsCRLFWithTheRequiredProperties() throws {
        let (due, clients, specialists) = Self.program(asOf: Self.day("2026-10-20"), lastContact: "2026-11-04")
        let data = CalendarFeed(due: due, clients: clients, specialists: specialists)
            .ics(naming: .identified, stamp: Date(timeIntervalSince1970: 1_796_467_505))
        let text = String(decoding: data, as: UTF8.self)
        let lines = Self.physicalLines(text)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        #expect(lines.allSatisfy { $0.count <= 75 })
        let unfolded = Self.unfolded(text)
        for property in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Fieldbook//Fieldbook", "DTSTAMP:20261205T104505Z",
                         "DTSTART;VALUE=DATE:20261102", "DTEND;VALUE=DATE:20261103", "SUMMARY:Job start: Zoë Adéla Núñez",
                         "CATEGORIES:Fieldbook,job-start", "END:VCALENDAR"] {
            #expect(unfolded.contains(property), "\(property)")
        }
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
    }

    // MARK: machine.json

    @Test func theKeptCalendarRoundTripsThroughMachineJSONPerFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-calendar-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("machine.json")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // A file written before the setting existed reads as none kept.
        try Data(#"{"specialists":{}}"#.utf8).write(to: file)
        var settings = try MachineSettings.load(from: file)
        let one = root.appendingPathComponent("one"), two = root.appendingPathComponent("two")
        #expect(settings.keptCalendar(for: one) == nil)
        let kept = KeptCalendar(path: "/home/a/cal/due.ics", specialists: [UUID()], fullNames: true)
        settings.setKeptCalendar(kept, for: one)
        try settings.save(to: file)
        let read = try MachineSettings.load(from: file)
        #expect(read.keptCalendar(for: one) == kept)
        #expect(read.keptCalendar(for: root.appendingPathComponent("one/../one")) == kept)
        #expect(read.keptCalendar(for: two) == nil)
        let json = try String(contentsOf: file, encoding: .utf8)
        #expect(json.contains("\"calendars\"") && json.contains("due.ics"))
        var off = read
        off.setKeptCalendar(nil, for: one)
        #expect(off.calendars == nil, "nothing left to keep")
        #expect(KeptCalendar(path: "/x.ics").fullNames == nil, "deidentified unless asked, and nothing written for it")
    }

    @Test func theCalendarFileIsOwnerOnlyAndReplacedWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-calendar-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent("cal/due.ics")
        try CalendarFile.write(Data("one".utf8), to: url)
        try CalendarFile.write(Data("two".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "two")
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let left = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(left == ["due.ics"], "no temporary file left")
    }
}
