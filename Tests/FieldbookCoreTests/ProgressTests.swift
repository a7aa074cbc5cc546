import FieldbookCore
import Foundation
import Testing

/// What a progress reporter was told, in order.
final class ProgressLog: ProgressListener {
    var steps: [String] = []
    var shown: [(done: Int, total: Int)] = []
    var onShow: ((Int, Int) -> Void)?

    func start(_ step: String, unit: String) { steps.append(step) }

    func show(_ done: Int, of total: Int) {
        shown.append((done, total))
        onShow?(done, total)
    }
}

/// The progress line's text at its edges: nothing done, nothing to count, all done.
@Suite struct ProgressTextTests {
    @Test func nothingDoneShowsTheCountsAloneWithoutRateOrTimeLeft() {
        #expect(ProgressText.line("exporting", done: 0, total: 65_400, unit: "records", seconds: 3)
                == "exporting: 0/65,400 records")
    }

    @Test func aStepWithNothingToCountIsItsNameAlone() {
        #expect(ProgressText.line("pushing to the hub", done: 0, total: 0, unit: "", seconds: 4) == "pushing to the hub")
        // Counted without a total: what is done so far and its rate, never a time left.
        #expect(ProgressText.line("reading", done: 1_500, total: 0, unit: "files", seconds: 1) == "reading: 1,500 files, 1,500/s")
    }

    @Test func allDoneShowsTheRateAndNoTimeLeft() {
        #expect(ProgressText.line("exporting", done: 1_000, total: 1_000, unit: "records", seconds: 2)
                == "exporting: 1,000/1,000 records, 500/s")
        // More done than the estimate (an archive's size is estimated): never past the total.
        #expect(ProgressText.line("backing up", done: 1_100, total: 1_000, unit: "KB", seconds: 2)
                == "backing up: 1,000/1,000 KB, 500/s")
    }

    @Test func partWayShowsRateAndTimeLeftRoundedUp() {
        #expect(ProgressText.line("exporting", done: 500, total: 1_000, unit: "records", seconds: 2)
                == "exporting: 500/1,000 records, 250/s, 2 s left")
        // 999 of 1,000 at 999/s: a thousandth of a second left is still "1 s", never "0 s".
        #expect(ProgressText.line("exporting", done: 999, total: 1_000, unit: "records", seconds: 1)
                == "exporting: 999/1,000 records, 999/s, 1 s left")
    }

    @Test func noRateBeforeHalfASecond() {
        #expect(ProgressText.line("reading", done: 300, total: 1_000, unit: "files", seconds: 0.49) == "reading: 300/1,000 files")
        #expect(ProgressText.line("reading", done: 300, total: 1_000, unit: "files", seconds: 0.5)
                == "reading: 300/1,000 files, 600/s, 2 s left")
    }

    @Test func timeLeftChangesUnitAtTheMinuteAndTheHour() {
        #expect(ProgressText.timeLeft(seconds: 0) == "1 s")
        #expect(ProgressText.timeLeft(seconds: 59) == "59 s")
        #expect(ProgressText.timeLeft(seconds: 59.01) == "1 min 0 s")
        #expect(ProgressText.timeLeft(seconds: 60) == "1 min 0 s")
        #expect(ProgressText.timeLeft(seconds: 3_599) == "59 min 59 s")
        #expect(ProgressText.timeLeft(seconds: 3_600) == "1 h 0 min")
        #expect(ProgressText.timeLeft(seconds: 7_322) == "2 h 2 min")
    }

    @Test func numbersAreGroupedByThousands() {
        #expect(ProgressText.grouped(0) == "0")
        #expect(ProgressText.grouped(999) == "999")
        #expect(ProgressText.grouped(1_000) == "1,000")
        #expect(ProgressText.grouped(1_234_567) == "1,234,567")
    }
}

