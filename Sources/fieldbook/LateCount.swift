import Foundation

/// A count the start-up check works out on the store's worker (the records' problems, beside
/// the first frame; the walk over the data folder, after it), read by the key loop: nil until
/// it is in.
final class LateCount: @unchecked Sendable {
    private let lock = NSLock()
    private var found: Int?

    var count: Int? {
        get { lock.withLock { found } }
        set { lock.withLock { found = newValue } }
    }
}

/// When the whole folder was last read, set on the store's worker once the read is in (before
/// the first frame, or after it when the first frame was a kept one), read on the way out.
final class LateDate: @unchecked Sendable {
    private let lock = NSLock()
    private var found: Date?

    var date: Date? {
        get { lock.withLock { found } }
        set { lock.withLock { found = newValue } }
    }
}
