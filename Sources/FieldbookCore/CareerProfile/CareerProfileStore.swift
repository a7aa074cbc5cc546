import Foundation

/// Reads and writes career profiles in a data folder (see docs/career-profile.md):
///
/// - `career-profile.json`: the folder's questionnaire definition, a copy of the default that
///   the agency may edit (never overwritten by Fieldbook);
/// - `career-profiles/<client id>/<started, UTC>-<session id>.json`: the answers of one session
///   (a meeting on one copy of Fieldbook), each answer on disk as soon as it is given.
///
/// Files follow the store's safety rules: owner-only, atomic and durable writes, unreadable
/// files reported as `DataProblem`s and never rewritten.
public final class CareerProfileStore {
    public let folder: URL
    public let mode: Store.Mode
    /// Between these files and the disk, as for the store's records (see `FileTransform`).
    let transform: FileTransform
    /// The folder's lock, taken for every write of an answer, as for every other record.
    private let lock: FolderLock

    public init(folder: URL, mode: Store.Mode = .readWrite, transform: FileTransform = .plain) {
        self.folder = folder.standardizedFileURL
        self.mode = mode
        self.transform = transform
        lock = FolderLock(folder: folder.standardizedFileURL)
    }

    /// Profiles of the data folder `store` reads.
    public convenience init(store: Store) {
        self.init(folder: store.folder, mode: store.mode, transform: store.transform)
    }

    // MARK: The definition

    /// The folder's definition; the built-in default when the folder has none. A definition
    /// that cannot be used is reported, and the default is used in its place (the file is left as it is).
    public func definition() -> (definition: QuestionnaireDefinition, problem: DataProblem?) {
        let url = folder.appendingPathComponent(CareerProfileLayout.definitionFile)
        let data: Data?
        do {
            data = try DurableFile.read(url)
        } catch {
            return (DefaultCareerProfile.definition, problem(CareerProfileLayout.definitionFile, "cannot be read; the built-in career profile is used"))
        }
        guard let data else { return (DefaultCareerProfile.definition, nil) }
        do {
            return (try QuestionnaireDefinition.parse(data), nil)
        } catch {
            let first = error.problems.prefix(3).map(\.description).joined(separator: "; ")
            let more = error.problems.count > 3 ? " (and \(error.problems.count - 3) more)" : ""
            return (DefaultCareerProfile.definition,
                    problem(CareerProfileLayout.definitionFile, "\(first)\(more); the built-in career profile is used until it is fixed"))
        }
    }

    /// Copies the default definition into the folder, unless it already has one.
    /// Returns whether it wrote the file.
    @discardableResult
    public func installDefaultDefinition() throws(StoreError) -> Bool {
        guard mode == .readWrite else { throw .readOnly }
        let url = folder.appendingPathComponent(CareerProfileLayout.definitionFile)
        if FileManager.default.fileExists(atPath: url.path) { return false }
        try DurableFile.write(Data(DefaultCareerProfile.json.utf8), to: url)
        return true
    }

    // MARK: Reading answers

    /// Every session of one client's profile. Files that cannot be read are reported and left alone.
    public func profile(of clientID: UUID) -> (profile: CareerProfile, problems: [DataProblem]) {
        let relative = CareerProfileLayout.clientFolder(clientID)
        var problems: [DataProblem] = []
        let files = Self.readSessions(in: folder, relative, clientID: clientID, through: transform, problems: &problems)
        return (CareerProfile(clientID: clientID, sessions: files), problems)
    }

    /// The ids of clients with a profile folder.
    public func clientsWithProfiles() -> [UUID] {
        DurableFile.list(folder.appendingPathComponent(CareerProfileLayout.profiles)).compactMap(UUID.init(uuidString:))
    }

    /// Every client's profile, with the files that could not be read.
    public func allProfiles() -> (profiles: [UUID: CareerProfile], problems: [DataProblem]) {
        let (profiles, problems) = mapProfiles { $0 }
        return (profiles, problems)
    }

    /// Reads every client's profile, several clients at a time, and returns what `transform`
    /// makes of each (it runs concurrently). For derived indexes read once per data change.
    public func mapProfiles<Result: Sendable>(
        _ transform: @escaping @Sendable (CareerProfile) -> Result
    ) -> (results: [UUID: Result], problems: [DataProblem]) {
        mapSessions { id, sessions in transform(CareerProfile(clientID: id, sessions: sessions)) }
    }

    /// The problems of every client's session files, as `mapProfiles` reports them, without
    /// putting any profile together (`fieldbook check` keeps nothing else).
    func sessionProblems() -> [DataProblem] {
        mapSessions { _, _ in true }.problems
    }

