import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A backup of a whole data folder as a gzip-compressed tar archive, which `tar xzf` (and
/// every common archive tool) opens.
///
/// The archive is written by the system's `tar` and `gzip` (present on every Linux and macOS;
/// tar already knows long names, modes and symbolic links, which it stores as links, never
/// following them), through this process, which counts it (`ArchivePipe`).
/// A symbolic link that leads out of the data folder (or nowhere) is left out, and the result
/// names it: stored, it would restore as a link to something the archive does not hold.
/// The file is created owner-only (0600) before any byte is written, and never replaces an
/// existing file. Temporary files of saves in progress are left out, and so is a shared
/// folder's `.git` (its history is on the hub; restored, the folder joins the hub again).
public enum Backup {
    public struct Result: Sendable, Equatable {
        public var file: URL
        public var bytes: Int
        /// Symbolic links left out because they lead out of the data folder or nowhere.
        public var leftOut: [FolderScan.Link] = []
        /// The folder shares with a hub: its `.git` (the history, which the hub keeps) is left out.
        public var leftOutHistory = false
    }

    /// The name a backup gets in a folder: `fieldbook-backup-2026-11-25-0930.tar.gz`.
    public static func fileName(at date: Date, timeZone: TimeZone = .current) -> String {
        let stamp = Timestamp.format(date, timeZone: timeZone)
        let day = stamp.prefix(10)
        let time = stamp.dropFirst(11).prefix(5).replacingOccurrences(of: ":", with: "")
        return "fieldbook-backup-\(day)-\(time).tar.gz"
    }

    /// Writes the archive of `folder` to `out`; when `out` is an existing folder, to a dated
    /// file in it. `progress` is told the archive's kilobytes written of about how many there
    /// will be; `shouldStop`, asked between pieces, stops it: then, as on any failure, no
    /// file is left.
    public static func write(folder: URL, to out: URL, now: Date = Date(), progress: (any ProgressListener)? = nil,
                             shouldStop: () -> Bool = { false }) throws(StoreError) -> Result {
        let folder = folder.standardizedFileURL
        guard DurableFile.isDirectory(folder),
              FileManager.default.fileExists(atPath: folder.appendingPathComponent(DataLayout.formatFile).path)
        else {
            throw .io(path: folder.path, reason: "is not a Fieldbook data folder (no fieldbook.json); nothing was backed up")
        }
        var target = out.standardizedFileURL
        if DurableFile.isDirectory(target) {
            target = target.appendingPathComponent(fileName(at: now))
        } else if out.hasDirectoryPath {
            throw .io(path: out.path, reason: "no such folder; nothing was backed up")
        }
        // Compared as real paths: a link or `..` on the way to `--out` cannot hide the folder.
        let realFolder = RealPath.of(folder.path) ?? folder.path
        if RealPath.isInside(RealPath.ofNewFile(target) ?? target.path, realFolder) {
            throw .io(path: target.path, reason: "is inside the data folder; write the backup somewhere else")
        }
        let leftOut = FolderScan.scan(folder).links.filter(\.leavesTheFolder)
        // Written under a hidden temporary name and linked into place whole (`ExportFile`): a
        // backup stopped or killed part way never leaves half an archive under its name.
        var size = 0
        try ExportFile.write(to: target, descriptor: { fd in
            // Links are left out by name, taken literally (no wildcards).
            let exclusions = leftOut.isEmpty ? [] : ["--no-wildcards"] + leftOut.flatMap { ["--exclude", "./" + $0.path] }
            // A shared folder's history is the hub's to keep: the archive holds the records.
            let expected = progress == nil ? 0 : ArchivePipe.expectedSize(of: folder, leavingOut: Set(leftOut.map(\.path)))
            var stopped = false
            if let failure = ArchivePipe.run(tar: ["tar", "-cf", "-", "--exclude", ".*.tmp", "--exclude", "./.git"] + exclusions
                                                 + ["-C", folder.path, "."],
                                             output: fd, expectedBytes: expected, progress: progress,
                                             shouldStop: shouldStop, stopped: &stopped) {
                throw StoreError.io(path: target.path, reason: "backup failed, nothing kept: \(failure)")
            }
            var info = stat()
            size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        })
        return Result(file: target, bytes: size, leftOut: leftOut,
                      leftOutHistory: DurableFile.isDirectory(folder.appendingPathComponent(".git")))
    }
}
