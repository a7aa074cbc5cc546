import FieldbookCore
import FieldbookUI
import Foundation
import SyntheticData

/// What one run of the benchmark shares across scales: where it works, how many runs, and
/// how to start the real app.
@MainActor
struct BenchContext {
    let work: URL
    let runs: Int
    let launcher: FirstFrame
    let today = SyntheticFolder.defaultToday
    /// nil: every figure.
    let only: Set<String>?
    /// The interpreter every ratio is taken against (nil: none on this machine).
    let anchor = PythonBaseline.find()

    init(work: URL, runs: Int, only: Set<String>? = nil) throws {
        self.work = work
        self.runs = runs
        self.only = only
        // The app built beside this benchmark (the package builds both).
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("fieldbook")
        let home = work.appendingPathComponent("home")
        var environment = [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "", "NO_COLOR": "",
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "FIELDBOOK_DATA": "", "FIELDBOOK_SPECIALIST": "",
        ]
        let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
        environment["FIELDBOOK_SAMPLE_DATA"] = sampleData.path
        launcher = FirstFrame(binary: binary, environment: environment)
    }

    func measure(_ scale: SyntheticFolder.Scale, folder: URL) throws {
        if SyntheticFolder.exists(at: folder) {
            Report.note("\(scale.rawValue): reusing \(folder.path)")
        } else {
            let start = Clock.now
            try SyntheticFolder.write(scale, to: folder, today: today)
            Report.note(String(format: "\(scale.rawValue): generated \(folder.path) in %.1f s", Clock.seconds(since: start)))
        }
        let (files, bytes) = Self.files(in: folder)
        Report.note(String(format: "\(scale.rawValue): %d files, %.1f MB", files, Double(bytes) / 1_000_000))
        let name = scale.rawValue

        let anchors = wants("python") || wants("load") || wants("launch") || wants("commands")
        let python = anchors ? anchor?.warm(folder, runs: runs) : nil
        if let python {
            Report.line(name, "Python json.load, warm (\(python.files) files)", target: "anchor", python.wall,
                        processor: python.processor, verdict: .info)
            if let fresh = anchor?.fresh(folder, runs: min(runs, 5)) {
                Report.line(name, "Python json.load, fresh interpreter", target: "anchor", fresh.wall, processor: fresh.processor,
                            verdict: .info, note: "a new process per run, start-up included")
            }
            if anchor?.has("orjson") == true, let orjson = anchor?.warm(folder, runs: runs, loader: "orjson") {
                Report.line(name, "Python orjson.loads, warm", target: "anchor", orjson.wall, processor: orjson.processor,
                            verdict: .info)
            }
        } else if anchors {
            Report.note("python3 could not be run: no ratios")
        }
        let pythonMedian = python?.wall.medianMilliseconds
        var catMedian: Double?
        if anchors, let floor = try? ChildRun.timings(
            ["/bin/sh", "-c", "find \"$0\" -type f -print0 | xargs -0 cat > /dev/null", folder.path], runs: min(runs, 5)) {
            Report.line(name, "cat of every file (the read floor)", target: "anchor", floor.wall, processor: floor.processor,
                        verdict: .info, note: "find | xargs cat, warm page cache")
            catMedian = floor.wall.medianMilliseconds
        }

        // All data loaded, in this process, without any cache: the folder read and decoded.
        var loadTimings = Timings(), loadProcessor = Timings()
        var data = DataSnapshot()
        for _ in 0..<(wants("load") ? runs : 1) {
            let store = try Store(folder: folder, mode: .readOnly)
            let processorStart = Clock.processProcessorTime
            data = loadTimings.time { store.load() }
            loadProcessor.record(seconds: Double(Clock.processProcessorTime - processorStart) / 1e9)
        }
        let profileDesk = ProfileDesk(store: CareerProfileStore(folder: folder, mode: .readOnly))
        var profileTimings = Timings()
        var profiles = ProfileOverview()
        for _ in 0..<(wants("profiles") ? min(runs, 3) : 1) { profiles = profileTimings.time { profileDesk.overview() } }

        let specialist = data.specialists[0].id.uuidString.lowercased()
        switch scale {
        case .caseload:
            if wants("launch") { do {
                let demo = try firstFrames(["--demo"], runs: runs)
                Report.line("caseload", "first frame, --demo", target: "< 60 ms", demo.wall, processor: demo.processor,
                            verdict: Report.verdict(demo.wall.p99Milliseconds < 60))
                let plain = try firstFrames(["--data", folder.path, "--specialist", specialist, "--today", "\(today)"], runs: runs)
                Report.line("caseload", "first frame, a data folder", target: "< 60 ms", plain.wall, processor: plain.processor,
                            verdict: Report.verdict(plain.wall.p99Milliseconds < 60))
            } catch { Report.note("caseload first frames not measured: \(error)") } }
            if wants("keys") { keyFigure("caseload", data: data, profiles: profiles, user: data.specialists[0].id, targetMilliseconds: 2) }
            if wants("figures") && !wants("keys") { figuresFigure("caseload", data: data) }
            if wants("reports") { ReportsTiming.measure("caseload", data: data, profiles: profiles, today: today, runs: runs) }
            if wants("load") {
                Report.line("caseload", "all data loaded (no cache, in process)", target: "info", loadTimings, processor: loadProcessor,
                            against: pythonMedian, verdict: .info)
            }
            if wants("profiles") { Report.line("caseload", "career profile summaries", target: "info", profileTimings, verdict: .info) }
            if wants("encrypted") {
                try EncryptionTiming.measure("caseload", folder: folder, work: work, runs: runs, plainLoad: loadTimings, python: pythonMedian,
                                             loadTarget: nil, data: data, today: today)
            }
            guard wants("saves") else { break }
            let scratch = work.appendingPathComponent("scratch-caseload")
            try? FileManager.default.removeItem(at: scratch)
            try FileManager.default.copyItem(at: folder, to: scratch)
            let saves = try StoreTiming.saves(in: scratch, data: data, today: today, count: max(50, runs * 4))
            Report.line("caseload", "save one client durably (lock, audit)", target: "p99 < 5 ms", saves.client,
                        processor: saves.clientProcessor, verdict: Report.verdict(saves.client.p99Milliseconds < 5))
            Report.line("caseload", "log one employer contact durably", target: "p99 < 5 ms", saves.contact,
                        processor: saves.contactProcessor, verdict: Report.verdict(saves.contact.p99Milliseconds < 5),
                        note: "a month of about 30 contacts")
            Report.line("caseload", "disk floor: write, fsync, rename, fsync folder", target: "info",
                        StoreTiming.diskFloor(in: scratch, count: max(50, runs * 4)), verdict: .info,
                        note: "the least one durable save needs on this disk")
            let (trip, first) = try SaveRoundTrip(launcher: launcher).measure(
                ["--data", scratch.path, "--specialist", specialist, "--today", "\(today)"], count: max(20, runs * 2))
            let beyond = trip.medianMilliseconds - saves.client.medianMilliseconds
            Report.line("caseload", "Ctrl-S to the redrawn page (real binary)", target: "<= save + 10 ms", trip,
                        verdict: Report.verdict(beyond <= 10),
                        note: String(format: "%.1f ms beyond the save's median; the first save %.0f ms", beyond, first))
        case .agency, .agency10:
            let tenfold = scale == .agency10
            if wants("launch") { do {
                let arguments = ["--data", folder.path, "--specialist", specialist, "--today", "\(today)"]
                // Cold: no Today screen kept from an earlier start, so every file is read first.
                let kept = launcher.keptFirstScreen(of: folder)
                var cold = (wall: Timings(), processor: Timings())
                for _ in 0..<runs {
                    if let kept { try? FileManager.default.removeItem(at: kept) }
                    let frame = try launcher.measure(arguments)
                    cold.wall.record(seconds: frame.seconds)
                    cold.processor.record(seconds: frame.processor)
                }
                // Warm: a start that keeps its Today screen, then the starts measured.
                let keptOne = try launcher.startKeepingFirstScreen(arguments, folder: folder)
                if !keptOne { Report.note("\(name): no Today screen was kept for the next start; the warm starts read every file") }
                let warm = try firstFrames(arguments, runs: runs)
                var everyRecord = (wall: Timings(), processor: Timings())
                for _ in 0..<runs {
                    let read = try launcher.measureEveryRecordIn(arguments)
                    everyRecord.wall.record(seconds: read.seconds)
                    everyRecord.processor.record(seconds: read.processor)
                }
                let median = warm.wall.medianMilliseconds
                if tenfold {
                    Report.line(name, "launch to first frame, warm (second start)", target: "<= 600 ms", warm.wall,
                                processor: warm.processor, against: pythonMedian, verdict: Report.verdict(median <= 600))
                } else {
                    let met = median <= 150 && catMedian.map { median <= $0 } == true
                    Report.line(name, "launch to first frame, warm (second start)", target: "<= 150 ms, <= 1.0 x cat", warm.wall,
                                processor: warm.processor, against: pythonMedian, verdict: Report.verdict(met),
                                note: catMedian.map { String(format: "%.2f x cat", median / $0) } ?? "cat not measured")
                    // Cold, every start parses every file: processor time against Python's.
                    if let pythonProcessor = python?.processor.medianMilliseconds {
                        let ratio = cold.processor.medianMilliseconds / pythonProcessor
                        Report.line(name, "first frame, cold (every file parsed): processor", target: "<= 0.4 x Python processor",
                                    cold.processor, verdict: Report.verdict(ratio <= 0.4),
                                    note: String(format: "%.2f x Python's %.0f ms of processor time; wall median %.0f ms", ratio,
                                                 pythonProcessor, cold.wall.medianMilliseconds))
                    }
                }
                Report.line(name, "warm start to every record in (Caseload shown)", target: "info", everyRecord.wall,
                            processor: everyRecord.processor, against: pythonMedian, verdict: .info,
                            note: "2 typed at the first frame; the folder is read after the kept Today screen")
            } catch { Report.note("\(name) first frames not measured: \(error)") } }
            if wants("load") {
                let loadMet = pythonMedian.map { loadTimings.medianMilliseconds <= $0 } ?? false
                Report.line(name, "all data loaded (no cache, in process)", target: "<= 1.0 x Python", loadTimings,
                            processor: loadProcessor, against: pythonMedian, verdict: Report.verdict(loadMet))
            }
            if wants("keys") { keyFigure(name, data: data, profiles: profiles, user: nil, targetMilliseconds: 8) }
            if wants("figures") && !wants("keys") { figuresFigure(name, data: data) }
            if wants("reports") { ReportsTiming.measure(name, data: data, profiles: profiles, today: today, runs: runs) }
            if wants("profiles") { Report.line(name, "career profile summaries", target: "info", profileTimings, verdict: .info) }
            if wants("commands") { try commandFigures(name, folder: folder, against: pythonMedian) }
            if wants("sync") {
                do { try SyncTiming.measure(name, folder: folder, scratch: work, runs: runs) } catch {
                    Report.note("\(name) sync not measured: \(error)")
                }
            }
            if wants("encrypted") {
                try EncryptionTiming.measure(name, folder: folder, work: work, runs: runs, plainLoad: loadTimings, python: pythonMedian,
                                             loadTarget: pythonMedian.map { python in ("<= 1.0 x Python", { $0 <= python }) },
                                             data: data, today: today)
            }
            guard wants("memory") else { break }
            // The app's store saves (it keeps what a later save needs); the second line is a
            // store that never saves (`check`, `due`, `report`), for comparison.
            let limit = tenfold ? 800.0 : 80.0
            for (label, readOnly) in [("peak memory (load, profiles, first view)", false), ("same, a store that never saves", true)] {
                let peak = try peakMemory(of: folder, readOnly: readOnly) * 1.048576
                print(Report.pad(name, 9) + Report.pad(label, 44)
                      + Report.pad(String(format: "<= %.0f MB", limit), 22)
                      + String(format: "%.0f MB  ", peak) + (readOnly ? "info" : peak <= limit ? "met" : "MISSED"))
            }
        }
    }

