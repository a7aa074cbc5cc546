import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Records an import has changed, kept on disk instead of in memory once their batch is done,
/// so that memory does not grow with the rows of a sheet. The file is owner-only and removed
/// from its folder as soon as it is opened: it holds client data for as long as the import
/// runs and vanishes with the process, however that ends. What it holds is sealed with a key
/// made for this import and kept in memory only (AES-GCM), so no record reaches the disk in
/// plain text, whether the data folder is encrypted or not.
final class RecordSpill {
    struct Place {
        var offset: Int64
        var length: Int
    }

    /// The unlinked file (read whole by tests, to show what reaches the disk).
    let descriptor: Int32
    private var end: Int64 = 0
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()
    private let key = SymmetricKey(size: .bits256)

    init?() {
        let folder = FileManager.default.temporaryDirectory.path
        var template = Array((folder + "/fieldbook-import-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        fchmod(descriptor, 0o600)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes the record at the end of the file; nil when it could not be written.
    func put<Record: Encodable>(_ record: Record) -> Place? {
        guard let plain = try? encoder.encode(record), let data = try? AES.GCM.seal(plain, using: key).combined else { return nil }
        let written = data.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(end)) }
        guard written == data.count else { return nil }
        let place = Place(offset: end, length: data.count)
        end += Int64(data.count)
        return place
    }

    func get<Record: Decodable>(_ type: Record.Type, at place: Place) -> Record? {
        var data = Data(count: place.length)
        let read = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, place.length, off_t(place.offset)) }
        guard read == place.length, let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key) else { return nil }
        return try? decoder.decode(type, from: plain)
    }
}

/// Records by id: those of the folder in memory, those an import changed in memory until
/// their batch is done and on disk (`RecordSpill`) after.
struct RecordPool<Record: Codable & Identifiable> where Record.ID == UUID {
    private var resident: [UUID: Record] = [:]
    private var spilled: [UUID: RecordSpill.Place] = [:]
    private var spill: RecordSpill?
    /// Records that could not be spilled stay in memory (a full temporary disk costs memory,
    /// never a record).
    private var kept: [UUID: Record] = [:]

    init() {}

    subscript(id: UUID) -> Record? {
        get {
            if let record = resident[id] ?? kept[id] { return record }
            guard let place = spilled[id], let spill else { return nil }
            return spill.get(Record.self, at: place)
        }
        set {
            spilled[id] = nil
            kept[id] = nil
            resident[id] = newValue
        }
    }

    func contains(_ id: UUID) -> Bool { resident[id] != nil || spilled[id] != nil || kept[id] != nil }

    /// Moves the records out of memory, onto the spill file.
    mutating func evict(_ ids: [UUID]) {
        for id in ids {
            guard let record = resident.removeValue(forKey: id) else { continue }
            if spill == nil { spill = RecordSpill() }
            if let place = spill?.put(record) { spilled[id] = place } else { kept[id] = record }
        }
    }
}
