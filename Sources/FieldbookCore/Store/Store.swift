import Foundation

/// Reads and writes a data folder of JSON files.
///
/// Every file read or written is remembered by a hash of its bytes and its JSON as read. A save
/// holds the folder's lock, compares the file on disk with that hash, and if someone else
/// changed it in the meantime, merges the two versions field by field (`SaveResult.merged`).
/// Only when the same field was changed both ways does the save fail with
/// `StoreError.conflict`: nothing is overwritten, and this copy's version is kept under
/// `conflicts/` until `resolve` settles it. Fields this version does not know are written
/// back as they were read.
public final class Store {
    public enum Mode: Sendable {
        /// Creates the folder and its format file when missing; saves allowed.
        case readWrite
        /// Never writes anything (a demo source, `fieldbook check`).
        case readOnly
    }

    public let folder: URL
    public let mode: Mode
    /// What this store knows of each file it read or wrote (see `StoreFiles`).
    var files = StoreFiles()
    /// The month file each employer contact was read from or saved into.
    var contactFiles = ContactFiles()
    /// The records as the last whole load read them (a store that saves): the base of a save
    /// whose file changed since (see `asLoadedBytes`). The same lists as the snapshot `load`
    /// returned, shared until one side changes them.
    var asLoaded = DataSnapshot()
    let now: @Sendable () -> Date
    var fileSystem: FileSystem
    /// True (the default): every write is fsynced, then its folder, before the save returns.
    /// False only for a folder that is thrown away after use (the demo copy, the benchmark's
    /// generated folders): a crash may then lose recent writes, which is harmless there, and
    /// writes stay atomic (temporary file, rename) whatever happens.
    public var syncsWrites: Bool {
        get { fileSystem.syncs }
        set { fileSystem.syncs = newValue }
    }
    let lock: FolderLock
    /// Between the store and the disk: every record file read or written goes through it.
    public var transform: FileTransform = .plain
    /// Where each successful write is logged (see `AuditLog`); nil logs nothing.
    public var auditLog: AuditLog?
    /// The derived cache `load` reads unchanged files from and writes anew (see `RecordCache`);
    /// nil, or a read-only store, reads every file.
    public var derivedCache: RecordCache?
    /// How many files the last `load` took from the derived cache.
    public internal(set) var filesFromCache = 0

    /// `transform`: an encrypted folder's key (`FolderKey.transform`); a store opened on an
    /// encrypted folder without it, or on a half-converted one, throws before reading anything.
    public convenience init(folder: URL, mode: Mode = .readWrite, now: @escaping @Sendable () -> Date = { Date() },
                            transform: FileTransform = .plain)
        throws(StoreError)
    {
        try self.init(folder: folder, mode: mode, now: now, fileSystem: .system, transform: transform)
    }

    init(folder: URL, mode: Mode = .readWrite, now: @escaping @Sendable () -> Date = { Date() }, fileSystem: FileSystem,
         transform: FileTransform = .plain)
        throws(StoreError)
    {
        self.transform = transform
        self.folder = folder.standardizedFileURL
        self.mode = mode
        self.now = now
        self.fileSystem = fileSystem
        self.lock = FolderLock(folder: folder.standardizedFileURL)
        let formatURL = self.folder.appendingPathComponent(DataLayout.formatFile)
        if let data = try DurableFile.read(formatURL) {
            let format: FormatFile
            do {
                format = try TapeDecoding.decode(FormatFile.self, from: data)
            } catch {
                throw .unreadableFormatFile(path: formatURL.path, reason: JSONCoding.describe(error, in: data))
            }
            if format.formatVersion > FormatFile.readableVersion {
                throw .newerFormat(found: format.formatVersion, supported: FormatFile.readableVersion)
            }
            if let encryption = format.encryption {
                if let converting = encryption.converting {
                    throw .unfinishedConversion(path: self.folder.path, command: converting == .decrypting ? "decrypt" : "encrypt")
                }
                if transform.isPlain { throw .encrypted(path: self.folder.path) }
            } else if !transform.isPlain {
                throw .io(path: self.folder.path, reason: "is not encrypted, and was opened with a key")
            }
        } else if mode == .readWrite {
            if !DurableFile.list(self.folder).isEmpty {
                throw .notADataFolder(path: self.folder.path)
            }
            try DurableFile.makeFolder(self.folder)
            try DurableFile.write(JSONCoding.encode(FormatFile()), to: formatURL)
            try CareerProfileStore(folder: self.folder).installDefaultDefinition()
        } else if !DurableFile.isDirectory(self.folder) {
            throw .io(path: self.folder.path, reason: "no such folder")
        }
    }

    // MARK: Saving

    /// Saves a client (with their jobs and contacts), a specialist or an employer, with
    /// `updatedAt` set to now. If the file changed on disk since it was read, the two versions
    /// are merged (`.merged`); if the same field changed both ways, throws `StoreError.conflict`.
    @discardableResult
    public func save<Record: StoredRecord>(_ record: Record) throws(StoreError) -> SaveResult<Record> {
        var stamped = record
        stamped.updatedAt = wholeSeconds(now())
        return try saveRecord(stamped, to: stamped.filePath, name: stamped.recordName)
    }