    /// The command-line work a supervisor runs on the whole folder, each a fresh `fieldbook`
    /// process timed from outside, against Python's warm `json.load` of the folder.
    func commandFigures(_ scale: String, folder: URL, against python: Double?) throws {
        let commands: [(String, [String])] = [
            ("export all --json", ["export", "all", "--json"]),
            ("check", ["check"]),
            ("due", ["due", "--as-of", "\(today)"]),
            ("report employment-rate", ["report", "employment-rate", "--month", String("\(today)".prefix(7))]),
        ]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in launcher.environment { environment[key] = value.isEmpty ? nil : value }
        for (label, arguments) in commands {
            let runs = try ChildRun.timings([launcher.binary.path] + arguments + ["--data", folder.path], runs: min(runs, 5),
                                            environment: environment)
            let met = python.map { runs.wall.medianMilliseconds <= $0 } ?? false
            Report.line(scale, label, target: "<= 1.0 x Python", runs.wall, processor: runs.processor, against: python,
                        verdict: Report.verdict(met), note: String(format: "peak memory %.0f MB", runs.peakMebibytes))
        }
    }

    func wants(_ group: String) -> Bool { only?.contains(group) ?? true }

    func firstFrames(_ arguments: [String], runs: Int) throws -> (wall: Timings, processor: Timings) {
        var wall = Timings(), processor = Timings()
        for _ in 0..<runs {
            let frame = try launcher.measure(arguments)
            wall.record(seconds: frame.seconds)
            processor.record(seconds: frame.processor)
        }
        return (wall, processor)
    }

