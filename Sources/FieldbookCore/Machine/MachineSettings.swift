import Foundation

/// What this machine (this user account) keeps about itself, never in the shared data folder:
/// who the user is in each data folder, and the PIN that brings back a blanked screen.
/// One owner-only JSON file: `$XDG_CONFIG_HOME/fieldbook/machine.json`, else
/// `~/.config/fieldbook/machine.json`.
public struct MachineSettings: Codable, Hashable, Sendable {
    /// The user's specialist id in each data folder, keyed by the folder's absolute path.
    public var specialists: [String: UUID] = [:]
    public var pin: PINHash?

    public init(specialists: [String: UUID] = [:], pin: PINHash? = nil) {
        self.specialists = specialists
        self.pin = pin
    }

    public static func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("fieldbook/machine.json")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/fieldbook/machine.json")
    }

    /// The settings kept at `file`; empty when there is no file yet. A file that cannot be
    /// read is an error, never silently replaced.
    public static func load(from file: URL = location()) throws(StoreError) -> MachineSettings {
        guard let data = try DurableFile.read(file) else { return MachineSettings() }
        do {
            return try JSONDecoder().decode(MachineSettings.self, from: data)
        } catch {
            throw .io(path: file.path, reason: "cannot be read as machine settings (\(error.localizedDescription))")
        }
    }

    /// Writes the settings to `file`, owner-only, atomically.
    public func save(to file: URL = location()) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(self) } catch {
            throw .io(path: file.path, reason: "could not be encoded")
        }
        try DurableFile.write(data, to: file)
    }

    /// The key of a data folder: its absolute, standardized path.
    public static func key(for folder: URL) -> String {
        folder.standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func specialist(for folder: URL) -> UUID? { specialists[Self.key(for: folder)] }

    public mutating func setSpecialist(_ id: UUID?, for folder: URL) { specialists[Self.key(for: folder)] = id }
}
