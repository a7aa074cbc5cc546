@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// The export's straight paths for clients against the slow paths they stand for: the client
/// fast path (`TapeFastPath.client`) gives what `Client`'s synthesized `Decodable` gives through
/// `TapeDecoder` (the same record, or the same error), and the client encoder
/// (`CopyEncoding.client`) writes what its synthesized `Encodable` writes through `TreeEncoding`
/// and `JSONWriter`, which the proof (`CopyProof`) then takes whole. On every sample client, a
/// generated folder's, hand-made clients with every optional set and none, and hand-edited
/// files (unknown keys, absent and null optionals and defaults, escapes, non-ASCII text,
/// numbers in other forms, values of the wrong kind).
@Suite struct ClientFastPathTests {
    typealias Outcome = ContactFastPathTests.Outcome<Client>

    /// Every field set, in several scripts, with text that needs escapes.
    static func fullClient() -> Client {
        var client = Client(
            name: "Zoë \"Z\" Nguyễn\n李", preferredName: "Zo\\e", phone: "555-0100", email: "z@example.org",
            address: "1 Rue d'Été\t/ 2", programEntryDate: date("2026-03-01"), referralSource: "Clinic \u{1b}",
            referralDate: date("2026-02-20"), specialistID: UUID(), status: .init(rawValue: "on-hold"),
            statusHistory: [StatusChange(date: date("2026-03-01"), from: .referred, to: .engaging),
                            StatusChange(date: date("2026-04-01"), from: .engaging, to: .init(rawValue: "on-hold"))],
            declinedFollowAlong: true, followAlongIntervalDays: 10,
            followAlongStepDown: FollowAlongStepDown(date: date("2026-10-01"), to: "Team \"B\""), workingAtEntry: false,
            mentalHealthTeam: "North", clinician: "Dr. Ōta", vocationalRehabCounsellor: "Sam",
            benefits: [.ssi, .init(rawValue: "Local grant")], benefitsPlanningDone: true,
            disclosure: Disclosure(preference: .limited, whatMayBeSaid: "Needs \"quiet\" breaks"), notes: "",
            jobs: [Job(employerID: UUID(), employerName: "Café Nord", title: "Barista", startDate: date("2026-05-01"),
                       endDate: date("2026-08-31"), hoursPerWeek: 17.5, hourlyWage: Decimal(string: "15.25"), isCompetitive: false,
                       endReason: .resigned, endNote: "Moved\naway", lossLearnedOn: date("2026-09-03"), selfEmployed: false,
                       supports: JobSupports(employerContact: "Ana", wanted: "Visits", notWanted: "Calls at work")),
                   Job(employerName: "", title: "Own stall", startDate: date("2026-09-10"), hoursPerWeek: 40, hourlyWage: 12,
                       selfEmployed: true, supports: JobSupports())],
            contacts: [ClientContact(date: date("2026-03-02"), kind: .phone, createdAt: instant(1_751_000_100)),
                       ClientContact(date: date("2026-03-03"), kind: .init(rawValue: "letter"), place: "Café\t1",
                                     note: "\"ok\"\r", specialistID: UUID(), createdAt: instant(1_751_000_200))],
            dueDismissals: [DueDismissal(kind: .afterJobLoss, dueOn: date("2026-09-05"), jobID: UUID(), employerContactID: UUID(),
                                         reason: "In hospital — until März", dismissedOn: date("2026-09-04"), specialistID: UUID(),
                                         createdAt: instant(1_756_000_000)),
                            DueDismissal(kind: .weekly, dueOn: date("2026-09-12"), reason: "", dismissedOn: date("2026-09-11"),
                                         createdAt: instant(1_756_100_000))],
            createdAt: instant(1_751_000_000), updatedAt: instant(1_751_000_500))
        client.externalID = "row-7"
        client.recordsBegin = date("2026-03-15")
        return client
    }

