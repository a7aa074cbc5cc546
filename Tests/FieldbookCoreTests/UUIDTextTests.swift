@testable import FieldbookCore
import Foundation
import Testing

/// UUIDs read from bytes: every byte at every place of a valid text is read as Foundation
/// reads the same text, and anything else is refused.
@Suite struct UUIDTextTests {
    static func parse(_ bytes: [UInt8]) -> UUID? {
        bytes.withUnsafeBufferPointer { UUIDText.parse($0) }
    }

    @Test func everyByteAtEveryPlace() {
        let valid = Array("D43A6B50-078f-4401-8F17-0068d80B2068".utf8)
        #expect(Self.parse(valid) == UUID(uuidString: "D43A6B50-078F-4401-8F17-0068D80B2068"))
        let dashes: Set<Int> = [8, 13, 18, 23]
        let hex = Set("0123456789abcdefABCDEF".utf8)
        for place in valid.indices {
            for byte in UInt8.min...UInt8.max {
                var text = valid
                text[place] = byte
                let accepted = dashes.contains(place) ? byte == UInt8(ascii: "-") : hex.contains(byte)
                let parsed = Self.parse(text)
                #expect((parsed != nil) == accepted, "place \(place), byte \(byte)")
                if accepted {
                    #expect(parsed == UUID(uuidString: String(decoding: text, as: UTF8.self)), "place \(place), byte \(byte)")
                }
            }
        }
        #expect(Self.parse(Array(valid.dropLast())) == nil)
        #expect(Self.parse(valid + [UInt8(ascii: "0")]) == nil)
        #expect(Self.parse([]) == nil)
    }

    @Test func syncCopiesAreStillFoundByName() {
        #expect(DataLayout.originalOfSyncCopy("a.sync-conflict-20260101-101010-ABCDEFG.json") == "a.json")
        #expect(DataLayout.originalOfSyncCopy("a (conflicted copy 2026-01-01).json") == "a.json")
        #expect(DataLayout.originalOfSyncCopy("a (Zoë's conflicted copy 2026-01-01).json") == "a.json")
        #expect(DataLayout.originalOfSyncCopy("2554c52d-bbaf-400f-8363-887ea8117638.json") == nil)
        #expect(DataLayout.originalOfSyncCopy("2026-11.json") == nil)
        #expect(DataLayout.originalOfSyncCopy(".sync-conflict-x.json") == nil)
        #expect(DataLayout.originalOfSyncCopy("a (copy).json") == nil)
    }

    @Test func idsOrderedByTheirBytesAreInTheOrderOfTheirText() {
        // Ids that differ in one nibble across the digit-letter boundary, and random ones.
        var ids = (0..<500).map { _ in UUID() }
        ids += ["00000000-0000-0000-0000-00000000000A", "00000000-0000-0000-0000-000000000009",
                "A0000000-0000-0000-0000-000000000000", "90000000-0000-0000-0000-000000000000",
                "90000000-0000-0000-0000-000000000000"].compactMap(UUID.init(uuidString:))
        #expect(ids.sorted { UUIDText.precedes($0, $1) }.map(\.uuidString) == ids.map(\.uuidString).sorted())
        let same = UUID()
        #expect(!UUIDText.precedes(same, same))
    }

    @Test func idsAreWrittenAsFoundationWritesThemInEitherCase() {
        // Every value of every byte (each nibble on both sides of the digit-letter boundary), and random ids.
        var ids = (0..<300).map { _ in UUID() }
        for place in 0..<16 {
            for value in UInt8.min...UInt8.max {
                var bytes = [UInt8](repeating: 0x5A, count: 16)
                bytes[place] = value
                ids.append(bytes.withUnsafeBytes { UUID(uuid: $0.load(as: uuid_t.self)) })
            }
        }
        for id in ids {
            #expect(UUIDText.text(id) == id.uuidString)
            #expect(UUIDText.text(id, lowercase: true) == id.uuidString.lowercased())
            #expect(id.lowercased == id.uuidString.lowercased())
        }
    }
}
