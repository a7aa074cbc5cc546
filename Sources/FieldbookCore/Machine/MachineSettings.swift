import Foundation

/// What this machine (this user account) keeps about itself, never in the shared data folder:
/// who the user is in each data folder, the PIN that brings back a blanked screen, and when the
/// app syncs each shared data folder by itself.
/// One owner-only JSON file: `$XDG_CONFIG_HOME/fieldbook/machine.json`, else
/// `~/.config/fieldbook/machine.json`.
public struct MachineSettings: Codable, Hashable, Sendable {
    /// The user's specialist id in each data folder, keyed by the folder's absolute path.
    public var specialists: [String: UUID] = [:]
    public var pin: PINHash?
    /// When the app syncs each data folder by itself, keyed as `specialists` is; a folder not
    /// named here is synced only on F5 (absent in files written before it existed).
    public var autoSync: [String: AutoSync]?
    /// The calendar file kept up to date for each data folder, keyed as `specialists` is
    /// (absent in files written before it existed).
    public var calendars: [String: KeptCalendar]?

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

    /// When the app syncs `folder` by itself; off unless set on this machine.
    public func autoSync(for folder: URL) -> AutoSync { autoSync?[Self.key(for: folder)] ?? .off }

    public mutating func setAutoSync(_ plan: AutoSync, for folder: URL) {
        var plans = autoSync ?? [:]
        plans[Self.key(for: folder)] = plan.isOff ? nil : plan
        autoSync = plans.isEmpty ? nil : plans
    }

    /// The calendar file this machine keeps for `folder`, if any.
    public func keptCalendar(for folder: URL) -> KeptCalendar? { calendars?[Self.key(for: folder)] }

    /// Keeps `calendar` for `folder`; nil stops keeping one.
    public mutating func setKeptCalendar(_ calendar: KeptCalendar?, for folder: URL) {
        var kept = calendars ?? [:]
        kept[Self.key(for: folder)] = calendar
        calendars = kept.isEmpty ? nil : kept
    }
}

/// A calendar file (`fieldbook calendar --keep FILE`) written again after every change to a
/// data folder's records, by the app and by every command that changes them, for a calendar
/// app that subscribes to a file.
public struct KeptCalendar: Codable, Hashable, Sendable {
    /// The file's absolute path.
    public var path: String
    /// Only these specialists' items; nil: everyone's.
    public var specialists: [UUID]?
    /// Clients named in full; absent or false: initials and report codes.
    public var fullNames: Bool?

    public init(path: String, specialists: [UUID]? = nil, fullNames: Bool = false) {
        self.path = path
        self.specialists = specialists
        self.fullNames = fullNames ? true : nil
    }

    public var file: URL { URL(fileURLWithPath: path) }
    public var namesInFull: Bool { fullNames == true }
}

/// When the app syncs a shared data folder without F5: on start, on quitting with `q`, and
/// every so many minutes while it runs. Off by default: a sync sends this copy's saves to the
/// hub, which each machine's user chooses to do (`fieldbook sync auto`).
public struct AutoSync: Codable, Hashable, Sendable {
    public var onStart: Bool
    public var onQuit: Bool
    /// Minutes between syncs while the app runs; 0: none.
    public var everyMinutes: Int

    public static let off = AutoSync(onStart: false, onQuit: false, everyMinutes: 0)

    public init(onStart: Bool, onQuit: Bool, everyMinutes: Int) {
        self.onStart = onStart
        self.onQuit = onQuit
        self.everyMinutes = max(0, everyMinutes)
    }

    public var isOff: Bool { !onStart && !onQuit && everyMinutes == 0 }

    /// In words, for `fieldbook sync auto` and `sync status`.
    public var description: String {
        if isOff { return "off (F5 syncs)" }
        var parts: [String] = []
        if onStart { parts.append("on start") }
        if onQuit { parts.append("on quitting with q") }
        if everyMinutes > 0 { parts.append("every \(everyMinutes) minute\(everyMinutes == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }
}
