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
    /// Each save's wall-clock time, and the processor time of the thread that saved (what the
    /// store's own work costs, without the waits for the disk).
    struct Saves {
        var client = Timings(), clientProcessor = Timings()
        var contact = Timings(), contactProcessor = Timings()
    }

    static func saves(in scratch: URL, data: DataSnapshot, today: LocalDate, count: Int, transform: FileTransform = .plain)
        throws -> Saves
    {
        let store = try Store(folder: scratch, transform: transform)
        let loaded = store.load()
        let specialist = data.specialists[0].id
        store.auditLog = AuditLog(dataFolder: scratch, installID: "benchmark", specialistID: specialist)
        var client = loaded.clients[0]
        var saves = Saves()
        for n in 0..<count {
            client.contacts.append(ClientContact(date: today, kind: .phone, note: "Check-in \(n)", specialistID: specialist))
            let processorStart = Clock.threadProcessorTime
            client = try saves.client.time { try store.save(client).record }
            saves.clientProcessor.record(seconds: Double(Clock.threadProcessorTime - processorStart) / 1e9)
        }
        // Into the month of today, which holds about 30 contacts already.
        let employer = loaded.employers[0].id
        for n in 0..<count {
            let contact = EmployerContact(date: today, specialistID: specialist, employerID: employer,
                                          purpose: .followUp, method: .faceToFace, outcome: "Visit \(n)")
            let processorStart = Clock.threadProcessorTime
            try saves.contact.time { _ = try store.save(contact) }
            saves.contactProcessor.record(seconds: Double(Clock.threadProcessorTime - processorStart) / 1e9)
        }
        return saves
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
