import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converting a data folder in place, to encrypted (`fieldbook encrypt`) or back to plain
/// (`fieldbook decrypt`), so that an interruption at any moment leaves a folder the next run
/// finishes:
///
/// 1. `fieldbook.json` is written first (atomically), saying the folder is being converted and
///    holding the key slots: from then on an older Fieldbook refuses the folder (format
///    version 2), and this one opens it only to finish the conversion.
/// 2. Every file to convert is written whole in its new form (temporary file, rename): each
///    file is in one form or the other, never half; a file already in the new form is left.
/// 3. Temporary files of interrupted saves (which may hold plain records) are removed.
/// 4. `fieldbook.json` is written again without the mark (decrypting: without the section,
///    back to format version 1).
public enum FolderConversion {
    /// What a conversion did.
    public struct Summary: Sendable, Equatable {
        /// Files written in the new form by this run.
        public var converted = 0
        /// Files already in the new form (an earlier, interrupted run).
        public var alreadyDone = 0
        /// Temporary files of interrupted saves removed.
        public var temporaryRemoved = 0
        /// Stopped when asked (`shouldStop`), between two files: the folder is left as an
        /// interruption leaves it, and the next run finishes it.
        public var stopped = false
    }

    /// Starts encrypting a plain data folder: a new random folder key, its first key slot for
    /// `passphrase`, and `fieldbook.json` marked `encrypting`. The key is returned for `finish`.
    public static func beginEncryption(_ folder: URL, passphrase: String, derivation: KeyDerivation = .standard,
                                       today: String) throws(EncryptionError) -> FolderKey
    {
        let state: EncryptedFolder.State
        do { state = try EncryptedFolder.state(of: folder) } catch { throw .store(error) }
        guard state == .plain else { throw .alreadyEncrypted(path: folder.path) }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(DataLayout.formatFile).path) else {
            throw .store(.notADataFolder(path: folder.path))
        }
        let key = FolderKey.generate()
        let id = UUID().uuidString.lowercased()
        let slot = try KeySlot.make(id: id, passphrase: passphrase, folderKey: key.key, derivation: derivation, added: today)
        let encryption = FolderEncryption(keyID: key.id.hexString, keySlots: [id: slot], converting: .encrypting)
        do {
            // A derived cache of the plain folder holds client data outside it: gone first.
            try RecordCache.forDataFolder(folder)?.clear()
            try FolderLock(folder: folder.standardizedFileURL).withLock { () throws(StoreError) in
                try EncryptedFolder.writeFormat(folder, version: FormatFile.encryptedVersion, encryption: encryption)
            }
        } catch {
            throw .store(error)
        }
        return key
    }

    /// Starts decrypting an encrypted folder opened with `key`: `fieldbook.json` marked `decrypting`.
    public static func beginDecryption(_ folder: URL, key: FolderKey) throws(EncryptionError) {
        let state: EncryptedFolder.State
        do { state = try EncryptedFolder.state(of: folder) } catch { throw .store(error) }
        guard case .encrypted(var encryption) = state else {
            if case .converting = state { return }
            throw .notEncrypted(path: folder.path)
        }
        encryption.converting = .decrypting
        do {
            try FolderLock(folder: folder.standardizedFileURL).withLock { () throws(StoreError) in
                try EncryptedFolder.writeFormat(folder, version: FormatFile.encryptedVersion, encryption: encryption)
            }
        } catch {
            throw .store(error)
        }
    }

    /// Converts every file not yet in the form the folder is being converted to, then clears
    /// the mark. `progress` is told (files done, files in all) as it goes. Decrypting stops
    /// before clearing the mark when a file fails authentication (listed in the error), so the
    /// key stays in the folder for it. `shouldStop`, asked between two files, stops it there,
    /// the mark kept, as a crash at that moment would (`Summary.stopped`).
    @discardableResult
    public static func finish(_ folder: URL, key: FolderKey, progress: (Int, Int) -> Void = { _, _ in },
                              shouldStop: () -> Bool = { false })
        throws(EncryptionError) -> Summary
    {
        let state: EncryptedFolder.State
        do { state = try EncryptedFolder.state(of: folder) } catch { throw .store(error) }
        guard case .converting(var encryption) = state, let direction = encryption.converting else {
            throw .notEncrypted(path: folder.path)
        }
        guard key.id.hexString == encryption.keyID else { throw .wrongPassphrase }
        var summary = Summary()
        var failed: [String] = []
        do {
            try FolderLock(folder: folder.standardizedFileURL).withLock { () throws(StoreError) in
                let (files, temporary) = filesToConvert(in: folder)
                for path in temporary where unlink(folder.appendingPathComponent(path).path) == 0 {
                    summary.temporaryRemoved += 1
                }
                for (index, relative) in files.enumerated() {
                    if shouldStop() {
                        summary.stopped = true
                        return
                    }
                    let url = folder.appendingPathComponent(relative)
                    guard let bytes = try DurableFile.read(url) else { continue }
                    let encrypted = FolderKey.looksEncrypted(bytes)
                    switch direction {
                    case .encrypting where encrypted, .decrypting where !encrypted:
                        summary.alreadyDone += 1
                    case .encrypting:
                        try DurableFile.write(key.seal(bytes, relative), to: url)
                        summary.converted += 1
                    case .decrypting:
                        do {
                            let plain = try key.open(bytes, relative)
                            try DurableFile.write(plain, to: url)
                            summary.converted += 1
                        } catch {
                            failed.append(relative)
                        }
                    }
                    progress(index + 1, files.count)
                }
                guard failed.isEmpty else { return }
                if direction == .encrypting {
                    encryption.converting = nil
                    try EncryptedFolder.writeFormat(folder, version: FormatFile.encryptedVersion, encryption: encryption)
                } else {
                    try EncryptedFolder.writeFormat(folder, version: FormatFile.currentVersion, encryption: nil)
                }
            }
        } catch {
            throw .store(error)
        }
        if !failed.isEmpty {
            throw .store(.io(path: folder.path, reason: "\(failed.count) file\(failed.count == 1 ? "" : "s") failed authentication and "
                + "stay encrypted (damaged or tampered with): \(failed.prefix(5).joined(separator: ", "))\(failed.count > 5 ? ", …" : ""). "
                + "Move them out of the folder (they cannot be read), then run `fieldbook decrypt` again to finish"))
        }
        return summary
    }

    /// Every regular file of the folder that is kept encrypted (see `EncryptedFiles`), and the
    /// temporary files of saves left behind, as paths relative to the folder. Symbolic links are
    /// not followed. Sorted, so a run resumed converts in the same order.
    static func filesToConvert(in folder: URL) -> (files: [String], temporary: [String]) {
        var files: [String] = []
        var temporary: [String] = []
        func walk(_ relative: String) {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                if relative.isEmpty, EncryptedFiles.plainNames.contains(name) { continue }
                var info = stat()
                guard lstat(folder.appendingPathComponent(path).path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(path)
                case S_IFREG:
                    if DurableFile.isTemporaryName(name) {
                        temporary.append(path)
                    } else if EncryptedFiles.isEncrypted(path) {
                        files.append(path)
                    }
                default: continue
                }
            }
        }
        walk("")
        return (files, temporary)
    }
}