    static func bareClient() -> Client {
        Client(name: "", programEntryDate: date("2026-03-01"), createdAt: instant(1_751_000_000))
    }

    /// A client's file as the store writes it.
    static func file(_ client: Client) throws -> String {
        String(decoding: JSONWriter.bytes(try TreeEncoding.encode(client)), as: UTF8.self)
    }

    static let paths = RecordStraightPaths<Client>(
        read: { try TapeFastPath.client(from: $0) }, takes: { (try? TapeFastPath.client($0, at: 0)) != nil },
        write: { try CopyEncoding.client($0, depth: $1, into: &$2) }, prove: { try CopyEncoding.client($0, depth: $1, into: &$2) })

    static func outcome(_ data: Data, fast: Bool) -> Outcome { paths.outcome(data, fast: fast) }

    @discardableResult
    static func same(_ text: String, _ comment: String) -> (outcome: Outcome, taken: Bool) { paths.same(text, comment) }

    static func expectEncodedAsTheTree(_ client: Client, _ comment: String) throws { try paths.expectEncodedAsTheTree(client, comment) }

    /// Every id in `text` in lower case.
    static func lowerCaseIDs(_ text: String) -> String {
        text.replacing(#/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/#) { $0.output.lowercased() }
    }

    static func clientFiles(in folder: URL) throws -> [URL] {
        let clients = folder.appendingPathComponent(DataLayout.clients)
        return try FileManager.default.contentsOfDirectory(atPath: clients.path).sorted().filter { $0.hasSuffix(".json") }
            .map { clients.appendingPathComponent($0) }
    }

    /// Every client file of `folder` decodes the same both ways, by the fast path itself, and
    /// its client is encoded as the tree encoder writes it; returns how many.
    static func everyClientIsTheSame(in folder: URL) throws -> Int {
        var count = 0
        for url in try clientFiles(in: folder) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let (outcome, taken) = same(text, url.lastPathComponent)
            #expect(taken, "\(url.lastPathComponent) is plain: the fast path takes it")
            guard case .record(let client) = outcome else {
                Issue.record("\(url.lastPathComponent) does not decode")
                continue
            }
            try expectEncodedAsTheTree(client, url.lastPathComponent)
            count += 1
        }
        return count
    }

    @Test func everySampleClientIsTheSameBothWays() throws {
        #expect(try Self.everyClientIsTheSame(in: OnePassLoadTests.sampleData) >= 10)
    }

    @Test func aGeneratedFolderIsTheSameBothWays() throws {
        let temp = TemporaryFolder()
        let snapshot = try SyntheticFolder.write(.caseload, to: temp.url)
        #expect(try Self.everyClientIsTheSame(in: temp.url) == snapshot.clients.count)
        #expect(snapshot.clients.contains { !$0.jobs.isEmpty && $0.jobs.contains { $0.hourlyWage != nil } }, "wages are read")
    }

    @Test func handMadeClientsAreEncodedAsTheTreeEncoderWritesThem() throws {
        try Self.expectEncodedAsTheTree(Self.fullClient(), "every optional set")
        try Self.expectEncodedAsTheTree(Self.bareClient(), "no optional set")
        var client = Self.fullClient()
        client.jobs[0].hoursPerWeek = 0.1
        client.jobs[0].hourlyWage = Decimal(string: "-0.005")
        client.jobs[1].hoursPerWeek = 1e21
        client.followAlongIntervalDays = -3
        try Self.expectEncodedAsTheTree(client, "numbers in other forms")
        var bad = Self.bareClient()
        bad.jobs = [Job(employerName: "", title: "", startDate: date("2026-03-01"), hoursPerWeek: .nan)]
        var out: [UInt8] = []
        #expect(throws: EncodingError.self) { try CopyEncoding.client(bad, depth: 0, into: &out) }
    }

    @Test func handMadeClientsReadTheSameBothWays() throws {
        for client in [Self.fullClient(), Self.bareClient()] {
            let (outcome, taken) = Self.same(try Self.file(client), client.name)
            #expect(taken)
            #expect(outcome == .record(client))
        }
    }

