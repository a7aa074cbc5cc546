import Foundation

/// The Today screen's figures as the last full read of a data folder gave them, kept so the
/// next start can draw its first frame before the folder is read: the due items the agenda
/// lists up to its horizon, this week's face-to-face tallies and the job starts ahead, with the
/// specialists and settings they name.
///
/// It is used only while the folder's stamp (`FolderStamp`) is the one it was made from and on
/// the day it was made for: then each figure is the one a full read gives, since the figures
/// follow from the files alone. It is never the source of truth: the app reads the whole folder
/// right after the first frame, and every other screen and action waits for that read. It lives
/// beside the record cache (`RecordCache.root`, never in the data folder), owner-only, sealed
/// with the folder's key when the folder is encrypted; a copy that is missing, damaged, of
/// another format or of another folder is not used.
public struct FirstScreen: Sendable, Codable, Equatable {
    /// Bumped whenever what is kept, or what it is derived from, changes.
    static let formatVersion = 2
    static let fileName = "first-screen.cache"
    static let magic: [UInt8] = Array("FBFIRST2".utf8)

    var format: Int
    /// The version of Fieldbook that worked the figures out: another version's rules may differ.
    var madeBy: String
    /// The data folder's real path: a copy never serves another folder.
    var dataFolderPath: String
    public var stamp: FolderStamp
    public var today: LocalDate
    public var specialists: [Specialist]
    public var settings: Settings
    /// Days after `today` the kept items reach (the agenda's horizon).
    public var horizonDays: Int
    /// The due items the agenda lists, due by `today + horizonDays`, in list order.
    public var items: [DueItem]
    /// This week's face-to-face tally of each specialist, and the team's (no specialist).
    public var weekTallies: [ContactTally]
    public var jobStartsAhead: [Figures.JobStart]

    /// The Today screen's figures of `figures`, worked out from `data` (read in full from the
    /// folder whose stamp is `stamp`): the items `TodayAgenda` lists, due by `horizonDays` ahead.
    public init(figures: Figures, data: DataSnapshot, stamp: FolderStamp, folder: URL, horizonDays: Int) {
        format = Self.formatVersion
        madeBy = FieldbookVersion.current
        dataFolderPath = Self.realPath(folder)
        self.stamp = stamp
        today = figures.today
        specialists = data.specialists
        settings = data.settings
        self.horizonDays = horizonDays
        let last = figures.today.adding(days: horizonDays)
        let notActive = Set(data.clients.lazy.filter { !$0.status.isActive }.map(\.id))
        items = figures.due.items.filter { item in
            item.dueOn <= last && TodayAgenda.lists(item, clientIsActive: item.clientID.map { !notActive.contains($0) })
        }
        weekTallies = [figures.weekTally(of: nil)] + data.specialists.map { figures.weekTally(of: $0.id) }
        jobStartsAhead = figures.jobStartsAhead
    }

    static func realPath(_ folder: URL) -> String { folder.resolvingSymlinksInPath().standardizedFileURL.path }

    /// Where the copy of `folder` is kept (nil: nowhere outside the data folder).
    public static func location(for folder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        RecordCache.forDataFolder(folder, environment: environment).map { $0.folder.appendingPathComponent(fileName) }
    }

    /// The copy kept for `folder` when it can draw the first frame on `today` with `horizonDays`:
    /// the same folder, day, horizon, format and version of Fieldbook, and the stamp the folder
    /// has now (`current`, taken only once the day and horizon match). nil otherwise, and for a
    /// copy that is damaged, sealed with another key, or holds what no full read could give.
    ///
    /// The file: the magic, a check value, then the day and horizon (8 bytes each, so another
    /// day is refused before the folder is stamped) and the copy in the binary form.
    public static func read(at file: URL, folder: URL, today: LocalDate, horizonDays: Int, transform: FileTransform,
                            current: () -> FolderStamp?) -> FirstScreen? {
        guard let sealed = try? Data(contentsOf: file), let bytes = try? transform.fromDisk(sealed, fileName),
              bytes.count > magic.count + 24, Array(bytes.prefix(magic.count)) == magic
        else { return nil }
        let checked = Data(bytes.dropFirst(magic.count + 8))
        func number(_ data: Data, at offset: Int) -> UInt64 {
            data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        }
        guard number(bytes, at: magic.count) == ContentHash(checked).value,
              Int64(bitPattern: number(checked, at: 0)) == Int64(today.dayNumber),
              Int64(bitPattern: number(checked, at: 8)) == Int64(horizonDays)
        else { return nil }
        let body = Data(checked.dropFirst(16))
        // The folder's stamp (a stat of every file) beside the copy's decoding, on two cores.
        let (now, decoded) = SideBySide.run(current, { try? BinaryRecordCoding.decode(FirstScreen.self, from: body) })
        guard let screen = decoded, screen.format == formatVersion, screen.madeBy == FieldbookVersion.current,
              screen.dataFolderPath == realPath(folder), screen.today == today, screen.horizonDays == horizonDays,
              screen.isPlausible, now == screen.stamp
        else { return nil }
        return screen
    }

    /// What a full read could have given: items due by the horizon, each late by what its date
    /// says, tallies of this week. A copy edited by hand past its check value may hold anything.
    var isPlausible: Bool {
        let last = today.adding(days: horizonDays)
        return items.allSatisfy { item in
            item.dueOn <= last && item.daysOverdue == max(0, item.dueOn.days(until: today))
        } && weekTallies.allSatisfy { tally in
            tally.period.contains(today) && tally.done >= 0 && tally.target >= 0 && tally.period.dayCount <= 7
        } && jobStartsAhead.allSatisfy { $0.job.startDate >= today && $0.job.startDate <= today.adding(days: Figures.jobStartDays) }
    }

    /// Writes this copy to `file`, replacing the one there in one rename, owner-only. A copy
    /// that cannot be written is left out: the next start reads the folder first.
    public func write(to file: URL, transform: FileTransform) {
        guard let body = try? BinaryRecordCoding.encode(self) else { return }
        var checked = Data()
        withUnsafeBytes(of: Int64(today.dayNumber).littleEndian) { checked.append(contentsOf: $0) }
        withUnsafeBytes(of: Int64(horizonDays).littleEndian) { checked.append(contentsOf: $0) }
        checked.append(contentsOf: body)
        var bytes = Data(Self.magic)
        withUnsafeBytes(of: ContentHash(checked).value.littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(checked)
        guard let sealed = try? transform.toDisk(bytes, Self.fileName) else { return }
        RecordCache.writeOwnerOnly(sealed, to: file)
    }
}
