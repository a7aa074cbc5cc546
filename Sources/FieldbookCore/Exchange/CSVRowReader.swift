import Foundation

/// Reads a CSV file row by row, a chunk of bytes at a time, so memory holds one row whatever
/// the number of rows (RFC 4180: commas, quotes and line breaks inside quoted cells, CRLF, LF
/// or CR line ends; a leading UTF-8 byte-order mark is skipped). A quote inside an unquoted
/// cell, or after a closing quote, is kept as a character, as spreadsheets write it.
///
/// A quoted cell still open at the end of the file is an error naming the line where its quote
/// opened (`CSVFileError.unclosedQuote`): the rows after it would otherwise vanish into it.
///
/// Cells are separated by commas, or by semicolons or tabs when the header row has more of
/// those than of commas (the CSV of a spreadsheet where the decimal mark is a comma).
public struct CSVRowReader {
    private let source: () -> Data?
    /// The byte between cells: `,`, `;` or a tab.
    public let separator: UInt8
    private var chunk: [UInt8] = []
    private var position = 0
    private var atStart = true
    private var finished = false
    /// The line the next byte is on.
    private var line = 1

    /// Bytes read from a file so far, for a progress line.
    public final class ByteCount {
        public internal(set) var value = 0
        public init() {}
    }

    /// Reads `url` in chunks of `chunkSize` bytes; the separator is the one its header row uses.
    /// `count` hears the bytes read.
    public init(file url: URL, chunkSize: Int = 1 << 16, counting count: ByteCount? = nil) throws(CSVFileError) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw .unreadable }
        let start = (try? handle.read(upToCount: Self.detectionLength)) ?? Data()
        separator = Self.separator(detectedIn: start)
        try? handle.seek(toOffset: 0)
        self.source = {
            guard let data = try? handle.read(upToCount: chunkSize), !data.isEmpty else { return nil }
            count?.value += data.count
            return data
        }
    }

    /// Reads bytes already in memory.
    public init(data: Data) {
        separator = Self.separator(detectedIn: data.prefix(Self.detectionLength))
        var given: Data? = data
        self.source = {
            defer { given = nil }
            return given
        }
    }

    /// The bytes the separator is told from: the header row, when it is shorter.
    static let detectionLength = 1 << 16

    /// The separator of a sheet starting with `start`: of comma, semicolon and tab, the one its
    /// first row (outside quoted cells) has most of; a comma when none or when tied with one.
    public static func separator(detectedIn start: Data) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in start.starts(with: [0xEF, 0xBB, 0xBF]) ? start.dropFirst(3) : start[...] {
            if byte == 0x22 { quoted.toggle(); continue }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            counts[byte]? += 1
        }
        let best = [UInt8(0x2C), 0x3B, 0x09].max { counts[$0]! < counts[$1]! } ?? 0x2C
        return counts[best]! > counts[0x2C]! ? best : 0x2C
    }

    private mutating func nextByte() -> UInt8? {
        while position >= chunk.count {
            guard !finished, let data = source() else {
                finished = true
                return nil
            }
            chunk = [UInt8](data)
            position = 0
            if atStart {
                // The byte-order mark may come in more than one chunk.
                atStart = false
                while chunk.count < 3, let more = source() { chunk += [UInt8](more) }
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            }
        }
        defer { position += 1 }
        return chunk[position]
    }

    private mutating func peekByte() -> UInt8? {
        guard let byte = nextByte() else { return nil }
        position -= 1
        return byte
    }

    /// The next row: the line it starts on and its cells; nil at the end of the file. Rows with
    /// no text at all (blank lines) are given too; the caller leaves them out.
    public mutating func next() throws(CSVFileError) -> CSVTable.Row? {
        let start = line
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var quoteLine = 0
        var sawAnything = false
        func finishCell() throws(CSVFileError) {
            guard let text = String(validating: cell, as: UTF8.self) else { throw .notUTF8(line: line) }
            cells.append(text)
            cell.removeAll(keepingCapacity: true)
        }
        while let byte = nextByte() {
            sawAnything = true
            if quoted {
                switch byte {
                case 0x22:
                    if peekByte() == 0x22 {
                        _ = nextByte()
                        cell.append(0x22)
                    } else {
                        quoted = false
                    }
                case 0x0A:
                    line += 1
                    cell.append(byte)
                default:
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where cell.isEmpty:
                quoted = true
                quoteLine = line
            case separator:
                try finishCell()
            case 0x0D, 0x0A:
                if byte == 0x0D, peekByte() == 0x0A { _ = nextByte() }
                try finishCell()
                line += 1
                return CSVTable.Row(line: start, cells: cells)
            default:
                cell.append(byte)
            }
        }
        if quoted { throw .unclosedQuote(line: quoteLine) }
        guard sawAnything else { return nil }
        try finishCell()
        return CSVTable.Row(line: start, cells: cells)
    }
}
