import Foundation

/// A kind of record kept in the data folder's files, declared once, by the record type: where
/// its files live, how it is named in problems, its code in the derived cache, and where a
/// record read from the folder goes in the snapshot. The store's load, its saves' reading and
/// normalizing, the merge entry point, `check` and the derived cache find every kind in
/// `RecordFileKind.all`: a new kind is its type's conformance plus one line there.
protocol RecordFile: Codable, Sendable, Equatable, VersionedRecord {
    /// The kind's declaration.
    static var fileKind: RecordFileKind { get }
    /// Puts a record read from `relative` into the records being loaded, in the order read.
    static func collect(_ record: Self, from relative: String, into loaded: inout LoadedRecords)
}

/// Where a kind's files live in the data folder.
enum RecordFileLayout: Sendable {
    /// One file at the top of the folder (`settings.json`).
    case file
    /// One file per record in a folder (`clients/<id>.json`).
    case folder
    /// A folder per specialist, a file per month in each (`employer-contacts/<id>/2026-11.json`).
    case folderPerSpecialist
}

/// One kind of record file (see `RecordFile`).
struct RecordFileKind: Sendable, Hashable {
    let type: any RecordFile.Type
    /// The folder its files live in (for `.file`, the file's name).
    let topLevelName: String
    let layout: RecordFileLayout
    /// How problems with its files are labelled.
    let recordKind: RecordKind
    /// Its tag in the derived cache's entries (never reused for another kind).
    let code: UInt8
    /// How the audit trail names one record of the kind.
    let auditName: String

    /// Every kind, in the order a load reads them and reports their problems.
    static let all: [RecordFileKind] = [
        Settings.fileKind, Specialist.fileKind, Client.fileKind, Employer.fileKind, FidelityReview.fileKind,
        EmployerContactMonth.fileKind,
    ]

    static func == (lhs: RecordFileKind, rhs: RecordFileKind) -> Bool { ObjectIdentifier(lhs.type) == ObjectIdentifier(rhs.type) }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(type)) }

    /// The kind whose cache tag is `code`.
    init?(code: UInt8) {
        guard let kind = Self.all.first(where: { $0.code == code }) else { return nil }
        self = kind
    }

    init(_ type: any RecordFile.Type, _ topLevelName: String, _ layout: RecordFileLayout, _ recordKind: RecordKind,
         code: UInt8, auditName: String? = nil)
    {
        self.type = type
        self.topLevelName = topLevelName
        self.layout = layout
        self.recordKind = recordKind
        self.code = code
        self.auditName = auditName ?? recordKind.rawValue
    }

    /// Every file of this kind in `folder` (paths relative to it), sync tools' copies included.
    func files(in folder: URL) -> [String] {
        switch layout {
        case .file:
            return DurableFile.list(folder).contains(topLevelName) ? [topLevelName] : []
        case .folder:
            return DurableFile.list(folder.appendingPathComponent(topLevelName)).map { "\(topLevelName)/\($0)" }
        case .folderPerSpecialist:
            let root = folder.appendingPathComponent(topLevelName)
            return DurableFile.list(root).filter { DurableFile.isDirectory(root.appendingPathComponent($0)) }.flatMap { specialist in
                DurableFile.list(root.appendingPathComponent(specialist)).map { "\(topLevelName)/\(specialist)/\($0)" }
            }
        }
    }

    /// The record a file's tape holds.
    func decode(_ tape: JSONTape) throws -> any RecordFile { try type.decoded(from: tape) }

    /// A record of this kind from the derived cache's binary form.
    func decode(binary: Data) throws -> any RecordFile { try type.decoded(binary: binary) }

    /// A file's record, decoded and encoded again: its JSON in this version's terms, without
    /// the fields this version does not know.
    func tree(decoding data: Data, _ relative: String) throws(StoreError) -> JSONValue {
        let record: any RecordFile
        do {
            record = try decode(JSONReader.tape(data))
        } catch {
            throw .io(path: relative, reason: "does not read as a record: \(JSONCoding.describe(error, in: data))")
        }
        return try RecordFiles.tree(record)
    }
}

extension RecordFile {
    static func decoded(from tape: JSONTape) throws -> any RecordFile { try TapeDecoding.decode(Self.self, from: tape) }

    static func decoded(binary: Data) throws -> any RecordFile { try BinaryRecordCoding.decode(Self.self, from: binary) }

    /// The record marked as read from this version of its file.
    func versioned(_ version: FileVersion) -> Self {
        var copy = self
        copy.markRead(as: version)
        return copy
    }

