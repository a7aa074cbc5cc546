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
    saveTimes.append(try seconds { client = try saver.save(client) })
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

// The audit trail: the cost of its entry on each save, and of checking the whole trail.
saver.auditLog = AuditLog(dataFolder: folder, installID: "benchmark", specialistID: specialists[0].id)
var auditedTimes: [Double] = []
for n in 0..<50 {
    client.contacts.append(ClientContact(date: today, kind: .phone, note: "Audited check-in \(n)"))
    auditedTimes.append(try seconds { client = try saver.save(client) })
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
