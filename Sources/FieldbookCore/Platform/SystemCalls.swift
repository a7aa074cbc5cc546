import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calls to the C library that differ between Linux (Glibc) and macOS (Darwin), in one
/// place. Other files use only POSIX names both share (open, mkdir, flock, fchmod...).
enum SystemCalls {
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #elseif canImport(Darwin)
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    static func fsync(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.fsync(descriptor)
        #elseif canImport(Darwin)
        // On macOS fsync leaves the data in the drive's cache; F_FULLFSYNC asks for the platter.
        Darwin.fcntl(descriptor, F_FULLFSYNC) == 0 ? 0 : Darwin.fsync(descriptor)
        #endif
    }

    static func rename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.rename(from, to)
        #elseif canImport(Darwin)
        Darwin.rename(from, to)
        #endif
    }

    /// The time of the last change of a file's contents, from `stat`.
    static func modificationDate(_ info: stat) -> Date {
        #if canImport(Darwin)
        Date(timeIntervalSince1970: TimeInterval(info.st_mtimespec.tv_sec))
        #else
        Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
        #endif
    }
}
