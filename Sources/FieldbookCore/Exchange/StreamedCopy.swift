import Foundation

/// `fieldbook export all --json` straight from the folder, with memory that does not grow with
/// its records: the bytes `FullCopy(store.load())` writes, without the folder ever in memory.
///
/// First every record file is read once (on every core), as `Store.load` reads it: the same
/// listing, the same records left out (files that do not read, a second file holding an id
/// already read, an older version of an employer contact) and the same problems. Only each
/// record's sort key and place are kept, and whether its bytes in the file are already the
/// copy's: the record is encoded as the copy writes it (`CopyEncoding`) and compared with the
/// file. Then the records are written in the copy's order, each file read again while its
/// records are written (an employer contact month, while its month is written): a record whose
/// bytes matched is copied from the file (indented two levels deeper when the file holds it at
/// the top); any other (a hand-edited file, another time zone's timestamps, an older layout, keys
/// this version does not know) is decoded again and encoded, as `FullCopy` writes it.
///
/// A file that changes between the two readings stops the copy with an error.
public struct StreamedCopy {
    /// One record: where it is, its sort key, and where its bytes are when they are the copy's.
    struct Entry {
        var file: Int32
        /// Its place among the file's records (an employer contact's in its month).
        var index: Int32
        /// Its bytes in the file, when they are the copy's (`length` -1: encode it again).
        var start: Int32
        var length: Int32
        var id: UUID
        var date: LocalDate
        var updatedAt: Date
    }

    private let files: [(url: URL, kind: RecordFileKind)]
    /// Each file's path (the folder's path and its relative path: no `URL.path` per file).
    private let paths: [String]
    private let relatives: [String]
    /// Each file's `fingerprint` as first read (nil for a file not copied from).
    private let fingerprints: [UInt64?]
    private let transform: FileTransform
    private let settings: Settings
    private let clients: [Entry]
    private let employerContacts: [Entry]
    private let employers: [Entry]
    private let fidelityReviews: [Entry]
    private let specialists: [Entry]
    /// What a load of the folder reports, in the same order.
    public let problems: [DataProblem]

    /// The records whose bytes are copied from their files (the others are encoded again).
    var copiedRecords: Int {
        [clients, employerContacts, employers, fidelityReviews, specialists].reduce(0) { sum, list in
            sum + list.count { $0.length >= 0 }
        }
    }

    /// The records the copy holds.
    public var recordCount: Int {
        clients.count + employerContacts.count + employers.count + fidelityReviews.count + specialists.count
    }

    /// Reads `store`'s folder once for the copy's order. `progress` is told the files read of
    /// the files listed.
    public init(_ store: Store, progress: (any ProgressListener)? = nil) {
        let (steps, files, relatives) = store.listRecordFiles()
        let transform = store.transform
        self.files = files
        self.relatives = relatives
        let root = store.folder.path.hasSuffix("/") ? store.folder.path : store.folder.path + "/"
        let paths = relatives.map { root + $0 }
        self.paths = paths
        self.transform = transform

        var settings = Settings()
        var problems: [DataProblem] = []
        var fingerprints = [UInt64?](repeating: nil, count: files.count)
        var firstFiles = FirstFiles()
        var clients: [Entry] = [], employers: [Entry] = [], reviews: [Entry] = [], specialists: [Entry] = []
        var contacts = LatestVersions<Entry>()
        let settling = SettlingLock(folder: store.folder)

        // Read in batches on every core; put together here in the listing's order.
        let batch = 256
        var surveys: [Survey?] = []
        var batchStart = 0
        for step in steps {
            let index: Int
            switch step {
            case .problem(let problem):
                problems.append(problem)
                continue
            case .file(let file):
                index = file
            }
            if index >= batchStart + surveys.count {
                batchStart = index
                let count = min(batch, files.count - index)
                surveys = Self.surveyAll(files, paths, relatives, from: index, count: count, through: transform)
                progress?.show(index, of: files.count)
            }
            var survey = surveys[index - batchStart]!
            // Vanished or not reading: a sync may be writing it; read again once it is done.
            if Self.worthRetrying(survey.outcome), settling.shouldRetry(RecordFileRead(outcome: .absent)), settling.hold() {
                survey = Self.survey(paths[index], files[index].kind, relatives[index], Int32(index), through: transform)
            }
            fingerprints[index] = survey.fingerprint
            let relative = relatives[index]
            let kind = files[index].kind
            switch survey.outcome {
            case .absent:
                continue
            case .unreadable:
                problems.append(LoadProblems.unreadable(at: relative, kind: kind.recordKind))
                continue
            case .conflictMarkers:
                problems.append(LoadProblems.conflictMarkers(at: relative))
                continue
            case .failed(let message):
                problems.append(DataProblem(path: relative, kind: kind.recordKind, message: message))
                continue
            case .decoded:
                break
            }
            problems += survey.problems
            if let read = survey.settings {
                settings = read
                continue
            }
            if kind == EmployerContactMonth.fileKind {
                // A later version of a contact (by `updatedAt`) takes the place of an earlier one.
                for entry in survey.entries { contacts.offer(entry, id: entry.id, updatedAt: \.updatedAt) }
                continue
            }
            // A record kept one per file (`LoadedRecords.add`).
            guard let entry = survey.entries.first else { continue }
            guard firstFiles.admit(entry.id, from: relative, kind: kind.recordKind, problems: &problems) else { continue }
            switch kind {
            case Client.fileKind: clients.append(entry)
            case Employer.fileKind: employers.append(entry)
            case Specialist.fileKind: specialists.append(entry)
            case FidelityReview.fileKind: reviews.append(entry)
            default: break
            }
        }
        progress?.show(files.count, of: files.count)
        problems += store.keptCopies().map(LoadProblems.keptCopy)
        self.problems = problems
        self.fingerprints = fingerprints
        self.settings = settings
        // The copy's order (`FullCopy`): by id as its text sorts, or by date then id.
        let byID = { (a: Entry, b: Entry) in UUIDText.precedes(a.id, b.id) }
        let byDateThenID = { (a: Entry, b: Entry) in a.date != b.date ? a.date < b.date : UUIDText.precedes(a.id, b.id) }
        self.clients = clients.sorted(by: byID)
        self.employers = employers.sorted(by: byID)
        self.specialists = specialists.sorted(by: byID)
        self.fidelityReviews = reviews.sorted(by: byDateThenID)
        self.employerContacts = contacts.elements.sorted(by: byDateThenID)
    }

