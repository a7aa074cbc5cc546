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
    /// Hash of each file as last read or written (nil inside: known to be absent).
    var known: [String: ContentHash?] = [:]
    /// Each file's JSON as last read or written: the base of a merge, and where fields this
    /// version does not know are carried from.
    /// (Kept as bytes, parsed when a save needs it: a folder's trees would take several times
    /// the memory of its files.)
    var readBytes: [String: Data] = [:]
    /// Records taken from the derived cache, in its binary form, by file: their bytes are read
    /// when a save needs them (`readJSON`).
    var cachedRecords: [String: (kind: RecordFileKind, payload: Data)] = [:]
    var contactFiles: [UUID: String] = [:]
    /// Files this store wrote from a record, in JSON and in this version's terms (see
    /// `saveRecord`), with the hash of the bytes written: the next save of the same record
    /// starts from them instead of parsing and decoding the file's bytes again. Used only
    /// while the file's hash in `known` is still the one written.
    var written: [String: WrittenForm] = [:]
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
    /// Where each successful write is logged (see `AuditLog`); nil logs nothing.
    public var auditLog: AuditLog?
    /// The derived cache `load` reads unchanged files from and writes anew (see `RecordCache`);
    /// nil, or a read-only store, reads every file.
    public var derivedCache: RecordCache?
    /// How many files the last `load` took from the derived cache.
    public internal(set) var filesFromCache = 0

    public convenience init(folder: URL, mode: Mode = .readWrite, now: @escaping @Sendable () -> Date = { Date() })
        throws(StoreError)
    {
        try self.init(folder: folder, mode: mode, now: now, fileSystem: .system)
    }

    init(folder: URL, mode: Mode = .readWrite, now: @escaping @Sendable () -> Date = { Date() }, fileSystem: FileSystem)
        throws(StoreError)
    {
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
            if format.formatVersion > FormatFile.currentVersion {
                throw .newerFormat(found: format.formatVersion, supported: FormatFile.currentVersion)
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
    public func saveKeepingTimestamp<Record: StoredRecord>(_ record: Record) throws(StoreError) {
        _ = try saveRecord(record, to: record.filePath, name: record.recordName)
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
    /// carried over from the file as read, merged with the file on disk if that changed.
    /// `known` is the value's tree when the caller has it already; `decodeWritten`, the
    /// record read back from what was written when that was `mine`, when the caller can tell
    /// it without decoding the whole file.
    func saveRecord<T: Codable & Sendable>(
        _ value: T, to relative: String, name: String, known given: JSONValue? = nil,
        decodeWritten: ((JSONValue) throws(StoreError) -> T)? = nil
    ) throws(StoreError) -> SaveResult<T> {
        guard mode == .readWrite else { throw .readOnly }
        let known: JSONValue
        if let given { known = given } else { known = try tree(value) }
        var base: JSONValue?
        var mine = known
        var fileJSON: JSONValue?
        var carried = false
        if let forms = try readForms(relative, as: T.self) {
            fileJSON = forms.exact ? forms.read : nil
            if forms.unknownFree {
                // Nothing to carry: carrying would give `readAsKnown` and `known` back unchanged.
                base = forms.known
            } else {
                base = UnknownFields.carry(from: forms.read, readAsKnown: forms.known, into: forms.known)
                mine = UnknownFields.carry(from: forms.read, readAsKnown: forms.known, into: known)
                carried = true
            }
        }
        let (json, outcome, wroteMine) = try commit(
            relative: relative, name: name, base: base, mine: mine, choices: [:], keptCopy: nil, fileJSON: fileJSON)
        let record: T
        if wroteMine, let decodeWritten {
            record = try decodeWritten(json)
        } else {
            record = try decode(T.self, bytes: readBytes[relative] ?? JSONWriter.data(json), relative)
        }
        // What was written is `mine`: read back, it is `known` again (fields this version
        // does not know aside), so these are the next save's forms of the file.
        if wroteMine, case .some(.some(let hash)) = self.known[relative] {
            written[relative] = WrittenForm(hash: hash, json: json, known: known, unknownFree: !carried, record: record)
        } else {
            written[relative] = nil
        }
        switch outcome {
        case .saved: return .saved(record)
        case .merged(let fields): return .merged(record, fields: fields)
        }
    }

    /// The file's JSON as this store last read or wrote it, and the same in this version's
    /// terms (decoded as `T` and encoded again); nil when the store never read the file.
    /// `unknownFree`: the file holds no field this version does not know, so carrying such
    /// fields would change nothing. `exact`: `read` is the JSON of the file whose hash is in
    /// `known` (not the records loaded from the derived cache, when the file changed since).
    func readForms<T: Codable>(_ relative: String, as type: T.Type) throws(StoreError)
        -> (read: JSONValue, known: JSONValue, unknownFree: Bool, exact: Bool)?
    {
        if let form = written[relative], case .some(.some(form.hash)) = known[relative] {
            return (form.json, form.known, form.unknownFree, true)
        }
        written[relative] = nil
        guard let (read, exact) = try readFileJSON(relative) else { return nil }
        let readAsKnown = try tree(decode(T.self, read, relative))
        return (read, readAsKnown, !UnknownFields.anyCarried(from: read, readAsKnown: readAsKnown), exact)
    }

    /// A record this store wrote, and its file's forms, while the file on disk is still what
    /// was written (see `written`).
    func writtenForm(_ relative: String) -> WrittenForm? {
        guard let form = written[relative], case .some(.some(form.hash)) = known[relative] else { return nil }
        return form
    }

    /// The one place a record file is written. Under the folder's lock: compare the file on
    /// disk with what this store read; write `mine` if it is unchanged, else merge `mine`
    /// with it (from `base`), and write the merge unless a field conflicts. Returns what was
    /// written. On a conflict nothing is written but `mine`, kept under `conflicts/` (unless
    /// it is already kept there: `keptCopy`). `fileJSON`: the JSON of the file as this store
    /// read or wrote it, if the caller holds it (the audit entry's "before" when the file is
    /// unchanged on disk, instead of parsing it again).
    func commit(
        relative: String, name: String, base: JSONValue?, mine: JSONValue,
        choices: [String: MergeChoice], keptCopy: String?, alwaysMerge: Bool = false, fileJSON: JSONValue? = nil
    ) throws(StoreError) -> (written: JSONValue, outcome: SaveOutcome, wroteMine: Bool) {
        let url = folder.appendingPathComponent(relative)
        let result: (written: JSONValue, outcome: SaveOutcome, wroteMine: Bool) = try lock.withLock { () throws(StoreError) in
            let onDisk = try DurableFile.read(url)
            let expected: ContentHash? = known[relative] ?? nil
            let unchanged = onDisk.map(ContentHash.init) == expected
            var toWrite = mine
            var outcome = SaveOutcome.saved
            var wroteMine = true
            if !unchanged || alwaysMerge {
                let theirs = try onDisk.map { data throws(StoreError) in try normalized(parse(data, relative), relative) }
                var merge = RecordMerge()
                merge.choices = choices
                let merged = merge.merge(base: base, mine: mine, theirs: theirs)
                var conflicts = merge.conflicts
                if merged == nil {
                    conflicts.append(FieldConflict(field: "(whole record)", base: nil, mine: nil, theirs: nil))
                }
                if !conflicts.isEmpty {
                    var kept = keptCopy ?? ""
                    if keptCopy == nil { kept = try keepConflictCopy(mine, base: base, for: relative) }
                    throw .conflict(SaveConflict(record: name, path: relative, keptCopy: kept, fields: conflicts))
                }
                toWrite = merged!
                wroteMine = false
                if onDisk != nil { _ = try normalized(toWrite, relative) }
                outcome = merge.mergedFields.isEmpty ? .saved : .merged(fields: merge.mergedFields)
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
            try DurableFile.write(data, to: url, using: fileSystem)
            auditLog?.recordWrite(of: relative, before: before, after: toWrite)
            known[relative] = ContentHash(data)
            readBytes[relative] = data
            return (toWrite, outcome, wroteMine)
        }
        // The record is on disk: anything that must follow a successful write goes here.
        return result
    }

    // MARK: JSON

    /// A file's JSON as this store last read or wrote it.
    func readJSON(_ relative: String) throws(StoreError) -> JSONValue? {
        try readFileJSON(relative)?.json
    }

    /// The same, and whether it is the JSON of the file whose hash is in `known` (`exact`),
    /// or the records loaded from the derived cache, turned into JSON, because the file
    /// changed since.
    func readFileJSON(_ relative: String) throws(StoreError) -> (json: JSONValue, exact: Bool)? {
        if let data = readBytes[relative] { return (try parse(data, relative), true) }
        guard let cached = cachedRecords[relative] else { return nil }
        // Loaded from the derived cache: the file still holds what was loaded if its hash is the same.
        if let data = try DurableFile.read(folder.appendingPathComponent(relative)), ContentHash(data) == known[relative] ?? nil {
            readBytes[relative] = data
            cachedRecords[relative] = nil
            return (try parse(data, relative), true)
        }
        // Changed since: the records as loaded are the base of the merge (fields this version
        // does not know merge from the file on disk, which holds them).
        guard let record = try? DecodedRecord(binary: cached.payload, kind: cached.kind) else { return nil }
        switch record {
        case .settings(let value): return (try tree(value), false)
        case .specialist(let value): return (try tree(value), false)
        case .client(let value): return (try tree(value), false)
        case .employer(let value): return (try tree(value), false)
        case .employerContactMonth(let value): return (try tree(value), false)
        case .fidelityReview(let value): return (try tree(value), false)
        }
    }

    func parse(_ data: Data, _ relative: String) throws(StoreError) -> JSONValue {
        do {
            return try JSONReader.parse(data)
        } catch {
            throw .io(path: relative, reason: "does not parse: \(error.description)")
        }
    }

    func decode<T: Decodable>(_ type: T.Type, _ json: JSONValue, _ relative: String) throws(StoreError) -> T {
        try decode(type, bytes: JSONWriter.data(json), relative)
    }

    func decode<T: Decodable>(_ type: T.Type, bytes data: Data, _ relative: String) throws(StoreError) -> T {
        do {
            return try TapeDecoding.decode(type, from: data)
        } catch {
            throw .io(path: relative, reason: "does not read as a record: \(JSONCoding.describe(error, in: data))")
        }
    }

    /// A record's JSON tree, as `JSONCoding.encode` writes it (see `TreeEncoding`).
    func tree<T: Encodable>(_ value: T) throws(StoreError) -> JSONValue {
        do {
            return try TreeEncoding.encode(value)
        } catch {
            throw .io(path: "", reason: "could not encode: \(error)")
        }
    }

    /// A file's JSON in this version's terms (decoded and encoded again, so defaults and
    /// number forms match), with the fields this version does not know kept.
    func normalized(_ json: JSONValue, _ relative: String) throws(StoreError) -> JSONValue {
        func as_<T: Codable>(_ type: T.Type) throws(StoreError) -> JSONValue {
            let known = try tree(decode(type, json, relative))
            return UnknownFields.carry(from: json, readAsKnown: known, into: known)
        }
        let top = relative.split(separator: "/").first.map(String.init) ?? ""
        switch top {
        case DataLayout.clients: return try as_(Client.self)
        case DataLayout.specialists: return try as_(Specialist.self)
        case DataLayout.employers: return try as_(Employer.self)
        case DataLayout.employerContacts: return try as_(EmployerContactMonth.self)
        case DataLayout.settingsFile: return try as_(Settings.self)
        case DataLayout.fidelityReviews: return try as_(FidelityReview.self)
        default: return json
        }
    }
}

/// A file as this store wrote it from a record: see `Store.written`.
struct WrittenForm {
    var hash: ContentHash
    var json: JSONValue
    var known: JSONValue
    /// `json` holds no field this version does not know (`json` is `known`).
    var unknownFree: Bool
    /// The record as read back from what was written.
    var record: Any
}
