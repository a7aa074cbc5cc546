// Prints how long the store takes to open and to save, on a synthetic program of a given size.
//   swift run -c release Benchmarks [clients] [specialists] [months of employer contacts]
import FieldbookCore
import Foundation

let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
let clientCount = arguments.first ?? 2_000
let specialistCount = arguments.dropFirst().first ?? 100
let months = arguments.dropFirst(2).first ?? 24

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakMemoryMB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

func folderSizeMB(_ url: URL) -> Double {
    let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey])
    var total = 0
    while let file = enumerator?.nextObject() as? URL {
        total += (try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
    }
    return Double(total) / 1_048_576
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: folder) }
let today = try LocalDate(parsing: "2026-11-22")
let store = try Store(folder: folder)

let specialists = (0..<specialistCount).map { Specialist(name: "Specialist \($0)") }
let employers = (0..<max(40, specialistCount * 10)).map { Employer(name: "Employer \($0)", businessType: "Retail", address: "\($0) Main St") }
var clients: [Client] = []
for n in 0..<clientCount {
    let entry = today.adding(days: -(n % 700) - 30)
    var client = Client(name: "Client Number \(n)", programEntryDate: entry, specialistID: specialists[n % specialistCount].id,
                        status: ClientStatus.allCases[n % ClientStatus.allCases.count], benefits: [.ssi, .medicaid],
                        notes: String(repeating: "Prefers mornings. ", count: 5))
    client.jobs = (0..<3).map { j in
        Job(employerID: employers[(n + j) % employers.count].id, employerName: "Employer", title: "Stock associate",
            startDate: entry.adding(days: 30 + j * 60), endDate: j < 2 ? entry.adding(days: 80 + j * 60) : nil, hoursPerWeek: 20)
    }
    client.contacts = (0..<40).map { c in
        ClientContact(date: entry.adding(days: c * 7), kind: .faceToFace, place: "Library", note: "Talked about the next steps at work.")
    }
    clients.append(client)
}
var contacts: [EmployerContact] = []
for specialist in specialists {
    for week in 0..<(months * 13 / 3) {
        for d in 0..<6 {
            contacts.append(EmployerContact(date: today.adding(days: -7 * week - d), specialistID: specialist.id,
                                            employerID: employers[(week + d) % employers.count].id, contactPerson: "Sam",
                                            purpose: .learnNeeds, method: .faceToFace, hiringNeeds: "Weekend shifts",
                                            outcome: "Asked for a resume", nextStep: "Visit again"))
        }
    }
}

let writeTime = try seconds {
    try DemoCopy.write(DataSnapshot(specialists: specialists, clients: clients, employers: employers, employerContacts: contacts), to: store)
}
print("Program: \(clientCount) clients (40 contacts, 3 jobs each), \(specialistCount) specialists, \(employers.count) employers, \(contacts.count) employer contacts")
print(String(format: "Folder: %.1f MB; written in %.2f s", folderSizeMB(folder), writeTime))

var loaded = DataSnapshot()
var loadTimes: [Double] = []
for _ in 0..<3 {
    loadTimes.append(seconds { loaded = (try! Store(folder: folder)).load() })
}
print(String(format: "Open (warm cache), best of 3: %.3f s; %d problems", loadTimes.min()!, loaded.problems.count))

let saver = try Store(folder: folder)
_ = saver.load()
var client = loaded.clients[0]
var saveTimes: [Double] = []
for n in 0..<50 {
    client.contacts.append(ClientContact(date: today, kind: .phone, note: "Check-in \(n)"))
    saveTimes.append(try seconds { client = try saver.save(client).record })
}
saveTimes.sort()
print(String(format: "Save one client (durable), median of 50: %.2f ms, worst %.2f ms", saveTimes[25] * 1000, saveTimes.last! * 1000))

var contactTimes: [Double] = []
for n in 0..<50 {
    let contact = EmployerContact(date: today, specialistID: specialists[0].id, employerID: employers[0].id,
                                  purpose: .followUp, method: .faceToFace, outcome: "Visit \(n)")
    contactTimes.append(try seconds { try saver.save(contact) })
}
contactTimes.sort()
print(String(format: "Log one employer contact (durable), median of 50: %.2f ms, worst %.2f ms", contactTimes[25] * 1000, contactTimes.last! * 1000))
var dueTimes: [Double] = []
var due = DueList(snapshot: loaded, asOf: today)
for _ in 0..<5 {
    dueTimes.append(seconds { due = DueList(snapshot: loaded, asOf: today) })
}
print(String(format: "Due list over the whole program (%d items, %d within 7 days), best of 5: %.1f ms",
             due.items.count, due.items(within: 7).count, dueTimes.min()! * 1000))
