import FieldbookCore
import Foundation
import Testing

/// While a PIN is set on the machine, the app starts locked and every command that prints
/// client data asks for it, from standard input when that is not a terminal.
@Suite(.serialized) struct PINTests {
    /// A machine configuration with the PIN 4321, beside a copy of the demo data.
    func machineWithAPIN(_ data: DataCopy) throws -> String {
        let config = data.root.appendingPathComponent("config")
        try MachineSettings(pin: PINHash(pin: "4321")).save(to: config.appendingPathComponent("fieldbook/machine.json"))
        return config.path
    }

    static let commands = [["export", "clients", "--csv"], ["profile", "export", "jose"], ["report", "caseload"],
                           ["due", "--as-of", "2026-11-21"], ["contacts", "--week", "2026-W47"], ["audit"]]

    @Test func everyCommandThatPrintsClientDataAsksForThePIN() throws {
        let data = try DataCopy()
        let config = try machineWithAPIN(data)
        for command in Self.commands {
            let arguments = ([binary] + command + ["--data", data.folder.path]).map { "'\($0)'" }.joined(separator: " ")
            func run(stdin: String?) -> (status: Int32, output: String) {
                let feed = stdin.map { "printf '\($0)\\n' | " } ?? ""
                return spawn(["sh", "-c", "\(feed)XDG_CONFIG_HOME='\(config)' \(arguments)"])
            }
            let none = run(stdin: nil)
            #expect(none.status == 2, "\(command): \(none.output.prefix(300))")
            #expect(none.output.contains("a PIN is set on this machine and none was given; nothing was shown"), "\(command): \(none.output.prefix(300))")
            let wrong = run(stdin: "1111")
            #expect(wrong.status == 2, "\(command): \(wrong.output.prefix(300))")
            #expect(wrong.output.contains("wrong PIN; nothing was shown"), "\(command): \(wrong.output.prefix(300))")
            for refused in [none.output, wrong.output] {
                #expect(!refused.contains("José") && !refused.contains("Maria") && !refused.contains("Álvarez"), "\(command): \(refused.prefix(300))")
            }
            let right = run(stdin: "4321")
            #expect(right.status == 0, "\(command): \(right.output.prefix(300))")
            #expect(right.output.hasPrefix("PIN: "), "\(command): the question goes first, on standard error")
        }
        // Removing the PIN takes the PIN.
        let clear = spawn(["sh", "-c", "printf '1111\n' | XDG_CONFIG_HOME='\(config)' '\(binary)' pin clear"])
        #expect(clear.status == 2, "\(clear.output)")
        #expect(try MachineSettings.load(from: URL(fileURLWithPath: config + "/fieldbook/machine.json")).pin != nil)
        // The PIN's question never goes into the data sent to a file.
        let out = data.root.appendingPathComponent("clients.csv").path
        let written = spawn(["sh", "-c", "printf '4321\\n' | XDG_CONFIG_HOME='\(config)' '\(binary)' export clients --csv --data '\(data.folder.path)' > '\(out)'"])
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("id,name,"))
    }

    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func theAppStartsLockedAndCtrlCThenARestartAsksAgain() throws {
        let data = try DataCopy()
        let config = try machineWithAPIN(data)
        do {
            let session = Tmux(command: data.command(), environment: ["XDG_CONFIG_HOME": config])
            #expect(session.waitFor("Fieldbook is locked. Type the PIN, then Enter:"), "\(session.screen)")
            #expect(!session.screen.contains("Today") && !session.screen.contains("José"), "\(session.screen)")
            session.send("C-c")
            #expect(session.waitFor("FIELDBOOK-EXIT=130"), "\(session.screen)")
        }
        let again = Tmux(command: data.command(), environment: ["XDG_CONFIG_HOME": config])
        #expect(again.waitFor("Fieldbook is locked. Type the PIN, then Enter:"), "\(again.screen)")
        again.type("4321")
        again.send("Enter")
        #expect(again.waitFor("[1 Today]"), "\(again.screen)")
        again.send("q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0"), "\(again.screen)")
    }
}
