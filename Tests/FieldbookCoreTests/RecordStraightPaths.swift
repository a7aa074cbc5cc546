@testable import FieldbookCore
import Foundation
import Testing

/// One record type's straight export paths set against the slow paths they stand for, for the
/// suites of each type (`ClientFastPathTests`, `EmployerFastPathTests`): the fast path reads
/// what the record's `Decodable` reads through `TapeDecoder` (the same record, or the same
/// error), and the copy encoder writes what its `Encodable` writes through `TreeEncoding` and
/// `JSONWriter`, which the proof (`CopyProof`) then takes whole.
struct RecordStraightPaths<Record: Codable & Equatable & Sendable>: Sendable {
    typealias Outcome = ContactFastPathTests.Outcome<Record>

    /// The fast path on a whole document (a miss falls back to the `Codable` path).
    let read: @Sendable (JSONTape) throws -> Record
    /// Whether the fast path itself takes the document (no fallback).
    let takes: @Sendable (JSONTape) -> Bool
    /// The copy encoder, into bytes and into the proof.
    let write: @Sendable (Record, Int, inout [UInt8]) throws -> Void
    let prove: @Sendable (Record, Int, inout CopyProof) throws -> Void

    func outcome(_ data: Data, fast: Bool) -> Outcome {
        do {
            let tape = try JSONReader.tape(data)
            return .record(fast ? try read(tape) : try TapeDecoding.decode(Record.self, from: tape, fastPaths: false))
        } catch {
            return .error(JSONCoding.describe(error, in: data), String(describing: error))
        }
    }

    /// Decodes `text` both ways and expects the same; returns the outcome and whether the fast
    /// path itself took it.
    @discardableResult
    func same(_ text: String, _ comment: String) -> (outcome: Outcome, taken: Bool) {
        let data = Data(text.utf8)
        let fast = outcome(data, fast: true)
        #expect(fast == outcome(data, fast: false), Comment(rawValue: comment))
        let taken = (try? JSONReader.tape(data)).map(takes) ?? false
        return (fast, taken)
    }

    /// The copy encoder writes the tree encoder's bytes, at two depths, and the proof takes them.
    func expectEncodedAsTheTree(_ record: Record, _ comment: String) throws {
        for depth in [0, 2] {
            var out: [UInt8] = []
            try write(record, depth, &out)
            var tree: [UInt8] = []
            JSONWriter.append(try TreeEncoding.encode(record), depth: depth, into: &tree)
            #expect(String(decoding: out, as: UTF8.self) == String(decoding: tree, as: UTF8.self), Comment(rawValue: comment))
            let proved = (tree + Array(",\n".utf8)).withUnsafeBufferPointer { bytes in
                CopyProof.length(in: bytes, at: 0) { try prove(record, depth, &$0) }
            }
            #expect(proved == tree.count, Comment(rawValue: comment))
        }
    }
}
