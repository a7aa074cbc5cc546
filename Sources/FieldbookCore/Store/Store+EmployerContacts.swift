import Foundation

/// Employer contacts: one file per specialist and month, each contact saved into it.
extension Store {
    /// Saves one employer contact into its specialist's month file, moving it if its date or
    /// specialist changed. Contacts in one month file merge one by one.
    @discardableResult
    public func save(_ contact: EmployerContact) throws(StoreError) -> SaveResult<EmployerContact> {
        var record = contact
        record.updatedAt = wholeSeconds(now())
        let previous = contactFiles[record.id]
        let target = DataLayout.employerContacts(specialist: record.specialistID, month: record.date)
        let outcome = try put([record], into: target)
        if let previous, previous != target, var old = try baseMonth(previous, from: contact.fileVersion) {
            old.contacts.removeAll { $0.id == record.id }
            _ = try saveRecord(old, to: previous, name: "Employer contacts for \(old.month)")
        }
        let saved = outcome.record.contacts.first { $0.id == record.id } ?? record
        switch outcome {
        case .saved: return .saved(saved)
        case .merged(_, let fields): return .merged(saved, fields: fields)
        }
    }

    /// Puts `contacts` (all of one specialist and month) into their month file, replacing
    /// earlier versions of the same contacts. One contact read from a version of this file
    /// is put into that version, and merged from there with the file as it is now.
    func put(_ contacts: [EmployerContact], into relative: String) throws(StoreError) -> SaveResult<EmployerContactMonth> {
        let first = contacts[0]
        let startedFrom = contacts.count == 1 ? first.fileVersion : nil
        var month = try baseMonth(relative, from: startedFrom) ?? EmployerContactMonth(
            specialistID: first.specialistID, month: DataLayout.monthKey(first.date), contacts: [])
        let ids = Set(contacts.map(\.id))
        month.contacts.removeAll { ids.contains($0.id) }
        month.contacts += contacts
        month.contacts.sort { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
        let name = "Employer contacts for \(month.month)"
        let result: SaveResult<EmployerContactMonth>
        if let held = files.written(relative), held.version == month.fileVersion,
           let known = try tree(of: month, replacing: ids, in: held.known)
        {
            // Only the contacts put are encoded, and read back, again: the others are as written.
            let (built, put) = (month, ids)
            assert(known == (try? tree(built)), "a month file's tree differs from its contacts' encoding")
            result = try saveRecord(month, to: relative, name: name, known: known) { json throws(StoreError) in
                try self.readBack(built, putting: put, from: json, relative)
            }
        } else {
            result = try saveRecord(month, to: relative, name: name)
        }
        for contact in result.record.contacts { contactFiles[contact.id] = relative }
        return result
    }

    /// The tree of `month` made from the tree of the month as this store wrote it last
    /// (`previous`): the contacts in `ids` encoded, the others' trees taken as they are. Nil
    /// when `previous` is not such a tree (contacts without ids, or an id twice).
    func tree(of month: EmployerContactMonth, replacing ids: Set<UUID>, in previous: JSONValue) throws(StoreError) -> JSONValue? {
        guard case .object(var members) = previous, case .array(let items)? = members["contacts"] else { return nil }
        var byID: [String: JSONValue] = [:]
        byID.reserveCapacity(items.count)
        for item in items {
            guard let id = item.itemID, byID.updateValue(item, forKey: id) == nil else { return nil }
        }
        var contacts: [JSONValue] = []
        contacts.reserveCapacity(month.contacts.count)
        for contact in month.contacts {
            if ids.contains(contact.id) {
                contacts.append(try tree(contact))
            } else {
                guard let item = byID[UUIDText.text(contact.id)] else { return nil }
                contacts.append(item)
            }
        }
        members["contacts"] = .array(contacts)
        return .object(members)
    }

    /// `month` as read back from `json`, the file just written from it: the contacts in `ids`
    /// decoded from their trees (the others were read back from the same trees before).
    func readBack(_ month: EmployerContactMonth, putting ids: Set<UUID>, from json: JSONValue, _ relative: String)
        throws(StoreError) -> EmployerContactMonth
    {
        guard case .array(let items)? = json["contacts"], items.count == month.contacts.count else {
            return try decode(EmployerContactMonth.self, json, relative)
        }
        var result = month
        result.fileVersion = nil
        for (index, contact) in month.contacts.enumerated() where ids.contains(contact.id) {
            result.contacts[index] = try decode(EmployerContact.self, items[index], relative)
        }
        return result
    }

    /// A month file as this store holds it now, or as it was at `version` when that is an
    /// earlier version of it whose bytes this store still holds; read now if it never was.
    func baseMonth(_ relative: String, from version: FileVersion? = nil) throws(StoreError) -> EmployerContactMonth? {
        func month(_ data: Data, _ version: FileVersion) throws(StoreError) -> EmployerContactMonth {
            var month = try decode(EmployerContactMonth.self, bytes: data, relative)
            month.markRead(as: version)
            return month
        }
        if let version, version != files[relative]?.version, let data = try bytes(of: version, at: relative) {
            return try month(data, version)
        }
        if let written = files.written(relative)?.month { return written }
        if case .unusable? = files[relative] {
            throw .io(path: relative, reason: "cannot be updated because it does not parse; run fieldbook check")
        }
        if let current = files[relative]?.version, let data = try bytes(of: current, at: relative) {
            return try month(data, current)
        }
        // Never read, or changed since and no contact of it loaded: read it now.
        guard let data = try transform.read(relative, from: folder.appendingPathComponent(relative)) else { return nil }
        _ = try parse(data, relative)
        let now = FileVersion(of: data)
        files.set(relative, .read(now, data))
        return try month(data, now)
    }

    /// Removes one employer contact from the month file it was read from (or belongs in). A
    /// contact that is not there leaves the file untouched.
    public func delete(_ contact: EmployerContact) throws(StoreError) {
        let relative = contactFiles[contact.id]
            ?? DataLayout.employerContacts(specialist: contact.specialistID, month: contact.date)
        guard var month = try baseMonth(relative, from: contact.fileVersion),
              month.contacts.contains(where: { $0.id == contact.id })
        else { return }
        month.contacts.removeAll { $0.id == contact.id }
        // A change made elsewhere to the file's other contacts merges as with any save.
        _ = try saveRecord(month, to: relative, name: "Employer contacts for \(month.month)")
        contactFiles[contact.id] = nil
    }
}
