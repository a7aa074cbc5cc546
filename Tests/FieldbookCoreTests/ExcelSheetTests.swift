import FieldbookCore
import Foundation
import Testing

/// Sheets as Excel makes them: semicolon or tab separated, dates day or month first, and CSV
/// written with a byte-order mark and CRLF.
@Suite struct ExcelSheetTests {
    @Test func theSeparatorIsTheOneTheHeaderRowUses() {
        func separator(_ text: String) -> UInt8 { CSVRowReader.separator(detectedIn: Data(text.utf8)) }
        #expect(separator("id,name,program_entry\nC-1;x;y\n") == UInt8(ascii: ","))
        #expect(separator("id;name;program_entry\nC-1,x,y\n") == UInt8(ascii: ";"))
        #expect(separator("\u{FEFF}id\tname\tprogram_entry\r\n") == UInt8(ascii: "\t"))
        // Separators inside a quoted header cell do not count; a tie keeps the comma.
        #expect(separator("\"a;b;c\",name\n") == UInt8(ascii: ","))
        #expect(separator("id;name,notes\n") == UInt8(ascii: ","))
        #expect(separator("id\n") == UInt8(ascii: ","))
        #expect(separator("") == UInt8(ascii: ","))
    }

    /// The sheet: semicolons, day-first dates, a list cell quoted because it holds the
    /// separator. With `--dates dmy` it imports as written.
    @Test func aSemicolonDayFirstSheetImportsWithDatesDMY() throws {
        let text = "id;name;program_entry;benefits;referral_date\r\n"
            + "C-1;José Álvarez;11/03/2026;\"SSI; Medicaid\";28.02.2026\r\n"
            + "C-2;Ana;31/12/2025;;\r\n"
        let table = try CSVTable.read(Data(text.utf8))
        #expect(table.header == ["id", "name", "program_entry", "benefits", "referral_date"])
        let sheet = SheetImporter()
        let store = try Store(folder: sheet.folder)
        let plan = CSVImport.plan(.clients, table: table, snapshot: store.load(), today: sheet.today, now: sheet.now, dates: .dmy)
        #expect(plan.badRows == [])
        try CSVImport.write(.clients, table: table, snapshot: store.load(), to: store, today: sheet.today, now: sheet.now, dates: .dmy)
        let clients = try sheet.snapshot().clients
        let jose = try #require(clients.first { $0.externalID == "C-1" })
        #expect(jose.programEntryDate == date("2026-03-11"))
        #expect(jose.referralDate == date("2026-02-28"))
        #expect(jose.benefits == [.ssi, .medicaid])
        #expect(clients.first { $0.externalID == "C-2" }?.programEntryDate == date("2025-12-31"))
    }

    @Test func aDateThatReadsBothWaysIsRefusedWithBothReadings() throws {
        let text = "id;name;program_entry\nC-1;Ana;11/03/2026\nC-2;Ben;31/03/2026\nC-3;Cy;2026-03-11\nC-4;Dee;11/03/26\n"
        let table = try CSVTable.read(Data(text.utf8))
        let unsaid = CSVImport.plan(.clients, table: table, snapshot: DataSnapshot(), today: date("2026-11-25"), now: Date())
        #expect(unsaid.badRows.map(\.reason) == [
            "program_entry \"11/03/2026\" reads two ways: 2026-03-11 (day first, --dates dmy) or 2026-11-03 (month first, --dates mdy)",
            "program_entry \"31/03/2026\" is not a date: write it 2026-03-31 (or import with --dates dmy)",
            "program_entry \"11/03/26\" is not a date",
        ])
        #expect(unsaid.unreadDates)
        #expect(ImportPlan.dateHint.contains("--dates dmy"))
        let monthFirst = CSVImport.plan(.clients, table: table, snapshot: DataSnapshot(), today: date("2026-11-25"), now: Date(), dates: .mdy)
        #expect(monthFirst.badRows.map(\.reason) == [
            "program_entry \"31/03/2026\" is not a date written month first (--dates mdy)",
            "program_entry \"11/03/26\" is not a date written month first (--dates mdy)",
        ])
        #expect(monthFirst.added == 2)
        let yearFirst = try CSVTable.read(Data("id,name,program_entry\nC-1,Ana,2026/3/1\nC-2,Ben,2026.02.29\n".utf8))
        let ymd = CSVImport.plan(.clients, table: yearFirst, snapshot: DataSnapshot(), today: date("2026-11-25"), now: Date(), dates: .ymd)
        #expect(ymd.badRows.map(\.reason) == ["program_entry \"2026.02.29\" is not a date written year first (--dates ymd)"])
        let clean = CSVImport.plan(.clients, table: try CSVTable.read(Data("id,name,program_entry\nC-1,Ana,2026-03-01\n".utf8)),
                                   snapshot: DataSnapshot(), today: date("2026-11-25"), now: Date())
        #expect(!clean.unreadDates)
    }

    @Test func excelCSVHasAByteOrderMarkAndCRLFBetweenRowsOnly() throws {
        let text = CSVTable.text([["name", "notes"], ["José", "two\nlines"], ["Ana", "say \"hi\""]])
        let data = ExcelCSV.data(text)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "name,notes\r\nJosé,\"two\nlines\"\r\nAna,\"say \"\"hi\"\"\"\r\n")
        // Read back, the cells are as they were.
        #expect(try CSVTable.read(data).rows.map(\.cells) == [["José", "two\nlines"], ["Ana", "say \"hi\""]])
        #expect(ExcelCSV.data("a\r\nb\n") == Data([0xEF, 0xBB, 0xBF]) + Data("a\r\nb\r\n".utf8))
    }
}
