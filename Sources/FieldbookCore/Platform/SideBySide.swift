import Foundation

/// Two independent pieces of work run at once, on this thread and one other core, and both
/// answers returned. The caller does the second piece itself when no worker thread has taken
/// it by the time the first is done, so it never waits for a thread that has not started (a
/// test run that keeps every worker busy still finishes, only without the overlap).
enum SideBySide {
    static func run<First, Second: Sendable>(_ first: () -> First, _ second: @escaping @Sendable () -> Second)
        -> (First, Second)
    {
        let other = Claimed(second)
        DispatchQueue.global(qos: .userInitiated).async { other.runIfUnclaimed() }
        let firstValue = first()
        other.runIfUnclaimed()
        return (firstValue, other.value)
    }

    /// Work that runs once, on whichever thread claims it first; `value` waits for it.
    private final class Claimed<Value: Sendable>: @unchecked Sendable {
        private let work: @Sendable () -> Value
        private let condition = NSCondition()
        /// Guarded by `condition`.
        private var claimed = false
        private var result: Value?

        init(_ work: @escaping @Sendable () -> Value) { self.work = work }

        func runIfUnclaimed() {
            condition.lock()
            let mine = !claimed
            claimed = true
            condition.unlock()
            guard mine else { return }
            let value = work()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }

        var value: Value {
            condition.lock()
            defer { condition.unlock() }
            while result == nil { condition.wait() }
            return result!
        }
    }
}
