import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an export goes when given a file: a new file, written whole (never half a file),
/// readable by its owner only, as exports hold health data. An existing file is never
/// overwritten: the export is written beside it under a temporary name, then linked into place,
/// which fails if the name is taken, even by a file made a moment before.
public enum ExportFile {
    public static func write(_ data: Data, to url: URL) throws(StoreError) {
        try write(to: url) { sink in try sink(Array(data)) }
    }

    /// Writes what `produce` gives `sink`, piece by piece (an export too large to hold whole),
    /// with the same promises: the file appears whole, or not at all.
    public static func write(to url: URL, _ produce: (_ sink: ([UInt8]) throws -> Void) throws -> Void) throws(StoreError) {
        try write(to: url) { fd in
            try produce { piece in
                guard writeAll(piece, to: fd) else { throw StoreError.io(path: url.path, reason: String(cString: strerror(errno))) }
            }
        }
    }

    /// Hands `fill` the descriptor of the staged file to write into (a child process's output,
    /// say), with the same promises: the file appears whole, or not at all, and a process ended
    /// part way leaves only a hidden `.tmp` beside it, never a file under the name asked for.
    public static func write(to url: URL, descriptor fill: (_ fd: Int32) throws -> Void) throws(StoreError) {
        var info = stat()
        if lstat(url.path, &info) == 0 { throw alreadyThere(url) }
        try DurableFile.makeFolder(url.deletingLastPathComponent())
        let staged = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(staged.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, DurableFile.fileMode)
        guard fd >= 0 else { throw .io(path: url.path, reason: String(cString: strerror(errno))) }
        defer { unlink(staged.path) }
        do {
            guard fchmod(fd, DurableFile.fileMode) == 0 else { throw StoreError.io(path: url.path, reason: String(cString: strerror(errno))) }
            try fill(fd)
            guard fsync(fd) == 0 else { throw StoreError.io(path: url.path, reason: String(cString: strerror(errno))) }
            close(fd)
        } catch let error as StoreError {
            close(fd)
            throw error
        } catch {
            close(fd)
            throw .io(path: url.path, reason: "\(error)")
        }
        guard link(staged.path, url.path) != 0 else {
            DurableFile.syncFolder(url.deletingLastPathComponent())
            return
        }
        let reason = errno
        if reason == EEXIST { throw alreadyThere(url) }
        // A file system without hard links (a FAT USB stick): a new file made only if absent,
        // filled from the staged one.
        guard reason == EPERM || reason == ENOTSUP || reason == EOPNOTSUPP else {
            throw .io(path: url.path, reason: String(cString: strerror(reason)))
        }
        try copyIntoNewFile(staged, url)
    }

    private static func copyIntoNewFile(_ staged: URL, _ url: URL) throws(StoreError) {
        let source = open(staged.path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw .io(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(source) }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, DurableFile.fileMode)
        guard fd >= 0 else {
            throw errno == EEXIST ? alreadyThere(url) : .io(path: url.path, reason: String(cString: strerror(errno)))
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var written = true
        while written {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                written = count == 0 && fsync(fd) == 0
                break
            }
            written = writeAll(buffer[0..<count], to: fd)
        }
        close(fd)
        if !written {
            unlink(url.path)
            throw .io(path: url.path, reason: "could not be written whole; nothing kept")
        }
    }

    /// Writes every byte of `bytes` (through interrupted and short writes); false on failure.
    private static func writeAll<Bytes: Collection<UInt8>>(_ bytes: Bytes, to fd: Int32) -> Bool {
        let done: Bool? = bytes.withContiguousStorageIfAvailable { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #elseif canImport(Darwin)
                let n = Darwin.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #endif
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        return done ?? writeAll(Array(bytes), to: fd)
    }

    private static func alreadyThere(_ url: URL) -> StoreError {
        .io(path: url.path, reason: "already exists; choose another name (nothing was overwritten)")
    }
}
