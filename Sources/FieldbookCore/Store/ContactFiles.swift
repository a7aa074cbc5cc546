import Foundation

/// The month file each employer contact was read from or saved to, by the contact's id.
///
/// A dictionary from id to path held 32 bytes a slot, two slots for every three contacts of an
/// agency's log. Here the ids read by a load are one sorted list beside the number of their
/// file (20 bytes a contact, found by binary search), each file's path held once; what changes
/// after (saves, deletions, files read again) is a small dictionary over it, folded into the
/// list when it grows.
struct ContactFiles {
    /// Each month file once; a contact's file is its number here.
    private var paths: [String] = []
    private var numbers: [String: Int32] = [:]
    /// The ids of the list, in order, and their files' numbers.
    private var ids: [ContactKey] = []
    private var files: [Int32] = []
    /// Set since the list was made: a file's number, or `none` for a contact no longer in one.
    private var changed: [ContactKey: Int32] = [:]
    private static let none: Int32 = -1
    /// Changes folded into the list beyond this many.
    static let mostChanges = 4096

    /// Whether the list is in order (not while a load adds to it).
    private var settled = true

    init() {}

    /// A contact read from `path`, while a load reads: `settle` puts the list in order, and a
    /// later read of the same id takes the place of the earlier.
    mutating func read(_ id: UUID, from path: String) {
        ids.append(ContactKey(id))
        files.append(number(of: path))
        settled = false
    }

    /// The contacts read so far, in the order read (before `settle`).
    var read: [(id: UUID, path: String)] {
        precondition(!settled || changed.isEmpty)
        return zip(ids, files).map { ($0.id, paths[Int($1)]) }
    }

    /// Puts the contacts read in order of their ids, each id once (the last read).
    mutating func settle() {
        guard !settled else { return }
        let order = (0..<Int32(ids.count)).sorted { (ids[Int($0)], $0) < (ids[Int($1)], $1) }
        var sortedIDs: [ContactKey] = [], sortedFiles: [Int32] = []
        sortedIDs.reserveCapacity(order.count)
        sortedFiles.reserveCapacity(order.count)
        for (index, position) in order.enumerated().map({ ($0, Int($1)) })
        where index + 1 == order.count || ids[Int(order[index + 1])] != ids[position] {
            sortedIDs.append(ids[position])
            sortedFiles.append(files[position])
        }
        ids = sortedIDs
        files = sortedFiles
        settled = true
    }

    subscript(id: UUID) -> String? {
        get {
            precondition(settled, "contact files read but not settled")
            let key = ContactKey(id)
            if let file = changed[key] { return file == Self.none ? nil : paths[Int(file)] }
            return position(of: key).map { paths[Int(files[$0])] }
        }
        set {
            precondition(settled, "contact files read but not settled")
            changed[ContactKey(id)] = newValue.map { number(of: $0) } ?? Self.none
            if changed.count > Self.mostChanges { fold() }
        }
    }

    /// The contacts whose file is one of `months`.
    func contacts(in months: Set<String>) -> [UUID] {
        let wanted = Set(months.compactMap { numbers[$0] })
        guard !wanted.isEmpty else { return [] }
        var found: [UUID] = []
        for (index, key) in ids.enumerated() where changed[key] == nil && wanted.contains(files[index]) {
            found.append(key.id)
        }
        for (key, file) in changed where wanted.contains(file) { found.append(key.id) }
        return found
    }

    /// Every contact and its file (for tests and checks).
    var all: [UUID: String] {
        var all: [UUID: String] = [:]
        for (index, key) in ids.enumerated() { all[key.id] = paths[Int(files[index])] }
        for (key, file) in changed { all[key.id] = file == Self.none ? nil : paths[Int(file)] }
        return all
    }

    private func position(of key: ContactKey) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == key ? low : nil
    }

    private mutating func number(of path: String) -> Int32 {
        if let number = numbers[path] { return number }
        let number = Int32(paths.count)
        paths.append(path)
        numbers[path] = number
        return number
    }

    /// The changes made part of the list.
    private mutating func fold() {
        var merged: [(key: ContactKey, file: Int32)] = []
        merged.reserveCapacity(ids.count + changed.count)
        for (index, key) in ids.enumerated() where changed[key] == nil { merged.append((key, files[index])) }
        for (key, file) in changed where file != Self.none { merged.append((key, file)) }
        merged.sort { $0.key < $1.key }
        ids = merged.map(\.key)
        files = merged.map(\.file)
        changed = [:]
    }
}

/// A contact's id as two words, ordered as its bytes are.
struct ContactKey: Hashable, Comparable {
    let high: UInt64
    let low: UInt64

    init(_ id: UUID) {
        (high, low) = withUnsafeBytes(of: id.uuid) { bytes in
            (UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)), UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }

    var id: UUID {
        let h = high, l = low
        func byte(_ word: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: word >> (56 - 8 * index)) }
        return UUID(uuid: (byte(h, 0), byte(h, 1), byte(h, 2), byte(h, 3), byte(h, 4), byte(h, 5), byte(h, 6), byte(h, 7),
                           byte(l, 0), byte(l, 1), byte(l, 2), byte(l, 3), byte(l, 4), byte(l, 5), byte(l, 6), byte(l, 7)))
    }

    static func < (a: ContactKey, b: ContactKey) -> Bool { (a.high, a.low) < (b.high, b.low) }
}
