import Crypto
import Foundation

/// The derived cache of a data folder: every record file's decoded records in a compact binary
/// form (`BinaryRecordCoding`), with the file's stamp (`FileStamp`) and content hash, in one
/// owner-only file under `$XDG_CACHE_HOME/fieldbook/<folder>/` (else `~/.cache/fieldbook`),
/// never inside the data folder. A start decodes only the files whose stamp changed.
///
/// It is never the source of truth: a file whose stamp differs, or that changed in the same
/// clock tick as the cache was written, is read from the folder; a cache that is missing,
/// damaged, of another format version or of another folder is ignored and written anew.
public struct RecordCache: Sendable {
    /// Whether the app opens data folders through the cache. Off: on the agency folder a warm
    /// start through it takes 7-27 % less processor time to the first frame than reading the
    /// JSON, but was not clearly faster on the wall clock of a shared 2-core machine
    /// (docs/performance.md, "The derived cache"); switch it on once a quiet run shows it is.
    public static let usedByTheApp = false

    /// Bumped whenever the layout of the file or of the binary form changes.
    static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("FBRCACHE".utf8)
    static let fileName = "records.cache"

    /// The cache's folder (one per data folder).
    public let folder: URL
    /// The data folder's real path, recorded in the file so a cache never serves another folder.
    let dataFolderPath: String

    public var file: URL { folder.appendingPathComponent(Self.fileName) }

