import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `fieldbook check` reports: every file that does not follow the data format, and
/// references that point nowhere. Reads only; never writes.
public enum DataCheck {
    /// Checks that can be left out (e.g. permissions of a folder that is only a source to copy).
    public enum Part: Hashable, Sendable {
        /// Files or folders open to group or others.
        case permissions
        /// The walk over every file of the folder (temporary files left behind, permissions),
        /// which the app does after its first frame (`hygiene(of:)`).
        case folderWalk
    }

    public static func run(folder: URL, skipping: Set<Part> = [], now: Date = Date(), transform: FileTransform = .plain)
        -> [DataProblem]
    {
        report(folder: folder, skipping: skipping, now: now, transform: transform).problems
    }

    /// The problems, and what could be read (for a summary line).
    /// `transform`: an encrypted folder's key (a file that fails to open with it is reported
    /// as damaged or tampered with, never loaded).
    /// `progress` is told the files read, then that the rest is being checked.
    public static func report(folder: URL, skipping: Set<Part> = [], now: Date = Date(), transform: FileTransform = .plain,
                              progress: (any ProgressListener)? = nil)
        -> (problems: [DataProblem], snapshot: DataSnapshot)
    {
        let store: Store
        do {
            store = try Store(folder: folder, mode: .readOnly, transform: transform)
        } catch {
            // The problem names the file; the message is what is wrong with it.
            let message: String
            switch error {
            case .io(_, let reason), .unreadableFormatFile(_, let reason): message = reason
            default: message = error.description
            }
            return ([DataProblem(path: DataLayout.formatFile, kind: .formatFile, message: message)], DataSnapshot())
        }
        // The career profiles are read beside the records (neither needs the other).
        let (snapshot, profileProblems) = SideBySide.run({ store.load(progress: progress) }, {
            profileFileProblems(CareerProfileStore(folder: folder, mode: .readOnly, transform: transform))
        })
        progress?.start("checking references and the folder", unit: "")
        progress?.show(0, of: 0)
        return (problems(in: folder, loaded: snapshot, profileProblems: profileProblems, skipping: skipping, now: now,
                         transform: transform), snapshot)
    }