    /// Reads every client's session files, several clients at a time, and returns what
    /// `transform` makes of each client's sessions (it runs concurrently).
    private func mapSessions<Result: Sendable>(
        _ transform: @escaping @Sendable (UUID, [ProfileSessionFile]) -> Result
    ) -> (results: [UUID: Result], problems: [DataProblem]) {
        var problems: [DataProblem] = []
        var clients: [(id: UUID, relative: String)] = []
        let root = folder.appendingPathComponent(CareerProfileLayout.profiles)
        for name in DurableFile.list(root) {
            let relative = "\(CareerProfileLayout.profiles)/\(name)"
            guard let id = UUID(uuidString: name), name == id.lowercased,
                  DurableFile.isDirectory(root.appendingPathComponent(name))
            else {
                problems.append(Self.problem(relative, "expected a folder named after a client's id"))
                continue
            }
            clients.append((id, relative))
        }
        let slots = Slots<(Result, [DataProblem])>(count: clients.count)
        let folder = self.folder, fileTransform = self.transform
        let work = clients
        DispatchQueue.concurrentPerform(iterations: clients.count) { index in
            var found: [DataProblem] = []
            let (id, relative) = work[index]
            let files = Self.readSessions(in: folder, relative, clientID: id, through: fileTransform, problems: &found)
            slots[index] = (transform(id, files), found)
        }
        var results: [UUID: Result] = [:]
        for (index, client) in clients.enumerated() {
            guard let (result, found) = slots[index] else { continue }
            results[client.id] = result
            problems += found
        }
        return (results, problems)
    }

    private static func readSessions(
        in folder: URL, _ relative: String, clientID: UUID, through fileTransform: FileTransform, problems: inout [DataProblem]
    ) -> [ProfileSessionFile] {
        var files: [ProfileSessionFile] = []
        var seen: Set<UUID> = []
        for name in DurableFile.list(folder.appendingPathComponent(relative)) {
            let path = "\(relative)/\(name)"
            guard name.hasSuffix(".json") else {
                problems.append(problem(path, "not a .json file; Fieldbook ignores it"))
                continue
            }
            let bytes: [UInt8]?
            do {
                let url = folder.appendingPathComponent(path, isDirectory: false)
                // A plain folder's files are read straight into the array the strict reader keeps.
                bytes = fileTransform.isPlain ? try DurableFile.readBytes(url.path) : try fileTransform.read(path, from: url).map { [UInt8]($0) }
            } catch {
                problems.append(problem(path, "cannot be read"))
                continue
            }
            guard let bytes else { continue }
            let file: ProfileSessionFile
            switch decodeSession(bytes: bytes) {
            case .success(let decoded): file = decoded
            case .failure(let message):
                problems.append(problem(path, message.text))
                continue
            }
            if file.clientID != clientID {
                problems.append(problem(path, "holds answers for client \(file.clientID.lowercased), not for the folder's client; it was not used"))
                continue
            }
            if !seen.insert(file.sessionID).inserted {
                problems.append(problem(path, "session \(file.sessionID.lowercased) appears in two files; this one was not used"))
                continue
            }
            files.append(file)
        }
        return files
    }

    /// A session file's bytes read once by the strict reader (a key twice is refused, with its
    /// line and column) and decoded straight from its tape, as the store's records are. A file
    /// that cannot be used gives the message `fieldbook check` shows for it.
    static func decodeSession(_ data: Data) -> Result<ProfileSessionFile, ProfileFileMessage> {
        decodeSession(bytes: [UInt8](data))
    }

    static func decodeSession(bytes: [UInt8]) -> Result<ProfileSessionFile, ProfileFileMessage> {
        do {
            return .success(try TapeDecoding.decode(ProfileSessionFile.self, from: JSONReader.tape(bytes: bytes)))
        } catch let syntax as JSONSyntaxError {
            return .failure(ProfileFileMessage(text: syntax.description))
        } catch {
            return .failure(ProfileFileMessage(text: JSONCoding.describe(error, in: Data(bytes))))
        }
    }

    // MARK: Writing answers

    /// A new session (a meeting) for one client. Nothing is written until its first answer.
    /// `id` names the session (a new one unless given: the demo generator gives fixed ones).
    public func startSession(for clientID: UUID, definition: QuestionnaireDefinition, at moment: Date = Date(), id: UUID = UUID())
        -> ProfileSession
    {
        startSession(for: clientID, definitionVersion: definition.version, at: moment, id: id)
    }

    private func startSession(for clientID: UUID, definitionVersion: Int, at moment: Date, id sessionID: UUID = UUID()) -> ProfileSession {
        let started = Date(timeIntervalSince1970: moment.timeIntervalSince1970.rounded(.down))
        return ProfileSession(
            file: ProfileSessionFile(clientID: clientID, sessionID: sessionID, startedAt: started,
                                     definitionVersion: definitionVersion),
            path: CareerProfileLayout.sessionFile(client: clientID, session: sessionID, startedAt: started))
    }