    /// Clients with every field set in a folder, one as the store writes it (copied) and one
    /// hand-edited (read by the fast path, encoded again): the streamed copy is byte for byte
    /// the loaded folder's through Foundation's encoder.
    @Test func fullClientsComeOutOfTheStreamedCopyAsTheLoadedFolderDoes() throws {
        let temp = TemporaryFolder()
        let folder = temp.path("caseload")
        _ = try SyntheticFolder.write(.caseload, to: folder)
        let written = Self.fullClient(), edited = Self.fullClient()
        try Data(try Self.file(written).utf8).write(to: folder.appendingPathComponent("clients/\(written.id.lowercased).json"))
        let text = try Self.file(edited)
            .replacingOccurrences(of: "\"phone\" : \"", with: "\"phone\" : \"\\u00e9\\/ ☎ ")
            .replacingOccurrences(of: "\"hoursPerWeek\" : 17.5", with: "\"hoursPerWeek\" : 17.50")
            .replacingOccurrences(of: "{\n  \"address\"", with: "{\n  \"aNewer\" : null,\n  \"address\"")
        try Data(text.utf8).write(to: folder.appendingPathComponent("clients/\(edited.id.lowercased).json"))
        let copy = try StreamedCopyTests.expectSame(folder)
        #expect(copy.copiedRecords == copy.recordCount - 1, "all but the edited client copied")
    }

