import Foundation

/// The copies of Fieldbook (installs) that have written to a data folder's audit trail: one
/// small file per install in `audit-installs/`, outside `audit/`, so a sync tool merges the list
/// as a set (each copy only ever adds its own file, with its first entry). `fieldbook audit
/// --verify` reports a listed install whose log is missing or empty, and a log from an install
/// not listed (a log made up, or one whose listing was removed).
public enum AuditInstalls {
    public static let folderName = "audit-installs"

    /// The listed install ids; nil when the folder has no list (its logs predate the list).
    public static func list(folder: URL) -> Set<String>? {
        let listing = folder.appendingPathComponent(folderName)
        guard DurableFile.isDirectory(listing) else { return nil }
        return Set(DurableFile.list(listing).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
    }

    static func file(of installID: String, in folder: URL) -> URL {
        folder.appendingPathComponent(folderName).appendingPathComponent(installID + ".json")
    }

    /// Lists `installID` in `folder` unless it is listed already.
    static func register(_ installID: String, in folder: URL, at time: String) throws(StoreError) {
        let url = file(of: installID, in: folder)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        let text = "{\n  \"install\" : \"\(installID)\",\n  \"listedAt\" : \"\(time)\"\n}\n"
        try DurableFile.write(Data(text.utf8), to: url)
    }
}

/// What this machine saw of a data folder's audit logs when it last verified them without
/// finding anything wrong: each log's number of entries and the hash of its last one. Kept
/// outside the data folder, per folder (`$XDG_STATE_HOME/fieldbook/audit-seen.json`, else
/// `~/.local/state/fieldbook/audit-seen.json`, owner-only), so a log cut back or an entry edited
/// after it was seen (the last one included, which no later entry chains to) is found.
public struct AuditMemory: Codable, Sendable, Equatable {
    public struct Seen: Codable, Sendable, Equatable {
        public var entries: Int
        public var lastHash: String

        public init(entries: Int, lastHash: String) {
            self.entries = entries
            self.lastHash = lastHash
        }
    }

    /// By data folder (`MachineSettings.key(for:)`), by log (relative to the folder).
    public var folders: [String: [String: Seen]] = [:]

    public init() {}

    public static func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        InstallID.location(environment: environment).deletingLastPathComponent().appendingPathComponent("audit-seen.json")
    }

    /// The memory kept at `file`; empty when there is none or it cannot be read (then nothing is
    /// compared, and the next clean verify starts it again).
    public static func load(from file: URL = location()) -> AuditMemory {
        guard let data = try? DurableFile.read(file), let memory = try? JSONDecoder().decode(AuditMemory.self, from: data) else {
            return AuditMemory()
        }
        return memory
    }

    public func save(to file: URL = location()) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try DurableFile.write(data, to: file)
    }

    public func seen(in folder: URL) -> [String: Seen] { folders[MachineSettings.key(for: folder)] ?? [:] }

    /// Remembers every log of `trail` as it is now.
    public mutating func remember(_ trail: AuditTrail, in folder: URL) {
        var logs: [String: Seen] = [:]
        for (file, hashes) in trail.lineHashes {
            logs[file] = Seen(entries: hashes.count, lastHash: hashes.last ?? AuditEntry.firstPrevious)
        }
        folders[MachineSettings.key(for: folder)] = logs
    }
}

extension AuditTrail {
    /// What is wrong with the set of logs rather than inside one: a listed install whose log is
    /// missing or empty, a log from an install not in `installs` (nil: a folder from before the
    /// list, not checked), and, against what this machine `seen` when it last verified, a log
    /// that is gone, shrank, or whose last seen entry changed.
    public func logProblems(installs: Set<String>?, seen: [String: AuditMemory.Seen]) -> [Damage] {
        var problems: [Damage] = []
        let present = Set(files)
        func install(of file: String) -> String { String(file.dropFirst(AuditLog.folderName.count + 1).dropLast(6)) }
        var reportedMissing: Set<String> = []
        if let installs {
            for id in installs.sorted() {
                let file = "\(AuditLog.folderName)/\(id).jsonl"
                if !present.contains(file) {
                    problems.append(Damage(file: file, line: 0, message: "missing: the log of a copy listed in \(AuditInstalls.folderName)/ is gone"))
                    reportedMissing.insert(file)
                } else if (lineHashes[file] ?? []).isEmpty {
                    problems.append(Damage(file: file, line: 0, message: "empty: the log of a copy listed in \(AuditInstalls.folderName)/ holds no entry"))
                }
            }
            for file in files.sorted() where !installs.contains(install(of: file)) {
                problems.append(Damage(file: file, line: 0,
                                       message: "a log from a copy not listed in \(AuditInstalls.folderName)/ (made up, or its listing removed)"))
            }
        }
        for (file, was) in seen.sorted(by: { $0.key < $1.key }) where was.entries > 0 {
            let hashes = lineHashes[file] ?? []
            if !present.contains(file) {
                if !reportedMissing.contains(file) {
                    problems.append(Damage(file: file, line: 0, message: "missing: it held \(was.entries) entries when this machine last verified the trail"))
                }
            } else if hashes.count < was.entries {
                problems.append(Damage(file: file, line: hashes.count,
                                       message: "shrank: \(was.entries) entries when this machine last verified the trail, \(hashes.count) now"))
            } else if hashes[was.entries - 1] != was.lastHash {
                problems.append(Damage(file: file, line: was.entries,
                                       message: "changed: this entry, the last when this machine last verified the trail, was edited"))
            }
        }
        return problems
    }
}
