import Crypto
import Foundation

/// What is due, as an iCalendar file (RFC 5545) a calendar app opens or subscribes to: the due
/// list's items (follow-along contacts, first employer contacts, employers' next steps) and the
/// job starts ahead, each an all-day event on its day.
///
/// Each event's UID is made from what the item is (its kind and client and job, or employer and
/// the employer contact that set the step), never from its date: when an item's date moves, a calendar that reads the
/// file again moves the event; when an item is met it is no longer in the list, and the event
/// goes. The items come from `DueList` as they are (no date is worked out here).
///
/// Named as a deidentified report names people (`ReportNaming`): a client by initials and the
/// report code (`Z.A. C-1A2B3C4D`), no free text (a next step's words, a job's title), UIDs an
/// HMAC of the ids with the folder's report salt; full names only with `.identified`.
public struct CalendarFeed: Sendable {
    public let asOf: LocalDate
    public let due: [DueItem]
    public let jobStarts: [Figures.JobStart]
    let specialistNames: [UUID: String]

    /// `due`: the due list as of the day (every item, however far ahead); `clients`: for the job
    /// starts from that day on; `specialistIDs`: only their items (nil: everyone's).
    public init(due: DueList, clients: [Client], specialists: [Specialist], only specialistIDs: Set<UUID>? = nil) {
        asOf = due.asOf
        let starts = Figures.jobStarts(in: clients, from: due.asOf, through: nil)
        if let specialistIDs {
            self.due = due.items(forSpecialists: specialistIDs)
            jobStarts = starts.filter { $0.specialistID.map(specialistIDs.contains) ?? false }
        } else {
            self.due = due.items
            jobStarts = starts
        }
        specialistNames = Dictionary(specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// One event of the feed, before it is written.
    public struct Event: Hashable, Sendable {
        public var uid: String
        public var day: LocalDate
        public var summary: String
        public var description: String
        /// `Fieldbook` and the item's kind (`weekly`, `job-start`...).
        public var categories: [String]
    }

    /// The kind of a job start's event, beside the due list's kinds.
    public static let jobStartKind = "job-start"

    /// The events, in the due list's order, then the job starts.
    public func events(naming: ReportNaming) -> [Event] {
        var events: [Event] = []
        var seen: Set<String> = []
        func add(_ event: Event) {
            var event = event
            // Two items the same in every id (never made by the rules) still get their own UID.
            var count = 1
            let base = event.uid
            while !seen.insert(event.uid).inserted {
                count += 1
                event.uid = base.replacingOccurrences(of: "@", with: "-\(count)@")
            }
            events.append(event)
        }
        for item in due {
            // A client's item is theirs (and its job's); an employer's next step, the employer's
            // (and the contact's that set it: two steps logged the same day are two events).
            let ids = item.clientID != nil ? [item.clientID, item.jobID] : [item.employerID, item.employerContactID]
            var description: [String] = []
            let who: String
            if let client = item.clientID {
                who = Self.name(client: client, item.clientName ?? "", naming: naming)
                if !naming.isDeidentified { description.append(item.why) }
            } else {
                // An employer's next step names the employer (a business, no client named);
                // the step's own words are free text, left out unless identified.
                who = item.employerName ?? "unknown employer"
                if !naming.isDeidentified { description.append(item.why) }
            }
            if let specialist = item.specialistName { description.append("Specialist: \(specialist)") }
            add(Event(uid: Self.uid(item.kind.rawValue, ids, naming: naming), day: item.dueOn,
                      summary: "\(Self.phrase(item.kind)): \(who)", description: description.joined(separator: "\n"),
                      categories: ["Fieldbook", item.kind.rawValue]))
        }
        for start in jobStarts {
            var description: [String] = []
            if !naming.isDeidentified {
                let title = start.job.title.trimmingWhitespace()
                description.append((title.isEmpty ? "Job" : title) + " at " + start.job.employerText)
            }
            if let name = start.specialistID.flatMap({ specialistNames[$0] }) { description.append("Specialist: \(name)") }
            add(Event(uid: Self.uid(Self.jobStartKind, [start.clientID, start.job.id], naming: naming), day: start.job.startDate,
                      summary: "Job start: " + Self.name(client: start.clientID, start.clientName, naming: naming),
                      description: description.joined(separator: "\n"), categories: ["Fieldbook", Self.jobStartKind]))
        }
        return events
    }

    /// The feed as an iCalendar file: CRLF lines folded at 75 octets. `stamp`: when it is
    /// written (every event's DTSTAMP); `title`: the calendar's name in the app that shows it.
    public func ics(naming: ReportNaming, stamp: Date, title: String = "Fieldbook") -> Data {
        var text = ICalendarText.line("BEGIN", "VCALENDAR")
        text += ICalendarText.line("VERSION", "2.0")
        text += ICalendarText.line("PRODID", "-//Fieldbook//Fieldbook \(FieldbookVersion.current)//EN")
        text += ICalendarText.line("CALSCALE", "GREGORIAN")
        text += ICalendarText.line("METHOD", "PUBLISH")
        text += ICalendarText.text("X-WR-CALNAME", title)
        // How often a subscribing app should read the file again (RFC 7986; Outlook's name).
        text += ICalendarText.line("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
        text += ICalendarText.line("X-PUBLISHED-TTL", "PT1H")
        let stamped = ICalendarText.utc(stamp)
        for event in events(naming: naming) {
            text += ICalendarText.line("BEGIN", "VEVENT")
            text += ICalendarText.text("UID", event.uid)
            text += ICalendarText.line("DTSTAMP", stamped)
            text += ICalendarText.line("DTSTART;VALUE=DATE", ICalendarText.date(event.day))
            text += ICalendarText.line("DTEND;VALUE=DATE", ICalendarText.date(event.day.adding(days: 1)))
            text += ICalendarText.text("SUMMARY", event.summary)
            if !event.description.isEmpty { text += ICalendarText.text("DESCRIPTION", event.description) }
            text += ICalendarText.line("CATEGORIES", event.categories.map(ICalendarText.escaped).joined(separator: ","))
            // A reminder to do something, not time taken: free/busy stays free.
            text += ICalendarText.line("TRANSP", "TRANSPARENT")
            text += ICalendarText.line("END", "VEVENT")
        }
        text += ICalendarText.line("END", "VCALENDAR")
        return Data(text.utf8)
    }

    /// What an item asks for, in a calendar's words.
    static func phrase(_ kind: DueKind) -> String {
        switch kind {
        case .beforeStart: "Contact before job start"
        case .afterStart: "Contact after job start"
        case .weekly: "Weekly follow-along contact"
        case .monthly: "Monthly follow-along contact"
        case .firstEmployerContact: "First employer contact"
        case .afterJobLoss: "Contact after job loss"
        case .employerNextStep: "Employer next step"
        }
    }

    /// A client as the feed names them: the full name, or initials and the report code.
    static func name(client id: UUID, _ name: String, naming: ReportNaming) -> String {
        guard naming.isDeidentified else { return name }
        return [initials(name), naming.client(id, name: name)].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The first letters of a name's first and last words: "María José García" → "M.G.".
    public static func initials(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0.isWhitespace }).compactMap { word in word.first(where: \.isLetter) }
        guard let first = words.first else { return "" }
        let letters = words.count > 1 ? [first, words[words.count - 1]] : [first]
        return letters.map { String($0).uppercased() + "." }.joined()
    }

    /// The UID of an item: its kind and ids (never its date), the ids hashed with the report
    /// salt when deidentified (a record id is not for a cloud calendar).
    static func uid(_ kind: String, _ ids: [UUID?], naming: ReportNaming) -> String {
        let text = ([kind] + ids.map { $0?.uuidString.lowercased() ?? "-" }).joined(separator: ".")
        guard case .deidentified(let salt) = naming else { return text + "@fieldbook" }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: salt))
        return kind + "." + mac.prefix(16).map { String(format: "%02x", $0) }.joined() + "@fieldbook"
    }
}
