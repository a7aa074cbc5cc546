import ArgumentParser
import FieldbookCore
import Foundation

/// The store of a data folder opened for reading only, for the commands that report. A folder
/// that cannot be opened is said on standard error and ends the command (exit status 1).
func readOnlyStore(_ folder: URL, transform: FileTransform = .plain) throws -> Store {
    do {
        return try Store(folder: folder, mode: .readOnly, transform: transform)
    } catch {
        printError(error.description)
        throw ExitCode.failure
    }
}

/// Says on standard error what of the folder a command leaves out: files that could not be read,
/// and, apart, records to merge (a sync tool's copy or a kept conflict, whose second version is
/// left out: the record's own file is used). `use` names what the command makes ("the export").
func reportLeftOut(_ snapshot: DataSnapshot, in use: String) {
    let unreadable = snapshot.problems.filter { $0.pendingMerge == nil }.count
    if unreadable > 0 {
        printError("\(unreadable) file\(unreadable == 1 ? "" : "s") could not be read and \(unreadable == 1 ? "is" : "are") not in \(use); "
                   + "run `fieldbook check` for details")
    }
    let toMerge = Set(snapshot.pendingMerges.map(\.record)).count
    if toMerge > 0 {
        printError("\(toMerge) record\(toMerge == 1 ? " has" : "s have") a second version to merge (a sync tool's copy or a kept conflict); "
                   + "\(use) uses the version in the record's own file; the app shows both to merge")
    }
}
