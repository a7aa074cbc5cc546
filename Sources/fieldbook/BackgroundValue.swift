import Foundation

/// A value worked out on another thread from the moment it is made; `value` waits for it.
/// The start uses it to run work the first frame needs beside work it also needs.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the worker before `done` is left; read only after waiting on `done`.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = work()
            done.leave()
        }
    }

    var value: Value {
        done.wait()
        return result!
    }
}
