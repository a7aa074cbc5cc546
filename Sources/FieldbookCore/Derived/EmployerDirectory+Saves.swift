import Foundation

/// The directory after one save: what the saved record touches is worked out again (one
/// client's jobs held, one employer's summary and place in the directory, one contact's
/// employer); the rest is kept. The result equals a directory built from the snapshot that
/// holds the saved record (FiguresAfterSavesTests edits at random and compares).
extension EmployerDirectory {
    /// `client` was saved (changed or new; `old`: the version it replaced) and `data` holds it.
    mutating func clientSaved(_ client: Client, replacing old: Client?, in data: DataSnapshot) {
        if clientOrder[client.id] == nil {
            clientOrder[client.id] = data.clients.last?.id == client.id
                ? data.clients.count - 1 : data.clients.firstIndex { $0.id == client.id } ?? data.clients.count
        }
        // The jobs held at the employers of the client's jobs, before and after.
        let before = old.map { Self.heldJobs(of: $0, employerIDByName: employerIDByName, today: today) } ?? []
        let after = Self.heldJobs(of: client, employerIDByName: employerIDByName, today: today)
        let order = clientOrder[client.id] ?? .max
        for employerID in Set(before.map(\.0) + after.map(\.0)) {
            var held = heldJobs[employerID] ?? []
            held.removeAll { $0.clientID == client.id }
            let mine = after.filter { $0.0 == employerID }.map(\.1)
            held.insert(contentsOf: mine, at: held.firstIndex { (clientOrder[$0.clientID] ?? .max) > order } ?? held.endIndex)
            heldJobs[employerID] = held.isEmpty ? nil : held
            summaries[employerID]?.jobsHeld = held
        }
    }

    /// `employer` was saved (changed or new) and `data` holds it.
    mutating func employerSaved(_ employer: Employer, in data: DataSnapshot) {
        let key = Completion.Key(employer.name)
        let position: Int
        let renamed: Bool
        if let at = employerPosition[employer.id] {
            position = at
            renamed = employerNames[at].key.folded != key.folded
            employerNames[at] = (key, employer.id)
        } else {
            position = employerNames.count
            renamed = true
            employerNames.append((key, employer.id))
            employerPosition[employer.id] = position
        }
        if renamed {
            // Jobs naming their employer only by name may now be held here, or no longer.
            employerIDByName = Self.employerIDsByName(employerNames)
            let held = Self.heldJobs(data.clients, employerIDByName: employerIDByName, today: today)
            for id in Set(heldJobs.keys).union(held.keys) where heldJobs[id] != held[id] {
                summaries[id]?.jobsHeld = held[id] ?? []
            }
            heldJobs = held
        }
        summaries[employer.id] = summary(employer)
        businessTypes.update(employer)
        moveInDirectory(position)
    }

    /// An employer contact was saved (`old`: the version it replaced, nil for a new one) or
    /// deleted (`new` nil).
    mutating func contactSaved(_ new: EmployerContact?, replacing old: EmployerContact?) {
        var employers: [UUID] = []
        // The lists touched hold their own contacts from now on (one employer's each).
        var lists: [UUID: [EmployerContact]] = [:]
        for id in [old?.employerID, new?.employerID].compactMap({ $0 }) where lists[id] == nil {
            lists[id] = contactsByEmployer[id].map(Array.init)
        }
        if let old {
            NewestFirstLists.remove(old, from: &lists, at: old.employerID)
            employers.append(old.employerID)
        }
        if let new {
            NewestFirstLists.insert(new, into: &lists, at: new.employerID)
            if !employers.contains(new.employerID) { employers.append(new.employerID) }
        }
        for id in employers { contactsByEmployer[id] = lists[id].map(ContactList.init) }
        for id in employers {
            guard let employer = summaries[id]?.employer else { continue }
            summaries[id] = summary(employer)
            if let position = employerPosition[id] { moveInDirectory(position) }
        }
    }

    /// Takes the employer at `position` (in `employerNames`) out of each of the directory's
    /// orders and puts it back in its place (binary search).
    private mutating func moveInDirectory(_ position: Int) {
        let keys = DirectoryKeys(index: position, names: employerNames, summaries: summaries)
        for sort in EmployerSort.allCases {
            var order = directoryOrders[sort] ?? []
            if let at = order.firstIndex(of: position) { order.remove(at: at) }
            if let keys {
                var low = 0, high = order.count
                while low < high {
                    let middle = (low + high) / 2
                    let other = DirectoryKeys(index: order[middle], names: employerNames, summaries: summaries)
                    if other?.precedes(keys, by: sort) ?? true { low = middle + 1 } else { high = middle }
                }
                order.insert(position, at: low)
            }
            directoryOrders[sort] = order
        }
    }
}