    /// Writes a record as it is, timestamps included (the demo copy, imports).
    @discardableResult
    public func saveKeepingTimestamp<Record: StoredRecord>(_ record: Record) throws(StoreError) -> SaveResult<Record> {
        try saveRecord(record, to: record.filePath, name: record.recordName)
    }

    /// Lets go of the bytes and trees this store holds of files it wrote, keeping their
    /// versions: for a writer of many records that seldom comes back to one (an import), so
    /// that memory does not grow with what it wrote. A later save of such a file reads it again.
    public func releaseWritten(_ relatives: some Sequence<String>) {
        for relative in relatives { files.keepVersionOnly(relative) }
    }

    @discardableResult
    public func save(_ settings: Settings) throws(StoreError) -> SaveResult<Settings> {
        try saveRecord(settings, to: DataLayout.settingsFile, name: "Settings")
    }

    /// Writes many employer contacts as they are, one write per month file.
    public func saveKeepingTimestamps(_ contacts: [EmployerContact]) throws(StoreError) {
        let groups = Dictionary(grouping: contacts) {
            DataLayout.employerContacts(specialist: $0.specialistID, month: $0.date)
        }
        for (relative, group) in groups.sorted(by: { $0.key < $1.key }) {
            _ = try put(group, into: relative)
        }
    }

    /// Timestamps are stored to the second; stamping whole seconds keeps memory and disk equal.
    func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Saves a value into its file: this copy's version, with the fields it does not know
    /// carried over from the version it started from, merged with the file on disk if that
    /// changed since. The value starts from the version of the file it carries
    /// (`fileVersion`), or from the file as this store holds it when it carries none (a new
    /// record). `known` is the value's tree when the caller has it already; `decodeWritten`,
    /// the record read back from what was written when that was `mine`, when the caller can
    /// tell it without decoding the whole file.
    func saveRecord<T: Codable & Sendable & VersionedRecord>(
        _ value: T, to relative: String, name: String, known given: JSONValue? = nil,
        decodeWritten: ((JSONValue) throws(StoreError) -> T)? = nil
    ) throws(StoreError) -> SaveResult<T> {
        guard mode == .readWrite else { throw .readOnly }
        let known: JSONValue
        if let given { known = given } else { known = try tree(value) }
        let start = try startingPoint(of: relative, from: value.fileVersion, as: T.self)
        var base: JSONValue?
        var mine = known
        var fileJSON: JSONValue?
        var carried = false
        if let forms = start.forms {
            fileJSON = forms.read
            if forms.unknownFree {
                // Nothing to carry: carrying would give `readAsKnown` and `known` back unchanged.
                base = forms.known
            } else {
                base = UnknownFields.carry(from: forms.read, readAsKnown: forms.known, into: forms.known)
                mine = UnknownFields.carry(from: forms.read, readAsKnown: forms.known, into: known)
                carried = true
            }
        }
        let (json, outcome, wroteMine, data) = try commit(
            relative: relative, name: name, expecting: start.version, base: base, mine: mine, choices: [:],
            keptCopy: nil, fileJSON: fileJSON)
        let version = FileVersion(of: data)
        var record: T
        if wroteMine, let decodeWritten {
            record = try decodeWritten(json)
        } else {
            record = try decode(T.self, bytes: data, relative)
        }
        record.markRead(as: version)
        // What was written is `mine`: read back, it is `known` again (fields this version
        // does not know aside), so these are the next save's forms of the file.
        if wroteMine {
            files.set(relative, .written(WrittenFile(
                version: version, bytes: data, json: json, known: known, unknownFree: !carried,
                month: record as? EmployerContactMonth)))
        }
        switch outcome {
        case .saved: return .saved(record)
        case .merged(let fields): return .merged(record, fields: fields)
        }
    }

    /// Where a save of `relative` starts: the version it expects on disk (nil: none, the
    /// file is new to this store) and that version's JSON, as read and in this version's terms
    /// (`unknownFree`: the file holds no field this version does not know). `version` is the
    /// one the saved value carries; nil starts from the file as this store holds it now.
    ///
    /// The base of a merge is always bytes this store read or wrote, found by their hash:
    /// when the version's bytes are no longer held, nor the file's now, the save has no base
    /// (each field that differs from the file on disk is then a conflict, never overwritten).
    func startingPoint<T: Codable>(of relative: String, from version: FileVersion?, as type: T.Type) throws(StoreError)
        -> (version: FileVersion?, forms: (read: JSONValue, known: JSONValue, unknownFree: Bool)?)
    {
        guard let start = version ?? files[relative]?.version else { return (nil, nil) }
        if let file = files.written(relative), file.version == start {
            return (start, (file.json, file.known, file.unknownFree))
        }
        guard let bytes = try bytes(of: start, at: relative) else {
            // A version of a file this store never saw (a record from another folder) is new here.
            return (files[relative] == nil && version != nil ? nil : start, nil)
        }
        let read = try parse(bytes, relative)
        let readAsKnown = try tree(decode(T.self, read, relative))
        return (start, (read, readAsKnown, !UnknownFields.anyCarried(from: read, readAsKnown: readAsKnown)))
    }