/// Long work in the domain tells how far it is and stops where it is asked to, leaving
/// nothing half made.
@Suite struct LongWorkProgressTests {
    @Test func aFolderReadCountsEveryFileUpToTheTotal() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let log = ProgressLog()
        _ = try Store(folder: data, mode: .readOnly).load(progress: log)
        let total = try #require(log.shown.last?.total)
        #expect(total >= 4, "format file, specialist, client, employer, contact month")
        #expect(log.shown.first?.done == 0)
        #expect(log.shown.last?.done == total)
        #expect(log.shown.map(\.done) == Array(0...total))
    }

    @Test func theFullCopyCountsRecordsAndEndsAtTheTotal() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let copy = FullCopy(try Store(folder: data, mode: .readOnly).load())
        let log = ProgressLog()
        var bytes: [UInt8] = []
        try copy.write(to: { bytes += $0 }, progress: log)
        #expect(copy.recordCount == 4)
        #expect(log.shown.last.map { [$0.done, $0.total] } == [4, 4])
        #expect(try FullCopy.read(Data(bytes)) == copy, "counting changes nothing written")
    }

    @Test func aBackupCountsTheArchiveAndItsEstimateIsClose() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let log = ProgressLog()
        let out = folder.path("counted.tar.gz")
        _ = try Backup.write(folder: data, to: out, progress: log)
        let last = try #require(log.shown.last)
        // The uncompressed archive against the estimate made from the files' sizes.
        #expect(last.done <= last.total)
        #expect(Double(last.done) >= Double(last.total) * 0.8, "\(last)")
        #expect(try runTar(["tzf", out.path]))
    }

    /// A small data folder with enough bytes (600 KB that do not compress) for several pieces of
    /// its archive.
    func folderArchivedInPieces(_ folder: TemporaryFolder) throws -> URL {
        let (data, _) = try smallDataFolder(folder)
        var noise = SystemRandomNumberGenerator()
        let big = Data((0..<600_000).map { _ in UInt8.random(in: 0...255, using: &noise) })
        try big.write(to: data.appendingPathComponent("attachment.bin"))
        return data
    }

    @Test func aBackupStoppedPartWayLeavesNoFile() throws {
        let folder = TemporaryFolder()
        let data = try folderArchivedInPieces(folder)
        let log = ProgressLog()
        let out = folder.path("stopped.tar.gz")
        #expect(throws: StoreError.self) {
            try Backup.write(folder: data, to: out, progress: log, shouldStop: { !log.shown.isEmpty })
        }
        #expect(!log.shown.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path), "no half backup is left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["data"])
        // And the next backup is whole.
        _ = try Backup.write(folder: data, to: out)
        #expect(try runTar(["tzf", out.path]))
    }

    /// A backup killed part way (SIGKILL, a power cut: nothing runs to clean up) must not leave
    /// half an archive under the name asked for: while the archive is written, that name is
    /// absent and only a hidden temporary file is there; the name appears once it is whole.
    @Test func whileABackupIsWrittenItsNameIsAbsentAndOnlyAHiddenFileIsThere() throws {
        let folder = TemporaryFolder()
        let data = try folderArchivedInPieces(folder)
        let log = ProgressLog()
        let out = folder.path("whole.tar.gz")
        var namesWhileWriting: [[String]] = []
        _ = try Backup.write(folder: data, to: out, progress: log, shouldStop: {
            if !log.shown.isEmpty, namesWhileWriting.isEmpty {
                namesWhileWriting.append((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()) ?? [])
            }
            return false
        })
        let seen = try #require(namesWhileWriting.first, "the archive was written in more than one piece")
        #expect(!seen.contains("whole.tar.gz"), "\(seen)")
        #expect(seen.count == 2 && seen.contains("data") && seen.contains { $0.hasPrefix(".whole.tar.gz.") && $0.hasSuffix(".tmp") },
                "\(seen)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["data", "whole.tar.gz"])
        #expect(try runTar(["tzf", out.path]))
        let mode = try #require(FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    @Test func aConversionStoppedBetweenFilesIsLeftAsACrashLeavesItAndFinishesLater() throws {
        let folder = TemporaryFolder()
        let (data, _) = try smallDataFolder(folder)
        let key = try FolderConversion.beginEncryption(data, passphrase: "pw", derivation: testDerivation, today: "2026-12-05")
        var seen: [(Int, Int)] = []
        let stopped = try FolderConversion.finish(data, key: key, progress: { seen.append(($0, $1)) },
                                                  shouldStop: { seen.count == 2 })
        #expect(stopped.stopped)
        #expect(stopped.converted == 2)
        let total = try #require(seen.first?.1)
        #expect(total > 2)
        #expect(throws: StoreError.self) { try Store(folder: data, transform: key.transform) }
        let finished = try FolderConversion.finish(data, key: key)
        #expect(!finished.stopped)
        #expect(finished.alreadyDone == 2)
        #expect(finished.converted == total - 2)
        #expect(try Store(folder: data, transform: key.transform).load().clients.count == 1)
    }
}

/// Git's own counts, read from what `--progress` writes.
@Suite struct GitProgressTests {
    @Test func theLastCountOfAFetchOrPushIsRead() {
        let fetch = "remote: Enumerating objects: 5, done.\nReceiving objects:  45% (450/1000), 1.2 MiB | 1.1 MiB/s\r"
            + "Receiving objects:  46% (460/1000), 1.3 MiB | 1.1 MiB/s\r"
        #expect(GitProgress.lastCount(in: fetch).map { [$0.done, $0.total] } == [460, 1_000])
        let push = "Enumerating objects: 7, done.\nCounting objects: 100% (7/7), done.\nWriting objects:  33% (1/3)\r"
            + "Writing objects: 100% (3/3), 290 bytes | 290.00 KiB/s, done.\nTotal 3 (delta 0), reused 0 (delta 0)\n"
        #expect(GitProgress.lastCount(in: push).map { [$0.done, $0.total] } == [3, 3])
        // Counting is not sending; a line cut short is not a count.
        #expect(GitProgress.lastCount(in: "Counting objects: 100% (7/7), done.\n") == nil)
        #expect(GitProgress.lastCount(in: "Receiving objects:  45% (450/10") == nil)
    }
}
