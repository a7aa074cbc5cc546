import FieldbookCore
import Foundation

/// Career profile work on the data folder, done off the key loop.
public enum ProfileRequest: Hashable, Sendable {
    /// The definition and every client's summary (at start and after reading the folder again).
    case loadOverview
    /// One client's profile, and a new meeting (session) for the answers of this visit.
    case open(clientID: UUID)
    /// Write one answer, durably, before answering.
    case append(ProfileAnswerToSave)
    /// The meeting of a closed fill-in screen is over.
    case close(sessionID: UUID)
    /// Write a client's printable pages into the folder the user named.
    case printPages(PrintPagesJob)
}

/// The answer to a `ProfileRequest`.
public enum ProfileResult: Sendable {
    case overview(ProfileOverview)
    case opened(OpenedProfile)
    case answered(AnsweredProfile)
    /// The answer does not fit its question; nothing was written.
    case refused(questionID: String, reason: String)
    /// The paths of the pages written.
    case printed(paths: [String])
    case closed
}
