import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system says of a data folder as a load would read it: the names its listing
/// finds (record files, and the strays and sync copies it reports) and each record file's stamp
/// (`FileStamp`: device, inode, size, modification and change times to the nanosecond), hashed.
/// Two equal stamps mean the same files with the same stamps, so a load would read the same
/// bytes: a file written again changes its change time, whatever its size and modification time.
public struct FolderStamp: Hashable, Sendable, Codable {
    /// SHA-256 of the listing and the stamps, in hex.
    public let digest: String
    /// Record files in the listing.
    public let files: Int

    public init(digest: String, files: Int) {
        self.digest = digest
        self.files = files
    }
}

extension Store {
    /// The folder's stamp now (`FolderStamp`); nil when a file that is there cannot be stat'ed.
    public func folderStamp() -> FolderStamp? {
        stamp(vouching: nil)
    }

    /// The folder's stamp now, when every record file holds what this store holds of it: nil
    /// otherwise. A file not changed since a second before `readSince` (when the whole folder
    /// was last read) holds what that read took; a file changed since (this store's saves, a
    /// sync's files read again) is read and must be the version the store holds, and be at
    /// least a second old (else it could change again in the same clock tick unseen); the store
    /// must know every file listed, and hold no file that is not (one gone since the read). What
    /// the app shows is then what a full read of the folder would give, and can be kept.
    /// `now`: when the stamp is taken (tests give another time).
    public func stampOfWhatIsHeld(readSince: Date, now: Date = Date()) -> FolderStamp? {
        let read = readSince.timeIntervalSince1970 - 1, settled = now.timeIntervalSince1970 - 1
        var listed = 0
        let stamp = stamp { relative, newest in
            let held = self.files[relative]?.version
            guard let newest else { return held == nil }
            guard let held else { return false }
            listed += 1
            guard newest >= read else { return true }
            guard newest < settled else { return false }
            let data = try? self.transform.read(relative, from: self.folder.appendingPathComponent(relative))
            return data.map { FileVersion(of: $0) == held } == true
        }
        // A record file the store holds that the listing no longer finds: gone since.
        let tops = RecordFileKind.all.map(\.topLevelName)
        let held = files.presentCount { relative in
            tops.contains { relative == $0 || relative.hasPrefix($0 + "/") } && relative.hasSuffix(".json")
        }
        return stamp != nil && listed == held ? stamp : nil
    }

    /// `vouching`: asked of each record file of the listing, with the time it was last modified
    /// or changed (nil: it is not there); false refuses the stamp.
    private func stamp(vouching: ((String, Double?) -> Bool)?) -> FolderStamp? {
        let listing = listRecordFiles(urls: false)
        let root = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        var bytes: [UInt8] = []
        bytes.reserveCapacity(listing.relatives.count * 120)
        func add(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) } }
        func add(_ text: String) {
            add(UInt64(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }
        /// The file's stamp; nil when it is not there; nil for the whole stamp when it cannot be
        /// stat'ed, or `vouching` refuses it (`relative`: a record file's path).
        func stamp(_ path: String, _ relative: String? = nil) -> FileStamp?? {
            var info = stat()
            guard stat(path, &info) == 0 else {
                guard errno == ENOENT else { return nil }
                if let relative, let vouching, !vouching(relative, nil) { return nil }
                return .some(nil)
            }
            let stamp = FileStamp(info)
            let newest = max(Double(stamp.modifiedSeconds) + Double(stamp.modifiedNanoseconds) / 1e9,
                             Double(stamp.changedSeconds) + Double(stamp.changedNanoseconds) / 1e9)
            // Refused is nil for the whole stamp (not a file that is not there: `.some(nil)`).
            let vouched = if let relative, let vouching { vouching(relative, newest) } else { true }
            guard vouched else { return FileStamp??.none }
            return .some(stamp)
        }
        func add(_ stamp: FileStamp) {
            for number in [stamp.device, stamp.inode, UInt64(bitPattern: stamp.size),
                           UInt64(bitPattern: stamp.modifiedSeconds), UInt64(bitPattern: stamp.modifiedNanoseconds),
                           UInt64(bitPattern: stamp.changedSeconds), UInt64(bitPattern: stamp.changedNanoseconds)] {
                add(number)
            }
        }
        // The format file holds no record (the store's own read vouches for it): only stamped.
        guard let format = stamp(folder.appendingPathComponent(DataLayout.formatFile).path) else { return nil }
        // Absent, the folder is not a data folder yet: its absence is stamped as any file's.
        format.map(add) ?? add("-")
        for step in listing.steps {
            switch step {
            case .file(let index):
                guard let fileStamp = stamp(root + listing.relatives[index], listing.relatives[index]) else { return nil }
                add(listing.relatives[index])
                // A file of the layout that is not there (no settings yet): its absence.
                fileStamp.map(add) ?? add("-")
            case .problem(let problem):
                // A stray name or a sync tool's copy: its name only (it is never read).
                add("?" + problem.path)
            }
        }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return FolderStamp(digest: digest, files: listing.relatives.count)
    }
}