    /// The bytes of one version of a file: held since this store read or wrote them; else the
    /// file's bytes now when their hash is still that version's (a file loaded without keeping
    /// its bytes); else, when the file changed since, the records loaded from that version of
    /// that file, written again (`asLoadedBytes`). A version this file never had here (a record
    /// read from another file: a misnamed one, a contact moving to another month) has none.
    func bytes(of version: FileVersion, at relative: String) throws(StoreError) -> Data? {
        if let bytes = files.bytes(of: version, at: relative) { return bytes }
        if let data = try transform.read(relative, from: folder.appendingPathComponent(relative)),
           FileVersion(of: data) == version
        {
            files.set(relative, .read(version, data))
            return data
        }
        return files.knows(version, at: relative) ? asLoadedBytes(of: version, at: relative) : nil
    }

    /// The one place a record file is written. Under the folder's lock: compare the file on
    /// disk with the version the save started from (`expected`); write `mine` if it is that
    /// version, else merge `mine` with it (from `base`), and write the merge unless a field
    /// conflicts. Returns what was written, as JSON and bytes. On a conflict nothing is
    /// written but `mine`, kept under `conflicts/` (unless it is already kept there:
    /// `keptCopy`). `fileJSON`: the JSON of the expected version, if the caller holds it (the
    /// audit entry's "before" when the file is unchanged on disk, instead of parsing it again).
    func commit(
        relative: String, name: String, expecting expected: FileVersion?, base: JSONValue?, mine: JSONValue,
        choices: [String: MergeChoice], keptCopy: String?, alwaysMerge: Bool = false, fileJSON: JSONValue? = nil
    ) throws(StoreError) -> (written: JSONValue, outcome: SaveOutcome, wroteMine: Bool, bytes: Data) {
        let url = folder.appendingPathComponent(relative)
        return try lock.withLock { () throws(StoreError) in
            let onDisk = try transform.read(relative, from: url)
            let unchanged = onDisk.map(FileVersion.init(of:)) == expected
            var toWrite = mine
            var outcome = SaveOutcome.saved
            var wroteMine = true
            if !unchanged || alwaysMerge {
                let theirs = try onDisk.map { data throws(StoreError) in try normalized(parse(data, relative), relative) }
                let merged = RecordMerge.threeWay(
                    base: base, mine: mine, theirs: theirs, choosing: choices)
                if !merged.conflicts.isEmpty {
                    var kept = keptCopy ?? ""
                    if keptCopy == nil { kept = try keepConflictCopy(mine, base: base, for: relative) }
                    throw .conflict(SaveConflict(record: name, path: relative, keptCopy: kept, fields: merged.conflicts))
                }
                toWrite = merged.json!
                wroteMine = false
                if onDisk != nil { _ = try normalized(toWrite, relative) }
                outcome = merged.mergedFields.isEmpty ? .saved : .merged(fields: merged.mergedFields)
            }
            // The audit entry's "before": the file as it was, when it is JSON at all.
            // (Unchanged on disk, it is the JSON this store holds of it.)
            let before: JSONValue?
            if onDisk != nil, unchanged, let fileJSON {
                before = fileJSON
            } else {
                before = onDisk.flatMap { try? JSONReader.parse($0) }
            }
            let data = JSONWriter.data(toWrite)
            try transform.write(data, relative, to: url, using: fileSystem)
            auditLog?.recordWrite(of: relative, before: before, after: toWrite)
            files.set(relative, .read(FileVersion(of: data), data))
            return (toWrite, outcome, wroteMine, data)
        }
    }

    // MARK: JSON

    /// A file's JSON as this store holds it now (read when it holds only its version).
    func readJSON(_ relative: String) throws(StoreError) -> JSONValue? {
        guard let version = files[relative]?.version, let data = try bytes(of: version, at: relative) else { return nil }
        return try parse(data, relative)
    }

    func parse(_ data: Data, _ relative: String) throws(StoreError) -> JSONValue {
        try RecordFiles.parse(data, relative)
    }

    func decode<T: Decodable>(_ type: T.Type, _ json: JSONValue, _ relative: String) throws(StoreError) -> T {
        try RecordFiles.decode(type, bytes: JSONWriter.data(json), relative)
    }

    func decode<T: Decodable>(_ type: T.Type, bytes data: Data, _ relative: String) throws(StoreError) -> T {
        try RecordFiles.decode(type, bytes: data, relative)
    }

    /// A record's JSON tree, as `JSONCoding.encode` writes it (see `TreeEncoding`).
    func tree<T: Encodable>(_ value: T) throws(StoreError) -> JSONValue {
        try RecordFiles.tree(value)
    }

    /// A file's JSON in this version's terms (see `RecordFiles.normalized`).
    func normalized(_ json: JSONValue, _ relative: String) throws(StoreError) -> JSONValue {
        try RecordFiles.normalized(json, relative)
    }
}


