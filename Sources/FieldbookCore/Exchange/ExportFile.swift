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
        var info = stat()
        if lstat(url.path, &info) == 0 { throw alreadyThere(url) }
        let staged = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        try DurableFile.write(data, to: staged)
        defer { unlink(staged.path) }
        guard link(staged.path, url.path) != 0 else {
            DurableFile.syncFolder(url.deletingLastPathComponent())
            return
        }
        let reason = errno
        if reason == EEXIST { throw alreadyThere(url) }
        // A file system without hard links (a FAT USB stick): a new file made only if absent.
        guard reason == EPERM || reason == ENOTSUP || reason == EOPNOTSUPP else {
            throw .io(path: url.path, reason: String(cString: strerror(reason)))
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, DurableFile.fileMode)
        guard fd >= 0 else {
            throw errno == EEXIST ? alreadyThere(url) : .io(path: url.path, reason: String(cString: strerror(errno)))
        }
        let written = data.withUnsafeBytes { raw -> Bool in
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
            return fsync(fd) == 0
        }
        close(fd)
        if !written {
            unlink(url.path)
            throw .io(path: url.path, reason: "could not be written whole; nothing kept")
        }
    }

    private static func alreadyThere(_ url: URL) -> StoreError {
        .io(path: url.path, reason: "already exists; choose another name (nothing was overwritten)")
    }
}
