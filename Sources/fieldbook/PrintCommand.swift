import ArgumentParser
import FieldbookCore
import Foundation

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Printable pages (HTML for a browser): a career profile, a one-page client summary, a caseload sheet.",
        discussion: """
            Each page is one self-contained HTML file with its print style (Letter or A4), no scripts and \
            nothing fetched from elsewhere: open it in any browser and print. --out FILE.html writes a new \
            file readable by you only (an existing file is never replaced); without --out the page goes to \
            standard output when that is a file or a pipe, never to a terminal. Reads only; changes nothing.
            """,
        subcommands: [ProfilePrint.self, ClientPrint.self, CaseloadPrint.self]
    )

    struct ProfilePrint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "A client's career profile: answered questions by section, the unanswered folded into one line.")

        @Argument(help: ArgumentHelp("Words of the client's name, or their id.", valueName: "CLIENT"))
        var client: String

        @Flag(help: "Show the earlier answers under each answer.")
        var history = false

        @Flag(help: "Leave out sensitive questions and sensitive sections.")
        var omitSensitive = false

        @OptionGroup var page: PageOptions

        func run() throws {
            let days = try page.prepare()
            let (store, snapshot) = try page.load()
            let chosen = try chooseClient(client, in: snapshot.clients)
            let (profile, definition, problems) = careerProfile(of: chosen, in: store)
            let html = ProfilePage.render(
                profile, of: chosen, definition: definition, specialists: snapshot.specialists,
                options: ProfilePage.Options(paper: page.chosenPaper, history: history, omitSensitive: omitSensitive,
                                             asOf: days.asOf, printedOn: days.today))
            try page.write(html, transform: store.transform)
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }

    struct ClientPrint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "client",
            abstract: "A one-page summary of a client for the treatment team: status, job, next due, employers contacted, key profile answers.")

        @Argument(help: ArgumentHelp("Words of the client's name, or their id.", valueName: "CLIENT"))
        var client: String

        @OptionGroup var page: PageOptions

        func run() throws {
            let days = try page.prepare()
            let (store, snapshot) = try page.load()
            let chosen = try chooseClient(client, in: snapshot.clients)
            let (profile, definition, problems) = careerProfile(of: chosen, in: store)
            let html = ClientSummaryPage.render(
                chosen, in: snapshot, profile: profile, definition: definition,
                options: ClientSummaryPage.Options(paper: page.chosenPaper, asOf: days.asOf, printedOn: days.today))
            try page.write(html, transform: store.transform)
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }

    struct CaseloadPrint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "caseload",
            abstract: "The active caseload, one row per client (status, job, next due, last contact); each specialist on a new page.")

        @Option(help: ArgumentHelp("Only this specialist's clients: part of a name, accents optional.", valueName: "NAME"))
        var specialist: String?

        @OptionGroup var page: PageOptions

        func run() throws {
            let days = try page.prepare()
            let (store, snapshot) = try page.load()
            var chosen: Set<UUID>?
            if let specialist {
                let matches = snapshot.specialists.filter { NameSearch.matches(specialist, in: [$0.name]) }
                guard !matches.isEmpty else {
                    let names = snapshot.specialists.map(\.name).sorted().joined(separator: ", ")
                    printError("--specialist: no specialist matches \"\(specialist)\" (known: \(names))")
                    throw ExitCode(2)
                }
                chosen = Set(matches.map(\.id))
            }
            let html = CaseloadSheet.render(snapshot, options: CaseloadSheet.Options(
                paper: page.chosenPaper, asOf: days.asOf, printedOn: days.today, specialists: chosen))
            try page.write(html, transform: store.transform)
        }
    }
}

/// What every printable page takes: where it goes, the paper, the day, the data folder.
struct PageOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the page to this new file (readable by you only).", valueName: "FILE.html"))
    var out: String?

    @Option(help: ArgumentHelp("letter or a4 (default: from the locale's paper, else letter).", valueName: "PAPER"))
    var paper: Paper?

    @Option(name: .customLong("as-of"), parsing: .unconditional, help: ArgumentHelp("The records as they stood on this day (default: today): 2026-11-30, yesterday, -1w...", valueName: "DATE"))
    var asOf: String?

    @OptionGroup var options: DataOptions

    var chosenPaper: Paper { paper ?? Paper.forEnvironment(ProcessInfo.processInfo.environment) }

    /// Refuses a terminal as the page's destination before anything is asked or read, and works
    /// out the days.
    func prepare() throws -> (today: LocalDate, asOf: LocalDate) {
        if out == nil && isatty(STDOUT_FILENO) == 1 {
            printError("a printable page is HTML for a browser, not for the terminal: "
                       + "give --out FILE.html, or send it to a file (> FILE.html)")
            throw ExitCode(2)
        }
        let today = LocalDate(containing: Date())
        return (today, try DateOption.day(asOf, "--as-of", today: today))
    }

    func load() throws -> (Store, DataSnapshot) {
        let folder = options.folder
        let transform = try FolderAccess.unlock(folder)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            printError("\(folder.path): no such folder")
            throw ExitCode(2)
        }
        let store = try readOnlyStore(folder, transform: transform)
        let snapshot = store.load()
        reportLeftOut(snapshot, in: "the page")
        return (store, snapshot)
    }

    /// Writes the page where the user said; from an encrypted folder, with a warning that the
    /// page is not.
    func write(_ html: String, transform: FileTransform) throws {
        if let out, let refusal = PagesFolder.refusal(of: URL(fileURLWithPath: out).deletingLastPathComponent(),
                                                      data: options.folder, encrypted: !transform.isPlain) {
            printError("\(out): \(refusal)")
            throw ExitCode(2)
        }
        if !transform.isPlain {
            printError("warning: the page is not encrypted: anyone who can read "
                       + (out ?? "where standard output goes") + " reads these records; delete it once it is printed")
        }
        guard let out else {
            StandardOutput.write(html)
            return
        }
        do {
            try ExportFile.write(Data(html.utf8), to: URL(fileURLWithPath: out))
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        printLine("Wrote \(out): open it in a browser to print it.")
    }
}

/// The one client `query` names (words of a name, or an id); ends the command when none or
/// several do, listing the several.
/// A client's career profile and the questionnaire it answers, each problem reading them said on
/// standard error; `problems` are the profile's own, which make the command fail after its output.
func careerProfile(of client: Client, in store: Store) -> (profile: CareerProfile, definition: QuestionnaireDefinition,
                                                         problems: [DataProblem]) {
    let profiles = CareerProfileStore(store: store)
    let (definition, definitionProblem) = profiles.definition()
    if let definitionProblem { printError(definitionProblem.description) }
    let (profile, problems) = profiles.profile(of: client.id)
    for problem in problems { printError(problem.description) }
    return (profile, definition, problems)
}

func chooseClient(_ query: String, in clients: [Client]) throws -> Client {
    switch ClientLookup.find(query, in: clients) {
    case .found(let found):
        return found
    case .none:
        printError("no client matches \"\(ClientLookup.shown(query))\"")
        throw ExitCode(2)
    case .several(let matches):
        printError("\"\(ClientLookup.shown(query))\" matches \(matches.count) clients; give more of the name or the id:")
        for line in ClientLookup.listing(matches) { printError("  " + line) }
        throw ExitCode(2)
    }
}

extension Paper: ExpressibleByArgument {}
