import Foundation

/// The whole-file transform between the store and the disk: bytes read from a file become the
/// record's bytes (its JSON), and a record's bytes become the bytes written. Every read and
/// write of a record file, of a kept conflict version and of its base goes through it, so the
/// rest of the store (hashes, merges, the audit trail's changed fields) always sees record
/// bytes. A plain folder's transform is the identity; encryption at rest fills it.
public struct FileTransform: Sendable {
    /// A file's bytes as read from the disk to the record's bytes; `relative` names the file.
    public var fromDisk: @Sendable (_ bytes: Data, _ relative: String) throws(StoreError) -> Data
    /// A record's bytes to the bytes written to the disk.
    public var toDisk: @Sendable (_ record: Data, _ relative: String) throws(StoreError) -> Data
    /// True for the identity: nothing to call.
    public let isPlain: Bool

    public init(
        fromDisk: @escaping @Sendable (_ bytes: Data, _ relative: String) throws(StoreError) -> Data,
        toDisk: @escaping @Sendable (_ record: Data, _ relative: String) throws(StoreError) -> Data
    ) {
        self.fromDisk = fromDisk
        self.toDisk = toDisk
        isPlain = false
    }

    private init() {
        fromDisk = { bytes, _ throws(StoreError) in bytes }
        toDisk = { record, _ throws(StoreError) in record }
        isPlain = true
    }

    /// Files hold the records' bytes as they are.
    public static let plain = FileTransform()

    /// The record bytes of the file at `url` (`relative` inside the folder); nil when it does not exist.
    func read(_ relative: String, from url: URL) throws(StoreError) -> Data? {
        guard let data = try DurableFile.read(url) else { return nil }
        return isPlain ? data : try fromDisk(data, relative)
    }

    /// Writes a record's bytes to the file at `url`, durably and atomically (`DurableFile.write`).
    func write(_ record: Data, _ relative: String, to url: URL, using fileSystem: FileSystem = .system) throws(StoreError) {
        try DurableFile.write(isPlain ? record : toDisk(record, relative), to: url, using: fileSystem)
    }
}
