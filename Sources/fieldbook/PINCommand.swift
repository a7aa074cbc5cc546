import ArgumentParser
import FieldbookCore
import Foundation

struct PIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "A PIN for this machine: the app starts locked, Ctrl-B or idle time blanks it until the PIN is typed, and commands that print client data ask for it.",
        discussion: """
            The PIN is kept on this machine only (in $XDG_CONFIG_HOME/fieldbook, else ~/.config/fieldbook, \
            owner-only), as a salted PBKDF2-SHA-256 hash, never as the PIN itself.
            """,
        subcommands: [Set.self, Clear.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set or change the PIN (4 to 12 digits; asked twice, not shown).")

        func run() throws {
            // Changing or removing a PIN takes the PIN.
            try PINCheck.unlock()
            let file = MachineSettings.location()
            var machine: MachineSettings
            do { machine = try MachineSettings.load(from: file) } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            guard let first = HiddenInput.readLine(prompt: "New PIN (4 to 12 digits): ") else {
                printError("no PIN was given; nothing changed")
                throw ExitCode.failure
            }
            guard PINHash.isAcceptable(first) else {
                printError("a PIN is 4 to 12 digits; nothing changed")
                throw ExitCode(2)
            }
            guard HiddenInput.readLine(prompt: "The same PIN again: ") == first else {
                printError("the two PINs differ; nothing changed")
                throw ExitCode(2)
            }
            machine.pin = PINHash(pin: first)
            do { try machine.save(to: file) } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            printLine("PIN set: the blanked screen now comes back only after it.")
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the PIN: any key brings the blanked screen back.")

        func run() throws {
            // Changing or removing a PIN takes the PIN.
            try PINCheck.unlock()
            let file = MachineSettings.location()
            var machine: MachineSettings
            do { machine = try MachineSettings.load(from: file) } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            machine.pin = nil
            do { try machine.save(to: file) } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            printLine("PIN removed.")
        }
    }
}