    /// Hand edits of a client with every field set: each reads the same both ways (record or
    /// error); the plain ones by the fast path itself; and each client read is encoded as the
    /// tree encoder writes it.
    @Test func handEditedClientsReadTheSameBothWays() throws {
        let original = try Self.file(Self.fullClient())
        let edits: [(name: String, plain: Bool, edit: (String) -> String)] = [
            ("as written", true, { $0 }),
            ("an unknown key at the top", true, { $0.replacingOccurrences(of: "{\n  \"address\"", with: "{\n  \"aNewer\" : [1, {\"x\" : null}],\n  \"address\"") }),
            ("an unknown key in a job", true, { $0.replacingOccurrences(of: "\"title\" : \"Barista\"", with: "\"title\" : \"Barista\", \"shift\" : \"late\"") }),
            ("an unknown key in a contact", true, { $0.replacingOccurrences(of: "\"kind\" : \"phone\"", with: "\"kind\" : \"phone\", \"mood\" : 3") }),
            ("an unknown key in the disclosure", true, { $0.replacingOccurrences(of: "\"preference\"", with: "\"colour\" : true, \"preference\"") }),
            ("optionals absent", true, { $0.replacingOccurrences(of: #"\n  "(address|email|phone|notes|externalID|recordsBegin|referralDate|workingAtEntry|followAlongIntervalDays|clinician)" : [^\n]*,"#, with: "", options: .regularExpression) }),
            ("optionals null", true, { $0.replacingOccurrences(of: #""(address|email|endDate|hourlyWage|hoursPerWeek|jobID|followAlongStepDown|workingAtEntry|followAlongIntervalDays)" : ("[^"\n]*"|[0-9.]+|false|true)"#, with: "\"$1\" : null", options: .regularExpression) }),
            ("defaults absent", true, { $0.replacingOccurrences(of: #"\n  "(declinedFollowAlong)" : true,"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"\n  "statusHistory" : \[[^\]]*\],"#, with: "", options: .regularExpression) }),
            ("defaults null", true, { $0.replacingOccurrences(of: "\"declinedFollowAlong\" : true", with: "\"declinedFollowAlong\" : null")
                .replacingOccurrences(of: #""statusHistory" : \[[^\]]*\]"#, with: "\"statusHistory\" : null", options: .regularExpression) }),
            ("escapes in text", true, { $0.replacingOccurrences(of: "\"phone\" : \"", with: "\"phone\" : \"\\u00e9\\/\\u001b\\ud83d\\ude00") }),
            ("non-ASCII text as written", true, { $0.replacingOccurrences(of: "\"phone\" : \"555", with: "\"phone\" : \"☎ 555 — 李") }),
            ("an escaped key", false, { $0.replacingOccurrences(of: "\"phone\"", with: "\"ph\\u006fne\"") }),
            ("keys in another order", true, { $0.replacingOccurrences(of: "{\n  \"address\" : \"1 Rue", with: "{\n  \"zz\" : 1, \"address\" : \"1 Rue") }),
            ("lower-case ids", true, Self.lowerCaseIDs),
            ("a timestamp with an offset and a fraction", true, { $0.replacingOccurrences(of: #"Z""#, with: #".5+05:45""#) }),
            ("a whole number as 10.0", false, { $0.replacingOccurrences(of: "\"followAlongIntervalDays\" : 10", with: "\"followAlongIntervalDays\" : 10.0") }),
            ("a whole number as 1e1", false, { $0.replacingOccurrences(of: "\"followAlongIntervalDays\" : 10", with: "\"followAlongIntervalDays\" : 1e1") }),
            ("a number too large", false, { $0.replacingOccurrences(of: "\"followAlongIntervalDays\" : 10", with: "\"followAlongIntervalDays\" : 99999999999999999999") }),
            ("a fraction for a whole number", false, { $0.replacingOccurrences(of: "\"followAlongIntervalDays\" : 10", with: "\"followAlongIntervalDays\" : 10.5") }),
            ("wages and hours in other forms", true, { $0.replacingOccurrences(of: "\"hourlyWage\" : 15.25", with: "\"hourlyWage\" : 15.250")
                .replacingOccurrences(of: "\"hoursPerWeek\" : 17.5", with: "\"hoursPerWeek\" : 17.50") }),
            ("a name as a number", false, { $0.replacingOccurrences(of: "\"name\" : \"", with: "\"name\" : 1, \"x\" : \"") }),
            ("the name absent", false, { $0.replacingOccurrences(of: "\"name\" : \"", with: "\"nom\" : \"") }),
            ("a job's title absent", false, { $0.replacingOccurrences(of: "\"title\" : \"Barista\"", with: "\"titre\" : \"Barista\"") }),
            ("an unknown kind of dismissal", false, { $0.replacingOccurrences(of: "\"kind\" : \"weekly\"", with: "\"kind\" : \"fortnightly\"") }),
            ("a flag as text", false, { $0.replacingOccurrences(of: "\"benefitsPlanningDone\" : true", with: "\"benefitsPlanningDone\" : \"yes\"") }),
            ("a bad date", false, { $0.replacingOccurrences(of: "\"programEntryDate\" : \"2026-03-01\"", with: "\"programEntryDate\" : \"2026-02-30\"") }),
            ("a bad id", false, { $0.replacingOccurrences(of: #""id" : "[0-9A-F]{8}"#, with: "\"id\" : \"XYZ", options: .regularExpression) }),
            ("the disclosure as a list", false, { $0.replacingOccurrences(of: #""disclosure" : \{[^}]*\}"#, with: "\"disclosure\" : []", options: .regularExpression) }),
            ("a step-down without its team", false, { $0.replacingOccurrences(of: "\"to\" : \"Team \\\"B\\\"\"", with: "\"who\" : \"B\"") }),
        ]
        var records = 0, errors = 0
        for (name, plain, edit) in edits {
            let text = edit(original)
            #expect(name == "as written" || text != original, "\(name) changed the file")
            let (outcome, taken) = Self.same(text, name)
            #expect(taken == plain, "\(name): taken by the fast path \(taken)")
            switch outcome {
            case .record(let client):
                records += 1
                try Self.expectEncodedAsTheTree(client, name)
            case .error:
                errors += 1
            }
        }
        #expect(records >= 18)
        #expect(errors >= 9)
    }
}
