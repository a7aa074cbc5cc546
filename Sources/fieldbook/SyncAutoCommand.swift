import ArgumentParser
import FieldbookCore
import Foundation

/// `fieldbook sync auto`: when the app syncs a data folder by itself, kept in machine.json.
struct SyncAuto: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auto",
        abstract: "When the app syncs this data folder by itself, on this machine (off: F5 only).",
        discussion: """
            Kept in this machine's settings (machine.json), never in the shared folder. With no \
            option, says what is set. The app syncs off the key loop; `q` waits for a sync under \
            way (30 seconds at most; q again quits at once).
            """)

    @OptionGroup var options: DataOptions

    @Flag(help: "Sync when the app starts.")
    var onStart = false

    @Flag(help: "Sync when quitting with q (the app waits for it).")
    var onQuit = false

    @Option(help: ArgumentHelp("Sync every so many minutes while the app runs (0: not on a timer).", valueName: "MINUTES"))
    var every: Int?

    @Flag(help: "No automatic sync: F5 only.")
    var off = false

    func validate() throws {
        if let every, every < 0 || every > 24 * 60 { throw ValidationError("--every takes 0 to 1440 minutes") }
        if off && (onStart || onQuit || every != nil) { throw ValidationError("--off goes alone") }
    }

    func run() throws {
        let folder = options.folder
        let file = MachineSettings.location()
        var machine: MachineSettings
        do { machine = try MachineSettings.load(from: file) } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        if off || onStart || onQuit || every != nil {
            let plan = off ? AutoSync.off : AutoSync(onStart: onStart, onQuit: onQuit, everyMinutes: every ?? 0)
            machine.setAutoSync(plan, for: folder)
            do { try machine.save(to: file) } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
        printLine("automatic sync of \(folder.path) on this machine: \(machine.autoSync(for: folder).description)")
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path), !machine.autoSync(for: folder).isOff {
            printLine("this folder does not share with a hub yet: nothing syncs until `fieldbook sync init HUB`")
        }
    }
}
