import _CryptoExtras
import Crypto
import Foundation

/// A PIN kept as a salted, slow hash: PBKDF2 with HMAC-SHA-256, many rounds, a random salt.
/// The PIN itself is never stored.
public struct PINHash: Codable, Hashable, Sendable {
    public var salt: String
    public var hash: String
    public var rounds: Int
    public var algorithm: String

    /// OWASP's figure for PBKDF2-HMAC-SHA-256 (and the least swift-crypto accepts).
    public static let defaultRounds = 600_000

    /// A PIN is 4 to 12 digits.
    public static func isAcceptable(_ pin: String) -> Bool {
        (4...12).contains(pin.count) && pin.allSatisfy { $0.isASCII && $0.isNumber }
    }

    public init(pin: String, rounds: Int = defaultRounds) {
        var bytes = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        salt = Data(bytes).base64EncodedString()
        self.rounds = rounds
        algorithm = "pbkdf2-sha256"
        hash = Self.derive(pin, salt: Data(bytes), rounds: rounds)
    }

    /// True when `pin` is the one this hash was made from.
    public func matches(_ pin: String) -> Bool {
        guard algorithm == "pbkdf2-sha256", let saltBytes = Data(base64Encoded: salt) else { return false }
        let candidate = Array(Self.derive(pin, salt: saltBytes, rounds: rounds).utf8)
        let stored = Array(hash.utf8)
        // Same length and every byte compared, whatever the first difference.
        guard candidate.count == stored.count else { return false }
        return zip(candidate, stored).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ pin: String, salt: Data, rounds: Int) -> String {
        let key = try? KDF.Insecure.PBKDF2.deriveKey(from: Array(pin.utf8), salt: salt, using: .sha256,
                                                    outputByteCount: 32, unsafeUncheckedRounds: max(1, rounds))
        return key.map { $0.withUnsafeBytes { Data($0).base64EncodedString() } } ?? ""
    }
}