    /// Where all caches live: `$XDG_CACHE_HOME/fieldbook`, else `~/.cache/fieldbook`.
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("fieldbook")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/fieldbook")
    }

    /// The cache of `dataFolder` (by its real path), or nil when there is nowhere to keep one
    /// outside the data folder.
    public static func forDataFolder(_ dataFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> RecordCache?
    {
        guard let root = root(environment: environment) else { return nil }
        let real = dataFolder.resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        if rootPath == real || rootPath.hasPrefix(real.hasSuffix("/") ? real : real + "/") { return nil }
        let digest = SHA256.hash(data: Data(real.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
        return RecordCache(folder: root.appendingPathComponent(digest), dataFolderPath: real)
    }

    /// The cache's folders and files (records, kept Today screen) open to group or others, with their modes
    /// (empty when all are owner-only or there is no cache).
    public func looseModes() -> [(path: String, mode: mode_t)] {
        [folder.deletingLastPathComponent(), folder, file, folder.appendingPathComponent(FirstScreen.fileName)].compactMap { url -> (String, mode_t)? in
            var info = stat()
            guard lstat(url.path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
            return (url.path, info.st_mode & 0o7777)
        }
    }

    /// Removes this data folder's cache.
    public func clear() throws(StoreError) {
        try Self.remove(folder)
    }

    /// Removes every data folder's cache.
    public static func clearAll(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        guard let root = root(environment: environment) else { return }
        try remove(root)
    }

    private static func remove(_ url: URL) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw .io(path: url.path, reason: "cannot be removed")
        }
    }

    // MARK: Entries

    /// What the cache knows of one record file.
    struct Entry: Sendable {
        enum Outcome: UInt8, Sendable {
            case decoded = 1, failed, conflictMarkers
        }

        var path: String
        var kind: RecordFileKind
        var stamp: FileStamp
        var hash: ContentHash
        var outcome: Outcome
        /// The record in binary form (decoded), or the message (failed).
        var payload: Data
    }

    /// A cache as read: its entries by path, and the stamp of the cache file itself.
    struct Contents: Sendable {
        var entries: [String: Entry]
        /// The cache file's own stamp (nil: no cache was read).
        var written: FileStamp?
    }

    /// The cache's entries, or nil when it is missing or not usable as a whole.
    func read() -> Contents? {
        guard let written = FileStamp.of(file.path),
              let data = try? Data(contentsOf: file, options: .uncached)
        else { return nil }
        return try? Self.parse(data, dataFolderPath: dataFolderPath, written: written)
    }

    static func parse(_ data: Data, dataFolderPath: String, written: FileStamp) throws -> Contents {
        let headerCount = magic.count + 4 + 8
        guard data.count >= headerCount, Array(data.prefix(magic.count)) == magic else { throw BinaryDamaged() }
        // Slices share the bytes read: nothing of the file is copied.
        let body = data[headerCount...]
        return try data.withUnsafeBytes { raw throws -> Contents in
            let reader = BinaryReader(bytes: raw)
            guard try reader.length(magic.count) == Int(formatVersion) else { throw BinaryDamaged() }
            guard try reader.fixed(magic.count + 4) == ContentHash(body).value else { throw BinaryDamaged() }
            var cursor = headerCount
            guard reader.string(try reader.textRange(&cursor)) == dataFolderPath else { throw BinaryDamaged() }
            let count = try reader.count(&cursor)
            guard count <= data.count else { throw BinaryDamaged() }
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let path = reader.string(try reader.textRange(&cursor))
                guard let kind = RecordFileKind(code: try reader.byte(cursor)) else { throw BinaryDamaged() }
                cursor += 1
                var numbers: [UInt64] = []
                for _ in 0..<8 {
                    numbers.append(try reader.fixed(cursor))
                    cursor += 8
                }
                let stamp = FileStamp(
                    device: numbers[0], inode: numbers[1], size: Int64(bitPattern: numbers[2]),
                    modifiedSeconds: Int64(bitPattern: numbers[3]), modifiedNanoseconds: Int64(bitPattern: numbers[4]),
                    changedSeconds: Int64(bitPattern: numbers[5]), changedNanoseconds: Int64(bitPattern: numbers[6]))
                guard let outcome = Entry.Outcome(rawValue: try reader.byte(cursor)) else { throw BinaryDamaged() }
                cursor += 1
                let payload = try reader.textRange(&cursor)
                entries[path] = Entry(path: path, kind: kind, stamp: stamp, hash: ContentHash(value: numbers[7]),
                                      outcome: outcome, payload: data[payload])
            }
            guard cursor == data.count else { throw BinaryDamaged() }
            return Contents(entries: entries, written: written)
        }
    }

    /// Writes the cache anew (owner-only, replacing the old one in one rename). A cache that
    /// cannot be written is left out: the next start reads the folder.
    func write(_ entries: [Entry]) {
        var body: [UInt8] = []
        body.reserveCapacity(entries.reduce(64) { $0 + $1.payload.count + $1.path.utf8.count + 80 })
        BinaryBytes.appendString(dataFolderPath, to: &body)
        BinaryBytes.appendVarint(UInt64(entries.count), to: &body)
        for entry in entries {
            BinaryBytes.appendString(entry.path, to: &body)
            body.append(entry.kind.code)
            let stamp = entry.stamp
            for number in [
                stamp.device, stamp.inode, UInt64(bitPattern: stamp.size),
                UInt64(bitPattern: stamp.modifiedSeconds), UInt64(bitPattern: stamp.modifiedNanoseconds),
                UInt64(bitPattern: stamp.changedSeconds), UInt64(bitPattern: stamp.changedNanoseconds), entry.hash.value,
            ] {
                BinaryBytes.appendFixed(number, to: &body)
            }
            body.append(entry.outcome.rawValue)
            BinaryBytes.appendVarint(UInt64(entry.payload.count), to: &body)
            body.append(contentsOf: entry.payload)
        }
        var data = Data(Self.magic)
        withUnsafeBytes(of: Self.formatVersion.littleEndian) { data.append(contentsOf: $0) }
        let bodyData = Data(body)
        withUnsafeBytes(of: ContentHash(bodyData).value.littleEndian) { data.append(contentsOf: $0) }
        data.append(bodyData)
        Self.writeOwnerOnly(data, to: file)
    }

    /// Writes `data` to `file` in a cache folder (made owner-only, with the cache root), replacing
    /// the file there in one rename, mode 0600. A cache needs no fsync: one torn by a crash fails
    /// its checksum and is written anew. Nothing is written when any step fails.
    static func writeOwnerOnly(_ data: Data, to file: URL) {
        let folder = file.deletingLastPathComponent()
        guard (try? DurableFile.makeFolder(folder)) != nil else { return }
        chmod(folder.deletingLastPathComponent().path, DurableFile.folderMode)
        chmod(folder.path, DurableFile.folderMode)
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        // A new file of our own: never one left in its place, nor a link followed.
        unlink(temporary.path)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return }
        _ = fchmod(descriptor, 0o600)
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = SystemCalls.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        close(descriptor)
        if !written || SystemCalls.rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
    }
}
