import Foundation

/// The career profile work of a running app, done off the key loop one request at a time:
/// the definition and every client's summary (at start and on reload), and the meetings under
/// way (a session per visit to the fill-in screen), each answer written before it is answered.
///
/// Not thread-safe: one caller (the app's store queue) uses it.
public final class ProfileDesk: @unchecked Sendable {
    public let store: CareerProfileStore
    public private(set) var definition: QuestionnaireDefinition
    private var meetings: [UUID: (session: ProfileSession, profile: CareerProfile)] = [:]

    public init(store: CareerProfileStore) {
        self.store = store
        definition = store.definition().definition
    }

    /// Reads the definition and builds every client's summary.
    public func overview() -> ProfileOverview {
        let (definition, problem) = store.definition()
        self.definition = definition
        let summaries = ProfileSummaries.build(from: store, definition: definition)
        return ProfileOverview(definition: definition, summaries: summaries, definitionProblem: problem)
    }

    /// Reads one client's profile and starts a meeting (nothing is written before its first answer).
    public func open(_ clientID: UUID, at moment: Date) -> OpenedProfile {
        let (profile, problems) = store.profile(of: clientID)
        let session = store.startSession(for: clientID, definition: definition, at: moment)
        meetings[session.id] = (session, profile)
        return OpenedProfile(profile: profile, sessionID: session.id, definition: definition, problems: problems)
    }

    /// Writes one answer of meeting `sessionID`, durably, and returns the profile with it.
    public func append(_ answer: ProfileAnswerToSave) throws(ProfileError) -> AnsweredProfile {
        var meeting = meetings[answer.sessionID] ?? {
            let session = store.startSession(for: answer.clientID, definition: definition, at: answer.at)
            return (session, store.profile(of: answer.clientID).profile)
        }()
        let entry = try store.append(answer.value, to: answer.questionID, in: definition, by: answer.enteredBy,
                                     source: answer.source, at: answer.at, session: &meeting.session)
        meeting.profile.record(entry, session: meeting.session)
        meetings[answer.sessionID] = meeting
        return AnsweredProfile(entry: entry, profile: meeting.profile)
    }

    /// Forgets a meeting once its screen is closed.
    public func close(_ sessionID: UUID) { meetings[sessionID] = nil }
}

/// What every screen may know of career profiles without reading their histories.
public struct ProfileOverview: Hashable, Sendable {
    public var definition: QuestionnaireDefinition
    public var summaries: ProfileSummaries
    /// Why the folder's definition could not be used, if it could not.
    public var definitionProblem: DataProblem?
    /// True until the folder's profiles have been read (the app reads them after its first
    /// frame): screens say they are loading rather than showing no profile.
    public var isLoading: Bool

    public init(definition: QuestionnaireDefinition = DefaultCareerProfile.definition, summaries: ProfileSummaries = ProfileSummaries(),
                definitionProblem: DataProblem? = nil, isLoading: Bool = false) {
        self.definition = definition
        self.summaries = summaries
        self.definitionProblem = definitionProblem
        self.isLoading = isLoading
    }

    /// What is known before the folder's profiles are read. No definition yet (screens wait for
    /// the folder's own): the built-in one is not even parsed before the first frame.
    public static let loading = ProfileOverview(definition: QuestionnaireDefinition(version: 0, title: "", sections: []), isLoading: true)

    /// What `fieldbook check` reports of career profiles: the definition and unreadable session files.
    public var problems: [DataProblem] { [definitionProblem].compactMap { $0 } + summaries.problems }

    /// The words a screen shows where profile data will be.
    public static let loadingText = "career profiles loading…"
}

/// One answer to write, as the fill-in screen gives it.
public struct ProfileAnswerToSave: Hashable, Sendable {
    public var sessionID: UUID
    public var clientID: UUID
    public var questionID: String
    public var value: AnswerValue
    public var enteredBy: UUID?
    public var source: AnswerSource
    public var at: Date

    public init(sessionID: UUID, clientID: UUID, questionID: String, value: AnswerValue, enteredBy: UUID?, source: AnswerSource, at: Date) {
        self.sessionID = sessionID
        self.clientID = clientID
        self.questionID = questionID
        self.value = value
        self.enteredBy = enteredBy
        self.source = source
        self.at = at
    }
}

public struct OpenedProfile: Hashable, Sendable {
    public var profile: CareerProfile
    public var sessionID: UUID
    /// The definition the meeting's answers are checked against.
    public var definition: QuestionnaireDefinition
    public var problems: [DataProblem]

    public init(profile: CareerProfile, sessionID: UUID, definition: QuestionnaireDefinition, problems: [DataProblem] = []) {
        self.profile = profile
        self.sessionID = sessionID
        self.definition = definition
        self.problems = problems
    }
}

public struct AnsweredProfile: Hashable, Sendable {
    public var entry: AnswerEntry
    /// The client's whole profile with the answer.
    public var profile: CareerProfile

    public init(entry: AnswerEntry, profile: CareerProfile) {
        self.entry = entry
        self.profile = profile
    }
}

extension CareerProfileLayout {
    /// Printable copies the app once wrote inside the data folder (kept out of the team's sync).
    public static let exports = "exports"
}
