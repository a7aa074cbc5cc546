import ArgumentParser
import FieldbookCore
import Foundation

@main
struct Fieldbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldbook",
        abstract: "Caseload, client contacts and the employer contact log for IPS employment specialists.",
        discussion: """
            Data lives in --data DIR, else $FIELDBOOK_DATA, else $XDG_DATA_HOME/fieldbook, \
            else ~/.local/share/fieldbook. Files are private to your user.
            """,
        subcommands: [Open.self, Check.self, Due.self, Contacts.self, ReportCommand.self, Profile.self, Audit.self, BackupCommand.self],
        defaultSubcommand: Open.self
    )
}

/// Options every subcommand that reads a data folder takes.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "DIR"))
    var data: String?

    var folder: URL { DataFolder.resolve(option: data) }
}

/// Writes a line of human-readable output, control characters escaped (file names and values
/// come from files anyone could have edited).
func printLine(_ text: String) {
    print(TerminalText.escaped(text))
}

/// A question, without a newline, shown before reading the answer.
func printPrompt(_ text: String) {
    print(TerminalText.escaped(text), terminator: "")
    fflush(nil)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(("fieldbook: " + TerminalText.escaped(text) + "\n").utf8))
}

func isFolder(_ url: URL) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
}
