import ArgumentParser
import FieldbookCore
import Foundation

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Manage the derived cache that makes the app start fast.",
        discussion: """
            The cache (in $XDG_CACHE_HOME/fieldbook, else ~/.cache/fieldbook, owner-only, never in \
            the data folder) holds decoded copies of a data folder's records so a start reads only \
            the files that changed. It is never the source of truth: removing it loses nothing.
            """,
        subcommands: [Clear.self]
    )

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the cache of a data folder (or of every data folder with --all).")

        @OptionGroup var options: DataOptions

        @Flag(help: "Remove the cache of every data folder.")
        var all = false

        func run() throws {
            do {
                if all {
                    try RecordCache.clearAll()
                    printLine("Removed every data folder's cache.")
                } else if let cache = RecordCache.forDataFolder(options.folder) {
                    try cache.clear()
                    printLine("Removed the cache of \(options.folder.path).")
                } else {
                    printLine("No cache is kept for \(options.folder.path).")
                }
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
    }
}
