import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line's calls to the C library, behind one `#if` per platform.
enum HiddenInput {
    /// A line read from standard input without echoing it when it is a terminal (a PIN);
    /// nil at end of input.
    static func readLine(prompt: String) -> String? {
        printPrompt(prompt)
        var saved = termios()
        let isTerminal = isatty(0) == 1 && tcgetattr(0, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
        }
        defer {
            if isTerminal {
                tcsetattr(0, TCSAFLUSH, &saved)
                print("")
            }
        }
        return Swift.readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
    }
}
