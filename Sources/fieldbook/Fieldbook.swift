import ArgumentParser
import FieldbookCore
import Foundation

@main
struct Fieldbook: ParsableCommand {
    // Computed, so the top-level help can list `open`'s options, taken from `open`'s own help.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fieldbook",
            abstract: "Caseload, client contacts and the employer contact log for IPS employment specialists.",
            usage: """
                fieldbook [--data <DIR>] [--demo] [--specialist <NAME>]   (opens the app)
                  fieldbook <subcommand> [options]
                """,
            discussion: """
                Without a subcommand, opens the app in the terminal (the same as `fieldbook open`). Data \
                lives in --data DIR, else $FIELDBOOK_DATA, else $XDG_DATA_HOME/fieldbook, else \
                ~/.local/share/fieldbook. Files are private to your user. Who you are and the PIN are \
                kept per machine in $XDG_CONFIG_HOME/fieldbook (else ~/.config/fieldbook), never in \
                the data folder.
                """ + (helpMayBeAsked ? "\n\n" + openOptionsHelp : ""),
            version: FieldbookVersion.current,
            subcommands: [Open.self, Check.self, Due.self, CalendarCommand.self, Contacts.self, ReportCommand.self, Profile.self, PrintCommand.self, Audit.self, BackupCommand.self, PIN.self, ImportCommand.self, ExportCommand.self, CacheCommand.self, SyncCommand.self, EncryptCommand.self, DecryptCommand.self, PassphraseCommand.self, Completions.self],
            defaultSubcommand: Open.self
        )
    }

    /// Whether an argument may ask for help (`--help`, `-h`, `help`, `--help-hidden`, short
    /// flags run together): only then is `open`'s help made for the top-level help, a few
    /// milliseconds every start would spend otherwise. Erring towards yes only costs that time.
    /// The help dumped for the manual page leaves it out: the page lists `open`'s options
    /// under `open`, and a column layout does not survive a manual page's filling of lines.
    static let helpMayBeAsked = CommandLine.arguments.dropFirst().contains {
        ($0.contains("help") && $0 != "--experimental-dump-help") || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("h"))
    }

    /// The OPTIONS part of `fieldbook open --help`, for the top-level help. Made once: the
    /// command line parser asks for the configuration many times on every start.
    static let openOptionsHelp: String = {
        let help = Open.helpMessage(columns: 80)
        guard let start = help.range(of: "OPTIONS:") else { return "" }
        let lines = help[start.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("--help") && !$0.contains("--version") }
        return "OPTIONS OF OPENING THE APP (fieldbook, fieldbook open):\n" + lines.dropFirst().joined(separator: "\n")
    }()
}

/// Options every subcommand that reads a data folder takes.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "DIR"), completion: .directory)
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
