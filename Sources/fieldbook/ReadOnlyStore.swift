import ArgumentParser
import FieldbookCore
import Foundation

/// The store of a data folder opened for reading only, for the commands that report. A folder
/// that cannot be opened is said on standard error and ends the command (exit status 1).
func readOnlyStore(_ folder: URL) throws -> Store {
    do {
        return try Store(folder: folder, mode: .readOnly)
    } catch {
        printError(error.description)
        throw ExitCode.failure
    }
}
