import ArgumentParser
import FieldbookCore
import Foundation

/// While a PIN is set on this machine, every command that prints client data asks for it first
/// (the app asks on its locked first screen). The question goes to standard error, so that
/// nothing but the data reaches a file the output is sent to; the PIN is read from standard
/// input, not shown when it is a terminal, and read as a line when it is not (a script pipes it).
enum PINCheck {
    static func unlock() throws {
        let machine: MachineSettings
        do { machine = try MachineSettings.load() } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        guard let pin = machine.pin else { return }
        FileHandle.standardError.write(Data("PIN: ".utf8))
        var saved = termios()
        let isTerminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        let entered = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
        if isTerminal {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let entered, pin.matches(entered) else {
            printError(entered == nil ? "a PIN is set on this machine and none was given; nothing was shown"
                                      : "wrong PIN; nothing was shown")
            throw ExitCode(2)
        }
    }
}
