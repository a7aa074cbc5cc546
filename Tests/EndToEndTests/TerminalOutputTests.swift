#if os(Linux)
import FieldbookCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `arguments` with standard output on a new pseudo-terminal (raw, so the bytes read are
/// the bytes written) and standard error on a file; returns both as written.
func spawnOnATerminal(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
    var unlock: Int32 = 0, number: UInt32 = 0
    try #require(master >= 0 && ioctl(master, 0x4004_5431, &unlock) == 0 && ioctl(master, 0x8004_5430, &number) == 0)
    defer { close(master) }
    let terminal = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
    try #require(terminal >= 0)
    var mode = termios()
    tcgetattr(terminal, &mode)
    cfmakeraw(&mode)
    tcsetattr(terminal, TCSANOW, &mode)
    let errorsPath = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-errors-\(UUID().uuidString)").path
    let errorsFD = open(errorsPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    defer {
        close(errorsFD)
        unlink(errorsPath)
    }
    let pid = try ChildProcess.start(arguments, output: terminal, errors: errorsFD)
    close(terminal)
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    var status: Int32 = 0
    var ended = false
    while true {
        var watch = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        _ = poll(&watch, 1, 50)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            output.append(contentsOf: buffer[0..<count])
            continue
        }
        if ended { break }
        if waitpid(pid, &status, WNOHANG) == pid { ended = true }
    }
    let errors = FileManager.default.contents(atPath: errorsPath) ?? Data()
    return ((status >> 8) & 0xFF, output, String(decoding: errors, as: UTF8.self))
}

/// What reaches a terminal from a subcommand never takes it over, whatever the format; what
/// goes to a file or a pipe is the data as stored.
@Suite struct TerminalOutputTests {
    /// A copy of sample-data whose client Zoë Fernández is named with an OSC 52 clipboard
    /// write ("Hacked") and a screen clear, and whose specialist Maria Okafor's name sets the
    /// window title, as the attack reproduced them.
    func hostileCopy(specialistToo: Bool = true) throws -> DataCopy {
        let data = try DataCopy()
        let file = try data.clientFile(named: "Zoë Fernández")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "\"name\" : \"Zoë Fernández\"", with: #""name" : "Zoë\u001b]52;c;SGFja2Vk\u0007\u001b[2J""#)
        try text.write(to: file, atomically: true, encoding: .utf8)
        guard specialistToo else { return data }
        let maria = data.folder.appendingPathComponent("specialists/8821ca96-2a67-4c6b-b93a-d4d524abef8a.json")
        let specialist = try String(contentsOf: maria, encoding: .utf8)
            .replacingOccurrences(of: "\"name\" : \"Maria Okafor\"", with: #""name" : "Maria\u001b]0;pwned\u0007 Okafor""#)
        try specialist.write(to: maria, atomically: true, encoding: .utf8)
        return data
    }

    @Test(arguments: [["export", "clients", "--csv"], ["export", "client-contacts", "--csv"], ["export", "all", "--json"],
                      ["report", "caseload", "--csv"], ["report", "caseload", "--json"], ["report", "caseload"]])
    func controlCharactersReachATerminalEscapedWhateverTheFormat(_ command: [String]) throws {
        let data = try hostileCopy()
        let arguments = [binary] + command + ["--data", data.folder.path]
        let shown = try spawnOnATerminal(arguments)
        #expect(shown.status == 0, "\(shown.errors)")
        let text = String(decoding: shown.output, as: UTF8.self)
        #expect(!text.isEmpty)
        #expect(!shown.output.contains(0x1B) && !shown.output.contains(0x07), "raw control characters reached the terminal")
        #expect(!shown.output.contains(0), "a raw NUL reached the terminal")
        if command.contains("--csv") {
            #expect(text.contains("^[") && text.contains("^G"), "\(text.prefix(2000))")
            #expect(shown.errors.contains("control characters were shown escaped"), "\(shown.errors)")
        }

        // To a file: the data as stored (JSON writes a control character as \u001b itself).
        // The text report is a display laid out in the screen's columns: escaped wherever it goes.
        let stored = spawn(arguments)
        #expect(stored.status == 0)
        #expect(!stored.output.contains("shown escaped"))
        if command.contains("--csv") {
            #expect(stored.output.contains("\u{1B}]0;pwned\u{07}") || stored.output.contains("\u{1B}]52;c;SGFja2Vk\u{07}\u{1B}[2J"),
                    "\(stored.output.prefix(2000))")
        } else if command.contains("--json") {
            #expect(stored.output.contains(#"\u001b]0;pwned\u0007"#), "\(stored.output.prefix(2000))")
        }
    }

    @Test func theNoteOnStandardErrorCountsTheEscapedCharacters() throws {
        let data = try hostileCopy(specialistToo: false)
        let shown = try spawnOnATerminal([binary, "export", "clients", "--csv", "--data", data.folder.path])
        let text = String(decoding: shown.output, as: UTF8.self)
        #expect(text.contains("Zoë^[]52;c;SGFja2Vk^G^[[2J"), "\(text.prefix(2000))")
        // Esc, BEL, Esc in one client's name: one line.
        #expect(shown.errors.hasPrefix("fieldbook: 3 control characters were shown escaped"), "\(shown.errors)")
        #expect(shown.errors.filter { $0 == "\n" }.count == 1, "\(shown.errors)")
    }
}
#endif
