import FieldbookCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fieldbook sync` on a generated folder, with the hub a bare repository on the same local
/// disk (the anchor: no network, so what is timed is Fieldbook's and git's own work): a sync
/// with nothing to merge, a sync with one change from each side, and a `join`. Processor time
/// is this process's and the gits' it ran (getrusage of self and children), beside the wall.
enum SyncTiming {
    /// User and system time of this process and its waited-for children, in seconds.
    static var processorSeconds: Double {
        func seconds(_ who: Int32) -> Double {
            var usage = rusage()
            #if canImport(Glibc)
            getrusage(__rusage_who_t(who), &usage)
            #elseif canImport(Darwin)
            getrusage(who, &usage)
            #endif
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        #if canImport(Glibc)
        let (own, children) = (Int32(RUSAGE_SELF.rawValue), Int32(RUSAGE_CHILDREN.rawValue))
        #elseif canImport(Darwin)
        let (own, children) = (RUSAGE_SELF, RUSAGE_CHILDREN)
        #endif
        return seconds(own) + seconds(children)
    }

    static func measure(_ scale: String, folder: URL, scratch: URL, runs: Int) throws {
        let root = scratch.appendingPathComponent("sync")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: root) }
        let a = root.appendingPathComponent("a")
        let copy = try ChildProcess.start(["cp", "-a", folder.path, a.path], output: 2, errors: 2)
        guard ChildProcess.wait(for: copy) == 0 else { throw StoreError.io(path: a.path, reason: "could not copy the folder") }
        let hub = root.appendingPathComponent("hub.git").path
        var files = 0
        let walker = FileManager.default.enumerator(atPath: a.path)
        while let relative = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: a.path + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue { files += 1 }
        }
        let started = Clock.now
        _ = try Sync.share(folder: a, hub: hub, installID: "bench-a", specialistID: nil)
        Report.note(String(format: "%@: sync init of %d files to a hub on local disk: %.2f s (not a target)", scale, files,
                           Clock.seconds(since: started)))

        var join = Timings(), joinProcessor = Timings()
        var b: URL?
        for run in 0..<max(1, min(runs, 3)) {
            let target = root.appendingPathComponent("b\(run)")
            let processor = processorSeconds
            _ = try join.time { try Sync.join(hub: hub, folder: target, installID: "bench-b", specialistID: nil) }
            joinProcessor.record(seconds: processorSeconds - processor)
            if b == nil { b = target } else { try? FileManager.default.removeItem(at: target) }
        }
        guard let b else { return }
        let syncA = Sync(folder: a, installID: "bench-a", specialistID: nil)
        let syncB = Sync(folder: b, installID: "bench-b", specialistID: nil)
        let storeA = try Store(folder: a), storeB = try Store(folder: b)
        _ = try syncA.run()

        var idle = Timings(), idleProcessor = Timings()
        for _ in 0..<runs {
            let processor = processorSeconds
            let report = try idle.time { try syncA.run() }
            idleProcessor.record(seconds: processorSeconds - processor)
            guard report.pushed, report.committed == 0, report.received == 0 else { throw StoreError.io(path: a.path, reason: "not an idle sync") }
        }

        var both = Timings(), bothProcessor = Timings()
        let clientsA = storeA.load().clients, clientsB = storeB.load().clients
        for run in 0..<runs {
            var theirs = clientsB[(2 * run + 1) % clientsB.count]
            theirs.phone = "555-\(1000 + run)"
            try storeB.save(theirs)
            _ = try syncB.run()
            var mine = clientsA[(2 * run) % clientsA.count]
            mine.notes = "Bench \(run)"
            try storeA.save(mine)
            let processor = processorSeconds
            let report = try both.time { try syncA.run() }
            bothProcessor.record(seconds: processorSeconds - processor)
            guard report.pushed, report.committed == 1, report.received >= 1 else {
                throw StoreError.io(path: a.path, reason: "not one change each side: \(report)")
            }
        }
        Report.line(scale, "sync, nothing to merge (hub on local disk)", target: "< 1 s", idle,
                    verdict: Report.verdict(idle.p99Milliseconds < 1_000))
        Report.line(scale, "sync, nothing to merge, processor time", target: "info", idleProcessor, verdict: .info,
                    note: "Fieldbook and the gits it ran")
        Report.line(scale, "sync, one change from each side", target: "< 2 s", both,
                    verdict: Report.verdict(both.p99Milliseconds < 2_000))
        Report.line(scale, "sync, one change each side, processor time", target: "info", bothProcessor, verdict: .info,
                    note: "Fieldbook and the gits it ran")
        Report.line(scale, "join (clone, sharing files, owner-only)", target: "info", join, verdict: .info)
        Report.line(scale, "join, processor time", target: "info", joinProcessor, verdict: .info)
    }
}