    /// Writes the copy to `sink` in pieces that end at a line's end (see `FullCopy.write`);
    /// `progress` is told the records written of the records in all.
    public func write(to sink: ([UInt8]) throws -> Void, progress: (any ProgressListener)? = nil) throws(StoreError) {
        var reader = FileReader(copy: self)
        let lists = FullCopy.Lists(clients: clients.count, employerContacts: employerContacts.count, employers: employers.count,
                                   fidelityReviews: fidelityReviews.count, specialists: specialists.count)
        do {
            try FullCopy.writeDocument(lists, settings: settings, to: sink, progress: progress) { list, index, out in
                switch list {
                case .clients: try reader.append(clients[index], into: &out)
                case .employerContacts: try reader.append(employerContacts[index], into: &out)
                case .employers: try reader.append(employers[index], into: &out)
                case .fidelityReviews: try reader.append(fidelityReviews[index], into: &out)
                case .specialists: try reader.append(specialists[index], into: &out)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io(path: "", reason: "could not write the copy: \(error)")
        }
    }

    /// The files being written from: each read when its first record is written and let go
    /// after its last.
    private struct FileReader {
        let copy: StreamedCopy
        /// Records still to be written from each file, by its place in the listing.
        var remaining: [Int32]
        /// The files open, by their place in the listing (a few at a time).
        var open: [(bytes: [UInt8], record: (any RecordFile)?)?]

        init(copy: StreamedCopy) {
            self.copy = copy
            remaining = [Int32](repeating: 0, count: copy.files.count)
            open = Array(repeating: nil, count: copy.files.count)
            for list in [copy.clients, copy.employerContacts, copy.employers, copy.fidelityReviews, copy.specialists] {
                for entry in list { remaining[Int(entry.file)] += 1 }
            }
        }

        mutating func append(_ entry: Entry, into out: inout [UInt8]) throws {
            let file = Int(entry.file)
            if open[file] == nil { open[file] = (try read(entry.file), nil) }
            if entry.length >= 0 {
                let bytes = open[file]!.bytes
                let start = Int(entry.start), end = Int(entry.start) + Int(entry.length)
                if start == 0 {
                    StreamedCopy.appendIndented(bytes[start..<end], by: 2, into: &out)
                } else {
                    out.append(contentsOf: bytes[start..<end])
                }
            } else {
                if open[file]!.record == nil {
                    let tape = try JSONReader.tape(bytes: open[file]!.bytes)
                    open[file]!.record = try StreamedCopy.decode(tape, as: copy.files[file].kind)
                }
                switch open[file]!.record {
                case let month as EmployerContactMonth:
                    CopyEncoding.employerContact(month.contacts[Int(entry.index)], depth: 2, into: &out)
                case let record?:
                    try CopyEncoding.append(record, depth: 2, into: &out)
                case nil:
                    break
                }
            }
            remaining[file] -= 1
            if remaining[file] == 0 { open[file] = nil }
        }

        private func read(_ file: Int32) throws(StoreError) -> [UInt8] {
            let index = Int(file)
            let relative = copy.relatives[index]
            let changed = StoreError.io(path: relative, reason: "changed while the copy was written; run the export again")
            let bytes: [UInt8]?
            do {
                bytes = try StreamedCopy.recordBytes(copy.files[index].url, copy.paths[index], relative, through: copy.transform)
            } catch {
                throw changed
            }
            guard let bytes, StreamedCopy.fingerprint(bytes) == copy.fingerprints[index] else { throw changed }
            return bytes
        }
    }

    /// A record written at the top of its file, `levels` deeper: every line after the first
    /// gets two spaces a level, but the empty line inside an empty list or object (as
    /// `JSONWriter` writes them).
    static func appendIndented(_ bytes: ArraySlice<UInt8>, by levels: Int, into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var start = 0
            // Line by line, each line's end found by `memchr`.
            while start < count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
                start = end
                if start < count, base[start] != UInt8(ascii: "\n") { JSONWriter.indent(levels, into: &out) }
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
        }
    }
}
