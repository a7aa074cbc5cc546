import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DurableFile {
    /// The file's bytes, or nil when it does not exist: `read` without `Data` (Foundation's
    /// reading, then the strict reader's copy of the bytes into an array, were a tenth of a
    /// command that reads every file). Read with `open`, `fstat` and `read` straight into the
    /// array the reader keeps; a file that grows while it is read is read to its end.
    static func readBytes(_ path: String) throws(StoreError) -> [UInt8]? {
        var descriptor: Int32
        repeat { descriptor = open(path, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .io(path: path, reason: "cannot be read")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(path: path, reason: "cannot be read") }
        // One byte more than its size, so that the end is seen in the first read.
        var capacity = max(Int(info.st_size), 0) + 1
        var bytes: [UInt8] = []
        while true {
            var failed = false, ended = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                while count < buffer.count {
                    let got = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if got < 0 && errno == EINTR { continue }
                    if got <= 0 {
                        failed = got < 0
                        ended = true
                        return
                    }
                    count += got
                }
            }
            guard !failed else { throw .io(path: path, reason: "cannot be read") }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if ended { return bytes }
            capacity = max(capacity, 64 * 1024)
        }
    }
}

/// The system's `read` (inside `DurableFile`, `read` is its own).
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