var figures = Figures(data: loaded, today: today)
let figuresTime = seconds { figures = Figures(data: loaded, today: today) }
print(String(format: "Figures for every screen (built once per data change): %.1f ms; %d job starts ahead",
             figuresTime * 1000, figures.jobStartsAhead.count))
var board = ReportBoard(data: loaded, period: .quarter(containing: today), today: today)
let boardTime = seconds { board = ReportBoard(data: loaded, period: .quarter(containing: today), today: today) }
print(String(format: "Reports tab, every report of the quarter (built per data change or period): %.1f ms; %d follow-along items",
             boardTime * 1000, board.followAlong.items.count))
var rows: [CaseloadRow] = []
var search = CaseloadQuery(specialistFilter: nil)
let rowsTime = seconds { rows = search.rows(in: loaded, today: today, folded: figures.clientNames) }
search.text = "number 12"
var found: [CaseloadRow] = []
let searchTime = seconds { found = search.rows(in: loaded, today: today, folded: figures.clientNames) }
print(String(format: "Caseload rows, every specialist (built per filter or data change): %.1f ms for %d rows; a search key: %.1f ms (%d found)",
             rowsTime * 1000, rows.count, searchTime * 1000, found.count))

// The audit trail: the cost of its entry on each save, and of checking the whole trail.
saver.auditLog = AuditLog(dataFolder: folder, installID: "benchmark", specialistID: specialists[0].id)
var auditedTimes: [Double] = []
for n in 0..<50 {
    client.contacts.append(ClientContact(date: today, kind: .phone, note: "Audited check-in \(n)"))
    auditedTimes.append(try seconds { client = try saver.save(client).record })
}
auditedTimes.sort()
print(String(format: "Save one client with its audit entry, median of 50: %.2f ms, worst %.2f ms",
             auditedTimes[25] * 1000, auditedTimes.last! * 1000))
var trail = AuditTrail()
let verifyTime = seconds {
    trail = AuditTrail.read(folder: folder)
    _ = trail.unaudited(in: loaded)
}
print(String(format: "Verify the audit trail (%d entries, %d records): %.3f s", trail.lines.count,
             loaded.clients.count + loaded.employerContacts.count, verifyTime))

let backupFolder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-bench-backup-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: backupFolder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: backupFolder) }
var backup: Backup.Result?
let backupTime = try seconds { backup = try Backup.write(folder: folder, to: backupFolder) }
print(String(format: "Backup (tar.gz) of the folder: %.1f MB in %.2f s", Double(backup?.bytes ?? 0) / 1_048_576, backupTime))
print(String(format: "Peak memory: %.0f MB", peakMemoryMB()))

// The employer contact log's derived index: built once per data change, then asked per key.
var log = EmployerLog(loaded, today: today)
var logTimes: [Double] = []
for _ in 0..<3 { logTimes.append(seconds { log = EmployerLog(loaded, today: today) }) }
var completionTimes: [Double] = []
for fragment in ["e", "em", "emp", "employer 1", "employer 12", "mployer 99"] {
    completionTimes.append(seconds { _ = log.employers(matching: fragment) })
    completionTimes.append(seconds { _ = log.jobSeekers(matching: fragment) })
}
let tallyTime = seconds { for specialist in specialists { _ = log.history(of: specialist.id) } }
print(String(format: "Employer log (tallies, summaries, completion index), best of 3: %.1f ms; "
             + "completion worst %.2f ms; 12-week history of every specialist %.1f ms",
             logTimes.min()! * 1000, completionTimes.max()! * 1000, tallyTime * 1000))

