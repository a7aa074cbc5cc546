import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The records of some files of a data folder, read again after those files changed (a sync
/// merged them), to put in place of what the records held from them (`apply`).
public struct FolderChanges: Sendable, Equatable {
    /// The record files read again (relative paths), whatever each holds now (deleted ones too).
    public internal(set) var paths: Set<String> = []
    /// What these files hold now.
    var loaded = DataSnapshot()
    /// Employer contacts that were in these files before they were read again.
    var contactsBefore: Set<UUID> = []
    /// The problems these files have now.
    var problems: [DataProblem] = []
    /// The versions kept under `conflicts/` now (listed again each time: a sync may add some).
    var keptCopies: [DataProblem] = []

    public init() {}

    public var isEmpty: Bool { paths.isEmpty }

    /// Puts what the files hold now in place of what `snapshot` held from them.
    public func apply(to snapshot: inout DataSnapshot) {
        var ids: [String: Set<UUID>] = [:]
        for path in paths {
            let parts = path.split(separator: "/")
            if parts.count == 2, let id = UUID(uuidString: String(parts[1].dropLast(5))) { ids[String(parts[0]), default: []].insert(id) }
        }
        func replace<R: Identifiable>(_ list: inout [R], _ folder: String, with new: [R]) where R.ID == UUID {
            guard let gone = ids[folder] else { return }
            list.removeAll { gone.contains($0.id) }
            list += new
        }
        replace(&snapshot.specialists, DataLayout.specialists, with: loaded.specialists)
        replace(&snapshot.clients, DataLayout.clients, with: loaded.clients)
        replace(&snapshot.employers, DataLayout.employers, with: loaded.employers)
        replace(&snapshot.fidelityReviews, DataLayout.fidelityReviews, with: loaded.fidelityReviews)
        if paths.contains(DataLayout.settingsFile) { snapshot.settings = loaded.settings }
        if !contactsBefore.isEmpty || !loaded.employerContacts.isEmpty {
            let gone = contactsBefore.union(loaded.employerContacts.map(\.id))
            let contacts = snapshot.employerContacts.filter { !gone.contains($0.id) } + loaded.employerContacts
            // In the order a whole load gives (day, time made), ties in the order they were held.
            let order = contacts.indices.map { (day: contacts[$0].date.dayNumber, created: contacts[$0].createdAt, index: $0) }
                .sorted { ($0.day, $0.created, $0.index) < ($1.day, $1.created, $1.index) }
            snapshot.employerContacts = order.map { contacts[$0.index] }
        }
        snapshot.problems.removeAll { paths.contains($0.path) || $0.kind == .conflictCopy }
        snapshot.problems += problems + keptCopies
    }
}

/// How records change after files of a folder changed: only those files read again, or the
/// whole folder when that is simpler or safer.
public enum FolderUpdate: Sendable, Equatable {
    case whole(DataSnapshot)
    case files(FolderChanges)

    public func apply(to snapshot: inout DataSnapshot) {
        switch self {
        case .whole(let whole): snapshot = whole
        case .files(let changes): changes.apply(to: &snapshot)
        }
    }
}

extension Store {
    /// More changed files than this and the whole folder is read again.
    static let mostFilesReadAlone = 2000

    /// Reads again the files at `changed` (relative paths; files that are not records are
    /// passed over), under the folder lock so that no sync is halfway through writing them.
    /// The whole folder is read instead (`.whole`) when the format file changed, a path is not
    /// where a record file lives or is a sync tool's copy, a record is not in the file named
    /// after it, or an employer contact read is also in a file not read again.
    public func reread(_ changed: some Sequence<String>) -> FolderUpdate {
        var paths = Set<String>()
        for path in changed {
            if path == DataLayout.formatFile { return .whole(load()) }
            guard let kind = RecordFiles.kind(of: path) else { continue }
            let parts = path.split(separator: "/")
            let expected = switch kind.layout {
            case .file: 1
            case .folder: 2
            case .folderPerSpecialist: 3
            }
            let name = String(parts.last ?? "")
            guard parts.count == expected, name.hasSuffix(".json"), DataLayout.originalOfSyncCopy(name) == nil else {
                return .whole(load())
            }
            paths.insert(path)
        }
        if paths.count > Self.mostFilesReadAlone { return .whole(load()) }
        let read = { () -> FolderChanges? in self.readAlone(paths) }
        let changes: FolderChanges?
        if mode == .readWrite, let locked = try? lock.withLock({ () throws(StoreError) in read() }) {
            changes = locked
        } else {
            changes = read()
        }
        return changes.map { .files($0) } ?? .whole(load())
    }

    /// The records of `paths` alone; nil when the whole folder must be read (see `reread`).
    private func readAlone(_ paths: Set<String>) -> FolderChanges? {
        var changes = FolderChanges()
        changes.paths = paths
        let months = paths.filter { RecordFiles.kind(of: $0)?.layout == .folderPerSpecialist }
        if !months.isEmpty {
            changes.contactsBefore.formUnion(contactFiles.contacts(in: months))
        }
        var loaded = LoadedRecords()
        for path in paths.sorted() {
            guard let kind = RecordFiles.kind(of: path) else { continue }
            let read = RecordFileRead.read(folder.appendingPathComponent(path), as: kind, through: transform)
            take(read, at: path, kind: kind.recordKind, into: &loaded, keepingBytes: true)
        }
        // A record not in the file named after it (or an id in two files), or a contact also in
        // a month not read again: the whole folder says which one counts, as a load does.
        var named = Set<UUID>()
        for path in paths {
            let parts = path.split(separator: "/")
            if parts.count == 2, let id = UUID(uuidString: String(parts[1].dropLast(5))) { named.insert(id) }
        }
        let read = loaded.snapshot
        let ids = read.specialists.map(\.id) + read.clients.map(\.id) + read.employers.map(\.id) + read.fidelityReviews.map(\.id)
        guard ids.allSatisfy(named.contains) else { return nil }
        for contact in loaded.contacts.elements {
            if let file = contactFiles[contact.id], !months.contains(file) { return nil }
        }
        for id in changes.contactsBefore { contactFiles[id] = nil }
        for (id, file) in loaded.contactFiles.read { contactFiles[id] = file }
        changes.loaded = loaded.snapshot
        changes.loaded.employerContacts = loaded.contacts.elements
        changes.problems = loaded.problems
        changes.keptCopies = keptCopies().map(LoadProblems.keptCopy)
        return changes
    }
}

/// The folder lock, taken by a reader that met a file that vanished or did not read while a
/// sync may be writing it: once the lock is held, no sync of Fieldbook's is halfway through.
/// Taken at the first such file and held until the read is over; a folder that is not shared
/// through git never needs it.
final class SettlingLock {
    private let path: String
    private let shared: Bool
    private var fd: Int32 = -1

    init(folder: URL) {
        path = folder.appendingPathComponent(FolderLock.fileName).path
        shared = DurableFile.isDirectory(folder.appendingPathComponent(".git"))
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Whether a read with this outcome is worth doing again under the lock.
    func shouldRetry(_ read: RecordFileRead) -> Bool {
        guard shared else { return false }
        switch read.outcome {
        case .absent, .unreadable, .failed: return true
        case .decoded, .conflictMarkers: return false
        }
    }

    /// Holds the lock (a reader may not write to the folder: the lock file is opened for
    /// reading, which flock allows). False when it cannot be taken.
    func hold() -> Bool {
        if fd >= 0 { return true }
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                fd = -1
                return false
            }
        }
        return true
    }
}
