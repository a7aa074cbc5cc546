import FieldbookCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// What this disk needs for the least durable replace of one small file: write a temporary
    /// file, fsync it, rename it over the old one, fsync the folder. A save cannot be quicker
    /// than this; the store's saves do it once for the record and append the audit entry.
    static func diskFloor(in scratch: URL, count: Int) -> Timings {
        var timings = Timings()
        let folder = scratch.appendingPathComponent("disk-floor")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 4_096)
        let temporary = folder.appendingPathComponent("record.json.tmp").path
        let final = folder.appendingPathComponent("record.json").path
        for _ in 0..<count {
            timings.time {
                let file = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                _ = bytes.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
                fsync(file)
                close(file)
                rename(temporary, final)
                let directory = open(folder.path, O_RDONLY)
                fsync(directory)
                close(directory)
            }
        }
        return timings
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
