import FieldbookCore
import Foundation
import Testing

/// `fieldbook sync` with the real binary: the issue's reproduction, done with sync.
@Suite struct SyncEndToEndTests {
    /// The binary with its own machine state (install id, who you are) per copy.
    func fieldbook(_ copy: String, in root: URL, _ arguments: String...) -> (status: Int32, output: String) {
        spawn(["/usr/bin/env", "XDG_STATE_HOME=\(root.appendingPathComponent("state-\(copy)").path)",
               "XDG_CONFIG_HOME=\(root.appendingPathComponent("config-\(copy)").path)", binary] + arguments)
    }

    /// In the app, F5 syncs: a phone changed in the other copy arrives on screen, the header
    /// says "synced", and a folder with no hub says how to start.
    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func f5InTheAppSyncsAndShowsWhatArrived() throws {
        let data = try DataCopy(ownerOnly: false)
        let root = data.root
        let hub = root.appendingPathComponent("hub.git").path
        let a = data.folder
        let b = root.appendingPathComponent("b")
        #expect(fieldbook("a", in: root, "sync", "init", hub, "--data", a.path).status == 0)
        #expect(fieldbook("b", in: root, "sync", "join", hub, "--data", b.path).status == 0)
        let storeB = try Store(folder: b)
        var changed = try #require(storeB.load().clients.first { $0.name.hasPrefix("José") })
        changed.phone = "555-0177"
        try storeB.save(changed)
        #expect(fieldbook("b", in: root, "sync", "--data", b.path).status == 0)

        let command = "XDG_STATE_HOME='\(root.path)/state-a' XDG_CONFIG_HOME='\(root.path)/config-a' \(binary) --data '\(a.path)' "
            + "--specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
        let session = Tmux(command: command)
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        session.send("F5")
        #expect(session.waitFor("Synced: 0 files sent, 1 received."), "\(session.screen)")
        #expect(session.screen.contains(" synced "), "\(session.screen)")
        session.send("2")
        session.send("/")
        session.type("jose")
        session.send("Enter", "Enter")
        #expect(session.waitFor("555-0177"), "\(session.screen)")
        session.send("Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")

        // A folder that shares with no hub says how to start.
        let plain = try DataCopy()
        let alone = Tmux(command: plain.command())
        #expect(alone.waitFor("[1 Today]"), "\(alone.screen)")
        alone.send("F5")
        #expect(alone.waitFor("does not sync with a hub yet"), "\(alone.screen)")
        alone.send("q")
    }

