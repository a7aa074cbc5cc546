import CSV
import Foundation

/// A spreadsheet saved as CSV: a header row and rows of cells, each row with the line of the
/// file it starts on. Read and written by CSV.swift (RFC 4180: commas, quotes and newlines
/// inside quoted cells, CRLF or LF line ends); the file must be UTF-8, a leading BOM is skipped.
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
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(line: firstInvalidLine(bytes))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw .noHeader
        }
        guard let header = reader.headerRow, header.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw .noHeader
        }
        var rows: [Row] = []
        var line = 1 + newlines(in: header)
        while let cells = reader.next() {
            let start = line + 1
            line = start + newlines(in: cells)
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            rows.append(Row(line: start, cells: cells))
        }
        if reader.error != nil { throw .malformed(line: line + 1) }
        return CSVTable(header: header, rows: rows)
    }

    /// The CSV text of `rows` (the first is the header), LF line ends, quoted where needed.
    public static func text(_ rows: [[String]]) -> String {
        let stream = OutputStream.toMemory()
        stream.open()
        defer { stream.close() }
        do {
            let writer = try CSVWriter(stream: stream)
            for row in rows { try writer.write(row: row) }
        } catch {
            // Writing to memory does not fail; an empty result would show it.
            return ""
        }
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + (rows.isEmpty ? "" : "\n")
    }

    private static func newlines(in cells: [String]) -> Int {
        cells.reduce(0) { count, cell in
            count + cell.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        }
    }

    /// The line holding the first byte that is not UTF-8.
    private static func firstInvalidLine(_ bytes: Data) -> Int {
        for (number, part) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(validating: part, as: UTF8.self) == nil {
            return number + 1
        }
        return 1
    }
}

/// Why a CSV file could not be read at all.
public enum CSVFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case notUTF8(line: Int)
    case noHeader
    case malformed(line: Int)

    public var description: String {
        switch self {
        case .notUTF8(let line):
            "line \(line) is not UTF-8 text; in the spreadsheet, save as \"CSV UTF-8\" and import that file"
        case .noHeader:
            "the file has no header row; the first line must name the columns (e.g. id,name,program_entry)"
        case .malformed(let line):
            "the file is not valid CSV near line \(line) (a quote left open?)"
        }
    }
}
