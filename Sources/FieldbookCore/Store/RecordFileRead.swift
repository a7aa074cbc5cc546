import Foundation

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
        case decoded(any RecordFile)
    }

    var outcome: Outcome
    /// Hash of the bytes read (nil when there were none).
    var hash: ContentHash?
    /// The bytes, kept when the record decoded (a file read alone: the base of a later merge;
    /// a whole load's reads let them go).
    var bytes: Data?
    /// What the derived cache is to keep of this file (nil: nothing).
    var cacheEntry: RecordCache.Entry?
    /// Taken from the derived cache, not read from the file: no bytes.
    var fromCache = false

    /// `relative`: the file's path inside the data folder, which an encrypted file is bound to.
    static func read(_ url: URL, as kind: RecordFileKind, through transform: FileTransform = .plain, relative: String? = nil)
        -> RecordFileRead
    {
        let data: Data?
        do {
            data = try DurableFile.read(url)
        } catch {
            return RecordFileRead(outcome: .unreadable)
        }
        guard var data else { return RecordFileRead(outcome: .absent) }
        if !transform.isPlain {
            do {
                data = try transform.fromDisk(data, relative ?? url.lastPathComponent)
            } catch {
                // Never decoded, never rewritten: the file stays as it was found.
                if case .io(_, let reason) = error { return RecordFileRead(outcome: .failed(reason), hash: ContentHash(data)) }
                return RecordFileRead(outcome: .failed(error.description), hash: ContentHash(data))
            }
        }
        return decode(data, as: kind)
    }

    static func decode(_ data: Data, as kind: RecordFileKind) -> RecordFileRead {
        let hash = ContentHash(data)
        do {
            let tape = try JSONReader.tape(data)
            let record = try kind.decode(tape)
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
        let reads = Reads(files, relatives: relatives, cache: cache)
        return files.indices.map { reads.take($0) }
    }

    /// Files being read on every core, in the order listed, while the caller takes each answer
    /// as soon as it is there: putting the records together overlaps with the reading. The
    /// caller reads a file itself when no reader has taken it yet, so it never waits for a
    /// reader that has not started (a load run where every thread is busy still finishes).
    final class Reads: @unchecked Sendable {
        private let files: [(url: URL, kind: RecordFileKind)]
        private let relatives: [String]
        private let cache: RecordCache.Contents?
        private let transform: FileTransform
        private let base: UnsafeMutablePointer<RecordFileRead>
        private let ready: UnsafeMutablePointer<Bool>
        private let count: Int
        private let condition = NSCondition()
        /// The next file to be read (guarded by `condition`).
        private var next = 0

        init(_ files: [(url: URL, kind: RecordFileKind)], relatives: [String] = [], cache: RecordCache.Contents? = nil,
             through transform: FileTransform = .plain)
        {
            self.files = files
            self.transform = transform
            self.relatives = relatives
            self.cache = cache
            count = files.count
            base = .allocate(capacity: max(count, 1))
            base.initialize(repeating: RecordFileRead(outcome: .absent), count: count)
            ready = .allocate(capacity: max(count, 1))
            ready.initialize(repeating: false, count: count)
            let helpers = min(ProcessInfo.processInfo.activeProcessorCount, count)
            guard helpers > 0 else { return }
            // The readers hold this object until they are done, so its slots outlive them.
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                DispatchQueue.concurrentPerform(iterations: helpers) { _ in
                    while let index = claim() { deliver(read(index), at: index) }
                }
            }
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
            ready.deinitialize(count: count)
            ready.deallocate()
        }

        private func read(_ index: Int) -> RecordFileRead {
            var read = if let cache, transform.isPlain {
                RecordFileRead.read(files[index].url, relative: relatives[index], as: files[index].kind, cache: cache)
            } else {
                RecordFileRead.read(files[index].url, as: files[index].kind, through: transform,
                                    relative: relatives.indices.contains(index) ? relatives[index] : nil)
            }
            // A whole load keeps no file's bytes (`Store.take`): let them go here, so that reads
            // waiting to be taken do not hold them.
            read.bytes = nil
            return read
        }

        private func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        private func deliver(_ read: RecordFileRead, at index: Int) {
            base[index] = read
            condition.lock()
            ready[index] = true
            condition.broadcast()
            condition.unlock()
        }

        /// The answer for file `index`, taken in order (each once: the slot is emptied). A file
        /// no reader has taken yet is read here.
        func take(_ index: Int) -> RecordFileRead {
            condition.lock()
            if !ready[index], next <= index {
                // Every file before this one was taken, so it is the next to read.
                next = index + 1
                condition.unlock()
                return read(index)
            }
            while !ready[index] { condition.wait() }
            condition.unlock()
            let read = base[index]
            base[index] = RecordFileRead(outcome: .absent)
            return read
        }
    }
}
