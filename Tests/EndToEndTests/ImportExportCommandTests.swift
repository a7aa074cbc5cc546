import FieldbookCore
import Foundation
import Testing

/// `fieldbook import` and `fieldbook export` on real files.
@Suite struct ImportExportCommandTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-exchange-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("new/data") }

    func file(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func fieldbook(_ arguments: String...) -> (status: Int32, output: String) {
        spawn([binary] + arguments)
    }

    func clients() throws -> [Client] { try Store(folder: folder, mode: .readOnly).load().clients }

    let good = "id,name,program_entry,specialist\nC-1,José Álvarez-Ruiz,2026-01-02,Bad\u{1B}[31mName\nC-2,陈小明,2026-02-03,Maria\n"

    @Test func importCreatesTheFolderAndASecondImportAddsNothing() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try file("clients.csv", good)
        // A dry run says what would be created, never that it was.
        let dry = fieldbook("import", "clients", sheet, "--data", folder.path, "--dry-run")
        #expect(dry.status == 0, "\(dry.output)")
        #expect(dry.output == ("Dry run, nothing written. 2 rows would be imported: 2 to add, 0 to update, 0 already there.\n"
            + "If imported:\n  specialist created: Bad^[[31mName\n  specialist created: Maria\n"), "\(dry.output)")
        let first = fieldbook("import", "clients", sheet, "--data", folder.path)
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("specialist created: Bad^[[31mName\n"), "names are escaped: \(first.output)")
        #expect(!first.output.utf8.contains { $0 < 0x20 && $0 != 0x0A }, "a control character reached the terminal")
        #expect(first.output.hasSuffix("Imported 2 rows: 2 added, 0 updated, 0 already there.\n"))
        #expect(try clients().count == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let again = fieldbook("import", "clients", sheet, "--data", folder.path)
        #expect(again.status == 0)
        #expect(again.output == "Nothing new: all 2 rows are already in Fieldbook.\n")
    }

    @Test func aBadRowStopsTheImportUnlessSkipBad() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try file("clients.csv", "id,name,program_entry,colour\nC-1,Ana,2026-01-02,red\nC-2,Ben,3/14/2026,\n")
        let refused = fieldbook("import", "clients", sheet, "--data", folder.path)
        #expect(refused.status == 1)
        #expect(refused.output.contains("Unknown column \"colour\": ignored."))
        #expect(refused.output.contains("Line 3: program_entry \"3/14/2026\" is not a date: write it 2026-03-14 (or import with --dates mdy)\n"))
        #expect(refused.output.contains("\nDates are read as YYYY-MM-DD"), "the hint, once after the rows")
        #expect(refused.output.contains("Nothing imported: 1 of 2 rows are bad."))
        #expect(try !FileManager.default.fileExists(atPath: folder.path) || clients().isEmpty)
        let dry = fieldbook("import", "clients", sheet, "--data", folder.path, "--dry-run", "--skip-bad")
        #expect(dry.status == 0, "\(dry.output)")
        #expect(dry.output.contains("Dry run, nothing written. 1 of 2 rows would be imported: 1 to add, 0 to update, 0 already there; 1 bad row would be left out."), "\(dry.output)")
        #expect(try !FileManager.default.fileExists(atPath: folder.path) || clients().isEmpty)
        let skipped = fieldbook("import", "clients", sheet, "--data", folder.path, "--skip-bad")
        #expect(skipped.status == 0, "\(skipped.output)")
        #expect(try clients().map(\.externalID) == ["C-1"])
    }

    /// A sheet of many bad rows lists the first ones and counts the rest; with --skip-bad the
    /// good rows are written in batches (more rows than one batch) and the notes are capped too.
    @Test func manyBadRowsAreListedUpToACapAndTheRestCounted() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        var text = "id,name,program_entry,specialist\n"
        for n in 1...150 { text += "C-\(n),Person \(n),2026-02-30,\n" }
        for n in 151...1_400 { text += "C-\(n),Person \(n),2026-01-02,Specialist \(n % 130)\n" }
        let sheet = try file("many.csv", text)
        let refused = fieldbook("import", "clients", sheet, "--data", folder.path)
        #expect(refused.status == 1)
        let listed = refused.output.split(separator: "\n").filter { $0.hasPrefix("Line ") }
        #expect(listed.count == ImportPlan.listedAtMost)
        #expect(listed.last?.hasPrefix("Line 101: ") == true)
        #expect(refused.output.contains("… and 50 more bad rows (only the first 100 are listed)."), "\(refused.output)")
        #expect(refused.output.contains("Nothing imported: 150 of 1400 rows are bad."))
        let imported = fieldbook("import", "clients", sheet, "--data", folder.path, "--skip-bad")
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("… and 30 more\n"), "130 specialists created, 100 listed")
        #expect(imported.output.hasSuffix("Imported 1250 of 1400 rows: 1250 added, 0 updated, 0 already there; 150 bad rows left out.\n"))
        let snapshot = try Store(folder: folder, mode: .readOnly).load()
        #expect(snapshot.clients.count == 1_250)
        #expect(snapshot.specialists.count == 130)
    }

    @Test func aLatin1FileIsRefusedWithAHint() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let url = root.appendingPathComponent("latin1.csv")
        try (Data("id,name,program_entry\nC-1,Ren".utf8) + Data([0xE9]) + Data(",2026-01-02\n".utf8)).write(to: url)
        let result = fieldbook("import", "clients", url.path, "--data", folder.path)
        #expect(result.status == 1)
        #expect(result.output.contains("line 2 is not UTF-8 text; in the spreadsheet, save as \"CSV UTF-8\""))
    }

    @Test func exportWritesAnOwnerOnlyCSVAndAFullJSONCopy() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try file("clients.csv", good)
        #expect(fieldbook("import", "clients", sheet, "--data", folder.path).status == 0)
        let out = root.appendingPathComponent("out.csv")
        let csv = fieldbook("export", "clients", "--csv", "--data", folder.path, "--out", out.path)
        #expect(csv.status == 0, "\(csv.output)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix(ExchangeKind.clients.columns.joined(separator: ",") + "\n"))
        #expect(text.contains("C-2,陈小明,,2026-02-03,Maria,engaging,"))
        #expect(try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int == 0o600)
        let json = fieldbook("export", "all", "--json", "--data", folder.path)
        #expect(json.status == 0)
        let copy = try FullCopy.read(Data(json.output.utf8))
        #expect(copy.clients.count == 2 && copy.specialists.count == 2)
        #expect(fieldbook("export", "clients", "--json", "--data", folder.path).status == 2)
    }
}

