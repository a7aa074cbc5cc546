import ArgumentParser
import FieldbookCore
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every file in a data folder against the data format.",
        discussion: "Prints one line per problem (file and what is wrong) and exits non-zero if there is any. Changes nothing."
    )

    @OptionGroup var options: DataOptions

    func run() throws {
        let folder = options.folder
        guard FileManager.default.fileExists(atPath: folder.path) else {
            printError("\(folder.path): no such folder")
            throw ExitCode(2)
        }
        let (problems, snapshot) = DataCheck.report(folder: folder)
        for problem in problems {
            print("\(folder.appendingPathComponent(problem.path).path): \(problem.message)")
        }
        if !problems.isEmpty {
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(folder.path)")
            throw ExitCode.failure
        }
        print("\(folder.path): OK (\(snapshot.clients.count) clients, \(snapshot.specialists.count) specialists, "
              + "\(snapshot.employers.count) employers, \(snapshot.employerContacts.count) employer contacts)")
    }
}