    /// Automatic sync set on this machine: the app syncs on start, shows what a `fieldbook
    /// sync` run on the command line meanwhile brought without a restart, and `q` syncs once
    /// more before it quits.
    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func autoSyncOnStartFollowsACommandLineSyncAndSyncsOnQ() throws {
        let data = try DataCopy(ownerOnly: false)
        let root = data.root
        let hub = root.appendingPathComponent("hub.git").path
        let a = data.folder
        let b = root.appendingPathComponent("b")
        #expect(fieldbook("a", in: root, "sync", "init", hub, "--data", a.path).status == 0)
        #expect(fieldbook("b", in: root, "sync", "join", hub, "--data", b.path).status == 0)
        let auto = fieldbook("a", in: root, "sync", "auto", "--on-start", "--on-quit", "--data", a.path)
        #expect(auto.status == 0 && auto.output.contains("on start, on quitting with q"), "\(auto.output)")
        let storeB = try Store(folder: b)
        func phone(_ number: String) throws {
            var changed = try #require(storeB.load().clients.first { $0.name.hasPrefix("José") })
            changed.phone = number
            try storeB.save(changed)
            #expect(fieldbook("b", in: root, "sync", "--data", b.path).status == 0)
        }
        try phone("555-0177")

        let command = "XDG_STATE_HOME='\(root.path)/state-a' XDG_CONFIG_HOME='\(root.path)/config-a' \(binary) --data '\(a.path)' "
            + "--specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
        let session = Tmux(command: command)
        #expect(session.waitFor("Synced: 0 files sent, 1 received."), "\(session.screen)")
        session.send("2")
        session.send("/")
        session.type("jose")
        session.send("Enter", "Enter")
        #expect(session.waitFor("555-0177"), "\(session.screen)")
        // The other copy changes the phone again; a sync on the command line brings it here.
        try phone("555-0188")
        #expect(fieldbook("a", in: root, "sync", "--data", a.path).status == 0)
        #expect(session.waitFor("555-0188"), "\(session.screen)")
        // A save here, then q: the app syncs it to the hub before it quits.
        session.send("Escape", "1")
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        let storeA = try Store(folder: a)
        var mine = try #require(storeA.load().clients.first { $0.name.hasPrefix("José") })
        mine.email = "jose@example.org"
        try storeA.save(mine)
        session.send("q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        #expect(fieldbook("b", in: root, "sync", "--data", b.path).status == 0)
        #expect(try Store(folder: b).load().clients.first { $0.name.hasPrefix("José") }?.email == "jose@example.org")
    }

    @Test func aContactInOneCopyAndAPhoneInTheOtherBothArriveWithNoWordOfAConflict() throws {
        let data = try DataCopy(ownerOnly: false)
        let root = data.root
        let hub = root.appendingPathComponent("hub.git").path
        let a = data.folder
        let b = root.appendingPathComponent("b")
        let shared = fieldbook("a", in: root, "sync", "init", hub, "--data", a.path)
        #expect(shared.status == 0, "\(shared.output)")
        let joined = fieldbook("b", in: root, "sync", "join", hub, "--data", b.path)
        #expect(joined.status == 0, "\(joined.output)")
        #expect(fieldbook("b", in: root, "check", "--data", b.path).status == 0, "owner-only right after join")

        let storeA = try Store(folder: a)
        var logged = try #require(storeA.load().clients.first { $0.name.hasPrefix("José") })
        logged.contacts.append(ClientContact(date: try LocalDate(parsing: "2026-11-27"), kind: .phone, place: "",
                                             note: "Called about weekend shifts", specialistID: logged.specialistID,
                                             createdAt: Date(timeIntervalSince1970: 1_764_200_000)))
        try storeA.save(logged)
        let storeB = try Store(folder: b)
        var corrected = try #require(storeB.load().clients.first { $0.id == logged.id })
        corrected.phone = "555-0199"
        try storeB.save(corrected)

        for (copy, folder) in [("a", a), ("b", b), ("a", a)] {
            let synced = fieldbook(copy, in: root, "sync", "--data", folder.path)
            #expect(synced.status == 0, "\(synced.output)")
            #expect(!synced.output.lowercased().contains("conflict") && !synced.output.contains("to merge:"), "\(synced.output)")
        }
        for folder in [a, b] {
            let client = try #require(try Store(folder: folder, mode: .readOnly).load().clients.first { $0.id == logged.id })
            #expect(client.phone == "555-0199")
            #expect(client.contacts.contains { $0.note == "Called about weekend shifts" })
            let check = fieldbook("a", in: root, "check", "--data", folder.path)
            #expect(check.status == 0, "\(check.output)")
            #expect(!check.output.contains("<<<<<<<"))
        }
        let status = fieldbook("a", in: root, "sync", "status", "--json", "--data", a.path)
        #expect(status.output.contains("\"changes_not_shared\" : 0") && status.output.contains("\"records_to_merge\" : 0"), "\(status.output)")
        // The text form also says when this machine syncs the folder by itself.
        #expect(fieldbook("a", in: root, "sync", "status", "--data", a.path).output.contains("automatic sync on this machine: off (F5 syncs)"))
        #expect(fieldbook("a", in: root, "sync", "auto", "--every", "15", "--data", a.path).status == 0)
        #expect(fieldbook("a", in: root, "sync", "status", "--data", a.path).output.contains("automatic sync on this machine: every 15 minutes"))
        #expect(fieldbook("a", in: root, "sync", "auto", "--off", "--data", a.path).status == 0)
        // Offline: commits locally, says so, exits non-zero, and the next sync sends.
        try FileManager.default.moveItem(atPath: hub, toPath: hub + ".away")
        var again = try #require(storeA.load().clients.first { $0.id == logged.id })
        again.phone = "555-0100"
        try storeA.save(again)
        let offline = fieldbook("a", in: root, "sync", "--data", a.path)
        #expect(offline.status != 0 && offline.output.contains("hub not reachable: 1 change waiting"), "\(offline.output)")
        try FileManager.default.moveItem(atPath: hub + ".away", toPath: hub)
        #expect(fieldbook("a", in: root, "sync", "now", "--data", a.path).status == 0)
        #expect(fieldbook("b", in: root, "sync", "--data", b.path).status == 0)
        #expect(try Store(folder: b, mode: .readOnly).load().clients.first { $0.id == logged.id }?.phone == "555-0100")
        #expect(fieldbook("a", in: root, "sync", "init", "git://example.org/team", "--data", a.path).output
            .contains("refused hub git://example.org/team"))
    }
}
