import Foundation

/// The number of problems the start-up check's walk over the data folder found (temporary
/// files left behind, permissions), written by the store's worker after the first frame and
/// read by the key loop: nil until the walk is done.
final class FolderProblems: @unchecked Sendable {
    private let lock = NSLock()
    private var found: Int?

    var count: Int? {
        get { lock.withLock { found } }
        set { lock.withLock { found = newValue } }
    }
}
