import FieldbookCore
import Foundation
import Testing

/// `fieldbook encrypt` on a copy of the demo data, then every way in asks the passphrase once.
@Suite(.serialized) struct EncryptionEndToEndTests {
    func run(_ shell: String, in data: DataCopy) -> (status: Int32, output: String) {
        spawn(["sh", "-c", "XDG_STATE_HOME='\(data.root.path)/state' XDG_CONFIG_HOME='\(data.root.path)/config' XDG_CACHE_HOME='\(data.root.path)/cache' " + shell])
    }

    /// Names of every client in the folder, read before it is encrypted.
    func clientNames(_ folder: URL) throws -> [String] {
        try Store(folder: folder, mode: .readOnly).load().clients.map(\.name)
    }

    /// The acceptance test: encrypt, no client name found by grep, check clean with the
    /// passphrase, a wrong one refused; every reading command asks once.
    @Test func encryptThenGrepFindsNoNameAndEveryCommandAsksOnce() throws {
        let data = try DataCopy()
        let folder = data.folder.path
        let names = try clientNames(data.folder)
        #expect(names.count > 10)
        let encrypt = run("printf 'pw\\npw\\n' | '\(binary)' encrypt --data '\(folder)'", in: data)
        #expect(encrypt.status == 0, "\(encrypt.output)")
        #expect(encrypt.output.contains("Encrypted \(folder)"), "\(encrypt.output)")
        for name in names {
            let grep = spawn(["grep", "-rlF", name, folder])
            #expect(grep.status == 1, "grep found \(name): \(grep.output)")
        }
        let check = run("printf 'pw\\n' | '\(binary)' check --data '\(folder)'", in: data)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains(": OK (\(names.count) clients"), "\(check.output)")
        for command in [["check"], ["due", "--as-of", "2026-11-21"], ["contacts", "--week", "2026-W47"], ["report", "caseload"],
                        ["export", "clients", "--csv"], ["audit"], ["profile", "export", "jose"]]
        {
            let arguments = ([binary] + command + ["--data", folder]).map { "'\($0)'" }.joined(separator: " ")
            let wrong = run("printf 'wrong\\n' | \(arguments)", in: data)
            #expect(wrong.status == 2, "\(command): \(wrong.output.prefix(300))")
            #expect(wrong.output.contains("wrong passphrase: it opens none of this folder's key slots; nothing was read or changed"),
                    "\(command): \(wrong.output.prefix(300))")
            #expect(!names.contains { wrong.output.contains($0) }, "\(command)")
            let none = run("\(arguments) < /dev/null", in: data)
            #expect(none.status == 2 && none.output.contains("no passphrase was given"), "\(command): \(none.output.prefix(300))")
            let right = run("printf 'pw\\n' | \(arguments)", in: data)
            #expect(right.status == 0, "\(command): \(right.output.prefix(300))")
            #expect(right.output.hasPrefix("Passphrase for \(folder): \n"), "\(command): asked once, first, on standard error")
        }
        let exported = run("printf 'pw\\n' | '\(binary)' export clients --csv --data '\(folder)'", in: data)
        #expect(exported.output.contains("warning: the export is not encrypted"))
        #expect(names.allSatisfy { exported.output.contains($0) }, "the export is plain where the user says")
        // Still nothing plain in the folder after those commands ran.
        for name in names { #expect(spawn(["grep", "-rlF", name, folder]).status == 1, "\(name)") }
        // Passphrases: a second one opens it, the first can then be removed; back to plain.
        let add = run("printf 'pw\\nsecond passphrase\\nsecond passphrase\\n' | '\(binary)' passphrase add --data '\(folder)'", in: data)
        #expect(add.status == 0, "\(add.output)")
        let remove = run("printf 'pw\\n' | '\(binary)' passphrase remove --data '\(folder)'", in: data)
        #expect(remove.status == 0, "\(remove.output)")
        #expect(run("printf 'pw\\n' | '\(binary)' check --data '\(folder)'", in: data).status == 2)
        let decrypt = run("printf 'second passphrase\\n' | '\(binary)' decrypt --data '\(folder)'", in: data)
        #expect(decrypt.status == 0, "\(decrypt.output)")
        #expect(try clientNames(data.folder) == names)
        #expect(run("'\(binary)' check --data '\(folder)' < /dev/null", in: data).status == 0)
    }

    /// A half-converted folder: every command and the app say to finish it; `encrypt` does.
    @Test func aHalfConvertedFolderIsNamedAndFinished() throws {
        let data = try DataCopy()
        let folder = data.folder
        let key = try FolderConversion.beginEncryption(folder, passphrase: "pw", derivation: .standard, today: "2026-12-05")
        _ = key
        for command in [["check"], ["due"], ["export", "clients", "--csv"], ["open"], ["backup", "--out", data.root.path]] {
            let arguments = ([binary] + command + ["--data", folder.path]).map { "'\($0)'" }.joined(separator: " ")
            let refused = run("printf 'pw\\n' | \(arguments)", in: data)
            #expect(refused.status == 1, "\(command): \(refused.output.prefix(300))")
            #expect(refused.output.contains("is half converted (a `fieldbook encrypt` was interrupted): run `fieldbook encrypt --data \(folder.path)` to finish it"),
                    "\(command): \(refused.output.prefix(300))")
        }
        let finish = run("printf 'pw\\n' | '\(binary)' encrypt --data '\(folder.path)'", in: data)
        #expect(finish.status == 0 && finish.output.contains("finishing the encryption"), "\(finish.output)")
        #expect(run("printf 'pw\\n' | '\(binary)' check --data '\(folder.path)'", in: data).status == 0)
    }

    /// A folder that syncs: `encrypt` says the histories keep the plain records and asks for a
    /// choice before anything; `--new-history` removes the folder's own repository afterwards.
    @Test func encryptingAFolderThatSyncsSaysWhatItsHistoryHolds() throws {
        let data = try DataCopy()
        let folder = data.folder.path
        try FileManager.default.createDirectory(at: data.folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let asked = run("printf 'pw\\npw\\n' | '\(binary)' encrypt --data '\(folder)'", in: data)
        #expect(asked.status == 2, "\(asked.output)")
        #expect(asked.output.contains("the hub's history and this folder's own repository (.git) hold the plain records"), "\(asked.output)")
        #expect(try EncryptedFolder.state(of: data.folder) == .plain, "nothing was changed")
        let done = run("printf 'pw\\npw\\n' | '\(binary)' encrypt --new-history --data '\(folder)'", in: data)
        #expect(done.status == 0, "\(done.output)")
        #expect(!FileManager.default.fileExists(atPath: data.folder.appendingPathComponent(".git").path))
        #expect(done.output.contains("share the folder anew with `fieldbook sync init NEW-HUB`"), "\(done.output)")
    }

    /// The app asks before its full screen, shows nothing of the passphrase, refuses a wrong
    /// one with nothing read, and opens the folder after the right one.
    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func theAppAsksThePassphraseBeforeItReadsAnything() throws {
        let data = try DataCopy()
        #expect(run("printf 'open sesame\\nopen sesame\\n' | '\(binary)' encrypt --data '\(data.folder.path)'", in: data).status == 0)
        do {
            let session = Tmux(command: data.command())
            #expect(session.waitFor("Passphrase for \(data.folder.path):"), "\(session.screen)")
            session.type("not it")
            session.send("Enter")
            #expect(session.waitFor("FIELDBOOK-EXIT=2"), "\(session.screen)")
            #expect(session.screen.contains("wrong passphrase"), "\(session.screen)")
            #expect(!session.screen.contains("not it"), "never echoed: \(session.screen)")
        }
        let session = Tmux(command: data.command())
        #expect(session.waitFor("Passphrase for \(data.folder.path):"), "\(session.screen)")
        session.type("open sesame")
        session.send("Enter")
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        #expect(!session.screen.contains("open sesame"), "\(session.screen)")
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        #expect(!session.screen.contains("open sesame"), "\(session.screen)")
    }
}
