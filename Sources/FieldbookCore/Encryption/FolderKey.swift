import Crypto
import Foundation

/// The key of an encrypted data folder, in memory only, and the file form it writes:
///
///     "FBEN"  version (1 byte, 1)  key id (8)  nonce (12)  ciphertext  tag (16)
///
/// AES-256-GCM with a fresh random nonce per write; the associated data is the 25-byte header
/// followed by the canonical path of the record the file belongs to (`canonicalPath`), so a
/// file moved onto another record's name, or from another folder, fails to open.
public struct FolderKey: @unchecked Sendable {
    /// Never changed after it is made (`SymmetricKey` is immutable, not marked `Sendable`).
    let key: SymmetricKey
    /// The first 8 bytes of SHA-256 over a fixed label and the key.
    public let id: Data

    static let magic = Data("FBEN".utf8)
    static let version: UInt8 = 1
    static let headerLength = 4 + 1 + 8 + 12
    static let tagLength = 16

    init(_ key: SymmetricKey) {
        self.key = key
        id = Self.id(of: key)
    }

    /// A new random 256-bit folder key.
    static func generate() -> FolderKey { FolderKey(SymmetricKey(size: .bits256)) }

    static func id(of key: SymmetricKey) -> Data {
        var hasher = SHA256()
        hasher.update(data: Data("fieldbook folder key id".utf8))
        hasher.update(data: key.bytes)
        return Data(hasher.finalize().prefix(8))
    }

    /// Whether `bytes` begin as an encrypted file does.
    public static func looksEncrypted(_ bytes: Data) -> Bool {
        bytes.count >= magic.count && bytes.prefix(magic.count).elementsEqual(magic)
    }

    /// The file form of `plain`, belonging to the file at `relative`.
    public func seal(_ plain: Data, _ relative: String) throws(StoreError) -> Data {
        var header = Self.magic
        header.append(Self.version)
        header.append(id)
        let nonce = AES.GCM.Nonce()
        header.append(contentsOf: nonce)
        do {
            let box = try AES.GCM.seal(plain, using: key, nonce: nonce, authenticating: Self.associatedData(header, relative))
            return header + box.ciphertext + box.tag
        } catch {
            throw .io(path: relative, reason: "could not be encrypted")
        }
    }

    /// The plain bytes of the encrypted file at `relative`, or why they cannot be had.
    public func open(_ bytes: Data, _ relative: String) throws(StoreError) -> Data {
        guard Self.looksEncrypted(bytes) else {
            throw .io(path: relative, reason: "is not encrypted, though this folder is: not written by Fieldbook (put here by hand or by another program); not loaded")
        }
        guard bytes.count >= Self.headerLength + Self.tagLength else {
            throw .io(path: relative, reason: "is cut short: damaged or tampered with (it fails authentication); not loaded")
        }
        let start = bytes.startIndex
        let version = bytes[start + 4]
        guard version == Self.version else {
            throw .io(path: relative, reason: "is encrypted in a newer form (version \(version)) than this Fieldbook reads; not loaded")
        }
        let header = bytes[start..<(start + Self.headerLength)]
        guard bytes[(start + 5)..<(start + 13)].elementsEqual(id) else {
            throw .io(path: relative, reason: "was encrypted with another folder's key (a file from another data folder); not loaded")
        }
        do {
            let nonce = try AES.GCM.Nonce(data: bytes[(start + 13)..<(start + Self.headerLength)])
            let box = try AES.GCM.SealedBox(
                nonce: nonce, ciphertext: bytes[(start + Self.headerLength)..<(bytes.endIndex - Self.tagLength)],
                tag: bytes[(bytes.endIndex - Self.tagLength)...])
            return try AES.GCM.open(box, using: key, authenticating: Self.associatedData(Data(header), relative))
        } catch {
            throw .io(path: relative, reason: "fails authentication: damaged, tampered with, or moved here from another record's file; not loaded")
        }
    }

    private static func associatedData(_ header: Data, _ relative: String) -> Data {
        header + Data(EncryptedFiles.canonicalPath(of: relative).utf8)
    }

    /// The store's transform for this key: files named in `EncryptedFiles.plainNames` pass as they are.
    public var transform: FileTransform {
        let key = self
        return FileTransform(
            fromDisk: { bytes, relative throws(StoreError) in
                EncryptedFiles.isEncrypted(relative) ? try key.open(bytes, relative) : bytes
            },
            toDisk: { record, relative throws(StoreError) in
                EncryptedFiles.isEncrypted(relative) ? try key.seal(record, relative) : record
            })
    }
}

/// Which files of an encrypted folder are encrypted, and the record path each belongs to.
public enum EncryptedFiles {
    /// Files and folders at the top of the data folder that stay plain: they hold no client data
    /// (the format and its key slots, the questionnaire, the audit logs of ids and field names,
    /// the lock, git's and the sync's own files).
    public static let plainNames: Set<String> = [
        DataLayout.formatFile, CareerProfileLayout.definitionFile, FolderLock.fileName, ".git", ".gitignore",
        ".gitattributes", AuditLog.folderName, AuditInstalls.folderName,
    ]

    /// Whether the file at `relative` (inside the data folder) is kept encrypted.
    public static func isEncrypted(_ relative: String) -> Bool {
        let top = relative.split(separator: "/", maxSplits: 1).first.map(String.init) ?? relative
        return !plainNames.contains(top)
    }

    /// The path of the record a file belongs to, the associated data of its encryption: a kept
    /// conflict version (`conflicts/clients--<id>.<time>.json`) and its base (`.base`) belong to
    /// the record they were kept for; a sync tool's copy to the file it copies; every other file
    /// to itself.
    public static func canonicalPath(of relative: String) -> String {
        var path = relative
        if path.hasSuffix(".base") { path.removeLast(5) }
        let parts = path.split(separator: "/").map(String.init)
        guard let name = parts.last else { return relative }
        if parts.count == 2, parts[0] == DataLayout.conflicts, let record = DataLayout.recordOfKeptCopy(name) {
            return record
        }
        if let original = DataLayout.originalOfSyncCopy(name) {
            return (parts.dropLast() + [original]).joined(separator: "/")
        }
        return relative
    }
}
