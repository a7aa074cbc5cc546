import ArgumentParser
import FieldbookCore
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every file in a data folder against the data format.",
        discussion: """
            Prints one line per problem (file and what is wrong) and exits non-zero if there is any. \
            Changes nothing, unless --repair is given: then it says what it will do, asks, and moves \
            unreadable files and conflict copies into quarantine/ (never deleting them), removes \
            temporary files of saves that never finished, and makes every file and folder owner-only.
            """
    )

    @OptionGroup var options: DataOptions

    @Flag(help: "Repair what can be repaired without a person (asks first).")
    var repair = false

    @Flag(help: "With --repair: do not ask (for scripts).")
    var yes = false

    func validate() throws {
        if yes && !repair { throw ValidationError("--yes only goes with --repair") }
    }

    func run() throws {
        let folder = options.folder
        guard FileManager.default.fileExists(atPath: folder.path) else {
            printError("\(folder.path): no such folder")
            throw ExitCode(2)
        }
        guard isFolder(folder) else {
            printError("\(folder.path) is a file, not a folder: give --data the data folder itself")
            throw ExitCode(2)
        }
        let transform = try FolderAccess.unlock(folder, pin: false)
        let line = ProgressLine("reading", unit: "files")
        let (problems, snapshot) = DataCheck.report(folder: folder, transform: transform, progress: line)
        line.finish()
        for problem in problems {
            let path = problem.path.hasPrefix("/") ? problem.path : folder.appendingPathComponent(problem.path).path
            printLine("\(path): \(problem.message)")
        }
        if repair {
            try runRepair(folder, transform)
            return
        }
        if !problems.isEmpty {
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(folder.path)")
            throw ExitCode.failure
        }
        printLine("\(folder.path): OK (\(snapshot.clients.count) clients, \(snapshot.specialists.count) specialists, "
                  + "\(snapshot.employers.count) employers, \(snapshot.employerContacts.count) employer contacts)")
    }

    private func runRepair(_ folder: URL, _ transform: FileTransform) throws {
        let steps = DataRepair.plan(folder: folder, transform: transform)
        guard !steps.isEmpty else {
            printLine("Nothing to repair.")
            try exitForRemaining(folder, transform)
            return
        }
        printLine("fieldbook check --repair will, in \(folder.path):")
        for step in steps { printLine("  - \(step)") }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                printError("no terminal to ask on; nothing was changed. Run it in a terminal, or add --yes.")
                throw ExitCode(2)
            }
            printPrompt("Go ahead? [y/N] ")
            let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                printLine("Nothing was changed.")
                throw ExitCode.failure
            }
        }
        do {
            try DataRepair.apply(steps, folder: folder)
        } catch {
            CalendarKeeping.refresh(folder, transform: transform)
            printError("repair stopped: \(error.description)")
            throw ExitCode.failure
        }
        CalendarKeeping.refresh(folder, transform: transform)
        printLine("Repaired: \(steps.count) step\(steps.count == 1 ? "" : "s") done.")
        try exitForRemaining(folder, transform)
    }

    /// After a repair: what is left needs a person.
    private func exitForRemaining(_ folder: URL, _ transform: FileTransform) throws {
        let left = DataCheck.run(folder: folder, transform: transform)
        guard !left.isEmpty else { return }
        printLine("Left for a person to fix:")
        for problem in left { printLine("\(folder.appendingPathComponent(problem.path).path): \(problem.message)") }
        printError("\(left.count) problem\(left.count == 1 ? "" : "s") left in \(folder.path)")
        throw ExitCode.failure
    }
}
