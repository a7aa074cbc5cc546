import Foundation

/// Employer contacts in an order of their own, held as positions into a list held elsewhere
/// (the snapshot's): a folder's contacts are held once, however many lists show them (an
/// employer's contacts, newest first, in the employer directory and its summaries).
public struct ContactList: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
    /// The list the positions point into (shared, never copied by this list).
    private let base: [EmployerContact]
    private var positions: [Int32]

    /// The contacts of `base` at `positions`, in that order.
    init(base: [EmployerContact], positions: [Int32]) {
        self.base = base
        self.positions = positions
    }

    /// These contacts, in this order.
    public init(_ contacts: [EmployerContact]) {
        base = contacts
        positions = Array(0..<Int32(contacts.count))
    }

    public init(arrayLiteral contacts: EmployerContact...) { self.init(contacts) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(position: Int) -> EmployerContact { base[Int(positions[position])] }

    /// Made ready to hold `count` contacts without growing.
    mutating func reserveCapacity(_ count: Int) { positions.reserveCapacity(count) }

    /// Adds the contact at `position` of the base list (the list must have been made with
    /// `base(_:)` of that list).
    mutating func append(position: Int) { positions.append(Int32(position)) }

    /// An empty list pointing into `base`.
    static func into(_ base: [EmployerContact]) -> ContactList { ContactList(base: base, positions: []) }

    public static func == (lhs: ContactList, rhs: ContactList) -> Bool { lhs.elementsEqual(rhs) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for contact in self { hasher.combine(contact) }
    }
}
