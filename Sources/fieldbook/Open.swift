import ArgumentParser
import CAllocator
import FieldbookCore
import FieldbookUI
import Foundation
import Terminal

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open Fieldbook in the terminal (the default: `fieldbook` alone does this).",
        discussion: "Set NO_COLOR for a monochrome screen. Press ? inside for the keys."
    )

    @OptionGroup var options: OpenOptions

    func run() throws { try options.run() }
}

/// The options of opening the app, taken by `fieldbook` itself and by `fieldbook open`.
struct OpenOptions: ParsableArguments {
    @OptionGroup var options: DataOptions

    @Flag(help: "Open a fresh copy of the demo program (sample-data), dated so its newest activity was yesterday.")
    var demo = false

    @Option(help: ArgumentHelp("Who you are, for this run: a specialist's name (or the start of it). Without it, the one this machine remembers for the data folder (asked on the first start).", valueName: "NAME"))
    var specialist: String?

    @Option(parsing: .unconditional, help: .hidden)
    var today: String?

    func run() throws {
        // The app holds the folder for hours: its memory before a one-shot command's speed.
        _ = fieldbook_hold_memory_for_a_long_run()
        let todayOverride = try today.map { try DateOption.day($0, "--today", today: LocalDate(containing: Date())) }
        let today = todayOverride ?? LocalDate(containing: Date())

        var demoFolder: URL?
        var demoCopy: DemoCopy.Result?
        let folder: URL
        if demo {
            guard let source = SampleData.locate() else {
                printError("cannot find the sample-data folder; run from the Fieldbook checkout or set FIELDBOOK_SAMPLE_DATA")
                throw ExitCode(2)
            }
            do {
                // The copy itself is written after the first frame, first on the store's queue.
                let copy = try DemoCopy.prepare(from: source, today: today)
                demoFolder = copy.folder
                demoCopy = copy
                folder = copy.folder
            } catch {
                printError("could not prepare the demo: \(error.description)")
                throw ExitCode.failure
            }
        } else {
            folder = options.folder
        }
        defer { if let demoFolder { try? FileManager.default.removeItem(at: demoFolder) } }

        // An encrypted folder asks its passphrase here, before anything of it is read and before
        // the full screen starts; it replaces the PIN at start (the PIN still unlocks an idle lock).
        // The demo copy is always plain.
        let transform = demo ? FileTransform.plain : try FolderAccess.unlock(folder, pin: false)
        let store: Store
        var snapshot: DataSnapshot?
        var readStarted = Date()
        // Where the Today screen of the last full read is kept (never for the demo copy, which
        // is made anew each time).
        let keptFile = demo ? nil : FirstScreen.location(for: folder)
        var kept: FirstScreen?
        if let demoCopy {
            // The copy hands over what it will write: the folder is not read a second time.
            store = demoCopy.store
            snapshot = demoCopy.snapshot
        } else {
            do {
                store = try Store(folder: folder, transform: transform)
                // The demo copy (above) is thrown away on exit: it never gets a cache. An
                // encrypted folder keeps none either (it would hold its records decrypted).
                if RecordCache.usedByTheApp, transform.isPlain { store.derivedCache = RecordCache.forDataFolder(folder) }
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            // Unchanged since the last full read, on the same day: the first frame is the Today
            // screen kept then, and the folder is read right after it.
            kept = keptFile.flatMap { file in
                FirstScreen.read(at: file, folder: folder, today: today, horizonDays: TodayPage.horizonDays, transform: transform,
                                 current: { store.folderStamp() })
            }
        }
        let machineFile = MachineSettings.location()
        var machine: MachineSettings
        do { machine = try MachineSettings.load(from: machineFile) } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        func known(in specialists: [Specialist]) throws -> UUID? {
            let listed = DataSnapshot(specialists: specialists)
            if let chosen = try chooseSpecialist(in: snapshot ?? listed, demo: demo) { return chosen }
            guard !demo, let known = machine.specialist(for: folder), listed.specialist(known) != nil else { return nil }
            return known
        }
        var user = try kept.flatMap { try known(in: $0.specialists) }
        // Only a user known at once opens on the kept screen: the first start asks who they are.
        if user == nil { kept = nil }
        if snapshot == nil, kept == nil {
            // A large folder read before the first frame says how far it is, on the terminal
            // the app is about to take over, once it takes longer than a moment.
            let line = ProgressLine("reading the data folder", unit: "files", delay: 0.3)
            readStarted = Date()
            snapshot = store.load(progress: line)
            line.finish()
        }
        if let snapshot { user = try known(in: snapshot.specialists) }
        // First start on this folder on this machine: the app asks who you are.
        let askWhoYouAre = user == nil && !demo
        let auditLog = AuditLog(dataFolder: folder, installID: InstallID.load(for: folder), specialistID: user)
        // The demo copy is written first on the store's queue, without audit entries; the
        // app's own saves come after it, logged.
        var preparation: (@Sendable (Store) throws(StoreError) -> Void)?
        if let demoCopy {
            let (moved, source, days) = (demoCopy.snapshot, demoCopy.source, demoCopy.shiftedByDays)
            preparation = { store throws(StoreError) in
                TestHook.holdDemoCopy()
                try DemoCopy.write(moved, profilesFrom: source, shiftedByDays: days, to: store)
                store.auditLog = auditLog
            }
        } else {
            store.auditLog = auditLog
        }
        // The start-up check, counted without the career profiles and the walk over every file,
        // which the app does after its first frame and adds: on the store's queue beside the
        // first frame, which does not wait for it. The message is shown once its count is in.
        let recordProblems = LateCount(), unreadable = LateCount(), toMerge = LateCount()
        let startCheck: @Sendable (DataSnapshot) -> Void = { snapshot in
            unreadable.count = snapshot.problems.filter { $0.pendingMerge == nil }.count
            toMerge.count = Set(snapshot.pendingMerges.map(\.record)).count
            recordProblems.count = DataCheck.problems(in: folder, loaded: snapshot, profileProblems: [], skipping: [.folderWalk]).count
        }
        // After a full read on a quiet folder, its Today screen is kept for the next start.
        let lastRead = LateDate()
        let keepFirstScreen: @Sendable (Store, DataSnapshot, Figures, Date, FolderStamp?) -> Void = { store, snapshot, figures, started, used in
            lastRead.date = started
            guard let keptFile, let stamp = store.stampOfWhatIsHeld(readSince: started), stamp != used else { return }
            FirstScreen(figures: figures, data: snapshot, stamp: stamp, folder: folder, horizonDays: TodayPage.horizonDays)
                .write(to: keptFile, transform: transform)
        }
        // And on the way out, when every file holds what the app shows (its own saves included).
        let keepAtQuit: @Sendable (Store, DataSnapshot, Figures) -> Void = { store, snapshot, figures in
            guard let keptFile, let started = lastRead.date else { return }
            // A file saved in the last second cannot be vouched for yet: once more, a second on
            // (the terminal is already given back).
            var stamp = store.stampOfWhatIsHeld(readSince: started)
            if stamp == nil {
                Thread.sleep(forTimeInterval: 1.05)
                stamp = store.stampOfWhatIsHeld(readSince: started)
            }
            guard let stamp else { return }
            FirstScreen(figures: figures, data: snapshot, stamp: stamp, folder: folder, horizonDays: TodayPage.horizonDays)
                .write(to: keptFile, transform: transform)
        }
        // A folder this user cannot write to opens, and says at once that nothing can be saved.
        let readOnly = access(folder.path, W_OK) != 0
        let sharesWithHub = !demo && FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path)
        let folderProblems = LateCount()
        let startMessage = { (profiles: ProfileOverview) -> String? in
            guard let records = recordProblems.count else { return nil }
            return Self.startMessage(problems: records + (folderProblems.count ?? 0) + profiles.problems.count,
                                     unreadable: unreadable.count ?? 0, toMerge: toMerge.count ?? 0, readOnly: readOnly)
        }
        let exitSignal: Int32?
        do {
            exitSignal = try MainActor.assumeIsolated {
                let opening: MainLoop.Opening = if let kept { .kept(kept) } else { .read(snapshot ?? DataSnapshot(), started: readStarted) }
                return try MainLoop.run(store: store, opening: opening, today: today, followClock: todayOverride == nil, user: user,
                                 preparation: preparation, startCheck: startCheck, folderIsIn: keepFirstScreen, keepAtQuit: keepAtQuit,
                                 startMessage: startMessage,
                                 afterFirstFrame: { folderProblems.count = DataCheck.hygiene(of: folder).count },
                                 askWhoYouAre: askWhoYouAre, pin: machine.pin, startsLocked: transform.isPlain, sharesWithHub: sharesWithHub,
                                 autoSync: machine.autoSync(for: folder),
                                 keptCalendar: demo ? nil : machine.keptCalendar(for: folder), transform: transform) { id in
                    machine.setSpecialist(id, for: folder)
                    do {
                        try machine.save(to: machineFile)
                        return nil
                    } catch {
                        return "Not remembered on this machine: \(error)"
                    }
                }
            }
        } catch let failed as MainLoop.PreparationFailed {
            printError("could not prepare the demo: \(failed.error.description)")
            throw ExitCode.failure
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        if let exitSignal {
            if MainActor.assumeIsolated({ MainLoop.stoppedWithUnsavedChanges }) {
                printError("stopped by a signal: the changes in the open form were not saved")
            }
            throw ExitCode(128 + exitSignal)
        }
    }

    /// One line on start when `fieldbook check` would report something, records to merge
    /// counted apart, after a word that the folder cannot be written to when it cannot; nil when
    /// the folder is clean and writable.
    static func startMessage(problems: Int, unreadable: Int, toMerge: Int = 0, readOnly: Bool = false) -> String? {
        let cannotSave = "This data folder cannot be written here (read-only): changes cannot be saved."
        guard problems > 0 || toMerge > 0 else { return readOnly ? cannotSave : nil }
        if readOnly { return cannotSave + " " + (startMessage(problems: problems, unreadable: unreadable, toMerge: toMerge) ?? "") }
        let listed = "`fieldbook check` lists \(problems) problem\(problems == 1 ? "" : "s")"
        var parts: [String] = []
        if toMerge > 0 { parts.append("\(toMerge) record\(toMerge == 1 ? "" : "s") to merge") }
        if unreadable > 0 { parts.append("\(unreadable) file\(unreadable == 1 ? "" : "s") could not be read") }
        guard !parts.isEmpty else { return listed + " in this data folder." }
        return parts.joined(separator: ", ") + "; " + listed + "."
    }

    private func chooseSpecialist(in snapshot: DataSnapshot, demo: Bool) throws -> UUID? {
        let wanted = specialist ?? ProcessInfo.processInfo.environment["FIELDBOOK_SPECIALIST"]
        if let wanted, !wanted.isEmpty {
            let matches = snapshot.specialists.filter {
                NameSearch.fold($0.name).hasPrefix(NameSearch.fold(wanted)) || $0.id.uuidString.lowercased().hasPrefix(wanted.lowercased())
            }
            guard matches.count == 1 else {
                if snapshot.specialists.isEmpty {
                    printError("no specialists in this data folder yet; start without --specialist and Fieldbook asks your name")
                    throw ExitCode(2)
                }
                let names = snapshot.specialists.map(\.name).sorted().joined(separator: ", ")
                printError(matches.isEmpty ? "no specialist matches \"\(wanted)\" (known: \(names))"
                                           : "\"\(wanted)\" matches more than one specialist; give more of the name")
                throw ExitCode(2)
            }
            return matches[0].id
        }
        if demo {
            // The demo opens as the specialist with the largest active caseload.
            return snapshot.specialists.max {
                Caseload.activeCount(of: $0.id, in: snapshot.clients) < Caseload.activeCount(of: $1.id, in: snapshot.clients)
            }?.id
        }
        return nil
    }
}

enum SampleData {
    /// The demo source: $FIELDBOOK_SAMPLE_DATA, ./sample-data, or the checkout this was built from.
    static func locate() -> URL? {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["FIELDBOOK_SAMPLE_DATA"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("sample-data"))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(DataLayout.formatFile).path) }
    }
}