    /// Everything `fieldbook check` reports, given the folder's records as already loaded
    /// (the app counts them on start without reading the folder twice). `profileProblems`, when
    /// given, are the career profile problems already read (`ProfileOverview.problems`): the
    /// profiles are then not read again.
    public static func problems(
        in folder: URL, loaded snapshot: DataSnapshot, profileProblems: [DataProblem]? = nil, skipping: Set<Part> = [], now: Date = Date(),
        transform: FileTransform = .plain
    ) -> [DataProblem] {
        var problems: [DataProblem] = []
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(DataLayout.formatFile).path) {
            problems.append(DataProblem(path: DataLayout.formatFile, kind: .formatFile,
                                        message: "missing: this folder does not say which data format it uses"))
        }
        problems += snapshot.problems
        // A record in an unreadable file is already reported; references to it are not news.
        let unreadable = Set(snapshot.problems.compactMap { problem in
            UUID(uuidString: String(problem.path.split(separator: "/").last?.dropLast(5) ?? ""))
        })
        // A record folder that cannot be listed is not empty: references into it are not checked
        // (each would be a false alarm), and the folder walk reports the folder.
        let unlisted = Set([DataLayout.specialists, DataLayout.clients, DataLayout.employers].filter { name in
            guard let directory = opendir(folder.appendingPathComponent(name).path) else { return errno != ENOENT }
            closedir(directory)
            return false
        })
        problems += references(in: snapshot, alsoKnown: unreadable, unlistedFolders: unlisted)
        problems += profileProblems ?? profileFileProblems(CareerProfileStore(folder: folder, mode: .readOnly, transform: transform))
        if !skipping.contains(.folderWalk) { problems += hygiene(of: folder, skipping: skipping, now: now) }
        return problems
    }

    /// The problems of the folder's career profile files: its definition, then every session
    /// file (each client's profile is read and let go: only the problems are kept).
    static func profileFileProblems(_ profiles: CareerProfileStore) -> [DataProblem] {
        [profiles.definition().problem].compactMap { $0 } + profiles.sessionProblems()
    }

    /// Problems with the folder itself rather than its records: temporary files left by
    /// interrupted saves, folders and files that cannot be read, symbolic links (where they
    /// lead), and files or folders open to group or others.
    /// The folder's derived cache (see `RecordCache`) is checked too: it holds client data.
    public static func hygiene(
        of folder: URL, skipping: Set<Part> = [], now: Date = Date(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [DataProblem] {
        // A JSON file that cannot be read is reported by the store that reads it: not opened here.
        let scan = FolderScan.scan(folder, openingJSONFiles: false)
        var problems: [DataProblem] = []
        for file in scan.staleTemporaryFiles(now: now) {
            let minutes = Int(now.timeIntervalSince(file.modified) / 60)
            problems.append(DataProblem(
                path: file.path, kind: nil,
                message: "temporary file of a save that never finished (\(minutes) minute\(minutes == 1 ? "" : "s") old); `fieldbook check --repair` removes it"))
        }
        // A JSON file that cannot be read is reported by the store that reads it.
        for entry in scan.unreadable where entry.isFolder || !entry.path.hasSuffix(".json") {
            let place = entry.path.isEmpty ? "the data folder" : entry.path
            problems.append(DataProblem(
                path: entry.path, kind: nil,
                message: entry.isFolder
                    ? "folder cannot be read (\(entry.reason)): what it holds is not counted, never taken as empty; give your user read access to \(place)"
                    : "file cannot be read (\(entry.reason)): give your user read access to it"))
        }
        for link in scan.links {
            let leads = link.resolved == nil ? "which leads nowhere"
                : link.leavesTheFolder ? "out of the data folder (\(link.resolved ?? ""))" : "inside the data folder"
            problems.append(DataProblem(
                path: link.path, kind: nil,
                message: "symbolic link to \(link.target), \(leads): `check --repair` and backups never follow it; "
                    + "replace it with the file or folder itself"))
        }
        if !skipping.contains(.permissions) {
            for folder in scan.looseFolders {
                var parts: [String] = []
                if let mode = folder.mode { parts.append("folder \(octal(mode))") }
                if let first = folder.files.first {
                    let count = folder.files.count
                    parts.append(count == 1 ? "\(first.name) \(octal(first.mode))"
                                            : "\(count) files like \(first.name) \(octal(first.mode))")
                }
                problems.append(DataProblem(
                    path: folder.path, kind: nil,
                    message: parts.joined(separator: ", ") + ": open to group or others; `fieldbook check --repair` makes them owner-only"))
            }
            for (path, mode) in RecordCache.forDataFolder(folder, environment: environment)?.looseModes() ?? [] {
                // The cache lives outside the data folder: its problems carry a full path.
                problems.append(DataProblem(
                    path: path, kind: nil,
                    message: "the derived cache (\(octal(mode))) is open to group or others; `fieldbook cache clear` removes it and the next start writes it owner-only"))
            }
        }
        return problems
    }

    /// Records that point at a specialist, client or employer that is not in the folder.
    /// References into a folder of `unlistedFolders` (one that could not be listed) are not checked.
    public static func references(in snapshot: DataSnapshot, alsoKnown: Set<UUID> = [], unlistedFolders: Set<String> = []) -> [DataProblem] {
        var problems: [DataProblem] = []
        let specialists = Set(snapshot.specialists.map(\.id)).union(alsoKnown)
        let clients = Set(snapshot.clients.map(\.id)).union(alsoKnown)
        let employers = Set(snapshot.employers.map(\.id)).union(alsoKnown)
        let checkSpecialists = !unlistedFolders.contains(DataLayout.specialists)
        let checkClients = !unlistedFolders.contains(DataLayout.clients)
        let checkEmployers = !unlistedFolders.contains(DataLayout.employers)
        for client in snapshot.clients {
            let path = DataLayout.client(client.id)
            if checkSpecialists, let id = client.specialistID, !specialists.contains(id) {
                problems.append(DataProblem(path: path, kind: .client, message: "specialistID \(id.lowercased) is not a known specialist"))
            }
            for (index, job) in client.jobs.enumerated() {
                if let end = job.endDate, end < job.startDate {
                    problems.append(DataProblem(path: path, kind: .client, message: "jobs[\(index)]: endDate \(end) is before startDate \(job.startDate)"))
                }
                if checkEmployers, let id = job.employerID, !employers.contains(id) {
                    problems.append(DataProblem(path: path, kind: .client, message: "jobs[\(index)].employerID \(id.lowercased) is not a known employer"))
                }
            }
        }
        // Each contact's fields are read in place (a copy of a contact retains each of its texts).
        let contacts = snapshot.employerContacts
        for index in contacts.indices {
            // Its file's path, made only for a problem.
            var path: String { DataLayout.employerContacts(specialist: contacts[index].specialistID, month: contacts[index].date) }
            let id = contacts[index].id
            if checkSpecialists && !specialists.contains(contacts[index].specialistID) {
                problems.append(DataProblem(path: path, kind: .employerContacts, message: "contact \(id.lowercased): specialistID is not a known specialist"))
            }
            let employerID = contacts[index].employerID
            if checkEmployers && !employers.contains(employerID) {
                problems.append(DataProblem(path: path, kind: .employerContacts, message: "contact \(id.lowercased): employerID \(employerID.lowercased) is not a known employer"))
            }
            guard checkClients else { continue }
            for seeker in contacts[index].jobSeekerIDs where !clients.contains(seeker) {
                problems.append(DataProblem(path: path, kind: .employerContacts, message: "contact \(id.lowercased): job seeker \(seeker.lowercased) is not a known client"))
            }
        }
        return problems
    }
}
