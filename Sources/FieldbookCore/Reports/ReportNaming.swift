import Crypto
import Foundation

/// How a report names clients and employers: by name, or (deidentified) by stable codes made
/// from the record's id and a random salt kept in the data folder, so the same person has the
/// same code in every report from that folder and no one can work back to the id.
public enum ReportNaming: Sendable {
    case identified
    case deidentified(salt: Data)

    public var isDeidentified: Bool {
        if case .deidentified = self { return true }
        return false
    }

    public func client(_ id: UUID, name: String) -> String {
        code("C", "client", id) ?? name
    }

    public func employer(_ id: UUID?, name: String) -> String {
        guard isDeidentified else { return name }
        guard let id else { return "E-?" }
        return code("E", "employer", id) ?? name
    }

    /// A client's id as the report may show it: nil when deidentified.
    public func id(_ id: UUID) -> UUID? { isDeidentified ? nil : id }

    private func code(_ prefix: String, _ kind: String, _ id: UUID) -> String? {
        guard case .deidentified(let salt) = self else { return nil }
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(kind):\(id.uuidString.lowercased())".utf8), using: SymmetricKey(data: salt))
        return prefix + "-" + mac.prefix(4).map { String(format: "%02X", $0) }.joined()
    }
}

/// The random salt of a data folder's deidentified reports: `report-salt` (owner-only),
/// created on first use and never changed, so codes stay stable.
public enum ReportSalt {
    public static let fileName = "report-salt"

    /// Reads the salt, creating it when the folder has none.
    /// `transform`: the folder's (an encrypted folder keeps the salt encrypted).
    public static func load(folder: URL, transform: FileTransform = .plain) throws(StoreError) -> Data {
        let url = folder.appendingPathComponent(fileName)
        if let data = try transform.read(fileName, from: url), let text = String(data: data, encoding: .utf8) {
            let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let salt = Data(hex: hex), salt.count >= 16 { return salt }
            throw .io(path: fileName, reason: "is not a salt written by Fieldbook; move it away to make a new one (codes will change)")
        }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let salt = Data(bytes)
        try transform.write(Data((salt.map { String(format: "%02x", $0) }.joined() + "\n").utf8), fileName, to: url)
        return salt
    }
}

extension Data {
    fileprivate init?(hex: String) {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
