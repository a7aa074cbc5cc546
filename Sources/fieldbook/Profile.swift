import ArgumentParser
import FieldbookCore
import Foundation

struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Career profiles: print a client's profile for the treatment team.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a client's career profile to standard output.",
            discussion: """
                CLIENT is words of the client's name (case and accents optional) or their id. \
                When several clients match, they are listed and nothing is written. Reads only.
                """
        )

        @Argument(help: ArgumentHelp("Words of the client's name, or their id.", valueName: "CLIENT"))
        var client: String

        @OptionGroup var options: DataOptions

        @Option(help: "markdown or text.")
        var format: ProfileExport.Format = .markdown

        @Flag(help: "Leave out sensitive questions and sensitive sections (health, substance use, legal, benefits).")
        var omitSensitive = false

        @Option(parsing: .unconditional, help: ArgumentHelp("The profile as it stood at the end of this day (2026-03-31, today, -2w...).", valueName: "DATE"))
        var asOf: String?

        func run() throws {
            let transform = try FolderAccess.unlock(options.folder)
            let today = LocalDate(containing: Date())
            let asOfDay = try asOf.map { try DateOption.day($0, "--as-of", today: today) }
            let folder = options.folder
            let store = try readOnlyStore(folder, transform: transform)
            let snapshot = store.load()
            let chosen = try chooseClient(client, in: snapshot.clients)
            let (profile, definition, problems) = careerProfile(of: chosen, in: store)
            let text = ProfileExport.render(
                profile, of: chosen, definition: definition, specialists: snapshot.specialists,
                options: ProfileExport.Options(format: format, omitSensitive: omitSensitive, asOf: asOfDay, printedOn: today))
            if !transform.isPlain {
                printError("warning: this profile is not encrypted: anyone who can read where standard output goes reads it")
            }
            StandardOutput.write(text)
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }
}

extension ProfileExport.Format: ExpressibleByArgument {}
