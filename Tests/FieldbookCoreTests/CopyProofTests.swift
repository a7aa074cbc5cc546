@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// `CopyProof`: the export's proof that a record's bytes in its file are already the copy's,
/// made by comparing instead of writing. It must take exactly the bytes `CopyEncoding` writes:
/// every record of the sample data and of hand-made ones, and nothing with one byte changed;
/// and on hand-edited contacts it must say what decoding and encoding again says.
@Suite struct CopyProofTests {
    static func proof(_ bytes: [UInt8], at start: Int = 0, _ write: (inout CopyProof) throws -> Void) -> Int? {
        bytes.withUnsafeBufferPointer { CopyProof.length(in: $0, at: start, write) }
    }

    static func handMadeRecords() -> [any Encodable] {
        let full = EmployerContact(
            date: date("2026-11-16"), specialistID: UUID(), employerID: UUID(), contactPersonID: UUID(),
            contactPerson: "Sam \"S\" Patel\u{1b}", contactTitle: "Owner / 李", purpose: .presentJobSeeker, method: .faceToFace,
            jobSeekerPresent: true, jobSeekerIDs: [UUID(), UUID()], hiringNeeds: "Weekend\nshifts\\", outcome: "=good",
            nextStep: "Call back", nextStepDate: date("2026-11-23"), createdAt: instant(1_763_300_000.5),
            updatedAt: instant(1_763_300_100))
        let bare = EmployerContact(date: date("2026-11-17"), specialistID: UUID(), employerID: UUID(), purpose: .init(rawValue: ""),
                                   method: .email, createdAt: instant(1_763_300_000))
        var client = Client(name: "Zoë \"Z\"", programEntryDate: date("2026-03-01"), createdAt: instant(1_751_000_000))
        var withContacts = client
        withContacts.contacts = [ClientContact(date: date("2026-03-02"), kind: .phone, createdAt: instant(1_751_000_100)),
                                 ClientContact(date: date("2026-03-03"), kind: .init(rawValue: "letter"), place: "Café\t1",
                                               note: "\"ok\"\r", specialistID: UUID(), createdAt: instant(1_751_000_200))]
        client.notes = ""
        return [full, bare, client, withContacts, ClientFastPathTests.fullClient(), EmployerFastPathTests.fullEmployer()]
    }

    static func sampleRecords() throws -> [any Encodable] {
        let snapshot = try Store(folder: OnePassLoadTests.sampleData, mode: .readOnly).load()
        var records: [any Encodable] = snapshot.employerContacts
        records += snapshot.clients as [any Encodable]
        records += snapshot.employers as [any Encodable]
        records += snapshot.specialists as [any Encodable]
        records += snapshot.fidelityReviews as [any Encodable]
        return records
    }

    /// Every record as the encoder writes it, at the top and two levels deep, with other bytes
    /// after it: the proof takes it, and its length is the encoder's.
    @Test func theProofTakesEveryRecordTheEncoderWrites() throws {
        let records: [any Encodable] = Self.handMadeRecords() + (try Self.sampleRecords())
        #expect(records.count > 100)
        for record in records {
            for depth in [0, 2] {
                var out: [UInt8] = []
                try CopyEncoding.append(record, depth: depth, into: &out)
                #expect(Self.proof(out + Array(",\n  ]".utf8)) { try CopyEncoding.append(record, depth: depth, into: &$0) } == out.count)
                #expect(Self.proof(Array("xx".utf8) + out, at: 2) { try CopyEncoding.append(record, depth: depth, into: &$0) } == out.count)
            }
        }
    }

