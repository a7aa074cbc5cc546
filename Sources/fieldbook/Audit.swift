import ArgumentParser
import FieldbookCore
import Foundation

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the audit trail: who changed which record, when, and which fields.",
        discussion: """
            Each copy of Fieldbook appends to its own log in the data folder's audit/ folder: the time, \
            the specialist, create/update/delete, the record's kind and id, and the names of the fields \
            that changed (never their values). Each entry carries the SHA-256 of the one before, so \
            --verify finds an edited or removed entry, and records saved with no entry.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("Only the entries about this record (its id, or the start of it).", valueName: "ID"))
    var record: String?

    @Flag(help: "Check every log's chain of hashes and that every record's latest save has an entry.")
    var verify = false

    func run() throws {
        let folder = options.folder
        let transform = try FolderAccess.unlock(folder)
        guard isFolder(folder) else {
            printError("\(folder.path): no such folder")
            throw ExitCode(2)
        }
        let trail = AuditTrail.read(folder: folder)
        if verify {
            try runVerify(trail, folder, transform)
            return
        }
        let lines = record.map { trail.entries(forRecord: $0) } ?? trail.entries
        for line in lines {
            let entry = line.entry
            var text = "\(entry.time)  \(entry.action.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  \(entry.kind)"
            if let id = entry.record { text += " \(id)" }
            if !entry.fields.isEmpty { text += "  fields: \(entry.fields.joined(separator: ", "))" }
            text += "  by " + (entry.specialist.map { "specialist \($0)" } ?? "unknown specialist") + " (copy \(entry.install))"
            printLine(text)
        }
        if lines.isEmpty {
            printLine(record == nil ? "No audit entries in \(folder.path)." : "No audit entries for record \(record ?? "").")
        }
    }

    private func runVerify(_ trail: AuditTrail, _ folder: URL, _ transform: FileTransform) throws {
        let snapshot = try readOnlyStore(folder, transform: transform).load()
        let unaudited = trail.unaudited(in: snapshot)
        // The logs as a whole: against the folder's list of copies, and against what this
        // machine saw when it last verified them.
        let memoryFile = AuditMemory.location()
        var memory = AuditMemory.load(from: memoryFile)
        let damage = trail.damage + trail.logProblems(installs: AuditInstalls.list(folder: folder), seen: memory.seen(in: folder))
        for damage in damage { printLine("\(folder.appendingPathComponent(damage.file).path):\(damage.line): \(damage.message)") }
        for change in unaudited { printLine("unaudited change: \(change)") }
        if damage.isEmpty {
            memory.remember(trail, in: folder)
            do { try memory.save(to: memoryFile) } catch {
                printError("what this verify saw could not be kept for the next one: \(error.description)")
            }
        }
        if !damage.isEmpty {
            printError("the audit trail is damaged: \(damage.count) problem\(damage.count == 1 ? "" : "s")"
                       + (unaudited.isEmpty ? "" : ", and \(unaudited.count) unaudited change\(unaudited.count == 1 ? "" : "s")"))
            throw ExitCode.failure
        }
        if !unaudited.isEmpty {
            printError("the chain is intact; \(unaudited.count) record change\(unaudited.count == 1 ? " has" : "s have") no entry")
            throw ExitCode.failure
        }
        printLine("Audit trail intact: \(trail.lines.count) entr\(trail.lines.count == 1 ? "y" : "ies") in \(trail.files.count) log\(trail.files.count == 1 ? "" : "s"); every record saved since it began has its entry.")
    }
}
