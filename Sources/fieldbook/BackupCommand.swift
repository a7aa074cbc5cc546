import ArgumentParser
import FieldbookCore
import Foundation

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a dated archive (tar.gz) of the whole data folder.",
        discussion: """
            The archive is readable by your user only (0600) and never replaces an existing file. \
            Given a folder, the archive is named after the date and time: fieldbook-backup-2026-11-25-0930.tar.gz. \
            Restore with: mkdir NEWFOLDER && tar xzf FILE -C NEWFOLDER, then fieldbook check --data NEWFOLDER. \
            A folder shared with a hub is archived without its .git: the hub keeps the history.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("Where to write the archive: a new file, or a folder for a dated name.", valueName: "FILE"),
            completion: .file())
    var out: String

    func run() throws {
        let folder = options.folder
        // The archive holds the files as they are: an encrypted folder's stay encrypted (no
        // passphrase is needed to back it up; restoring one needs it to open). A half-converted
        // folder holds plain files still: finished first.
        if case .converting(let encryption)? = try? EncryptedFolder.state(of: folder) {
            printError(StoreError.unfinishedConversion(path: folder.path, command: encryption.converting == .decrypting ? "decrypt" : "encrypt").description)
            throw ExitCode.failure
        }
        let target = URL(fileURLWithPath: out)
        // Ctrl-C stops tar between two pieces of the archive, and the file is removed.
        WorkInterrupt.catchControlC()
        defer { WorkInterrupt.release() }
        let line = ProgressLine("backing up", unit: "KB", minimum: 1024)
        do {
            let result = try Backup.write(folder: folder, to: target, progress: line, shouldStop: { WorkInterrupt.wasRequested })
            line.finish()
            printLine("Backed up \(folder.path) to \(result.file.path) (\(result.bytes) bytes, readable by you only).")
            if result.leftOutHistory {
                printLine("Left out .git: the sync history is kept by the team's hub. A restored copy joins it with `fieldbook sync join HUB`.")
            }
            for link in result.leftOut {
                let leads = link.resolved.map { "out of the data folder, to \($0)" } ?? "nowhere"
                printLine("Left out \(link.path): a symbolic link to \(link.target), which leads \(leads).")
            }
            if !result.leftOut.isEmpty {
                printLine("Copy what they point to into the data folder in their place, then back up again.")
            }
        } catch {
            line.finish()
            if WorkInterrupt.wasRequested {
                printError("stopped (Ctrl-C): no backup was written")
                throw WorkInterrupt.exitCode
            }
            printError(error.description)
            throw ExitCode.failure
        }
    }
}
