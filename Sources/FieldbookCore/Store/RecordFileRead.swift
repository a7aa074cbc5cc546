import Foundation

/// What a record file holds, by where it lives.
enum RecordFileKind: Sendable {
    case settings, specialist, client, employer, employerContactMonth, fidelityReview

    var recordKind: RecordKind {
        switch self {
        case .settings: .settings
        case .specialist: .specialist
        case .client: .client
        case .employer: .employer
        case .employerContactMonth: .employerContacts
        case .fidelityReview: .fidelityReview
        }
    }
}

/// A record decoded from its file.
enum DecodedRecord: Sendable, Equatable {
    case settings(Settings)
    case specialist(Specialist)
    case client(Client)
    case employer(Employer)
    case employerContactMonth(EmployerContactMonth)
    case fidelityReview(FidelityReview)
}

/// One record file read and decoded, on its own: files are independent, so a folder's files
/// are read on every core at once and put together afterwards (`Store.load`).
struct RecordFileRead: Sendable {
    enum Outcome: Sendable {
        /// The file is gone.
        case absent
        case unreadable
        /// Holds `<<<<<<<` lines from a sync or version control tool.
        case conflictMarkers
        /// Does not parse, or does not read as a record: why, in words.
        case failed(String)
        case decoded(DecodedRecord)
    }

    var outcome: Outcome
    /// Hash of the bytes read (nil when there were none).
    var hash: ContentHash?
    /// The bytes, kept when the record decoded: the base of a later merge.
    var bytes: Data?
    /// What the derived cache is to keep of this file (nil: nothing).
    var cacheEntry: RecordCache.Entry?
    /// Taken from the derived cache, not read from the file: no bytes.
    var fromCache = false

    static func read(_ url: URL, as kind: RecordFileKind) -> RecordFileRead {
        let data: Data?
        do {
            data = try DurableFile.read(url)
        } catch {
            return RecordFileRead(outcome: .unreadable)
        }
        guard let data else { return RecordFileRead(outcome: .absent) }
        return decode(data, as: kind)
    }

    static func decode(_ data: Data, as kind: RecordFileKind) -> RecordFileRead {
        let hash = ContentHash(data)
        do {
            let tape = try JSONReader.tape(data)
            let record: DecodedRecord
            switch kind {
            case .settings: record = .settings(try TapeDecoding.decode(Settings.self, from: tape))
            case .specialist: record = .specialist(try TapeDecoding.decode(Specialist.self, from: tape))
            case .client: record = .client(try TapeDecoding.decode(Client.self, from: tape))
            case .employer: record = .employer(try TapeDecoding.decode(Employer.self, from: tape))
            case .employerContactMonth:
                record = .employerContactMonth(try TapeDecoding.decode(EmployerContactMonth.self, from: tape))
            case .fidelityReview: record = .fidelityReview(try TapeDecoding.decode(FidelityReview.self, from: tape))
            }
            return RecordFileRead(outcome: .decoded(record), hash: hash, bytes: data)
        } catch {
            // A file with conflict markers never parses: say what it is rather than where it breaks.
            if JSONCoding.hasConflictMarkers(data) { return RecordFileRead(outcome: .conflictMarkers, hash: hash) }
            if let syntax = error as? JSONSyntaxError { return RecordFileRead(outcome: .failed(syntax.description), hash: hash) }
            return RecordFileRead(outcome: .failed(JSONCoding.describe(error, in: data)), hash: hash)
        }
    }

    /// Reads every file at once on all cores; the answers come in the order of `files`. With a
    /// derived cache, files it holds unchanged are taken from it (`relatives` name them there).
    static func readAll(_ files: [(url: URL, kind: RecordFileKind)], relatives: [String] = [],
                        cache: RecordCache.Contents? = nil) -> [RecordFileRead]
    {
        let results = Results(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            if let cache {
                results.set(index, read(files[index].url, relative: relatives[index], as: files[index].kind, cache: cache))
            } else {
                results.set(index, read(files[index].url, as: files[index].kind))
            }
        }
        return results.values
    }

    /// Answers written by many threads, each to its own slot.
    private final class Results: @unchecked Sendable {
        private let base: UnsafeMutablePointer<RecordFileRead>
        private let count: Int

        init(count: Int) {
            base = .allocate(capacity: max(count, 1))
            base.initialize(repeating: RecordFileRead(outcome: .absent), count: count)
            self.count = count
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        func set(_ index: Int, _ value: RecordFileRead) { base[index] = value }

        var values: [RecordFileRead] { Array(UnsafeBufferPointer(start: base, count: count)) }
    }
}
