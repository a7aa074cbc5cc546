import FieldbookCore
import Foundation

/// A data folder of made-up records at the size of a caseload or of a whole agency, the same
/// bytes on every run for the same scale and day: what `fieldbook-bench` measures, and what
/// anyone who wants a large folder can make (`fieldbook-bench --keep DIR`).
///
/// It is written without fsync (`Store.syncsWrites`): it is made again whenever it is lost.
public enum SyntheticFolder {
    public enum Scale: String, CaseIterable, Sendable {
        /// One specialist: 40 clients with jobs, contacts and career profiles, 150 employers,
        /// 1,500 employer contacts (about 30 a month).
        case caseload
        /// 100 specialists, 2,000 clients of 30 contacts each, 3,000 employers, 62,400
        /// employer contacts (24 months), a career profile for every client.
        case agency
        /// Ten agencies in one folder: 1,000 specialists, 20,000 clients, 30,000 employers,
        /// 624,000 employer contacts (about 115,000 files).
        case agency10
    }

    /// The counts of one scale.
    public struct Size: Sendable {
        public var specialists: Int
        public var clients: Int
        public var contactsPerClient: Int
        public var employers: Int
        /// Months of employer contacts, ending in the month of `today`.
        public var months: Int
        public var employerContactsPerMonth: Int

        public var employerContacts: Int { specialists * months * employerContactsPerMonth }
    }

    public static func size(of scale: Scale) -> Size {
        switch scale {
        case .caseload:
            Size(specialists: 1, clients: 40, contactsPerClient: 30, employers: 150, months: 50, employerContactsPerMonth: 30)
        case .agency:
            Size(specialists: 100, clients: 2_000, contactsPerClient: 30, employers: 3_000, months: 24, employerContactsPerMonth: 26)
        case .agency10:
            Size(specialists: 1_000, clients: 20_000, contactsPerClient: 30, employers: 30_000, months: 24, employerContactsPerMonth: 26)
        }
    }

    /// The day the records are dated around (their newest activity is the day before).
    public static let defaultToday: LocalDate = {
        guard let day = try? LocalDate(year: 2026, month: 11, day: 22) else { preconditionFailure("a valid date") }
        return day
    }()

    /// The records of `scale`, dated around `today`. Pure: the same arguments give the same records.
    public static func snapshot(_ scale: Scale, today: LocalDate = defaultToday) -> DataSnapshot {
        var maker = RecordMaker(seed: scale == .caseload ? 40 : scale == .agency ? 2_000 : 20_000, today: today)
        return maker.snapshot(size(of: scale))
    }

    /// Writes the folder of `scale` at `folder`, which must not exist or be empty. Returns the
    /// records written.
    @discardableResult
    public static func write(_ scale: Scale, to folder: URL, today: LocalDate = defaultToday) throws -> DataSnapshot {
        let snapshot = snapshot(scale, today: today)
        let store = try Store(folder: folder)
        store.syncsWrites = false
        try DemoCopy.write(snapshot, to: store)
        try writeCareerProfiles(for: snapshot, into: folder, seed: scale == .caseload ? 41 : 2_001)
        return snapshot
    }

    /// True when `folder` already holds a data folder (reused as it is by `--keep`).
    public static func exists(at folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(DataLayout.formatFile).path)
    }

    /// Two meetings per client, each answering about half of the questions that take one answer.
    static func writeCareerProfiles(for snapshot: DataSnapshot, into folder: URL, seed: UInt64) throws {
        let profiles = CareerProfileStore(folder: folder)
        let definition = profiles.definition().definition
        let answerable = definition.questions.map(\.question).filter { !$0.type.hasSubQuestions }
        var random = SeededRandom(seed: seed)
        let specialist = snapshot.specialists.first?.id
        for (c, client) in snapshot.clients.enumerated() {
            for meeting in 0..<2 {
                let started = Date(timeIntervalSince1970: 1_767_225_600 + Double(c * 1_000 + meeting * 100_000))
                let answers = answerable.enumerated().filter { $0.offset % 2 == meeting }.map { n, question in
                    AnswerEntry(questionID: question.id, value: sampleAnswer(to: question, &random),
                                answeredAt: started.addingTimeInterval(Double(n * 30)),
                                enteredBy: client.specialistID ?? specialist, source: .client)
                }
                let file = ProfileSessionFile(clientID: client.id, sessionID: random.uuid(), startedAt: started,
                                              definitionVersion: definition.version, answers: answers)
                try profiles.copy(file, syncing: false)
            }
        }
    }

    static func sampleAnswer(to question: Question, _ random: inout SeededRandom) -> AnswerValue {
        switch question.type {
        case .singleChoice where !question.options.isEmpty: .choice(random.pick(question.options).id)
        case .multipleChoice where !question.options.isEmpty: .choices([random.pick(question.options).id])
        case .yesNo: .yesNo(random.next() % 2 == 0)
        case .date: .date(defaultToday.adding(days: -Int(random.next() % 300)))
        case .number: .number(Decimal(10 + Int(random.next() % 30)))
        case .scale: .scale(1 + Int(random.next() % 5))
        default: .text(random.pick(RecordMaker.phrases))
        }
    }
}
