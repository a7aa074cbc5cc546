import ArgumentParser
import FieldbookCore
import Foundation

/// `fieldbook encrypt`: converts a data folder in place to encrypted files (or finishes an
/// interrupted conversion).
struct EncryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt",
        abstract: "Encrypt the data folder in place: it then opens only with a passphrase (asked twice).",
        discussion: """
            Every record, settings.json, report-salt and every kept conflict version is encrypted \
            (AES-256-GCM) with a random folder key, which the folder keeps only wrapped by a key \
            derived from each passphrase (scrypt). Interrupted, it leaves a folder that every command \
            refuses until `fieldbook encrypt` is run again (with the same passphrase) to finish. A \
            forgotten passphrase cannot be recovered: add a second one (`fieldbook passphrase add`) \
            and keep it safe. See docs/security.md.
            """
    )

    @OptionGroup var options: DataOptions

    @Flag(help: "For a folder that syncs: encrypt, and leave the hub's history and the folder's own repository (.git), which still hold the plain records, as they are.")
    var keepHistory = false

    @Flag(help: "For a folder that syncs: encrypt, then remove the folder's own repository (.git) so its plain history is gone; share it anew with `fieldbook sync init NEW-HUB`.")
    var newHistory = false

    func validate() throws {
        if keepHistory && newHistory { throw ValidationError("--keep-history and --new-history do not go together") }
    }

    func run() throws {
        let folder = options.folder
        let key: FolderKey
        switch try ConversionStart.state(of: folder) {
        case .encrypted:
            printError(EncryptionError.alreadyEncrypted(path: folder.path).description)
            throw ExitCode.failure
        case .converting(let encryption):
            key = try ConversionStart.keyToFinish(encryption, .encrypting, in: folder)
            printError("finishing the encryption that was interrupted")
        case .plain:
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(DataLayout.formatFile).path) else {
                printError(StoreError.notADataFolder(path: folder.path).description)
                throw ExitCode.failure
            }
            let shared = FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path)
            if shared && !keepHistory && !newHistory {
                printError("""
                    \(folder.path) syncs with a hub: the hub's history and this folder's own repository (.git) hold \
                    the plain records, and encrypting the files does not change that. Run again with --new-history to \
                    remove this folder's repository after encrypting (then share it with a new hub: `fieldbook sync init \
                    NEW-HUB`, teammates `sync join` it, and the old hub is deleted), or with --keep-history to leave both \
                    as they are. Nothing was changed.
                    """)
                throw ExitCode(2)
            }
            let passphrase = try Passphrase.askNew("New passphrase for \(folder.path): ")
            let derivation = KeyDerivation.standard
            let started = Date()
            do {
                key = try FolderConversion.beginEncryption(folder, passphrase: passphrase, derivation: derivation,
                                                           today: LocalDate(containing: Date()).description)
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            printError(String(format: "key derived (scrypt N=%d, r=%d, p=%d) in %.2f s", derivation.n, derivation.r, derivation.p,
                              Date().timeIntervalSince(started)))
        }
        let summary = try convert(folder, key: key, verb: "Encrypting")
        if newHistory, FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
            do { try FileManager.default.removeItem(at: folder.appendingPathComponent(".git")) } catch {
                printError("encrypted, but its repository (.git) could not be removed: \(error.localizedDescription)")
                throw ExitCode.failure
            }
            printLine("Removed \(folder.path)/.git: share the folder anew with `fieldbook sync init NEW-HUB`, then delete the old hub.")
        } else if keepHistory {
            printLine("The hub's history and \(folder.path)/.git still hold the plain records.")
        }
        printLine("Encrypted \(folder.path): \(summary.converted) files encrypted"
                  + (summary.alreadyDone > 0 ? ", \(summary.alreadyDone) already were" : "") + ". It opens only with the passphrase.")
    }
}

/// `fieldbook decrypt`: back to plain files.
struct DecryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt",
        abstract: "Decrypt the data folder in place: its records are then plain files again (asks the passphrase).",
        discussion: "Interrupted, it leaves a folder that every command refuses until `fieldbook decrypt` is run again to finish."
    )

    @OptionGroup var options: DataOptions

    func run() throws {
        let folder = options.folder
        let key: FolderKey
        switch try ConversionStart.state(of: folder) {
        case .plain:
            printError(EncryptionError.notEncrypted(path: folder.path).description)
            throw ExitCode.failure
        case .converting(let encryption):
            key = try ConversionStart.keyToFinish(encryption, .decrypting, in: folder)
        case .encrypted(let encryption):
            key = try FolderAccess.unlock(encryption, prompt: "Passphrase for \(folder.path): ").key
            do { try FolderConversion.beginDecryption(folder, key: key) } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
        let summary = try convert(folder, key: key, verb: "Decrypting")
        printLine("Decrypted \(folder.path): \(summary.converted) files are plain again; anyone holding the folder can read them.")
    }
}