    func keyFigure(_ scale: String, data: DataSnapshot, profiles: ProfileOverview, user: UUID?, targetMilliseconds: Double) {
        let results = KeyTiming.measure(data: data, profiles: profiles, user: user, today: today, rounds: max(3, runs / 3))
        var all = Timings(), processor = Timings()
        for result in results {
            all.add(result.timings)
            processor.add(result.processor)
        }
        Report.line(scale, "one key: update + view + diff draw", target: String(format: "p99 < %.0f ms", targetMilliseconds), all,
                    verdict: Report.verdict(all.p99Milliseconds < targetMilliseconds),
                    note: user == nil ? "every specialist's clients" : "one specialist")
        Report.line(scale, "one key, processor time of the key loop", target: String(format: "p99 < %.0f ms", targetMilliseconds),
                    processor, verdict: Report.verdict(processor.p99Milliseconds < targetMilliseconds),
                    note: "leaves out waiting for a core held by other programs")
        for result in results {
            Report.note(Report.pad("\(scale) keys: \(result.name)", 40)
                        + String(format: "median %6.2f ms  p99 %6.2f ms  max %6.2f ms  processor p99 %6.2f ms  n=%d",
                                 result.timings.medianMilliseconds, result.timings.p99Milliseconds, result.timings.maxMilliseconds,
                                 result.processor.p99Milliseconds, result.timings.count)
                        + "  slowest key: " + result.slowest)
        }
        figuresFigure(scale, data: data)
    }

