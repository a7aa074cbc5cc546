import ArgumentParser
import FieldbookCore
import Foundation

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Write what is due as an iCalendar file (.ics) for a calendar app.",
        discussion: """
            The items of `fieldbook due` (however far ahead) and the job starts ahead, each an all-day \
            event on its day whose UID says what the item is, not its date: a calendar that reads the \
            file again moves an event whose date moved and drops an item that was met. Clients are \
            named by initials and their report code (as `report --deidentified` names them) unless \
            --full-names is given. Without --out the file goes to standard output. \
            --keep FILE keeps FILE up to date on this machine: the app and every command that changes \
            records write it again after each change (`--keep off` stops). See docs/calendar.md.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("Only this specialist's items: part of a name, accents optional.", valueName: "NAME"))
    var specialist: String?

    @Option(help: ArgumentHelp("Write the calendar to this file (replaced whole, owner-only).", valueName: "FILE.ics"))
    var out: String?

    @Flag(name: .customLong("full-names"), help: "Name clients in full and add the items' details (for a calendar that stays on this machine).")
    var fullNames = false

    @Option(name: .customLong("as-of"), parsing: .unconditional, help: ArgumentHelp("The morning to list for (default: today): 2026-11-30, yesterday, -1w, mon...", valueName: "DATE"))
    var asOf: String?

    @Option(help: ArgumentHelp("Keep this file up to date after every change, on this machine; `off` stops.", valueName: "FILE.ics|off"))
    var keep: String?

    func validate() throws {
        if keep != nil, out != nil { throw ValidationError("--keep and --out: give one (--keep writes its file at once)") }
        if keep != nil, asOf != nil { throw ValidationError("--keep writes today's calendar; --as-of goes without it") }
        if keep == "off", specialist != nil || fullNames {
            throw ValidationError("--keep off takes no other option")
        }
    }

    func run() throws {
        let folder = options.folder
        if keep == "off" { return try stopKeeping(folder) }
        guard isFolder(folder) else {
            printError("\(folder.path): no such folder")
            throw ExitCode(2)
        }
        let transform = try FolderAccess.unlock(folder)
        let day = try DateOption.day(asOf, "--as-of", today: LocalDate(containing: Date()))
        let snapshot = try readOnlyStore(folder, transform: transform).load()
        reportLeftOut(snapshot, in: "the calendar")
        let only = try specialistIDs(snapshot)

        if let keep {
            let file = URL(fileURLWithPath: keep, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
            let kept = KeptCalendar(path: file.path, specialists: only.map { $0.sorted { $0.uuidString < $1.uuidString } }, fullNames: fullNames)
            try refuseInsideFolder(file, folder)
            try write(kept, snapshot: snapshot, folder: folder, transform: transform, day: day)
            let machineFile = MachineSettings.location()
            do throws(StoreError) {
                var machine = try MachineSettings.load(from: machineFile)
                machine.setKeptCalendar(kept, for: folder)
                try machine.save(to: machineFile)
            } catch {
                printError("\(error.description); the calendar was written once but is not kept")
                throw ExitCode.failure
            }
            printLine("Keeping \(file.path) up to date on this machine after every change to \(folder.path) "
                      + "(`fieldbook calendar --keep off` stops).")
            warnCalendarIsPlain(transform, file.path)
            return
        }

        let kept = KeptCalendar(path: out ?? "", specialists: only.map(Array.init), fullNames: fullNames)
        if let out {
            let file = URL(fileURLWithPath: out)
            try refuseInsideFolder(file, folder)
            try write(kept, snapshot: snapshot, folder: folder, transform: transform, day: day)
            warnCalendarIsPlain(transform, out)
        } else {
            let data: Data
            do throws(StoreError) {
                data = try kept.feed(due: DueList(snapshot: snapshot, asOf: day), clients: snapshot.clients,
                                     specialists: snapshot.specialists, folder: folder, transform: transform, stamp: Date())
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            warnCalendarIsPlain(transform, nil)
            StandardOutput.write(data)
        }
    }

    private func write(_ kept: KeptCalendar, snapshot: DataSnapshot, folder: URL, transform: FileTransform, day: LocalDate) throws {
        do throws(StoreError) {
            try kept.write(due: DueList(snapshot: snapshot, asOf: day), clients: snapshot.clients, specialists: snapshot.specialists,
                           folder: folder, transform: transform, stamp: Date())
        } catch {
            printError("the calendar was not written: \(error.description)")
            throw ExitCode.failure
        }
    }

    /// The ids of the specialists `--specialist` names; nil without it. No match ends the command.
    private func specialistIDs(_ snapshot: DataSnapshot) throws -> Set<UUID>? {
        guard let specialist else { return nil }
        let matches = snapshot.specialists.filter { NameSearch.matches(specialist, in: [$0.name]) }
        guard !matches.isEmpty else {
            let names = snapshot.specialists.map(\.name).sorted().joined(separator: ", ")
            printError("--specialist: no specialist matches \"\(specialist)\" (known: \(names))")
            throw ExitCode(2)
        }
        return Set(matches.map(\.id))
    }

    /// A calendar file inside the data folder would be a stray file there (and shared by a sync).
    private func refuseInsideFolder(_ file: URL, _ folder: URL) throws {
        let path = MachineSettings.key(for: file.deletingLastPathComponent()) + "/" + file.lastPathComponent
        guard !path.hasPrefix(MachineSettings.key(for: folder) + "/") else {
            printError("\(file.path) is inside the data folder; write the calendar somewhere else")
            throw ExitCode(2)
        }
    }

    private func stopKeeping(_ folder: URL) throws {
        let machineFile = MachineSettings.location()
        do throws(StoreError) {
            var machine = try MachineSettings.load(from: machineFile)
            guard let kept = machine.keptCalendar(for: folder) else {
                printLine("No calendar file is kept for \(folder.path) on this machine.")
                return
            }
            machine.setKeptCalendar(nil, for: folder)
            try machine.save(to: machineFile)
            printLine("No longer keeping \(kept.path) (the file is left as it is; delete it if it has served).")
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }
}

/// An encrypted folder's due items written out plain: the user is told, as `export` tells.
func warnCalendarIsPlain(_ transform: FileTransform, _ path: String?) {
    guard !transform.isPlain else { return }
    printError("warning: the calendar is not encrypted: anyone who can read "
               + (path ?? "where standard output goes") + " reads these items; it is outside the encrypted folder")
}

/// Writes the calendar file this machine keeps for a data folder again, after a command changed
/// its records. A failure is said on standard error and never fails the command: the records
/// are saved.
enum CalendarKeeping {
    static func refresh(_ folder: URL, transform: FileTransform) {
        let kept: KeptCalendar
        do throws(StoreError) {
            guard let found = try MachineSettings.load().keptCalendar(for: folder) else { return }
            kept = found
        } catch {
            printError("the calendar file was not written again: \(error.description)")
            return
        }
        do throws(StoreError) {
            let snapshot = try Store(folder: folder, mode: .readOnly, transform: transform).load()
            try kept.write(due: DueList(snapshot: snapshot, asOf: LocalDate(containing: Date())), clients: snapshot.clients,
                           specialists: snapshot.specialists, folder: folder, transform: transform, stamp: Date())
        } catch {
            printError("the calendar file \(kept.path) was not written again: \(error.description)")
            return
        }
        warnCalendarIsPlain(transform, kept.path)
    }
}