/// Runs the conversion, its progress on standard error (one line, redrawn on a terminal).
/// Ctrl-C stops it between two files, where a crash would leave it: every command then refuses
/// the folder until the same command is run again to finish (exit status 130).
private func convert(_ folder: URL, key: FolderKey, verb: String) throws -> FolderConversion.Summary {
    let line = ProgressLine(verb.lowercased(), unit: "files", minimum: 0)
    WorkInterrupt.catchControlC()
    defer { WorkInterrupt.release() }
    let summary: FolderConversion.Summary
    do {
        summary = try FolderConversion.finish(folder, key: key, progress: { done, total in line.show(done, of: total) },
                                              shouldStop: { WorkInterrupt.wasRequested })
        line.finish()
    } catch {
        line.finish()
        printError(error.description)
        throw ExitCode.failure
    }
    if summary.stopped {
        let command = verb == "Encrypting" ? "encrypt" : "decrypt"
        printError("stopped (Ctrl-C) after \(summary.converted + summary.alreadyDone) files: \(folder.path) is half converted "
                   + "(each file whole, in one form or the other); every command refuses it until `fieldbook \(command)` is run again to finish")
        throw WorkInterrupt.exitCode
    }
    return summary
}

/// `fieldbook passphrase add|change|remove|list`.
struct PassphraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passphrase",
        abstract: "The passphrases that open an encrypted data folder (one key slot each).",
        discussion: """
            Each member of a team can have their own passphrase: all open the same folder key, and \
            slots added on two copies at once merge through a sync. Removing a slot does not undo a \
            folder key already copied, nor the slot kept in the hub's history (docs/security.md).
            """,
        subcommands: [Add.self, Change.self, Remove.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a passphrase (asks one that opens the folder, then the new one twice).")
        @OptionGroup var options: DataOptions

        func run() throws {
            let folder = options.folder
            let existing = try Passphrase.ask("A passphrase that opens \(folder.path): ")
            let new = try Passphrase.askNew()
            let id = try manage { () throws(EncryptionError) in
                try EncryptedFolder.addPassphrase(folder, existing: existing, new: new, today: LocalDate(containing: Date()).description)
            }
            printLine("Added key slot \(id).")
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a passphrase (asks it, then the new one twice).")
        @OptionGroup var options: DataOptions

        func run() throws {
            let folder = options.folder
            let current = try Passphrase.ask("Current passphrase for \(folder.path): ")
            let new = try Passphrase.askNew()
            try manage { () throws(EncryptionError) in
                try EncryptedFolder.changePassphrase(folder, current: current, new: new, today: LocalDate(containing: Date()).description)
            }
            printLine("Changed.")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the passphrase typed (never the last one).")
        @OptionGroup var options: DataOptions

        func run() throws {
            let folder = options.folder
            let passphrase = try Passphrase.ask("The passphrase to remove from \(folder.path): ")
            let id = try manage { () throws(EncryptionError) in try EncryptedFolder.removePassphrase(folder, passphrase) }
            printLine("Removed key slot \(id). A copy of the folder key made before, or the slot in the hub's history, still opens old copies.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the key slots (ids and the day each was added; no passphrase asked).")
        @OptionGroup var options: DataOptions

        func run() throws {
            let slots = try manage { () throws(EncryptionError) in try EncryptedFolder.slots(of: options.folder) }
            for slot in slots { printLine("\(slot.id)  added \(slot.added)") }
        }
    }
}

/// Runs a change of the key slots; a wrong passphrase ends the command with status 2.
private func manage<T>(_ body: () throws(EncryptionError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError(error.description)
        throw error == .wrongPassphrase ? ExitCode(2) : ExitCode.failure
    }
}

/// What `encrypt` and `decrypt` both do first: read the folder's state, and for a conversion
/// that was interrupted, ask the passphrase to finish it (only the same direction finishes it).
enum ConversionStart {
    static func state(of folder: URL) throws -> EncryptedFolder.State {
        do { return try EncryptedFolder.state(of: folder) } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }

    static func keyToFinish(_ encryption: FolderEncryption, _ direction: FolderEncryption.Conversion, in folder: URL) throws -> FolderKey {
        guard encryption.converting == direction else {
            let other = direction == .encrypting ? "decrypt" : "encrypt"
            printError(StoreError.unfinishedConversion(path: folder.path, command: other).description)
            throw ExitCode.failure
        }
        let verb = direction == .encrypting ? "encrypting" : "decrypting"
        return try FolderAccess.unlock(encryption, prompt: "Passphrase (to finish \(verb) \(folder.path)): ").key
    }
}
