import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `fieldbook check --repair` does: moves files that cannot be used as records into
/// `quarantine/` (never deletes them), removes temporary files of saves that never finished,
/// and makes every file and folder owner-only. Records themselves are never changed.
public enum DataRepair {
    public enum Step: Hashable, Sendable, CustomStringConvertible {
        /// Move a file to `quarantine/`; `to` keeps its former place in its name.
        case quarantine(path: String, to: String, reason: String)
        /// Delete a temporary file older than a minute.
        case removeTemporaryFile(path: String, minutesOld: Int)
        /// chmod the folder to 0700 (when `folderMode` is set) and the listed files to 0600.
        case tightenPermissions(folder: String, folderMode: mode_t?, files: [String], fileMode: mode_t?)

        public var description: String {
            switch self {
            case .quarantine(let path, let to, let reason):
                "move \(path) to \(to) (\(reason))"
            case .removeTemporaryFile(let path, let minutes):
                "remove \(path) (temporary file of a save that never finished, \(minutes) minute\(minutes == 1 ? "" : "s") old)"
            case .tightenPermissions(let folder, let folderMode, let files, let fileMode):
                {
                    let place = folder.isEmpty ? "the data folder" : folder
                    var parts: [String] = []
                    if let folderMode { parts.append("make \(place) owner-only (\(octal(folderMode)) to 0700)") }
                    if let fileMode, !files.isEmpty {
                        let what = files.count == 1 ? files[0] : "\(files.count) files"
                        parts.append("make \(what) in \(place) owner-only (e.g. \(octal(fileMode)) to 0600)")
                    }
                    return parts.joined(separator: "; ")
                }()
            }
        }
    }

    public static let quarantineFolder = "quarantine"

    /// The steps that would repair `folder` at `now`; empty when there is nothing to do.
    /// `transform`: an encrypted folder's key; a file that fails to open with it is quarantined.
    public static func plan(folder: URL, now: Date = Date(), transform: FileTransform = .plain) -> [Step] {
        let folder = folder.standardizedFileURL
        var steps: [Step] = []
        var taken = Set(DurableFile.list(folder.appendingPathComponent(quarantineFolder)))
        for (path, reason) in unusableFiles(in: folder, transform: transform) {
            var name = path.replacingOccurrences(of: "/", with: "--")
            var n = 2
            let base = name
            while taken.contains(name) {
                name = "\(base).\(n)"
                n += 1
            }
            taken.insert(name)
            steps.append(.quarantine(path: path, to: "\(quarantineFolder)/\(name)", reason: reason))
        }
        let scan = FolderScan.scan(folder)
        for file in scan.staleTemporaryFiles(now: now) {
            steps.append(.removeTemporaryFile(path: file.path, minutesOld: Int(now.timeIntervalSince(file.modified) / 60)))
        }
        for loose in scan.looseFolders {
            steps.append(.tightenPermissions(
                folder: loose.path, folderMode: loose.mode, files: loose.files.map(\.name), fileMode: loose.files.first?.mode))
        }
        return steps
    }

    /// Carries out `steps` in order; stops at the first step that fails, with what failed.
    /// Returns how many steps were done.
    @discardableResult
    public static func apply(_ steps: [Step], folder: URL) throws(StoreError) -> Int {
        let folder = folder.standardizedFileURL
        var done = 0
        for step in steps {
            switch step {
            case .quarantine(let path, let to, _):
                let source = folder.appendingPathComponent(path)
                let target = folder.appendingPathComponent(to)
                try DurableFile.makeFolder(target.deletingLastPathComponent())
                if FileManager.default.fileExists(atPath: target.path) {
                    throw .io(path: to, reason: "already exists; nothing was moved")
                }
                if rename(source.path, target.path) != 0 {
                    throw .io(path: path, reason: "could not be moved to \(to): \(String(cString: strerror(errno)))")
                }
                try changeMode(target, to: DurableFile.fileMode, to)
                DurableFile.syncFolder(source.deletingLastPathComponent())
                DurableFile.syncFolder(target.deletingLastPathComponent())
            case .removeTemporaryFile(let path, _):
                let url = folder.appendingPathComponent(path)
                guard DurableFile.isTemporaryName(url.lastPathComponent) else {
                    throw .io(path: path, reason: "is not a temporary file; not removed")
                }
                if unlink(url.path) != 0 && errno != ENOENT {
                    throw .io(path: path, reason: "could not be removed: \(String(cString: strerror(errno)))")
                }
            case .tightenPermissions(let relative, let folderMode, let files, _):
                let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
                if folderMode != nil { try changeMode(url, to: DurableFile.folderMode, relative) }
                for name in files {
                    try changeMode(url.appendingPathComponent(name), to: DurableFile.fileMode, "\(relative)/\(name)")
                }
            }
            done += 1
        }
        return done
    }

    /// Files that cannot be used as records: Fieldbook's own conflict copies, copies made by
    /// sync tools, and record files that do not parse. Each with why, for the plan.
    static func unusableFiles(in folder: URL, transform: FileTransform = .plain) -> [(path: String, reason: String)] {
        var result: [(String, String)] = []
        for name in DurableFile.list(folder.appendingPathComponent(DataLayout.conflicts)) {
            result.append(("\(DataLayout.conflicts)/\(name)", "a version kept after a save conflict"))
        }
        // Every kind of record kept one per file, or a month per file (settings.json is never moved).
        for kind in RecordFileKind.all where kind.layout != .file {
            for path in kind.files(in: folder) where path.hasSuffix(".json") {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                if isSyncConflictName(name) {
                    result.append((path, "a copy a sync tool made"))
                } else if let reason = unusable(kind, folder, path, transform) {
                    result.append((path, reason))
                }
            }
        }
        return result
    }

    /// Names Syncthing (`x.sync-conflict-20261125-101010-ABCDEFG.json`) and Dropbox
    /// (`x (conflicted copy 2026-11-25).json`) give the second version of a file.
    static func isSyncConflictName(_ name: String) -> Bool {
        name.contains(".sync-conflict-") || name.contains("conflicted copy")
    }

    /// Why the record file at `path` cannot be used, or nil when it decodes.
    private static func unusable(_ kind: RecordFileKind, _ folder: URL, _ path: String, _ transform: FileTransform) -> String? {
        guard var data = try? DurableFile.read(folder.appendingPathComponent(path)) else { return "does not parse" }
        if !transform.isPlain {
            do {
                data = try transform.fromDisk(data, path)
            } catch {
                if case .io(_, let reason) = error { return String(reason.prefix { $0 != ";" }) }
                return "cannot be opened"
            }
        }
        guard let tape = try? JSONReader.tape(data), (try? kind.decode(tape)) != nil else { return "does not parse" }
        return nil
    }

    private static func changeMode(_ url: URL, to mode: mode_t, _ relative: String) throws(StoreError) {
        var info = stat()
        // Never follow a symbolic link: chmod would change the file it points to.
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return }
        if chmod(url.path, mode) != 0 {
            throw .io(path: relative, reason: "could not change its permissions: \(String(cString: strerror(errno)))")
        }
    }
}
