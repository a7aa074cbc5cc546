import ArgumentParser
import FieldbookCore
import Foundation

/// Every way into a data folder asks once: an encrypted folder's passphrase (which replaces the
/// PIN), else the machine's PIN when the command prints client data and a PIN is set. The
/// question goes to standard error; the answer is read from the terminal without echo, or as a
/// line of standard input when it is not a terminal (scripts pipe it). The key stays in memory.
enum FolderAccess {
    /// The transform the folder's stores read and write through: `.plain` for a plain folder,
    /// the folder key's for an encrypted one. A wrong passphrase, a half-converted folder or
    /// an unreadable `fieldbook.json` ends the command (non-zero) before anything is read.
    static func unlock(_ folder: URL, pin: Bool = true) throws -> FileTransform {
        let state: EncryptedFolder.State
        do { state = try EncryptedFolder.state(of: folder) } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        switch state {
        case .plain:
            if pin { try PINCheck.unlock() }
            return .plain
        case .converting(let encryption):
            let command = encryption.converting == .decrypting ? "decrypt" : "encrypt"
            printError(StoreError.unfinishedConversion(path: folder.path, command: command).description)
            throw ExitCode.failure
        case .encrypted(let encryption):
            return try unlock(encryption, prompt: "Passphrase for \(folder.path): ").key.transform
        }
    }

    /// The folder key and the slot that the passphrase asked for opens; ends the command when none does.
    static func unlock(_ encryption: FolderEncryption, prompt: String) throws -> (key: FolderKey, slot: String) {
        let passphrase = try Passphrase.ask(prompt)
        guard let opened = EncryptedFolder.unlock(encryption, passphrase: passphrase) else {
            printError(EncryptionError.wrongPassphrase.description)
            throw ExitCode(2)
        }
        return opened
    }
}

/// Reading a passphrase: never echoed, never kept but in memory.
enum Passphrase {
    /// Asks once; ends the command (exit 2) when nothing is given.
    static func ask(_ prompt: String) throws -> String {
        guard let entered = read(prompt), !entered.isEmpty else {
            printError("no passphrase was given; nothing was read or changed")
            throw ExitCode(2)
        }
        return entered
    }

    /// Asks for a new passphrase twice; ends the command (exit 2) when they differ.
    static func askNew(_ prompt: String = "New passphrase: ") throws -> String {
        let first = try ask(prompt)
        let again = try ask("The same again: ")
        guard first == again else {
            printError("the two passphrases differ; nothing was changed")
            throw ExitCode(2)
        }
        if first.count < 12 {
            printError("warning: a passphrase shorter than 12 characters can be guessed by anyone holding a copy of the folder; "
                       + "a few words make a stronger one (`fieldbook passphrase change`)")
        }
        return first
    }

    /// One line: from the terminal without echo, or from standard input when it is not one.
    static func read(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let isTerminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        let line = readLine(strippingNewline: true)
        if isTerminal { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        // The answer is never shown: the line the question is on ends here.
        FileHandle.standardError.write(Data("\n".utf8))
        // A line from a file written on Windows ends in CR LF.
        return line.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }
}
