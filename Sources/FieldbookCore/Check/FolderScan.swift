import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a walk through the whole data folder finds that no record file shows: temporary files
/// left by interrupted saves, files or folders that group or others may read or write, folders
/// and files that cannot be read (never taken as empty), and symbolic links with where they
/// point. Symbolic links are not followed.
public struct FolderScan: Sendable, Equatable {
    /// A temporary file of a save (see `DurableFile.write`).
    public struct TemporaryFile: Sendable, Equatable {
        /// Relative to the data folder.
        public var path: String
        public var modified: Date
    }

    /// A folder open to group or others, or holding files that are.
    public struct LooseFolder: Sendable, Equatable {
        /// Relative to the data folder; "" for the data folder itself.
        public var path: String
        /// The folder's own mode when it is loose, else nil.
        public var mode: mode_t?
        /// Names of the files directly in it that are loose, with their modes.
        public var files: [LooseFile]
    }

    public struct LooseFile: Sendable, Equatable {
        public var name: String
        public var mode: mode_t
    }

    /// A folder that cannot be listed or a file that cannot be opened for reading.
    public struct Unreadable: Sendable, Equatable {
        /// Relative to the data folder.
        public var path: String
        public var isFolder: Bool
        /// The system's reason ("Permission denied").
        public var reason: String
    }

    /// A symbolic link inside the data folder.
    public struct Link: Sendable, Equatable {
        /// Relative to the data folder.
        public var path: String
        /// What the link says, as written.
        public var target: String
        /// Where it leads once every link on the way is followed; nil when nothing is there.
        public var resolved: String?
        /// True when it leads out of the data folder (or nowhere): a backup leaves it out.
        public var leavesTheFolder: Bool
    }

    public var temporaryFiles: [TemporaryFile] = []
    public var looseFolders: [LooseFolder] = []
    public var unreadable: [Unreadable] = []
    public var links: [Link] = []

    /// Permission bits that must be clear on every file and folder: all of group's and others'.
    public static let groupAndOthers: mode_t = 0o077

    /// A temporary file older than this is left over from a save that never finished (a save
    /// holds its temporary file for milliseconds).
    public static let staleAge: TimeInterval = 60

    /// `openingJSONFiles: false` leaves out the test of whether each `.json` file can be opened,
    /// for a caller whose stores read every one of them and report those that cannot be read.
    public static func scan(_ folder: URL, openingJSONFiles: Bool = true) -> FolderScan {
        var result = FolderScan()
        let folder = folder.standardizedFileURL
        walk(folder.path, relative: "", realFolder: RealPath.of(folder.path) ?? folder.path, openingJSONFiles: openingJSONFiles,
             into: &result)
        return result
    }

    /// Temporary files older than `staleAge` at `now`.
    public func staleTemporaryFiles(now: Date) -> [TemporaryFile] {
        temporaryFiles.filter { now.timeIntervalSince($0.modified) > Self.staleAge }
    }

    private static func walk(_ path: String, relative: String, realFolder: String, openingJSONFiles: Bool,
                             into result: inout FolderScan) {
        guard let info = status(path), info.st_mode & S_IFMT == S_IFDIR else { return }
        let folderMode = info.st_mode & 0o7777
        var looseFiles: [LooseFile] = []
        let names: [String]
        switch list(path) {
        case .success(let listed):
            names = listed.sorted()
        case .failure(let error):
            result.unreadable.append(Unreadable(path: relative, isFolder: true, reason: error.reason))
            names = []
        }
        for name in names {
            let child = path.hasSuffix("/") ? path + name : "\(path)/\(name)"
            let childRelative = relative.isEmpty ? name : "\(relative)/\(name)"
            guard let entry = status(child) else { continue }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                walk(child, relative: childRelative, realFolder: realFolder, openingJSONFiles: openingJSONFiles, into: &result)
            case S_IFREG:
                if DurableFile.isTemporaryName(name) {
                    result.temporaryFiles.append(TemporaryFile(
                        path: childRelative,
                        modified: modificationDate(entry)))
                } else if openingJSONFiles || !name.hasSuffix(".json"), let reason = unreadableReason(child) {
                    result.unreadable.append(Unreadable(path: childRelative, isFolder: false, reason: reason))
                }
                if entry.st_mode & groupAndOthers != 0 {
                    looseFiles.append(LooseFile(name: name, mode: entry.st_mode & 0o7777))
                }
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: child)) ?? "?"
                let resolved = RealPath.of(child)
                let inside = resolved.map { RealPath.isInside($0, realFolder) } ?? false
                result.links.append(Link(path: childRelative, target: target, resolved: resolved, leavesTheFolder: !inside))
            default:
                continue
            }
        }
        let looseSelf = folderMode & groupAndOthers != 0
        if looseSelf || !looseFiles.isEmpty {
            result.looseFolders.insert(
                LooseFolder(path: relative, mode: looseSelf ? folderMode : nil, files: looseFiles),
                at: result.looseFolders.firstIndex { $0.path > relative } ?? result.looseFolders.endIndex)
        }
    }

    private static func modificationDate(_ info: stat) -> Date { SystemCalls.modificationDate(info) }

    /// The names in the folder at `path`, or why it cannot be listed.
    private static func list(_ path: String) -> Result<[String], ListError> {
        guard let directory = opendir(path) else { return .failure(ListError(reason: String(cString: strerror(errno)))) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    private struct ListError: Error {
        var reason: String
    }

    /// Why the file at `path` cannot be opened for reading, or nil when it can.
    private static func unreadableReason(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        return nil
    }

    private static func status(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }
}

extension DurableFile {
    /// True for the name of a temporary file `write` makes: `.<name>.<pid>.<random>.tmp`.
    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }
}

/// Paths with every symbolic link resolved, for every test of "inside the data folder": two
/// spellings of one place (a link, `..`, a doubled slash) compare equal.
public enum RealPath {
    /// The path with every link resolved, or nil when nothing is there.
    public static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Where a file that may not exist yet would be: its folder's real path and its name.
    public static func ofNewFile(_ url: URL) -> String? {
        of(url.deletingLastPathComponent().path).map { $0 == "/" ? "/" + url.lastPathComponent : $0 + "/" + url.lastPathComponent }
    }

    /// True when the real path `path` is `folder` or inside it (both real paths).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}

/// A file mode as `ls` and `chmod` write it: `0644`.
func octal(_ mode: mode_t) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
