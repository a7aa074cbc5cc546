import FieldbookCore
import Foundation

/// Durable saves, as the app makes them: the folder's lock, the write with its fsyncs, and
/// the audit entry. Run on a scratch copy of the folder, so a kept folder stays as generated.
enum StoreTiming {
    static func saves(in scratch: URL, data: DataSnapshot, today: LocalDate, count: Int) throws -> (client: Timings, contact: Timings) {
        let store = try Store(folder: scratch)
        let loaded = store.load()
        let specialist = data.specialists[0].id
        store.auditLog = AuditLog(dataFolder: scratch, installID: "benchmark", specialistID: specialist)
        var client = loaded.clients[0]
        var clientTimings = Timings()
        for n in 0..<count {
            client.contacts.append(ClientContact(date: today, kind: .phone, note: "Check-in \(n)", specialistID: specialist))
            client = try clientTimings.time { try store.save(client).record }
        }
        // Into the month of today, which holds about 30 contacts already.
        let employer = loaded.employers[0].id
        var contactTimings = Timings()
        for n in 0..<count {
            let contact = EmployerContact(date: today, specialistID: specialist, employerID: employer,
                                          purpose: .followUp, method: .faceToFace, outcome: "Visit \(n)")
            try contactTimings.time { _ = try store.save(contact) }
        }
        return (clientTimings, contactTimings)
    }
}

/// The most memory the process has held (VmHWM), in MiB.
enum PeakMemory {
    static func mebibytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
}
