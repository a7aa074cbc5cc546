import Foundation

/// What the store knows of one file of the data folder.
enum FileState {
    /// Known to be absent.
    case absent
    /// Read, or written from JSON (a merge, a resolved conflict): its bytes, the file's JSON,
    /// parsed when a save needs it. (Bytes, not trees: a folder's trees take several times the
    /// memory of its files.)
    case read(FileVersion, Data)
    /// Read, and not usable as a record (conflict markers, not a record): its version only.
    case unusable(FileVersion)
    /// Loaded by a whole load (or from the derived cache): the version the file had; its bytes
    /// are read from the file when a save needs them, and used only while the file is still
    /// that version (else the records as loaded are the base, see `Store.asLoadedBytes`).
    case cached(FileVersion)
    /// Written by this store from a record (see `WrittenFile`).
    indirect case written(WrittenFile)

    /// The version of the file this state describes; nil when it is known to be absent.
    var version: FileVersion? {
        switch self {
        case .absent: nil
        case .read(let version, _), .unusable(let version), .cached(let version): version
        case .written(let file): file.version
        }
    }

    /// The file's bytes, when this store holds them.
    var bytes: Data? {
        switch self {
        case .read(_, let data): data
        case .written(let file): file.bytes
        case .absent, .unusable, .cached: nil
        }
    }
}

/// A file as this store wrote it from a record, in JSON and in this version's terms: the next
/// save of the same record starts from these forms instead of parsing and decoding the file's
/// bytes again.
struct WrittenFile {
    var version: FileVersion
    var bytes: Data
    var json: JSONValue
    /// `json` as this version of Fieldbook reads it (fields it does not know left out).
    var known: JSONValue
    /// `json` holds no field this version does not know (`json` is `known`).
    var unknownFree: Bool
    /// For a month of employer contacts: the month as read back from what was written.
    var month: EmployerContactMonth?
}

/// Everything the store knows of the folder's files, by path relative to the folder: one
/// state per file, plus the bytes of earlier versions a record value may still start from.
///
/// A record read before a reload, or before another save of the same file, carries the
/// version it came from (`FileVersion`); its save merges onto the file as it is now with that
/// version as the base, so the bytes of each version are kept here (a few per file, newest
/// first) after the file moves on. A version the store held no bytes of (loaded by a whole
/// load) is kept as "as loaded" (nil bytes): its base is the records as loaded, written out
/// here before the next whole load replaces them (`fillEarlierAsLoaded`).
struct StoreFiles {
    private var states: [String: FileState] = [:]
    private var earlier: [String: [(version: FileVersion, bytes: Data?)]] = [:]
    /// Earlier versions kept per file: a save starts from a version at most this many saves
    /// or reloads old (a form open across more changes of its record than this is merged
    /// with no base, so each field both sides hold differently is a conflict, never lost).
    static let earlierVersionsKept = 8

    subscript(relative: String) -> FileState? {
        states[relative]
    }

    /// Files known to be there (every state but `.absent`) whose paths `include` takes.
    func presentCount(_ include: (String) -> Bool) -> Int {
        states.reduce(0) { $0 + ($1.value.version != nil && include($1.key) ? 1 : 0) }
    }

    /// Records what the file now is, keeping the bytes of the version it replaces.
    mutating func set(_ relative: String, _ state: FileState) {
        if states[relative]?.version != state.version { keepEarlier(relative) }
        states[relative] = state
    }

    /// Forgets what is known of the file now (it is read again when needed); earlier
    /// versions' bytes stay.
    mutating func forget(_ relative: String) {
        keepEarlier(relative)
        states[relative] = nil
    }

    /// Keeps the bytes of the file's version now, newest first, as an earlier version (a
    /// version loaded without its bytes as "as loaded").
    private mutating func keepEarlier(_ relative: String) {
        guard let previous = states[relative], let version = previous.version else { return }
        let bytes: Data?
        switch previous {
        case .cached: bytes = nil
        case .unusable, .absent: return
        case .read, .written: bytes = previous.bytes
        }
        var kept = earlier[relative, default: []]
        kept.removeAll { $0.version == version }
        kept.insert((version, bytes), at: 0)
        if kept.count > Self.earlierVersionsKept { kept.removeLast(kept.count - Self.earlierVersionsKept) }
        earlier[relative] = kept
    }

    /// The bytes of one version of the file, when this store read or wrote them.
    func bytes(of version: FileVersion, at relative: String) -> Data? {
        if let state = states[relative], state.version == version, let bytes = state.bytes { return bytes }
        return earlier[relative]?.first { $0.version == version }?.bytes ?? nil
    }

    /// The file is, or was, that version as far as this store knows (read, loaded or written).
    func knows(_ version: FileVersion, at relative: String) -> Bool {
        states[relative]?.version == version || earlier[relative]?.contains { $0.version == version } == true
    }

    /// Writes out the earlier versions kept as "as loaded" (`bytes` gives them; nil drops one).
    mutating func fillEarlierAsLoaded(_ bytes: (FileVersion, String) -> Data?) {
        for (relative, kept) in earlier where kept.contains(where: { $0.bytes == nil }) {
            let filled = kept.compactMap { entry in
                entry.bytes != nil ? entry : bytes(entry.version, relative).map { (entry.version, $0) }
            }
            earlier[relative] = filled.isEmpty ? nil : filled
        }
    }

    /// The file as written from a record, while the file is still what was written.
    func written(_ relative: String) -> WrittenFile? {
        if case .written(let file)? = states[relative] { return file }
        return nil
    }

    /// Keeps only the version of a file this store wrote: its bytes are read from the file
    /// again when a save needs them (while it is still that version); earlier versions go.
    mutating func keepVersionOnly(_ relative: String) {
        guard case .written(let file)? = states[relative] else { return }
        states[relative] = .cached(file.version)
        earlier[relative] = nil
    }

    mutating func reserveCapacity(_ count: Int) { states.reserveCapacity(count) }
}
