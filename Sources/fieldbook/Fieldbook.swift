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
        subcommands: [Open.self, Check.self, Due.self, Contacts.self, Profile.self],
        defaultSubcommand: Open.self
    )
}

/// Options every subcommand that reads a data folder takes.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "DIR"))
    var data: String?

    var folder: URL { DataFolder.resolve(option: data) }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data(("fieldbook: " + text + "\n").utf8))
}