extension ImportExportCommandTests {
    /// The attack's file: the last cell of row 2 opens a quote never closed, then 500 good rows.
    @Test func anUnclosedQuoteIsRefusedAtItsLineAndNothingIsImported() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        var text = "id,name,program_entry,notes\nC-0,Ana,2026-01-02,\"unclosed…\n"
        for n in 1...500 { text += "C-\(n),Person \(n),2026-01-02,fine\n" }
        let sheet = try file("unclosed.csv", text)
        for dryRun in [true, false] {
            let result = dryRun ? fieldbook("import", "clients", sheet, "--data", folder.path, "--dry-run")
                : fieldbook("import", "clients", sheet, "--data", folder.path)
            #expect(result.status == 1, "\(result.output)")
            #expect(result.output.contains("unclosed.csv: line 2 opens a quoted cell (\") that is never closed"), "\(result.output)")
            #expect(result.output.contains("Nothing imported."), "\(result.output)")
            #expect(!result.output.contains("Imported") && !result.output.contains("Would import"), "\(result.output)")
        }
        #expect(try !FileManager.default.fileExists(atPath: folder.path) || clients().isEmpty)
    }
}

extension ImportExportCommandTests {
    /// `export --out` makes a new file: an existing one (or a link where the file would go) is
    /// left as it was, with a message and a failing exit.
    @Test func exportNeverOverwritesAnExistingFile() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try file("clients.csv", good)
        #expect(fieldbook("import", "clients", sheet, "--data", folder.path).status == 0)
        let existing = try file("kept.csv", "someone's own sheet\n")
        let refused = fieldbook("export", "clients", "--csv", "--data", folder.path, "--out", existing)
        #expect(refused.status == 1, "\(refused.output)")
        #expect(refused.output.contains("already exists; choose another name (nothing was overwritten)"), "\(refused.output)")
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "someone's own sheet\n")
        let link = root.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: existing)
        #expect(fieldbook("export", "all", "--json", "--data", folder.path, "--out", link.path).status == 1)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "someone's own sheet\n")
        // A new name is written, and nothing is left beside it.
        let fresh = root.appendingPathComponent("fresh.csv")
        #expect(fieldbook("export", "clients", "--csv", "--data", folder.path, "--out", fresh.path).status == 0)
        #expect(try String(contentsOf: fresh, encoding: .utf8).contains("陈小明"))
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }
}

extension ImportExportCommandTests {
    /// The records of an import are saved but their audit entries cannot be written (the log
    /// cannot be opened, as on a full disk): the import says so and exits non-zero.
    @Test func anImportWhoseAuditEntriesCannotBeWrittenSaysSoAndFails() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state.appendingPathComponent("fieldbook"), withIntermediateDirectories: true)
        try Data("test-copy\n".utf8).write(to: state.appendingPathComponent("fieldbook/install-id"))
        func importing(_ sheet: String) -> (status: Int32, output: String) {
            spawn(["env", "XDG_STATE_HOME=\(state.path)", binary, "import", "clients", sheet, "--data", folder.path])
        }
        #expect(importing(try file("first.csv", "id,name,program_entry\nC-1,Ana,2026-01-02\n")).status == 0)
        let log = folder.appendingPathComponent("audit/test-copy.jsonl")
        try FileManager.default.removeItem(at: log)
        try FileManager.default.createDirectory(at: log, withIntermediateDirectories: false)

        let result = importing(try file("second.csv", "id,name,program_entry\nC-2,Ben,2026-01-03\nC-3,Cy,2026-01-04\n"))
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("Imported 2 rows: 2 added"), "\(result.output)")
        #expect(result.output.contains("2 saved changes have no audit entry: "), "\(result.output)")
        #expect(try clients().count == 3)
    }
}

