import Foundation

/// Notices that a data folder's commit moved (a sync ran: the app's own, or `fieldbook sync`
/// on the command line meanwhile) and names the files that changed with it, so that a reader
/// reads those files again and no others. Looking costs a few `stat` calls while nothing
/// moved; git runs only when one of git's own files changed.
public final class SyncWatch {
    private let sync: Sync
    /// The commit the reader's records follow.
    public private(set) var knownHead: String?
    private var stamps: [FileStamp?] = []

    /// Starts from the folder's commit now (the reader has just read the folder).
    public init(sync: Sync) {
        self.sync = sync
        stamps = currentStamps()
        knownHead = sync.head()
    }

    /// Files git writes when the commit or the index moves.
    private var watched: [String] {
        let git = sync.gitFolder.path
        return ["\(git)/HEAD", "\(git)/index", "\(git)/logs/HEAD", "\(git)/refs/heads/\(Sync.branch)", "\(git)/packed-refs"]
    }

    private func currentStamps() -> [FileStamp?] { watched.map(FileStamp.of) }

    /// The files changed since the last look, when the commit moved; nil when it did not.
    public func filesChangedSinceLastLook() -> Set<String>? {
        let now = currentStamps()
        guard now != stamps else { return nil }
        stamps = now
        let head = sync.head()
        guard head != knownHead else { return nil }
        defer { knownHead = head }
        return Set(sync.filesChanged(from: knownHead, to: head))
    }
}
