import FieldbookCore
import Foundation

/// What `update` may know of the world: the time, today's date and new record ids. The main
/// loop passes the real clock; a test passes fixed values and counted ids and replays a run
/// exactly.
public struct Environment: Sendable {
    public var now: Date
    public var today: LocalDate
    public var newID: @Sendable () -> UUID

    public init(now: Date, today: LocalDate, newID: @escaping @Sendable () -> UUID) {
        self.now = now
        self.today = today
        self.newID = newID
    }
}

/// Names one piece of work asked of the main loop; its answer carries the same id, so it
/// reaches the page that asked even when another page is on top by then.
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
    public let number: Int
    public init(_ number: Int) { self.number = number }
    public var description: String { "#\(number)" }
}

/// Names one page on the stack for as long as it is open.
public struct PageID: Hashable, Sendable {
    public let number: Int
    public init(_ number: Int) { self.number = number }
}
