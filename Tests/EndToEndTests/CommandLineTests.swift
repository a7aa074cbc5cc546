import FieldbookCore
import Foundation
import Testing

/// Makes every folder under `url` 0700 and every file 0600.
func makeOwnerOnly(_ url: URL) {
    setModes(url, folders: 0o700, files: 0o600)
}

/// Folders 0755 and files 0644, as a git checkout leaves them whatever the copied tree had.
func makeLikeACheckout(_ url: URL) {
    setModes(url, folders: 0o755, files: 0o644)
}

func setModes(_ url: URL, folders: mode_t, files: mode_t) {
    chmod(url.path, folders)
    let enumerator = FileManager.default.enumerator(atPath: url.path)
    while let relative = enumerator?.nextObject() as? String {
        let child = url.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory)
        chmod(child.path, isDirectory.boolValue ? folders : files)
    }
}

/// The command line's own output, run as a script would (no terminal).
@Suite struct CommandLineTests {
    static let clipboardWrite = "\u{1B}]52;c;aGVsbG8=\u{07}"
    static let clearScreen = "\u{1B}[2J"

    @Test func checkEscapesControlCharactersFromFileContentsAndNames() throws {
        let data = try DataCopy()
        let file = try data.clientFile(named: "Zoë Fernández")
        let text = try String(contentsOf: file, encoding: .utf8)
        // As JSON writes them: \u001b is Esc, \u0007 is BEL.
        // A date that does not parse is reported with the text as written.
        let hostile = text.replacingOccurrences(of: "\"programEntryDate\" : \"", with: #""programEntryDate" : "\u001b]52;c;aGVsbG8=\u0007\u001b[2J"#)
        #expect(hostile != text)
        try hostile.write(to: file, atomically: false, encoding: .utf8)
        let named = file.deletingLastPathComponent().appendingPathComponent("x\(Self.clearScreen)\(Self.clipboardWrite).json")
        try Data("{".utf8).write(to: named)
        chmod(named.path, 0o600)

        let result = spawn([binary, "check", "--data", data.folder.path])
        #expect(result.status == 1)
        #expect(!result.output.contains("\u{1B}") && !result.output.contains("\u{07}"), "raw control characters reached the terminal")
        // The value is shown in a visible form, never obeyed.
        #expect(result.output.contains("]52;c;aGVsbG8="), "\(result.output)")
        #expect(result.output.contains("x^[[2J^[]52;c;aGVsbG8=^G.json"), "\(result.output)")
        #expect(!result.output.contains("Zoë"))
    }

    @Test func checkOnAFileSaysItIsNotAFolder() throws {
        let result = spawn([binary, "check", "--data", packageRoot.appendingPathComponent("README.md").path])
        #expect(result.status == 2)
        #expect(result.output.contains("README.md is a file, not a folder"), "\(result.output)")
        #expect(!result.output.contains("fieldbook.json"), "\(result.output)")
    }

    @Test func checkReportsLoosePermissionsAndRepairAsksFirst() throws {
        let data = try DataCopy(ownerOnly: false)
        chmod(data.folder.path, 0o755)
        let before = spawn([binary, "check", "--data", data.folder.path])
        #expect(before.status == 1)
        #expect(before.output.contains("open to group or others"), "\(before.output)")

        // No terminal to ask on and no --yes: nothing changes.
        let refused = spawn([binary, "check", "--repair", "--data", data.folder.path])
        #expect(refused.status == 2)
        #expect(refused.output.contains("will, in"), "\(refused.output)")
        #expect(refused.output.contains("nothing was changed"), "\(refused.output)")
        #expect(spawn([binary, "check", "--data", data.folder.path]).output == before.output)

        let repaired = spawn([binary, "check", "--repair", "--yes", "--data", data.folder.path])
        #expect(repaired.status == 0, "\(repaired.output)")
        #expect(repaired.output.contains("Repaired:"), "\(repaired.output)")
        let after = spawn([binary, "check", "--data", data.folder.path])
        #expect(after.status == 0, "\(after.output)")
        #expect(after.output.contains(": OK ("))
    }

    @Test func backupWritesAnArchiveTarOpens() throws {
        let data = try DataCopy()
        let out = data.root.appendingPathComponent("backup.tar.gz")
        let result = spawn([binary, "backup", "--data", data.folder.path, "--out", out.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Backed up"))
        let mode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let listing = spawn(["tar", "tzf", out.path])
        #expect(listing.status == 0)
        #expect(listing.output.contains("./fieldbook.json"))
        #expect(listing.output.contains("./clients/"))
        #expect(spawn([binary, "backup", "--data", data.folder.path, "--out", out.path]).status == 1, "an existing file was overwritten")
    }

    @Test func auditVerifyTellsABrokenChainFromAnUnauditedChange() throws {
        let data = try DataCopy()
        // Each save a second later than the one before (updatedAt is stored to the second).
        let start = Date().timeIntervalSince1970.rounded(.down)
        let saves = Counter()
        let store = try Store(folder: data.folder, now: { Date(timeIntervalSince1970: start + Double(saves.next())) })
        let snapshot = store.load()
        store.auditLog = AuditLog(dataFolder: data.folder, installID: "test-copy")
        var client = try #require(snapshot.clients.first)
        for n in 1...3 {
            client.notes = "note \(n)"
            client = try store.save(client).record
        }
        #expect(spawn([binary, "audit", "--verify", "--data", data.folder.path]).status == 0)

        // Saved with no entry (as just before a crash): unaudited, the chain still intact.
        store.auditLog = nil
        client.notes = "no entry"
        client = try store.save(client).record
        let unaudited = spawn([binary, "audit", "--verify", "--data", data.folder.path])
        #expect(unaudited.status == 1)
        #expect(unaudited.output.contains("unaudited change: client \(client.id.uuidString.lowercased())"), "\(unaudited.output)")
        #expect(unaudited.output.contains("the chain is intact"), "\(unaudited.output)")

        // An entry edited by hand: the chain is broken at the line after it.
        let log = data.folder.appendingPathComponent("audit/test-copy.jsonl")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        var edited = lines
        edited[0] = edited[0].replacingOccurrences(of: "\"notes\"", with: "\"name\"")
        #expect(edited != lines)
        try (edited.joined(separator: "\n") + "\n").write(to: log, atomically: false, encoding: .utf8)
        let broken = spawn([binary, "audit", "--verify", "--data", data.folder.path])
        #expect(broken.status == 1)
        #expect(broken.output.contains("test-copy.jsonl:2: chain broken"), "\(broken.output)")
        #expect(broken.output.contains("the audit trail is damaged"), "\(broken.output)")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}

extension CommandLineTests {
    /// `fieldbook check` run by the owner of `data`; as root (who reads everything), by an
    /// ordinary user the copy is given to, so that mode 000 means what it means to a specialist.
    func checkAsOwner(_ data: DataCopy) -> (status: Int32, output: String) {
        let check = [binary, "check", "--data", data.folder.path]
        guard getuid() == 0 else { return spawn(check) }
        spawn(["chown", "-R", "65534:65534", data.root.path])
        return spawn(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=\(data.root.path)",
                      "XDG_CONFIG_HOME=\(data.root.path)/config", "XDG_CACHE_HOME=\(data.root.path)/cache"] + check)
    }

    /// The attack: Maria's employer contacts folder at mode 000 passed as OK with fewer
    /// contacts; clients/ at 000 gave a line per job seeker and never named the folder.
    @Test func anUnreadableFolderIsReportedNeverReadAsEmpty() throws {
        let data = try DataCopy()
        let maria = "employer-contacts/8821ca96-2a67-4c6b-b93a-d4d524abef8a"
        chmod(data.folder.appendingPathComponent(maria).path, 0o000)
        let contacts = checkAsOwner(data)
        #expect(contacts.status == 1, "\(contacts.output)")
        #expect(contacts.output.contains("\(maria): folder cannot be read (Permission denied)"), "\(contacts.output)")
        #expect(!contacts.output.contains(": OK ("), "\(contacts.output)")

        let other = try DataCopy()
        chmod(other.folder.appendingPathComponent("clients").path, 0o000)
        let clients = checkAsOwner(other)
        #expect(clients.status == 1, "\(clients.output)")
        #expect(clients.output.contains("clients: folder cannot be read (Permission denied)"), "\(clients.output)")
        #expect(!clients.output.contains("is not a known client"), "\(clients.output)")
    }

    @Test func anUnreadableFileIsReported() throws {
        let data = try DataCopy()
        let file = try data.clientFile(named: "Zoë Fernández")
        chmod(file.path, 0o000)
        let result = checkAsOwner(data)
        #expect(result.status == 1, "\(result.output)")
        // Once, by the store that reads it.
        #expect(result.output.components(separatedBy: "clients/\(file.lastPathComponent): ").count == 2, "\(result.output)")
        #expect(result.output.contains("clients/\(file.lastPathComponent): cannot be read"), "\(result.output)")
        // Any other file: by the folder walk.
        let other = try DataCopy()
        let log = other.folder.appendingPathComponent("notes.txt")
        try Data("x".utf8).write(to: log)
        chmod(log.path, 0o000)
        let walked = checkAsOwner(other)
        #expect(walked.status == 1, "\(walked.output)")
        #expect(walked.output.contains("notes.txt: file cannot be read (Permission denied)"), "\(walked.output)")
    }
}

extension CommandLineTests {
    /// A sync tool's copy of a client is a record to merge, not a file that could not be read.
    @Test func aSyncToolCopyIsCalledARecordToMergeNotAnUnreadableFile() throws {
        let data = try DataCopy()
        let file = try data.clientFile(named: "Zoë Fernández")
        let copy = file.deletingPathExtension().path + ".sync-conflict-20261125-101010-ABCDEFG.json"
        try FileManager.default.copyItem(atPath: file.path, toPath: copy)
        for command in [["due", "--as-of", "2026-11-21"], ["export", "clients", "--csv"], ["report", "caseload"]] {
            let result = spawn([binary] + command + ["--data", data.folder.path])
            #expect(result.status == 0, "\(command): \(result.output.suffix(500))")
            #expect(!result.output.contains("could not be read"), "\(command): \(result.output.suffix(500))")
            #expect(result.output.contains("1 record has a second version to merge (a sync tool's copy or a kept conflict)"),
                    "\(command): \(result.output.suffix(500))")
        }
    }
}

extension CommandLineTests {
    @Test func anUnreadableFormatFileIsNamedOnce() throws {
        let data = try DataCopy()
        chmod(data.folder.appendingPathComponent("fieldbook.json").path, 0o000)
        let result = checkAsOwner(data)
        #expect(result.status != 0, "\(result.output)")
        let line = try #require(result.output.split(separator: "\n").first { $0.contains("fieldbook.json:") }, "\(result.output)")
        #expect(line.components(separatedBy: "fieldbook.json").count == 2, "named more than once: \(line)")
        #expect(line.hasSuffix("fieldbook.json: cannot be read"), "\(line)")
    }
}

extension CommandLineTests {
    /// The attack on the trail as a whole: the last entry edited (update made create), then the
    /// log cut to 0 bytes, then the whole audit/ folder deleted. `audit --verify` once passed
    /// each with "Audit trail intact"; each now fails, named.
    @Test func auditVerifyFindsAnEditedLastEntryAnEmptyLogAndAMissingFolder() throws {
        let data = try DataCopy()
        let start = Date().timeIntervalSince1970.rounded(.down)
        let saves = Counter()
        let store = try Store(folder: data.folder, now: { Date(timeIntervalSince1970: start + Double(saves.next())) })
        store.auditLog = AuditLog(dataFolder: data.folder, installID: "test-copy")
        var client = try #require(store.load().clients.first)
        for n in 1...2 {
            client.notes = "note \(n)"
            client = try store.save(client).record
        }
        // What this machine saw is kept in its own state folder, never in the data folder.
        func verify() -> (status: Int32, output: String) {
            spawn(["env", "XDG_STATE_HOME=\(data.root.path)/state", binary, "audit", "--verify", "--data", data.folder.path])
        }
        #expect(verify().status == 0)
        #expect(FileManager.default.fileExists(atPath: data.root.path + "/state/fieldbook/audit-seen.json"))

        let log = data.folder.appendingPathComponent("audit/test-copy.jsonl")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        try (lines[0] + "\n" + lines[1].replacingOccurrences(of: "\"update\"", with: "\"create\"") + "\n").write(to: log, atomically: false, encoding: .utf8)
        let edited = verify()
        #expect(edited.status == 1, "\(edited.output)")
        #expect(edited.output.contains("test-copy.jsonl:2: changed"), "\(edited.output)")

        try Data().write(to: log)
        let empty = verify()
        #expect(empty.status == 1, "\(empty.output)")
        #expect(empty.output.contains("test-copy.jsonl:0: empty"), "\(empty.output)")

        try FileManager.default.removeItem(at: data.folder.appendingPathComponent("audit"))
        let gone = verify()
        #expect(gone.status == 1, "\(gone.output)")
        #expect(gone.output.contains("test-copy.jsonl:0: missing"), "\(gone.output)")
        #expect(!gone.output.contains("Audit trail intact"), "\(gone.output)")
    }
}

extension CommandLineTests {
    /// The attack: `employer-contacts/` a link to a folder elsewhere. The backup leaves it out and
    /// says so; the archive holds no link to restore as nothing.
    @Test func backupSaysWhatLinkItLeftOut() throws {
        let data = try DataCopy()
        let contacts = data.folder.appendingPathComponent("employer-contacts")
        let elsewhere = data.root.appendingPathComponent("contacts-elsewhere")
        try FileManager.default.moveItem(at: contacts, to: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: contacts.path, withDestinationPath: elsewhere.path)
        let out = data.root.appendingPathComponent("backup.tar.gz")
        let result = spawn([binary, "backup", "--data", data.folder.path, "--out", out.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Left out employer-contacts: a symbolic link to \(elsewhere.path), which leads out of the data folder"),
                "\(result.output)")
        let listing = spawn(["tar", "tzf", out.path])
        #expect(!listing.output.contains("employer-contacts"), "\(listing.output)")
        let check = spawn([binary, "check", "--data", data.folder.path])
        #expect(check.output.contains("employer-contacts: symbolic link to \(elsewhere.path), out of the data folder"), "\(check.output)")
    }
}