    /// The figures every screen reads, built again or following one saved record.
    func figuresFigure(_ scale: String, data: DataSnapshot) {
        // What follows a save: the figures every screen reads, built again, or following the
        // saved record (a client, an employer contact logged today for a job seeker).
        var rebuild = Timings(), afterSave = Timings(), afterContact = Timings()
        let figures = Figures(data: data, today: today)
        var saved = data
        if var client = saved.clients.first {
            client.notes = "Saved again"
            saved.replace(client)
            for _ in 0..<3 {
                // Followed in place, as the app does: figures held nowhere else (a fresh build,
                // not timed; the timed rebuild is that build).
                var held = Figures(data: data, today: today)
                rebuild.time { _ = Figures(data: saved, today: today) }
                afterSave.time { held.follow([.client(client)], data: saved, today: today) }
            }
        }
        var logged = data
        if let employer = data.employers.first, let specialist = data.specialists.first {
            let contact = EmployerContact(
                date: today, specialistID: specialist.id, employerID: employer.id, purpose: .presentJobSeeker, method: .faceToFace,
                jobSeekerIDs: data.clients.first.map { [$0.id] } ?? [], nextStep: "Call back", nextStepDate: today.adding(days: 7))
            logged.replace(contact)
            for _ in 0..<5 {
                var held = Figures(data: data, today: today)
                afterContact.time { held.follow([.employerContact(contact, replacing: nil)], data: logged, today: today) }
            }
        }
        Report.note(Report.pad("\(scale) figures for every screen:", 40)
                    + String(format: "built %6.1f ms, after one client saved %6.2f ms, after one employer contact saved %6.2f ms (median)",
                             rebuild.medianMilliseconds, afterSave.medianMilliseconds, afterContact.medianMilliseconds))
        // The Reports tab asks for every report of its period when it is shown after a change,
        // worked out off the key loop from these figures (`--only reports` for more).
        var reports = Timings()
        for _ in 0..<3 {
            reports.time { _ = ReportBoard(data: data, figures: figures, period: .quarter(containing: today)) }
        }
        Report.note(Report.pad("\(scale) reports of a quarter:", 40)
                    + String(format: "built %6.1f ms (median), off the key loop when the Reports tab is shown after a change",
                             reports.medianMilliseconds))
    }

    /// Peak memory of a fresh process that opens the folder as the app does (a store that saves;
    /// `readOnly`: one that never saves), loads it, builds the profile summaries and draws the
    /// first view (the benchmark itself, started again with a hidden option).
    func peakMemory(of folder: URL, readOnly: Bool) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--peak-memory-of", folder.path] + (readOnly ? ["--peak-memory-read-only"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Double(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    static func files(in folder: URL) -> (count: Int, bytes: Int) {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        var count = 0, bytes = 0
        while let file = enumerator?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            count += 1
            bytes += (try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return (count, bytes)
    }
}

/// The child of `BenchContext.peakMemory`: prints its peak memory in MiB.
@MainActor
enum PeakMemoryChild {
    static func run(folder: URL, mode: Store.Mode) throws {
        let store = try Store(folder: folder, mode: mode)
        let data = store.load()
        let profiles = ProfileDesk(store: CareerProfileStore(store: store)).overview()
        let state = AppState(data: data, today: SyntheticFolder.defaultToday, size: Size(rows: 30, columns: 100), profiles: profiles)
        _ = App.view(state, size: state.size)
        print(PeakMemory.mebibytes())
        // The store and the snapshot are held to the end, as the app holds them.
        withExtendedLifetime((store, data)) {}
    }
}