/// Sheets for Excel and from it, through the real binary.
@Suite struct ExcelCommandTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-excel-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("data") }

    func file(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A semicolon, day-first sheet: refused without --dates (the hint said once, not per
    /// row), imported with --dates dmy; its export for Excel has a BOM and CRLF.
    @Test func aSemicolonDayFirstSheetImportsWithDatesDMYAndExportsForExcel() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try file("caseload.csv", "id;name;program_entry\nC-1;José;11/03/2026\nC-2;Ana;05/04/2026\nC-3;Ben;28/02/2026\n")
        let refused = spawn([binary, "import", "clients", sheet, "--data", folder.path])
        #expect(refused.status == 1)
        #expect(refused.output.contains(
            "Line 2: program_entry \"11/03/2026\" reads two ways: 2026-03-11 (day first, --dates dmy) or 2026-11-03 (month first, --dates mdy)\n"),
            "\(refused.output)")
        #expect(refused.output.components(separatedBy: "Dates are read as YYYY-MM-DD").count == 2, "the hint once: \(refused.output)")
        let imported = spawn([binary, "import", "clients", sheet, "--data", folder.path, "--dates", "dmy"])
        #expect(imported.status == 0, "\(imported.output)")
        let clients = try Store(folder: folder, mode: .readOnly).load().clients
        #expect(clients.first { $0.externalID == "C-1" }?.programEntryDate.description == "2026-03-11")
        #expect(clients.first { $0.externalID == "C-2" }?.programEntryDate.description == "2026-04-05")
        let bad = spawn([binary, "import", "clients", sheet, "--data", folder.path, "--dates", "dym"])
        #expect(bad.status == 2)
        #expect(bad.output.contains("--dates \"dym\": use dmy, mdy or ymd"))

        let out = root.appendingPathComponent("excel.csv")
        let export = spawn([binary, "export", "clients", "--excel", "--data", folder.path, "--out", out.path])
        #expect(export.status == 0, "\(export.output)")
        let bytes = try Data(contentsOf: out)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.contains("José"))
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every row ends in CRLF")
        let report = spawn([binary, "report", "caseload", "--excel", "--data", folder.path, "--today", "2026-11-25"])
        #expect(report.status == 0, "\(report.output)")
    }
}

/// Long imports: a progress line on a terminal and none in a pipe; Ctrl-C stops between rows.
@Suite struct ImportProgressTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-progress-\(UUID().uuidString)")

    func sheet(rows: Int) throws -> String {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var text = "id,name,program_entry\n"
        for n in 1...rows { text += "C-\(n),Person \(n),2026-01-02\n" }
        let url = root.appendingPathComponent("sheet.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func controlCStopsAnImportBetweenRowsAfterShowingProgress() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try sheet(rows: 1_000)
        let data = root.appendingPathComponent("data").path
        let hold = root.appendingPathComponent("hold").path
        #expect(FileManager.default.createFile(atPath: hold, contents: Data()))
        let command = "FIELDBOOK_TEST_HOLD_IMPORT=600:'\(hold)' \(binary) import clients '\(file)' --data '\(data)'; "
            + "echo FIELDBOOK-EXIT=$?; sleep 60"
        let session = Tmux(command: command, columns: 120, rows: 30)
        #expect(session.waitUntil { _ in FileManager.default.fileExists(atPath: hold + ".held") }, "\(session.screen)")
        #expect(session.screen.contains("importing: ") && session.screen.contains("/1,000 rows"), "\(session.screen)")
        session.send("C-c")
        usleep(200_000)
        try FileManager.default.removeItem(atPath: hold)
        #expect(session.waitFor("FIELDBOOK-EXIT=130"), "\(session.screen)")
        #expect(session.screen.contains("Stopped (Ctrl-C) after 600 of 1000 rows"), "\(session.screen)")
        let clients = try Store(folder: URL(fileURLWithPath: data), mode: .readOnly).load().clients
        #expect(clients.count == 600)
        // Again, in a pipe: the rest comes in, and no progress line is drawn.
        let again = spawn([binary, "import", "clients", file, "--data", data])
        #expect(again.status == 0, "\(again.output)")
        #expect(again.output == "Imported 1000 rows: 400 added, 0 updated, 600 already there.\n", "\(again.output)")
    }
}
