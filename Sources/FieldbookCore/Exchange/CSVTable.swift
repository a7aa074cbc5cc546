import CSV
import Foundation

/// A spreadsheet saved as CSV: a header row and rows of cells, each row with the line of the
/// file it starts on. Read by `CSVRowReader`, written by CSV.swift (RFC 4180: commas, quotes
/// and newlines inside quoted cells, CRLF or LF line ends); the file must be UTF-8, a leading
/// BOM is skipped.
public struct CSVTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The line of the file the row starts on (the header is line 1).
        public var line: Int
        public var cells: [String]
    }

    /// Column names as written in the header.
    public var header: [String]
    public var rows: [Row]

    public init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    /// Reads a CSV file's bytes. Rows with no text at all (blank lines) are left out.
    public static func read(_ data: Data) throws(CSVFileError) -> CSVTable {
        var reader = CSVRowReader(data: data)
        let header = try readHeader(&reader)
        var rows: [Row] = []
        while let row = try reader.next() {
            if row.cells.allSatisfy({ $0.isEmpty }) { continue }
            rows.append(row)
        }
        return CSVTable(header: header, rows: rows)
    }

    /// The header row: the first row, which must name at least one column.
    public static func readHeader(_ reader: inout CSVRowReader) throws(CSVFileError) -> [String] {
        guard let header = try reader.next(), header.cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw .noHeader
        }
        return header.cells
    }

    /// The CSV text of `rows` (the first is the header), each line ended by `newline` (LF unless
    /// told), quoted as RFC 4180 says: a cell holding a quote, a comma or a line break is put in
    /// quotes and its quotes doubled; every other cell is written as it is. Written byte by
    /// byte: a general stream writer searched each cell four times through Foundation, and was
    /// four fifths of an agency's employer contact export.
    public static func text(_ rows: [[String]], newline: String = "\n") -> String {
        var out: [UInt8] = []
        out.reserveCapacity(rows.reduce(0) { $0 + $1.reduce(1) { $0 + $1.utf8.count + 1 } })
        var first = true
        for row in rows where !row.isEmpty {
            if !first { out.append(contentsOf: newline.utf8) }
            first = false
            for (index, cell) in row.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                let quoted = cell.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }
                guard quoted else {
                    out.append(contentsOf: cell.utf8)
                    continue
                }
                out.append(UInt8(ascii: "\""))
                for byte in cell.utf8 {
                    out.append(byte)
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                }
                out.append(UInt8(ascii: "\""))
            }
        }
        if !rows.isEmpty { out.append(contentsOf: newline.utf8) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Why a CSV file could not be read at all.
public enum CSVFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case notUTF8(line: Int)
    case noHeader
    case malformed(line: Int)
    /// A quoted cell opened on this line is never closed.
    case unclosedQuote(line: Int)
    case unreadable

    public var description: String {
        switch self {
        case .notUTF8(let line):
            "line \(line) is not UTF-8 text; in the spreadsheet, save as \"CSV UTF-8\" and import that file"
        case .noHeader:
            "the file has no header row; the first line must name the columns (e.g. id,name,program_entry)"
        case .malformed(let line):
            "the file is not valid CSV near line \(line) (a quote left open?)"
        case .unclosedQuote(let line):
            "line \(line) opens a quoted cell (\") that is never closed, so every later row would be inside it; "
                + "close the quote or remove it"
        case .unreadable:
            "the file cannot be read"
        }
    }
}
