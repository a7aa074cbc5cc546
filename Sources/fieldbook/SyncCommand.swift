import ArgumentParser
import FieldbookCore
import Foundation

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the data folder with a team through a git hub, merged record by record.",
        discussion: """
            A hub is any git remote the team can reach and no one else can: a bare repository in a \
            folder (a shared drive), an SSH server, or an HTTPS git service. Plain http:// and git:// \
            hubs are refused. `fieldbook sync` commits what this copy saved, fetches, merges (records \
            field by field, never with conflict markers) and pushes. Offline, it commits locally and \
            says how many changes wait; the next sync sends them.
            """,
        subcommands: [SyncNow.self, SyncInit.self, SyncJoin.self, SyncStatusCommand.self, SyncAuto.self],
        defaultSubcommand: SyncNow.self
    )
}

/// This machine's specialist and install id, for commits and the audit log's deletions.
private func syncEngine(_ folder: URL, transform: FileTransform = .plain) -> Sync {
    let specialist = (try? MachineSettings.load())?.specialist(for: folder)
    let sync = Sync(folder: folder, installID: InstallID.load(for: folder), specialistID: specialist)
    sync.transform = transform
    return sync
}

/// Prints what a sync did; exits non-zero when the hub was not reached.
private func describe(_ report: SyncReport) throws {
    if let lock = report.clearedHubLock { printLine("removed \(lock): a lock a push interrupted long ago left in the hub") }
    if report.reconciledContacts > 0 {
        printLine("\(report.reconciledContacts) employer contact\(report.reconciledContacts == 1 ? "" : "s") moved on one side and changed on the other: kept once, with both changes")
    }
    for path in report.restored { printLine("restored \(path): it vanished without a recorded deletion") }
    for refusal in report.refused { printLine("not shared: \(refusal.path): \(refusal.reason)") }
    for path in report.changedOverDeletion { printLine("kept \(path): deleted on one side, changed on the other") }
    for taken in report.hubVersionTaken { printLine("took the hub's \(taken.path): \(taken.reason)") }
    for kept in report.toMerge { printLine("to merge: \(kept.path): the same field changed here and on the hub; the hub's value is shown, yours is kept") }
    guard report.reachable, !report.hubKeptMoving else {
        let waiting = report.waiting
        printError(report.hubKeptMoving
            ? "the hub kept moving: \(waiting) change\(waiting == 1 ? "" : "s") waiting; sync again"
            : "hub not reachable: \(waiting) change\(waiting == 1 ? "" : "s") waiting")
        throw ExitCode.failure
    }
    printLine("Synced: \(report.committed) file\(report.committed == 1 ? "" : "s") sent, "
              + "\(report.received) received, \(report.toMerge.count) to merge.")
}

struct SyncNow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "Commit this copy's saves, merge the hub's, push (the default).")

    @OptionGroup var options: DataOptions

    func run() throws {
        let report: SyncReport
        let transform = try FolderAccess.unlock(options.folder, pin: false)
        let engine = syncEngine(options.folder, transform: transform)
        let line = ProgressLine("sync", unit: "", minimum: 0)
        engine.progress = line
        do { report = try engine.run() } catch {
            line.finish()
            printError(error.description)
            throw ExitCode.failure
        }
        line.finish()
        if !report.changedPaths.isEmpty { CalendarKeeping.refresh(options.folder, transform: transform) }
        try describe(report)
    }
}

struct SyncInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Share this data folder with HUB (a new folder becomes an owner-only bare repository).")

    @Argument(help: ArgumentHelp("The hub: a folder, an ssh address or an https URL.", valueName: "HUB"))
    var hub: String

    @Flag(help: "A new hub in a folder is shared with your group (a shared drive): each member's pushes stay readable by the group.")
    var group = false

    @OptionGroup var options: DataOptions

    func run() throws {
        let folder = options.folder
        let specialist = (try? MachineSettings.load())?.specialist(for: folder)
        let transform = try FolderAccess.unlock(folder, pin: false)
        let result: (report: SyncReport, adopted: Bool, createdHub: Bool)
        do {
            result = try Sync.share(folder: folder, hub: hub, installID: InstallID.load(for: folder), specialistID: specialist,
                                    groupShared: group, transform: transform)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        if result.createdHub {
            printLine(group ? "Made a new hub at \(hub), shared with your group (core.sharedRepository=group); the data folder stays yours only."
                            : "Made a new hub at \(hub), readable by you only.")
        } else if group {
            printLine("The hub at \(hub) was already there: --group changed nothing (for a hub in a folder: git -C HUB config core.sharedRepository group).")
        }
        if result.adopted { printLine("\(folder.path) was already a git repository: adopted it.") }
        try describe(result.report)
    }
}

struct SyncJoin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Make a new data folder from HUB, ready to use.")

    @Argument(help: ArgumentHelp("The hub: a folder, an ssh address or an https URL.", valueName: "HUB"))
    var hub: String

    @OptionGroup var options: DataOptions

    func run() throws {
        let folder = options.folder
        do {
            let specialist = (try? MachineSettings.load())?.specialist(for: folder)
            _ = try Sync.join(hub: hub, folder: folder, installID: InstallID.load(for: folder), specialistID: specialist)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        printLine("Joined: \(folder.path) holds the team's records. Sync with `fieldbook sync --data \(folder.path)`.")
    }
}

struct SyncStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The hub, the last sync, changes not yet shared, records to merge, and this machine's automatic sync.")

    @OptionGroup var options: DataOptions

    @Flag(help: "As JSON (snake_case keys).")
    var json = false

    func run() throws {
        let status: SyncStatus
        do { status = try syncEngine(options.folder).status() } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        if json {
            StandardOutput.write(try CommandJSON.data(status))
            return
        }
        printLine("hub: \(status.hub ?? "none")")
        printLine("last sync: \(status.lastSync ?? "never")")
        printLine("changes not shared: \(status.changesNotShared)")
        printLine("records to merge: \(status.recordsToMerge)")
        // This machine's own setting (machine.json), not the folder's: unreadable, it is not shown.
        if let machine = try? MachineSettings.load(from: MachineSettings.location()) {
            printLine("automatic sync on this machine: \(machine.autoSync(for: options.folder).description)")
        }
    }
}