    /// One byte changed anywhere (a space, a letter's case, a digit, a quote or a backslash
    /// put in), or the record cut short by one byte: the proof refuses it.
    @Test func oneByteChangedAnywhereIsRefused() throws {
        let records: [any Encodable] = Self.handMadeRecords() + Array(try Self.sampleRecords().prefix(40))
        for record in records {
            var out: [UInt8] = []
            try CopyEncoding.append(record, depth: 2, into: &out)
            let write = { (proof: inout CopyProof) throws in try CopyEncoding.append(record, depth: 2, into: &proof) }
            #expect(Self.proof(Array(out.dropLast()), write) == nil)
            for place in out.indices {
                let byte = out[place]
                let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                for other in [UInt8(ascii: " "), UInt8(ascii: "0"), UInt8(ascii: "\""), UInt8(ascii: "\\"), letter ? byte ^ 0x20 : 0x41]
                where other != byte {
                    var changed = out
                    changed[place] = other
                    #expect(Self.proof(changed, write) == nil, "byte \(place) of \(String(decoding: out, as: UTF8.self))")
                }
            }
        }
    }

    /// Hand edits of a month's contacts: for each contact, the proof says what decoding the
    /// month and encoding each contact again says (its bytes the encoder's, or not).
    @Test func theProofAgreesWithEncodingAgainOnHandEditedContacts() throws {
        let temp = TemporaryFolder()
        let folder = temp.path("caseload")
        _ = try SyntheticFolder.write(.caseload, to: folder)
        let specialists = folder.appendingPathComponent("employer-contacts")
        let specialist = try #require(try FileManager.default.contentsOfDirectory(atPath: specialists.path).sorted().first)
        let monthFolder = specialists.appendingPathComponent(specialist)
        let monthName = try #require(try FileManager.default.contentsOfDirectory(atPath: monthFolder.path).sorted().first)
        let original = try String(contentsOf: monthFolder.appendingPathComponent(monthName), encoding: .utf8)
        let edits: [(String, (String) -> String)] = [
            ("as written", { $0 }),
            ("a lower-case id", { $0.replacingOccurrences(of: #"("id" : ")([0-9A-F]{8})"#, with: "$1aaaaaaaa", options: .regularExpression) }),
            ("an escaped slash", { $0.replacingOccurrences(of: "\"purpose\" : \"", with: "\"purpose\" : \"\\/") }),
            ("a letter as \\u", { $0.replacingOccurrences(of: "\"method\" : \"", with: "\"method\" : \"\\u0041") }),
            ("a quote escaped", { $0.replacingOccurrences(of: "\"method\" : \"", with: "\"method\" : \"\\\"") }),
            ("a tab written raw-escaped", { $0.replacingOccurrences(of: "\"method\" : \"", with: "\"method\" : \"\\t") }),
            ("a control character as \\u001B", { $0.replacingOccurrences(of: "\"method\" : \"", with: "\"method\" : \"\\u001B") }),
            ("a control character as \\u001b", { $0.replacingOccurrences(of: "\"method\" : \"", with: "\"method\" : \"\\u001b") }),
            ("a key unknown", { $0.replacingOccurrences(of: "\"createdAt\"", with: "\"colour\" : \"blue\",\n      \"createdAt\"") }),
            ("an optional as null", { $0.replacingOccurrences(of: "\"createdAt\"", with: "\"contactTitle\" : null,\n      \"createdAt\"") }),
            ("a space less", { $0.replacingOccurrences(of: "\"date\" : ", with: "\"date\": ") }),
            ("a fraction of a second", { $0.replacingOccurrences(of: #"Z""#, with: #".000Z""#) }),
            ("a time zone of its own", { $0.replacingOccurrences(of: #"Z""#, with: #"+00:00""#) }),
            ("an empty list on one line", { $0.replacingOccurrences(of: #""jobSeekerIDs" : \[\n\n\s*\]"#, with: "\"jobSeekerIDs\" : []",
                                                                     options: .regularExpression) }),
            ("an empty list without its empty line", { $0.replacingOccurrences(of: "[\n\n      ]", with: "[\n      ]") }),
            ("a bracket moved", { $0.replacingOccurrences(of: "[\n\n      ]", with: "[\n\n       ]") }),
            ("a day written short", { $0.replacingOccurrences(of: #""date" : "(\d{4})-(\d\d)-0"#, with: "\"date\" : \"$1-$2-",
                                                               options: .regularExpression) }),
        ]
        var agreedYes = 0, agreedNo = 0
        for (name, edit) in edits {
            let text = edit(original)
            #expect(name == "as written" || text != original, "\(name) changed the month")
            let bytes = Array(text.utf8)
            guard let tape = try? JSONReader.tape(Data(bytes)),
                  let month = try? TapeDecoding.decode(EmployerContactMonth.self, from: tape),
                  let nodes = StreamedCopy.contactNodes(tape, count: month.contacts.count) else {
                continue   // an edit the month does not read with: nothing to copy
            }
            for (index, contact) in month.contacts.enumerated() {
                var out: [UInt8] = []
                CopyEncoding.employerContact(contact, depth: 2, into: &out)
                let encoded = nodes[index] + out.count <= bytes.count && Array(bytes[nodes[index]..<(nodes[index] + out.count)]) == out
                let proved = Self.proof(bytes, at: nodes[index]) { CopyEncoding.employerContact(contact, depth: 2, into: &$0) }
                #expect((proved != nil) == encoded, "\(name), contact \(index)")
                if let proved { #expect(proved == out.count, "\(name), contact \(index)") }
                if encoded { agreedYes += 1 } else { agreedNo += 1 }
            }
        }
        #expect(agreedYes > 20, "most contacts are as written")
        #expect(agreedNo >= 12, "each edit makes a contact that is not")
    }

    /// A record copied from the top of its file gets two spaces a level on every line after the
    /// first but the empty line of an empty list: as a byte-by-byte reading does it, on slices
    /// that start anywhere, with or without a last newline, with newlines in a row.
    @Test func indentingACopiedRecordIsLineByLine() {
        func reference(_ bytes: ArraySlice<UInt8>, by levels: Int) -> [UInt8] {
            var out: [UInt8] = []
            for (offset, byte) in zip(bytes.indices, bytes) {
                out.append(byte)
                let next = offset + 1
                if byte == UInt8(ascii: "\n"), next < bytes.endIndex, bytes[next] != UInt8(ascii: "\n") {
                    out += Array(repeating: UInt8(ascii: " "), count: levels * 2)
                }
            }
            return out
        }
        let texts = ["", "\n", "\n\n", "x", "{\n}", "{\n  \"a\" : [\n\n  ]\n}", "a\nb\n", "\n\nx\n\n\ny", "ä\n李\n"]
        for text in texts {
            let bytes = Array(("##" + text + "##").utf8)
            for levels in [0, 1, 2] {
                for slice in [bytes[2..<(bytes.count - 2)], bytes[...], bytes[1...]] {
                    var out: [UInt8] = [7]
                    StreamedCopy.appendIndented(slice, by: levels, into: &out)
                    #expect(out == [7] + reference(slice, by: levels), "\(text.debugDescription), \(levels)")
                }
            }
        }
    }

    /// The fingerprint that tells the copy a file changed between its two readings: any one
    /// byte changed (one bit or the high bit, at every place of files around the lanes' sizes),
    /// or a byte more, gives another fingerprint.
    @Test func aByteChangedAnywhereChangesTheFingerprint() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 257] {
            let base = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let print = StreamedCopy.fingerprint(Data(base))
            #expect(StreamedCopy.fingerprint(Data(base)) == print)
            #expect(StreamedCopy.fingerprint(Data(base + [0])) != print, "a byte more, length \(length)")
            for place in base.indices {
                for flip: UInt8 in [0x01, 0x80] {
                    var changed = base
                    changed[place] ^= flip
                    #expect(StreamedCopy.fingerprint(Data(changed)) != print, "length \(length), byte \(place)")
                }
            }
        }
    }
}
