import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a walk through the whole data folder finds that no record file shows: temporary files
/// left by interrupted saves, and files or folders that group or others may read or write.
/// Symbolic links are not followed.
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

    public var temporaryFiles: [TemporaryFile] = []
    public var looseFolders: [LooseFolder] = []

    /// Permission bits that must be clear on every file and folder: all of group's and others'.
    public static let groupAndOthers: mode_t = 0o077

    /// A temporary file older than this is left over from a save that never finished (a save
    /// holds its temporary file for milliseconds).
    public static let staleAge: TimeInterval = 60

    public static func scan(_ folder: URL) -> FolderScan {
        var result = FolderScan()
        walk(folder.standardizedFileURL, relative: "", into: &result)
        return result
    }

    /// Temporary files older than `staleAge` at `now`.
    public func staleTemporaryFiles(now: Date) -> [TemporaryFile] {
        temporaryFiles.filter { now.timeIntervalSince($0.modified) > Self.staleAge }
    }

    private static func walk(_ url: URL, relative: String, into result: inout FolderScan) {
        guard let info = status(url.path), info.st_mode & S_IFMT == S_IFDIR else { return }
        let folderMode = info.st_mode & 0o7777
        var looseFiles: [LooseFile] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        for name in names {
            let child = url.appendingPathComponent(name)
            let childRelative = relative.isEmpty ? name : "\(relative)/\(name)"
            guard let entry = status(child.path) else { continue }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                walk(child, relative: childRelative, into: &result)
            case S_IFREG:
                if DurableFile.isTemporaryName(name) {
                    result.temporaryFiles.append(TemporaryFile(
                        path: childRelative,
                        modified: modificationDate(entry)))
                }
                if entry.st_mode & groupAndOthers != 0 {
                    looseFiles.append(LooseFile(name: name, mode: entry.st_mode & 0o7777))
                }
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

/// A file mode as `ls` and `chmod` write it: `0644`.
func octal(_ mode: mode_t) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
