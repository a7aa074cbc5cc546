import FieldbookCore
import Foundation
import PropertyBased
import SyntheticData
import Testing

/// Random sheets through the CSV reader: no crash, no hang; the same rows (or the same error)
/// whatever the chunks the file is read in; and whatever cells are written as CSV read back as
/// they were.
@Suite struct CSVFuzzProofTests {
    static let cases = Int(ProcessInfo.processInfo.environment["FIELDBOOK_FUZZ_CASES"] ?? "") ?? 2_000

    /// Bytes a sheet is made of: the characters CSV gives a meaning, text, a two-byte
    /// character and a byte-order mark; one sheet in 20 also gets a byte that is not UTF-8.
    static let alphabet: [[UInt8]] = [[0x2C], [0x22], [0x0A], [0x0D], [0x61], [0x20], Array("é".utf8), [0xEF, 0xBB, 0xBF], [0x3D]]

    enum Outcome: Equatable {
        case table(CSVTable)
        case failed(CSVFileError)
    }

    static func read(_ data: Data, chunk: Int?, in folder: TemporaryDirectory) -> Outcome {
        do {
            guard let chunk else { return .table(try CSVTable.read(data)) }
            let url = folder.url.appendingPathComponent("sheet-\(UUID().uuidString).csv")
            try? data.write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            var reader = try CSVRowReader(file: url, chunkSize: chunk)
            let header = try CSVTable.readHeader(&reader)
            var rows: [CSVTable.Row] = []
            while let row = try reader.next() {
                if !row.cells.allSatisfy(\.isEmpty) { rows.append(row) }
            }
            return .table(CSVTable(header: header, rows: rows))
        } catch {
            return .failed(error)
        }
    }

    @Test func randomSheetsReadTheSameInAnyChunksAndNeverCrash() async throws {
        let folder = try TemporaryDirectory()
        let tally = Tally()
        await propertyCheck(count: Self.cases, input: Gen<UInt64>.value(), Gen.int(in: 0...600), Gen.int(in: 1...9)) { seed, length, chunk in
            var rng = SeededRandom(seed: seed)
            var bytes: [UInt8] = Array("id,name,notes\n".utf8)
            for _ in 0..<length { bytes += Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &rng)] }
            if Int.random(in: 0..<20, using: &rng) == 0 { bytes.insert(0xFF, at: Int.random(in: 0...bytes.count, using: &rng)) }
            let data = Data(bytes)
            let whole = Self.read(data, chunk: nil, in: folder)
            #expect(Self.read(data, chunk: chunk, in: folder) == whole, "chunks of \(chunk) bytes differ")
            if case .failed(.unclosedQuote(let line)) = whole {
                // A carriage return alone ends a line too.
                let lines = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
                #expect(line >= 1 && line <= lines)
            }
            tally.add(whole)
        }
        print("CSV fuzz proof: \(tally.total) random sheets read whole and in chunks of 1 to 9 bytes: \(tally.tables) tables, "
              + "\(tally.unclosed) unclosed quotes, \(tally.notUTF8) not UTF-8, \(tally.other) other errors; 0 crashes, 0 hangs")
    }

    @Test func cellsWrittenAsCSVReadBackAsTheyWere() async throws {
        await propertyCheck(count: Self.cases / 2, input: Gen<UInt64>.value(), Gen.int(in: 1...6), Gen.int(in: 1...8)) { seed, columns, rowCount in
            var rng = SeededRandom(seed: seed)
            let pieces = ["a", " ", ",", "\"", "\n", "\r\n", "é", "王", "'", "=", "x y"]
            func cell() -> String { (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
            let header = (0..<columns).map { "c\($0)" }
            let rows = (0..<rowCount).map { _ in (0..<columns).map { _ in cell() } }.filter { !$0.allSatisfy(\.isEmpty) }
            let table = try CSVTable.read(Data(CSVTable.text([header] + rows).utf8))
            #expect(table.header == header)
            #expect(table.rows.map(\.cells) == rows)
        }
    }

    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var total = 0, tables = 0, unclosed = 0, notUTF8 = 0, other = 0
        func add(_ outcome: Outcome) {
            lock.lock()
            defer { lock.unlock() }
            total += 1
            switch outcome {
            case .table: tables += 1
            case .failed(.unclosedQuote): unclosed += 1
            case .failed(.notUTF8): notUTF8 += 1
            case .failed: other += 1
            }
        }
    }

    final class TemporaryDirectory: Sendable {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-csv-fuzz-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }
}
