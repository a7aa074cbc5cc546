import Foundation

/// One record a save wrote, as the figures follow it (`Figures.init(data:today:previous:saved:)`):
/// what it touches is worked out again instead of everything.
public enum SavedChange: Hashable, Sendable {
    /// A client saved, changed or new.
    case client(Client)
    /// An employer saved, changed or new.
    case employer(Employer)
    /// An employer contact saved; `replacing`: the version it replaced, nil for a new contact.
    case employerContact(EmployerContact, replacing: EmployerContact?)
    /// An employer contact deleted, as it was.
    case deletedEmployerContact(EmployerContact)
}
