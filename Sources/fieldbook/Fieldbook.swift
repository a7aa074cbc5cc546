import ArgumentParser
import FieldbookCore
import Foundation

@main
struct Fieldbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fieldbook",
        abstract: "Caseload, client contacts and the employer contact log for IPS employment specialists.",
        discussion: """
            Without a subcommand, opens the app in the terminal. Data lives in --data DIR, else \
            $FIELDBOOK_DATA, else $XDG_DATA_HOME/fieldbook, else ~/.local/share/fieldbook. Files are \
            private to your user. Who you are and the PIN are kept per machine in \
            $XDG_CONFIG_HOME/fieldbook (else ~/.config/fieldbook), never in the data folder.
            """,
        version: FieldbookVersion.current,
        subcommands: [Open.self, Check.self, Due.self, Contacts.self, Profile.self, Audit.self, BackupCommand.self, PIN.self]
    )

    // The options of opening the app are the top-level command's own, so `fieldbook --help` shows them.
    @OptionGroup var open: OpenOptions

    func run() throws { try open.run() }
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