    /// Puts this record into the records being loaded (see `RecordFile.collect`).
    func collect(from relative: String, into loaded: inout LoadedRecords) {
        Self.collect(self, from: relative, into: &loaded)
    }

    /// The record in the derived cache's binary form.
    func binary() throws -> Data { Data(try BinaryRecordCoding.encode(self)) }
}

/// Records as a load puts them together, file by file in the listing's order.
struct LoadedRecords {
    var snapshot = DataSnapshot()
    var problems: [DataProblem] = []
    /// For each folder of records, the file each id was first read from.
    var firstFiles = FirstFiles()
    /// Employer contacts in the order read (a later version of one takes its place), found by id.
    var contacts = LatestVersions<EmployerContact>()
    /// The month file each employer contact was read from.
    var contactFiles = ContactFiles()

    /// Adds a record kept one per file (see `FirstFiles.admit`).
    mutating func add<R: RecordFile & Identifiable>(
        _ record: R, from relative: String, to list: WritableKeyPath<DataSnapshot, [R]>
    ) where R.ID == UUID {
        guard firstFiles.admit(record.id, from: relative, kind: R.fileKind.recordKind, problems: &problems) else { return }
        snapshot[keyPath: list].append(record)
    }
}

/// The load's rule for records kept one per file, in one place for every reader of a folder
/// (the load, the streamed copy): a second file holding an id already read is reported and not
/// loaded; a file not named after its record's id is reported and loaded.
struct FirstFiles {
    /// For each folder of records, the file each id was first read from.
    private var firstFile: [String: [UUID: String]] = [:]

    /// Whether the record `id` read from `relative` is loaded, with its problems added.
    mutating func admit(_ id: UUID, from relative: String, kind: RecordKind, problems: inout [DataProblem]) -> Bool {
        let folderName = relative.split(separator: "/").first.map(String.init) ?? ""
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if let first = firstFile[folderName]?[id] {
            problems.append(DataProblem(
                path: relative, kind: kind,
                message: "holds record \(id.lowercased), already in \(folderName)/\(first); not loaded"))
            return false
        }
        if name != "\(id.lowercased).json" {
            problems.append(DataProblem(
                path: relative, kind: kind,
                message: "file name does not match the record's id \(id.lowercased); it was loaded"))
        }
        firstFile[folderName, default: [:]][id] = name
        return true
    }

}

/// The problems every reader of a folder (the load, a reread, the streamed copy) reports alike.
enum LoadProblems {
    /// A record file holding conflict markers: kept as a merge by hand, not loaded.
    static func conflictMarkers(at relative: String) -> DataProblem {
        DataProblem(
            path: relative, kind: .syncConflict,
            message: "holds conflict markers (<<<<<<<) from a sync or version control tool: to merge by hand; not loaded",
            pendingMerge: PendingMerge(record: relative, copy: relative, source: .conflictMarkers))
    }

    /// A record file listed that could not be read.
    static func unreadable(at relative: String, kind: RecordKind) -> DataProblem {
        DataProblem(path: relative, kind: kind, message: "cannot be read")
    }

    /// This copy's version of a record, kept after a save conflict.
    static func keptCopy(_ copy: PendingMerge) -> DataProblem {
        DataProblem(path: copy.copy, kind: .conflictCopy,
                    message: "this copy's version of \(copy.record), kept after a save conflict: to merge", pendingMerge: copy)
    }
}

/// Versions of records found by id in the order first read, where a later version (by
/// `updatedAt`) takes the place of an earlier one and a version no later than the one held is
/// passed over: the rule for employer contacts, which may be read from more than one month.
struct LatestVersions<Element> {
    private(set) var elements: [Element] = []
    private(set) var positions: [UUID: Int] = [:]

    /// The versions held, in the order first read; the index by id is let go.
    mutating func takeElements() -> [Element] {
        positions = [:]
        defer { elements = [] }
        return elements
    }

    /// Room for `count` ids (the versions themselves grow as read).
    mutating func reserveIDs(_ count: Int) { positions.reserveCapacity(count) }

    /// Holds `element` unless a version at least as late is held; true when it is held now.
    @discardableResult
    mutating func offer(_ element: Element, id: UUID, updatedAt: (Element) -> Date) -> Bool {
        if let existing = positions[id] {
            if updatedAt(elements[existing]) >= updatedAt(element) { return false }
            elements[existing] = element
        } else {
            positions[id] = elements.count
            elements.append(element)
        }
        return true
    }
}
