import _CryptoExtras
import Crypto
import Foundation

/// The `encryption` section of an encrypted folder's `fieldbook.json` (plain: it holds no
/// client data): which cipher the files use, the folder key's id, the key slots (the folder
/// key wrapped once per passphrase), and whether a conversion is under way.
///
/// Slots are kept by id in an object, so two members who each add a passphrase at once merge
/// through a sync key by key, without a conflict (see docs/security.md).
public struct FolderEncryption: Codable, Hashable, Sendable {
    /// The cipher of every encrypted file: `aes-256-gcm`.
    public var cipher: String
    /// The folder key's id (hex): every file's header carries it, so a file from another folder says so.
    public var keyID: String
    /// The folder key, wrapped by each passphrase's key, by slot id.
    public var keySlots: [String: KeySlot]
    /// Set while a conversion is under way (`encrypting` or `decrypting`): the folder holds
    /// files of both forms, and only the conversion itself may open it (to finish it).
    public var converting: Conversion?

    public enum Conversion: String, Codable, Hashable, Sendable {
        case encrypting
        case decrypting
    }

    public static let cipherName = "aes-256-gcm"

    public init(keyID: String, keySlots: [String: KeySlot], converting: Conversion?) {
        cipher = Self.cipherName
        self.keyID = keyID
        self.keySlots = keySlots
        self.converting = converting
    }
}

/// How a passphrase becomes the key that wraps the folder key: scrypt with its parameters,
/// kept in each slot so a later Fieldbook can raise the cost for new slots only.
public struct KeyDerivation: Codable, Hashable, Sendable {
    /// `scrypt`.
    public var kdf: String
    /// scrypt's cost N (a power of two), block size r and parallelism p.
    public var n: Int
    public var r: Int
    public var p: Int

    /// OWASP's recommended scrypt settings (N=2^17, r=8, p=1: 128 MiB and about half a second).
    public static let standard = KeyDerivation(kdf: "scrypt", n: 1 << 17, r: 8, p: 1)

    public init(kdf: String, n: Int, r: Int, p: Int) {
        self.kdf = kdf
        self.n = n
        self.r = r
        self.p = p
    }

    /// The 256-bit key of `passphrase` with `salt`; nil when these parameters are not ones this
    /// Fieldbook derives (an unknown KDF, or a cost beyond what it accepts).
    func key(for passphrase: String, salt: Data) -> SymmetricKey? {
        guard kdf == "scrypt", n >= 2, n & (n - 1) == 0, n <= 1 << 22, (1...32).contains(r), (1...16).contains(p) else {
            return nil
        }
        return try? KDF.Scrypt.deriveKey(from: Array(passphrase.utf8), salt: salt, outputByteCount: 32,
                                         rounds: n, blockSize: r, parallelism: p)
    }
}

/// One passphrase's way to the folder key: the key derived from the passphrase (`derivation`,
/// `salt`) opens `wrappedKey`, the folder key sealed with AES-256-GCM (nonce, ciphertext and
/// tag, base64), its associated data the slot's id.
public struct KeySlot: Codable, Hashable, Sendable {
    public var derivation: KeyDerivation
    /// Base64 of 16 random bytes.
    public var salt: String
    /// Base64 of nonce (12) + the sealed folder key (32) + tag (16).
    public var wrappedKey: String
    /// When the slot was added (`YYYY-MM-DD`), to tell slots apart in `passphrase list`.
    public var added: String

    /// A new slot for `passphrase` holding `folderKey`.
    static func make(id: String, passphrase: String, folderKey: SymmetricKey, derivation: KeyDerivation, added: String)
        throws(EncryptionError) -> KeySlot
    {
        let salt = Data(randomBytes: 16)
        guard let wrapping = derivation.key(for: passphrase, salt: salt) else { throw .unusableSlot(id) }
        do {
            let sealed = try AES.GCM.seal(folderKey.bytes, using: wrapping, authenticating: Data("fieldbook key slot \(id)".utf8))
            guard let combined = sealed.combined else { throw EncryptionError.unusableSlot(id) }
            return KeySlot(derivation: derivation, salt: salt.base64EncodedString(), wrappedKey: combined.base64EncodedString(),
                           added: added)
        } catch {
            throw .unusableSlot(id)
        }
    }

    /// The folder key when `passphrase` is this slot's; nil otherwise.
    func open(id: String, passphrase: String) -> SymmetricKey? {
        guard let salt = Data(base64Encoded: salt), let combined = Data(base64Encoded: wrappedKey),
              let wrapping = derivation.key(for: passphrase, salt: salt),
              let box = try? AES.GCM.SealedBox(combined: combined),
              let key = try? AES.GCM.open(box, using: wrapping, authenticating: Data("fieldbook key slot \(id)".utf8)),
              key.count == 32
        else { return nil }
        return SymmetricKey(data: key)
    }
}

/// Why an encrypted folder or file could not be used.
public enum EncryptionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No slot opens with the passphrase given.
    case wrongPassphrase
    /// The folder is encrypted and was opened without its key.
    case needsPassphrase(path: String)
    /// A conversion was interrupted: `command` finishes it.
    case unfinishedConversion(path: String, command: String)
    case notEncrypted(path: String)
    case alreadyEncrypted(path: String)
    /// A slot that this Fieldbook cannot make or read.
    case unusableSlot(String)
    /// Removing the only passphrase would lock the folder for good.
    case lastSlot
    case store(StoreError)

    public var description: String {
        switch self {
        case .wrongPassphrase:
            "wrong passphrase: it opens none of this folder's key slots; nothing was read or changed"
        case .needsPassphrase(let path):
            "\(path) is encrypted: its passphrase is needed"
        case .unfinishedConversion(let path, let command):
            "\(path) is half converted (a `fieldbook \(command)` was interrupted): run `fieldbook \(command) --data \(path)` to finish it; nothing was read"
        case .notEncrypted(let path): "\(path) is not encrypted"
        case .alreadyEncrypted(let path): "\(path) is already encrypted"
        case .unusableSlot(let id): "key slot \(id) cannot be used by this Fieldbook"
        case .lastSlot:
            "that is the folder's only passphrase: removing it would lock the folder for good; use `fieldbook decrypt` instead"
        case .store(let error): error.description
        }
    }
}

extension SymmetricKey {
    var bytes: Data { withUnsafeBytes { Data($0) } }
}

extension Data {
    init(randomBytes count: Int) {
        var generator = SystemRandomNumberGenerator()
        self.init((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
