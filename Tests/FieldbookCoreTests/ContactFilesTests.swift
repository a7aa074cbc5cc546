@testable import FieldbookCore
import Foundation
import Testing

/// `ContactFiles` answers as the dictionary from id to month file it replaces: a load's reads in
/// order (a later read of an id winning), then saves, moves and deletions beyond the count that
/// folds them into the sorted list, and the contacts of given months.
@Suite struct ContactFilesTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func id(_ generator: inout Generator) -> UUID {
        let a = generator.next(), b = generator.next()
        return withUnsafeBytes(of: (a, b)) { bytes in UUID(uuid: bytes.load(as: uuid_t.self)) }
    }

    @Test func answersAsADictionaryWould() {
        var generator = Generator(state: 7)
        let months = (0..<40).map { "employer-contacts/s\($0 % 4)/2025-\(String(format: "%02d", $0 % 12 + 1)).json" }
        var ids = (0..<3000).map { _ in Self.id(&generator) }
        // Ids that differ in their last byte only, or first only: the order of the two words.
        ids.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))
        ids.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2)))
        ids.append(UUID(uuid: (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        ids.append(UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)))
        var model: [UUID: String] = [:]
        var files = ContactFiles()
        // A load: every id read once, a third of them read again from another month.
        for index in 0..<(ids.count + ids.count / 3) {
            let id = ids[index % ids.count]
            let month = months[Int(generator.next() % UInt64(months.count))]
            files.read(id, from: month)
            model[id] = month
        }
        #expect(files.read.count == ids.count + ids.count / 3)
        files.settle()
        func same(_ note: String) {
            for id in ids { #expect(files[id] == model[id], Comment(rawValue: note)) }
            #expect(files.all == model, Comment(rawValue: note))
            let wanted = Set(months.prefix(5))
            #expect(Set(files.contacts(in: wanted)) == Set(model.filter { wanted.contains($0.value) }.keys), Comment(rawValue: note))
            #expect(files.contacts(in: ["employer-contacts/none/2025-01.json"]).isEmpty)
        }
        same("after the load")
        #expect(files[Self.id(&generator)] == nil)
        // Saves, moves and deletions, more than fold into the list at once.
        for step in 0..<(ContactFiles.mostChanges * 2 + 17) {
            let id = step % 5 == 0 ? Self.id(&generator) : ids[Int(generator.next() % UInt64(ids.count))]
            if step % 7 == 3 {
                files[id] = nil
                model[id] = nil
            } else {
                let month = months[Int(generator.next() % UInt64(months.count))]
                files[id] = month
                model[id] = month
                if !ids.contains(id) { ids.append(id) }
            }
            if step % 1000 == 0 { same("at change \(step)") }
        }
        same("after the changes")
    }

    @Test func keysAreOrderedAsTheIdsBytes() {
        let low = ContactKey(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 1, 255, 255, 255, 255, 255, 255, 255, 255)))
        let high = ContactKey(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0)))
        #expect(low < high && !(high < low))
        let id = UUID()
        #expect(ContactKey(id).id == id)
    }
}
