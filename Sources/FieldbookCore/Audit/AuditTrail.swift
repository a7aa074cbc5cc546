import Foundation

/// Every audit log in a data folder, read and checked: `fieldbook audit`.
public struct AuditTrail: Sendable {
    /// An entry with where it was read.
    public struct Line: Hashable, Sendable {
        /// The log file, relative to the data folder.
        public var file: String
        public var number: Int
        public var entry: AuditEntry
    }

    /// Something wrong with a log itself.
    public struct Damage: Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// A record whose latest save has no audit entry.
    public struct UnauditedChange: Hashable, Sendable, CustomStringConvertible {
        public var kind: String
        public var record: String
        public var updatedAt: String
        /// The `updatedAt` of its latest entry, if it has one.
        public var lastAudited: String?
        public var description: String {
            "\(kind) \(record) was saved at \(updatedAt) with no audit entry"
                + (lastAudited.map { " (last entry for it: \($0))" } ?? " (no entry for it at all)")
                + ": saved just before a crash, by a copy whose log is not in this folder, or by hand"
        }
    }

    public var lines: [Line] = []
    public var damage: [Damage] = []
    /// Log files read, relative to the data folder.
    public var files: [String] = []
    /// The SHA-256 of each line of each log, by file, in order.
    public var lineHashes: [String: [String]] = [:]

    public init() {}

    /// Reads every `audit/*.jsonl` under `folder` and checks each log's chain of hashes.
    public static func read(folder: URL) -> AuditTrail {
        var trail = AuditTrail()
        let logs = folder.appendingPathComponent(AuditLog.folderName)
        for name in DurableFile.list(logs) where name.hasSuffix(".jsonl") {
            let relative = "\(AuditLog.folderName)/\(name)"
            trail.files.append(relative)
            guard let data = try? DurableFile.read(logs.appendingPathComponent(name)) else {
                trail.damage.append(Damage(file: relative, line: 0, message: "cannot be read"))
                continue
            }
            var previous = AuditEntry.firstPrevious
            var rows = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            if rows.last?.isEmpty == true { rows.removeLast() }
            trail.lineHashes[relative] = rows.map { AuditEntry.hash(Data($0)) }
            for (index, row) in rows.enumerated() {
                let number = index + 1
                let line = Data(row)
                defer { previous = AuditEntry.hash(line) }
                guard let entry = AuditEntry.decode(line: line) else {
                    let cut = index == rows.count - 1 && data.last != 0x0A
                    trail.damage.append(Damage(file: relative, line: number, message: cut
                        ? "the last entry is cut short (a crash while it was written)"
                        : "not a readable audit entry"))
                    continue
                }
                if entry.previous != previous {
                    trail.damage.append(Damage(
                        file: relative, line: number,
                        message: "chain broken: the entry before this one was edited or removed"))
                }
                trail.lines.append(Line(file: relative, number: number, entry: entry))
            }
        }
        return trail
    }

    /// Entries of every log, oldest first.
    public var entries: [Line] {
        lines.sorted { ($0.entry.time, $0.file, $0.number) < ($1.entry.time, $1.file, $1.number) }
    }

    /// Entries about the record whose id starts with `prefix` (case does not matter).
    public func entries(forRecord prefix: String) -> [Line] {
        let wanted = prefix.lowercased()
        return entries.filter { $0.entry.record?.hasPrefix(wanted) == true }
    }

    /// Records saved after the trail began whose latest save has no entry. Records last saved
    /// before the first entry of any log predate the trail and are not reported.
    public func unaudited(in snapshot: DataSnapshot) -> [UnauditedChange] {
        guard let start = lines.compactMap({ Timestamp.parse($0.entry.time) }).min() else { return [] }
        var latest: [String: Date] = [:]
        for line in lines {
            guard let id = line.entry.record, let stamp = line.entry.recordUpdatedAt.flatMap(Timestamp.parse) else { continue }
            latest[id] = max(latest[id] ?? stamp, stamp)
        }
        var result: [UnauditedChange] = []
        func check(_ kind: String, _ id: UUID, _ updatedAt: Date) {
            guard updatedAt >= start.addingTimeInterval(-1) else { return }
            let key = id.uuidString.lowercased()
            if let audited = latest[key], audited >= updatedAt { return }
            result.append(UnauditedChange(kind: kind, record: key, updatedAt: Timestamp.format(updatedAt),
                                          lastAudited: latest[key].map { Timestamp.format($0) }))
        }
        for record in snapshot.specialists { check("specialist", record.id, record.updatedAt) }
        for record in snapshot.clients { check("client", record.id, record.updatedAt) }
        for record in snapshot.employers { check("employer", record.id, record.updatedAt) }
        for record in snapshot.employerContacts { check("employer contact", record.id, record.updatedAt) }
        return result
    }
}
