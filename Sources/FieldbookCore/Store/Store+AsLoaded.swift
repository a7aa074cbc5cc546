import Foundation

/// The base of a merge when a file changed since it was loaded: the records as loaded.
///
/// A store that saves keeps no copy of the bytes of the files a whole load read: only their
/// versions (`FileState.cached`), and the records as loaded (`asLoaded`, the snapshot `load`
/// returned, whose lists the caller's snapshot shares until it changes them). A save that
/// starts from a version reads the file again and uses its bytes while their hash is still that
/// version (so every field, known or not, is carried exactly as before); when the file changed
/// since, the records loaded from that version, written again, are the base of the three-way
/// merge. Fields this version does not know are not in that base, nor in this copy: the merge
/// takes them from the file as it is now, which holds them.
extension Store {
    /// The records loaded from `version` of `relative`, written as the store writes them; nil
    /// when the last whole load read no record from that version of that file.
    func asLoadedBytes(of version: FileVersion, at relative: String) -> Data? {
        Self.bytes(of: version, at: relative, in: asLoaded)
    }

    static func bytes(of version: FileVersion, at relative: String, in loaded: DataSnapshot) -> Data? {
        guard let kind = RecordFiles.kind(of: relative) else { return nil }
        func encoded(_ record: (some Encodable)?) -> Data? { record.flatMap { try? JSONCoding.encode($0) } }
        switch kind.recordKind {
        case .settings:
            return loaded.settings.fileVersion == version ? encoded(loaded.settings) : nil
        case .specialist: return encoded(loaded.specialists.first { $0.fileVersion == version })
        case .client: return encoded(loaded.clients.first { $0.fileVersion == version })
        case .employer: return encoded(loaded.employers.first { $0.fileVersion == version })
        case .fidelityReview: return encoded(loaded.fidelityReviews.first { $0.fileVersion == version })
        case .employerContacts:
            // A month with no contact loaded from it (an empty month, or one whose contacts were
            // all newer elsewhere) has no base: each field that differs is then a conflict.
            let contacts = loaded.employerContacts.filter { $0.fileVersion == version }
            guard let first = contacts.first else { return nil }
            let name = relative.split(separator: "/").last.map { String($0.dropLast(".json".count)) } ?? DataLayout.monthKey(first.date)
            return encoded(EmployerContactMonth(specialistID: first.specialistID, month: name, contacts: contacts))
        default:
            return nil
        }
    }

    /// Before a whole load replaces the records as loaded: the earlier versions kept as "as
    /// loaded" (files saved or read again since) are written out, so that a record value still
    /// carrying one of them merges from it after the load as before it.
    func keepEarlierAsLoaded() {
        files.fillEarlierAsLoaded { version, relative in asLoadedBytes(of: version, at: relative) }
    }
}