    /// Writes one more answer into the session's file, durably, before returning: once this
    /// returns the answer survives a crash or a closed laptop. The value must fit its question;
    /// answers to questions the definition does not have are refused.
    /// If the session's file was changed on disk by anyone else, it is left as it is and the
    /// session goes on in a new file (`session` then has a new id and path).
    public func append(
        _ value: AnswerValue, to questionID: String, in definition: QuestionnaireDefinition,
        by specialist: UUID?, source: AnswerSource, at moment: Date = Date(), session: inout ProfileSession
    ) throws(ProfileError) -> AnswerEntry {
        guard let question = definition.question(questionID) else {
            throw .invalidAnswer(questionID: questionID, reason: "there is no such question in the career profile")
        }
        if let reason = question.problem(with: value) {
            throw .invalidAnswer(questionID: questionID, reason: reason)
        }
        let entry = AnswerEntry(questionID: questionID, value: value,
                                answeredAt: Date(timeIntervalSince1970: moment.timeIntervalSince1970.rounded(.down)),
                                enteredBy: specialist, source: source)
        do {
            try write(entry, session: &session)
        } catch {
            throw .store(error)
        }
        return entry
    }

    private func write(_ entry: AnswerEntry, session: inout ProfileSession) throws(StoreError) {
        guard mode == .readWrite else { throw .readOnly }
        session = try lock.withLock { () throws(StoreError) in
            var target = session
            let onDisk = try transform.read(target.path, from: folder.appendingPathComponent(target.path)).map(ContentHash.init)
            if onDisk != target.written {
                // Someone else changed or removed this meeting's file (a hand edit, a sync tool): it
                // is left as it is, and the meeting goes on in a file of its own.
                target = startSession(for: session.clientID, definitionVersion: session.file.definitionVersion, at: entry.answeredAt)
            }
            var file = target.file
            file.answers.append(entry)
            let data = try JSONCoding.encode(file)
            try transform.write(data, target.path, to: folder.appendingPathComponent(target.path))
            target.file = file
            target.written = ContentHash(data)
            return target
        }
    }

    /// Writes a whole session file as it is (a copy of another folder's, e.g. the demo's), in its
    /// usual place. `syncing: false` leaves out the fsyncs, for a folder thrown away after use
    /// (see `Store.syncsWrites`).
    public func copy(_ file: ProfileSessionFile, syncing: Bool = true) throws(StoreError) {
        guard mode == .readWrite else { throw .readOnly }
        let path = CareerProfileLayout.sessionFile(client: file.clientID, session: file.sessionID, startedAt: file.startedAt)
        try lock.withLock { () throws(StoreError) in
            try transform.write(JSONCoding.encode(file), path, to: folder.appendingPathComponent(path),
                                using: syncing ? .system : .unsynced)
        }
    }

    private func problem(_ path: String, _ message: String) -> DataProblem { Self.problem(path, message) }

    private static func problem(_ path: String, _ message: String) -> DataProblem {
        DataProblem(path: path, kind: .careerProfile, message: message)
    }
}

/// Why a career profile file could not be used, in words.
struct ProfileFileMessage: Error, Hashable {
    var text: String
}

/// One result per index, filled from concurrent work.
private final class Slots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { values[index] } }
        set { lock.withLock { values[index] = newValue } }
    }
}

/// A meeting in progress: where its answers go, and what was last written there.
public struct ProfileSession: Hashable, Sendable, Identifiable {
    public internal(set) var file: ProfileSessionFile
    /// Relative to the data folder.
    public let path: String
    var written: ContentHash?

    init(file: ProfileSessionFile, path: String) {
        self.file = file
        self.path = path
    }

    public var id: UUID { file.sessionID }
    public var clientID: UUID { file.clientID }
    public var startedAt: Date { file.startedAt }
    public var answers: [AnswerEntry] { file.answers }
}

public enum ProfileError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidAnswer(questionID: String, reason: String)
    case store(StoreError)

    public var description: String {
        switch self {
        case .invalidAnswer(let id, let reason): "question \(id): \(reason)"
        case .store(let error): error.description
        }
    }
}

/// Where career profile files live in the data folder.
public enum CareerProfileLayout {
    public static let definitionFile = "career-profile.json"
    public static let profiles = "career-profiles"

    public static func clientFolder(_ clientID: UUID) -> String { "\(profiles)/\(clientID.lowercased)" }

    /// `career-profiles/<client>/<YYYYMMDDTHHMMSSZ>-<session>.json`: sorted by name is sorted by start.
    public static func sessionFile(client: UUID, session: UUID, startedAt: Date) -> String {
        let stamp = Timestamp.format(startedAt, timeZone: TimeZone(secondsFromGMT: 0)!)
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        return "\(clientFolder(client))/\(stamp)-\(session.lowercased).json"
    }
}