// Career profiles: one durable write per answer, and the summary index read once per data change.
let profiles = CareerProfileStore(store: saver)
let definition = profiles.definition().definition
let answerable = definition.questions.map(\.question).filter { !$0.type.hasSubQuestions }
func sampleValue(for question: Question, _ n: Int) -> AnswerValue {
    switch question.type {
    case .singleChoice: .choice(question.options[n % question.options.count].id)
    case .multipleChoice: .choices([question.options[n % question.options.count].id])
    case .yesNo: .yesNo(n % 2 == 0)
    case .date: .date(today)
    case .number: .number(Decimal(20 + n % 10))
    case .scale: .scale(1 + n % 5)
    default: .text("An answer of a few words, like a person would give, number \(n).")
    }
}
var meeting = profiles.startSession(for: clients[0].id, definition: definition)
var answerTimes: [Double] = []
for (n, question) in answerable.enumerated() {
    answerTimes.append(try seconds {
        _ = try profiles.append(sampleValue(for: question, n), to: question.id, in: definition, by: specialists[0].id,
                                source: .client, session: &meeting)
    })
}
let firstTen = answerTimes.prefix(10).sorted()[5], lastTen = answerTimes.suffix(10).sorted()[5]
let sortedAnswers = answerTimes.sorted()
print(String(format: "Append one career profile answer (durable), median of %d: %.2f ms, worst %.2f ms; "
             + "median of the first 10 %.2f ms, of the last 10 %.2f ms (session file %.0f KB)",
             answerTimes.count, sortedAnswers[answerTimes.count / 2] * 1000, sortedAnswers.last! * 1000, firstTen * 1000,
             lastTen * 1000, Double((try? Data(contentsOf: folder.appendingPathComponent(meeting.path)).count) ?? 0) / 1024))

// Every client with a profile of two meetings, written without fsync (setup only).
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
encoder.dateEncodingStrategy = .custom { date, encoder in
    var container = encoder.singleValueContainer()
    try container.encode(Timestamp.format(date))
}
for (c, client) in clients.enumerated().dropFirst() {
    for meetingNumber in 0..<2 {
        let started = Date(timeIntervalSince1970: 1_767_225_600 + Double(c * 1000 + meetingNumber * 100_000))
        let session = profiles.startSession(for: client.id, definition: definition, at: started)
        let answers = answerable.enumerated().filter { $0.offset % 2 == meetingNumber }.map { n, question in
            AnswerEntry(questionID: question.id, value: sampleValue(for: question, n + c), answeredAt: started.addingTimeInterval(Double(n)),
                        enteredBy: specialists[0].id, source: .client)
        }
        let file = ProfileSessionFile(clientID: client.id, sessionID: session.id, startedAt: started,
                                      definitionVersion: definition.version, answers: answers)
        let url = folder.appendingPathComponent(session.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(file).write(to: url)
    }
}
var summaries = ProfileSummaries()
var summaryTimes: [Double] = []
for _ in 0..<3 {
    summaryTimes.append(seconds { summaries = ProfileSummaries.build(from: profiles, definition: definition) })
}
print(String(format: "Profile summaries of %d clients (2 meetings, %d answers each), best of 3: %.3f s; %d problems",
             summaries.byClient.count, answerable.count, summaryTimes.min()!, summaries.problems.count))
var oneProfile = CareerProfile(clientID: clients[1].id)
let oneTime = seconds { oneProfile = profiles.profile(of: clients[1].id).profile }
let progressTime = seconds { _ = oneProfile.progress(in: definition) }
print(String(format: "Open one client's profile: %.2f ms; progress of every section: %.2f ms", oneTime * 1000, progressTime * 1000))
print(String(format: "Peak memory after profiles: %.0f MB", peakMemoryMB()))

// Spreadsheet import: the program's clients as a CSV sheet with every column, into a new folder.
let sheetFolder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-bench-import-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: sheetFolder) }
var sheetClients = loaded
sheetClients.clients = sheetClients.clients.enumerated().map { n, client in
    var copy = client
    copy.externalID = "C-\(n + 1)"
    return copy
}
var sheetText = ""
let exportTime = seconds { sheetText = CSVExport.csv(.clients, from: sheetClients) }
var sheet = CSVTable(header: [], rows: [])
let parseTime = try seconds { sheet = try CSVTable.read(Data(sheetText.utf8)) }
let importStore = try Store(folder: sheetFolder)
var importPlan = ImportPlan(kind: .clients)
let planTime = seconds {
    importPlan = CSVImport.plan(.clients, table: sheet, snapshot: importStore.load(), today: today, now: Date())
}
let applyTime = try seconds { try importPlan.apply(to: importStore) }
var againPlan = ImportPlan(kind: .clients)
let againTime = seconds {
    againPlan = CSVImport.plan(.clients, table: sheet, snapshot: importStore.load(), today: today, now: Date())
}
print(String(format: "Import %d clients from CSV (%.1f MB): export %.2f s, parse %.2f s, check %.2f s, write %.2f s "
             + "(%d added, %d bad); same sheet again: %.2f s, %d already there",
             sheet.rows.count, Double(sheetText.utf8.count) / 1_048_576, exportTime, parseTime, planTime, applyTime,
             importPlan.added, importPlan.badRows.count, againTime, againPlan.unchanged))
