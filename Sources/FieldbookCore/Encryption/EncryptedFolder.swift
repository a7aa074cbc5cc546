import Crypto
import Foundation

/// Opening an encrypted data folder with a passphrase, and managing the passphrases that open
/// it (key slots in `fieldbook.json`). Converting a folder is `FolderConversion`.
public enum EncryptedFolder {
    /// What a folder's `fieldbook.json` says of its encryption.
    public enum State: Sendable, Equatable {
        /// Not encrypted (or not a data folder yet).
        case plain
        case encrypted(FolderEncryption)
        /// A conversion was interrupted: only finishing it opens the folder.
        case converting(FolderEncryption)
    }

    /// The folder's state, from its `fieldbook.json` (plain when it has none).
    public static func state(of folder: URL) throws(StoreError) -> State {
        guard let format = try formatFile(of: folder) else { return .plain }
        guard let encryption = format.encryption else { return .plain }
        return encryption.converting == nil ? .encrypted(encryption) : .converting(encryption)
    }

    static func formatFile(of folder: URL) throws(StoreError) -> FormatFile? {
        let url = folder.appendingPathComponent(DataLayout.formatFile)
        guard let data = try DurableFile.read(url) else { return nil }
        do {
            return try TapeDecoding.decode(FormatFile.self, from: data)
        } catch {
            throw .unreadableFormatFile(path: url.path, reason: JSONCoding.describe(error, in: data))
        }
    }

    /// The folder key, and the id of the slot that `passphrase` opened; nil when none opens.
    public static func unlock(_ encryption: FolderEncryption, passphrase: String) -> (key: FolderKey, slot: String)? {
        for id in encryption.keySlots.keys.sorted() {
            guard let key = encryption.keySlots[id]?.open(id: id, passphrase: passphrase) else { continue }
            let folderKey = FolderKey(key)
            // A slot wrapping another key than the folder's (a slot copied from another folder) is not this folder's.
            guard folderKey.id.hexString == encryption.keyID else { continue }
            return (folderKey, id)
        }
        return nil
    }

    /// Opens an encrypted folder: the transform its stores read and write through. Throws
    /// for a wrong passphrase, a plain folder and a half-converted one.
    public static func open(_ folder: URL, passphrase: String) throws(EncryptionError) -> FolderKey {
        let state: State
        do { state = try self.state(of: folder) } catch { throw .store(error) }
        switch state {
        case .plain: throw .notEncrypted(path: folder.path)
        case .converting(let encryption):
            throw .unfinishedConversion(path: folder.path, command: encryption.converting == .decrypting ? "decrypt" : "encrypt")
        case .encrypted(let encryption):
            guard let (key, _) = unlock(encryption, passphrase: passphrase) else { throw .wrongPassphrase }
            return key
        }
    }

    // MARK: Passphrases

    /// One line per slot: its id and the day it was added.
    public static func slots(of folder: URL) throws(EncryptionError) -> [(id: String, added: String)] {
        let encryption = try current(folder)
        return encryption.keySlots.keys.sorted().map { ($0, encryption.keySlots[$0]!.added) }
    }

    /// Adds a slot for `new`, opened by `existing`. Returns the new slot's id.
    @discardableResult
    public static func addPassphrase(_ folder: URL, existing: String, new: String, derivation: KeyDerivation = .standard,
                                     today: String) throws(EncryptionError) -> String
    {
        try changeSlots(folder, opening: existing) { encryption, key, _ throws(EncryptionError) in
            let id = UUID().uuidString.lowercased()
            encryption.keySlots[id] = try KeySlot.make(id: id, passphrase: new, folderKey: key.key, derivation: derivation, added: today)
            return id
        }
    }

    /// Replaces the slot `current` opens by one for `new` (same id).
    public static func changePassphrase(_ folder: URL, current: String, new: String, derivation: KeyDerivation = .standard,
                                        today: String) throws(EncryptionError)
    {
        try changeSlots(folder, opening: current) { encryption, key, slot throws(EncryptionError) in
            encryption.keySlots[slot] = try KeySlot.make(id: slot, passphrase: new, folderKey: key.key, derivation: derivation, added: today)
        }
    }

    /// Removes the slot `passphrase` opens, unless it is the only one. Returns its id.
    @discardableResult
    public static func removePassphrase(_ folder: URL, _ passphrase: String) throws(EncryptionError) -> String {
        try changeSlots(folder, opening: passphrase) { encryption, _, slot throws(EncryptionError) in
            guard encryption.keySlots.count > 1 else { throw .lastSlot }
            encryption.keySlots[slot] = nil
            return slot
        }
    }

    private static func current(_ folder: URL) throws(EncryptionError) -> FolderEncryption {
        let state: State
        do { state = try self.state(of: folder) } catch { throw .store(error) }
        switch state {
        case .plain: throw .notEncrypted(path: folder.path)
        case .converting(let encryption):
            throw .unfinishedConversion(path: folder.path, command: encryption.converting == .decrypting ? "decrypt" : "encrypt")
        case .encrypted(let encryption): return encryption
        }
    }

    /// Under the folder's lock: opens the folder with `passphrase`, lets `change` edit its
    /// encryption section, and writes `fieldbook.json` back (other fields kept as they are).
    private static func changeSlots<T>(
        _ folder: URL, opening passphrase: String,
        _ change: (inout FolderEncryption, FolderKey, String) throws(EncryptionError) -> T
    ) throws(EncryptionError) -> T {
        let lock = FolderLock(folder: folder.standardizedFileURL)
        let outcome: Result<T, EncryptionError>
        do throws(StoreError) {
            outcome = try lock.withLock { () throws(StoreError) -> Result<T, EncryptionError> in
                var encryption: FolderEncryption
                do throws(EncryptionError) { encryption = try current(folder) } catch { return .failure(error) }
                guard let (key, slot) = unlock(encryption, passphrase: passphrase) else { return .failure(.wrongPassphrase) }
                let result: T
                do throws(EncryptionError) { result = try change(&encryption, key, slot) } catch { return .failure(error) }
                try writeFormat(folder, version: FormatFile.encryptedVersion, encryption: encryption)
                return .success(result)
            }
        } catch {
            throw .store(error)
        }
        return try outcome.get()
    }

    /// Writes `fieldbook.json` with `version` and `encryption` (nil: none), every other field
    /// of the file kept as it is.
    static func writeFormat(_ folder: URL, version: Int, encryption: FolderEncryption?) throws(StoreError) {
        let url = folder.appendingPathComponent(DataLayout.formatFile)
        var members: [String: JSONValue] = [:]
        if let data = try DurableFile.read(url), case .object(let existing)? = try? JSONReader.parse(data) {
            members = existing
        }
        members["format"] = .string("fieldbook-data")
        members["formatVersion"] = .number(String(version))
        members["encryption"] = try encryption.map { value throws(StoreError) in try RecordFiles.tree(value) }
        try DurableFile.write(JSONWriter.data(.object(members)), to: url)
    }
}
