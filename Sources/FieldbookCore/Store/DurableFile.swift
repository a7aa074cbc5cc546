import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File operations the store needs to be safe with health data: owner-only permissions
/// whatever the umask, and saves that are whole or absent, never half written.
enum DurableFile {
    static let folderMode: mode_t = 0o700
    static let fileMode: mode_t = 0o600

    /// Creates `url` and any missing parents, each owner-only. Existing folders are left as they are.
    static func makeFolder(_ url: URL) throws(StoreError) {
        var missing: [URL] = []
        var cursor = url.standardizedFileURL
        while !isDirectory(cursor) {
            if FileManager.default.fileExists(atPath: cursor.path) {
                throw .io(path: cursor.path, reason: "exists and is not a folder")
            }
            missing.append(cursor)
            let parent = cursor.deletingLastPathComponent()
            if parent.path == cursor.path { break }
            cursor = parent
        }
        for folder in missing.reversed() {
            if mkdir(folder.path, folderMode) != 0 && errno != EEXIST {
                throw .io(path: folder.path, reason: String(cString: strerror(errno)))
            }
            chmod(folder.path, folderMode)
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Writes `data` to `url` atomically and durably: a temporary file in the same folder,
    /// fsync, rename over the target, fsync the folder. The file is 0600. A file system that
    /// does not sync (`FileSystem.unsynced`) leaves out both fsyncs: still atomic, not durable.
    static func write(_ data: Data, to url: URL, using fileSystem: FileSystem = .system) throws(StoreError) {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder)
        let temp = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw .io(path: url.path, reason: String(cString: strerror(errno))) }
        var failure: String?
        if fchmod(fd, fileMode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil {
            failure = data.withUnsafeBytes { raw -> String? in
                var offset = 0
                while offset < raw.count {
                    let n = fileSystem.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return String(cString: strerror(errno))
                    }
                    if n == 0 { return "nothing more could be written" }
                    offset += n
                }
                return nil
            }
        }
        if failure == nil && fileSystem.syncs && fileSystem.fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && fileSystem.rename(temp.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp.path)
            throw .io(path: url.path, reason: failure)
        }
        if fileSystem.syncs { syncFolder(folder) }
    }

    static func syncFolder(_ folder: URL) {
        let dirFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    /// The file's bytes, or nil when it does not exist.
    static func read(_ url: URL) throws(StoreError) -> Data? {
        do {
            return try Data(contentsOf: url)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return nil }
            throw .io(path: url.path, reason: "cannot be read")
        }
    }

    /// Names of the visible entries in a folder (temporary files start with a dot), sorted.
    static func list(_ folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }
}

/// The system calls a save makes, as a seam: tests put failures in (fsync fails, rename
/// fails, disk full, short writes) and check that the old record stays whole.
struct FileSystem: Sendable {
    var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int
    var fsync: @Sendable (Int32) -> Int32
    var rename: @Sendable (String, String) -> Int32
    /// False for a throwaway copy (see `Store.syncsWrites`): no fsync of files or folders.
    var syncs = true

    static let system = FileSystem(
        write: { fd, bytes, count in SystemCalls.write(fd, bytes, count) },
        fsync: { fd in SystemCalls.fsync(fd) },
        rename: { from, to in SystemCalls.rename(from, to) })

    /// The system's calls without fsync, for folders that are deleted after use.
    static let unsynced: FileSystem = {
        var fileSystem = FileSystem.system
        fileSystem.syncs = false
        return fileSystem
    }()
}

/// An advisory lock (`flock`) on `.fieldbook.lock` in the data folder. A save holds it from
/// comparing the file on disk with what was read until the new file is renamed into place,
/// so two copies of Fieldbook on one machine never both save onto the same version.
final class FolderLock {
    static let fileName = ".fieldbook.lock"
    private let path: String
    private var fd: Int32 = -1

    init(folder: URL) {
        path = folder.appendingPathComponent(Self.fileName).path
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        if fd < 0 {
            fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, DurableFile.fileMode)
            guard fd >= 0 else { throw .io(path: Self.fileName, reason: String(cString: strerror(errno))) }
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .io(path: Self.fileName, reason: String(cString: strerror(errno))) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}

/// A 64-bit hash of a file's bytes, enough to notice that a file changed since it was read.
/// Eight bytes at a time (a multiply and a shift each), so hashing a large folder costs little
/// next to reading it.
struct ContentHash: Hashable, Sendable {
    let value: UInt64

    init(value: UInt64) { self.value = value }

    init(_ data: Data) {
        value = data.withUnsafeBytes { raw -> UInt64 in
            var hash = Self.seed(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = Self.mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            return Self.finish(hash, raw, from: offset)
        }
    }

    static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The hash before any byte of `count` bytes.
    static func seed(_ count: Int) -> UInt64 { 0xcbf2_9ce4_8422_2325 ^ UInt64(count) }

    /// One 8-byte word mixed into `hash`.
    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* multiplier
        return mixed ^ (mixed >> 32)
    }

    /// The bytes of `raw` from `offset` (fewer than 8) taken in, and the last mixing.
    static func finish(_ hash: UInt64, _ raw: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        for index in offset..<raw.count {
            tail |= UInt64(raw[index]) << shift
            shift += 8
        }
        let last = (hash ^ tail ^ (shift << 56)) &* multiplier
        return last ^ (last >> 29)
    }
}
