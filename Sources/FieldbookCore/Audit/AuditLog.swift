import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit trail of one copy of Fieldbook: `audit/<install-id>.jsonl` in the data folder, one
/// JSON line per change, each carrying the SHA-256 of the line before it.
///
/// Each copy writes only its own file, so a sync tool never has two writers to merge into one.
/// The store calls `recordWrite` once after each successful write, so an entry always follows
/// its record: a crash between the two leaves a change with no entry, which
/// `AuditTrail.verify` reports as unaudited, never as a broken chain. Entries name fields,
/// never their values.
public struct AuditLog: Sendable {
    public static let folderName = "audit"

    /// The data folder.
    public let folder: URL
    public let installID: String
    /// The specialist using this copy, when known.
    public var specialistID: UUID?
    private let now: @Sendable () -> Date
    /// Shared by every copy of this value (the store holds one): the entries that could not be
    /// written.
    private let failureLog = FailureLog()

    /// Why each entry that could not be written (a full disk, a log that cannot be opened) was
    /// not, in order: its save stands, and a command that saved says so and exits non-zero.
    public var failures: [StoreError] { failureLog.all }

    public init(dataFolder: URL, installID: String, specialistID: UUID? = nil,
                now: @escaping @Sendable () -> Date = { Date() })
    {
        folder = dataFolder.standardizedFileURL
        self.installID = installID
        self.specialistID = specialistID
        self.now = now
    }

    public var file: URL {
        folder.appendingPathComponent(Self.folderName).appendingPathComponent("\(installID).jsonl")
    }

    /// Logs what a write of the file at `relative` (relative to the data folder) changed, from
    /// its bytes before (nil for a new file) and after. Called by the store after the write
    /// succeeded. A failure to log does not undo the save; it is returned, and the change
    /// shows as unaudited in `fieldbook audit --verify`.
    @discardableResult
    public func recordWrite(of relative: String, from old: Data?, to new: Data) -> StoreError? {
        log(ChangedFields.changes(at: relative, old: old, new: new))
    }

    /// The same, from the file's JSON before and after as the store holds it.
    @discardableResult
    func recordWrite(of relative: String, before: JSONValue?, after: JSONValue) -> StoreError? {
        log(ChangedFields.changes(at: relative, before: before, after: after))
    }

    /// Logs the deletion of the record whose file at `relative` held `old`.
    @discardableResult
    public func recordDeletion(of relative: String, from old: Data) -> StoreError? {
        log(ChangedFields.changes(at: relative, old: old, new: nil))
    }

    private func log(_ changes: [AuditChange]) -> StoreError? {
        do {
            try append(changes)
            return nil
        } catch {
            failureLog.add(error)
            return error
        }
    }

    private final class FailureLog: @unchecked Sendable {
        private let lock = NSLock()
        private var failures: [StoreError] = []
        var all: [StoreError] { lock.withLock { failures } }
        func add(_ failure: StoreError) { lock.withLock { failures.append(failure) } }
    }

    /// Appends one entry per change, chained to the last line of the log. The file is locked
    /// while appending, so two processes of the same copy never interleave.
    public func append(_ changes: [AuditChange]) throws(StoreError) {
        guard !changes.isEmpty else { return }
        let url = file
        try DurableFile.makeFolder(url.deletingLastPathComponent())
        let fd = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, DurableFile.fileMode)
        guard fd >= 0 else { throw .io(path: relativePath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw .io(path: relativePath, reason: String(cString: strerror(errno))) }
        let (last, endsWithNewline) = lastLine(fd)
        var previous = last.map(AuditEntry.hash) ?? AuditEntry.firstPrevious
        var bytes = Data()
        // A line cut short by a crash stays as it is (verify reports it); the next entry starts
        // on a line of its own and chains to it.
        if last != nil && !endsWithNewline { bytes.append(0x0A) }
        let time = Timestamp.format(now())
        // The folder lists this copy with its first entry (the list a verify checks the logs against).
        try AuditInstalls.register(installID, in: folder, at: time)
        for change in changes {
            let entry = AuditEntry(
                time: time, install: installID, specialist: specialistID?.uuidString.lowercased(),
                action: change.action, kind: change.kind, record: change.record, fields: change.fields,
                recordUpdatedAt: change.recordUpdatedAt, previous: previous)
            let line = try entry.line()
            previous = AuditEntry.hash(line)
            bytes.append(line)
            bytes.append(0x0A)
        }
        let failure: String? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
        if let failure { throw .io(path: relativePath, reason: failure) }
        // Made durable right after, off the save's path: the record it follows is durable
        // already, and a power cut in between loses only this entry, which `verify` then
        // reports as unaudited, as for a crash between a record and its entry.
        let syncing = dup(fd)
        if syncing < 0 {
            if SystemCalls.fsync(fd) != 0 { throw .io(path: relativePath, reason: String(cString: strerror(errno))) }
        } else {
            AuditSync.sync(syncing)
        }
    }

    /// Waits until every entry appended so far is on disk (fsynced). Called when the program
    /// ends; saves do not wait for it.
    public static func waitUntilDurable() {
        AuditSync.waitUntilDurable()
    }

    /// How many appends this process has made durable so far.
    static var appendsSynced: Int { AuditSync.synced.value }

    private var relativePath: String { "\(Self.folderName)/\(installID).jsonl" }

    /// The last line of the open file (without its newline), and whether the file ends with one.
    private func lastLine(_ fd: Int32) -> (Data?, Bool) {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return (nil, true) }
        let size = Int(info.st_size)
        var chunk = 4096
        while true {
            let length = min(size, chunk)
            var buffer = [UInt8](repeating: 0, count: length)
            let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, length, off_t(size - length)) }
            guard read == length else { return (nil, true) }
            let endsWithNewline = buffer.last == 0x0A
            var body = buffer[...]
            if endsWithNewline { body = body.dropLast() }
            if let cut = body.lastIndex(of: 0x0A) {
                return (Data(body[(cut + 1)...]), endsWithNewline)
            }
            if length == size { return (Data(body), endsWithNewline) }
            chunk *= 4
        }
    }
}

/// The fsyncs of appended audit entries, one after another on a queue of their own, so a save
/// returns once its record is durable. Every one still pending is waited for at exit.
enum AuditSync {
    private static let queue = DispatchQueue(label: "fieldbook.audit-sync")
    private static let waitsAtExit: Void = {
        atexit { AuditSync.waitUntilDurable() }
    }()

    /// Syncs and closes `descriptor` (the caller's own copy of the log's descriptor).
    static func sync(_ descriptor: Int32) {
        _ = waitsAtExit
        queue.async {
            if SystemCalls.fsync(descriptor) == 0 { synced.add() }
            close(descriptor)
        }
    }

    static func waitUntilDurable() {
        queue.sync {}
    }

    /// How many appends have been fsynced in this process (for tests).
    static let synced = Counter()

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
