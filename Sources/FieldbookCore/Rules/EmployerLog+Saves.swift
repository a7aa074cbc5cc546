import Foundation

/// The employer log after one save: what the saved record touches is worked out again (one
/// client's jobs and name, one employer's summary and place in the directory, one contact's
/// employer, specialist and job seekers); the rest is kept. The result equals a log built from
/// the snapshot that holds the saved record (a test edits at random and compares).
extension EmployerLog {
    /// Every contact with the employer, newest first (an employer missing from the directory too).
    public func contacts(atEmployer employerID: UUID) -> [EmployerContact] { contactsByEmployer[employerID] ?? [] }

    /// `client` was saved (changed or new) and `data` holds it.
    mutating func clientSaved(_ client: Client, in data: DataSnapshot) {
        let old = clientsByID[client.id]
        clientsByID[client.id] = client
        if clientOrder[client.id] == nil {
            clientOrder[client.id] = data.clients.last?.id == client.id
                ? data.clients.count - 1 : data.clients.firstIndex { $0.id == client.id } ?? data.clients.count
        }
        weeklyTargets = Self.weeklyTargets(data, settings: settings)
        openClientNames = Self.openClientNames(data.clients, saved: client, before: openClientNames)

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
            employerNames[at] = (key, employer)
        } else {
            position = employerNames.count
            renamed = true
            employerNames.append((key, employer))
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
        summaries[employer.id] = EmployerSummary(employer: employer, newestFirst: contactsByEmployer[employer.id] ?? [],
                                                 jobsHeld: heldJobs[employer.id] ?? [], today: today)
        businessTypes.update(employer)
        moveInDirectory(position)
    }

    /// An employer contact was saved (`old`: the version it replaced, nil for a new one) or
    /// deleted (`new` nil).
    mutating func employerContactSaved(_ new: EmployerContact?, replacing old: EmployerContact?) {
        var employers: [UUID] = []
        if let old {
            Self.remove(old, from: &contactsByEmployer, at: old.employerID)
            for client in Set(old.jobSeekerIDs) { Self.remove(old, from: &contactsByClient, at: client) }
            if ContactTally.counts(old), var days = faceToFaceDays[old.specialistID] {
                let at = Self.firstIndex(in: days, notBelow: old.date.dayNumber)
                if at < days.count && days[at] == old.date.dayNumber { days.remove(at: at) }
                faceToFaceDays[old.specialistID] = days.isEmpty ? nil : days
            }
            employers.append(old.employerID)
        }
        if let new {
            Self.insert(new, into: &contactsByEmployer, at: new.employerID)
            for client in Set(new.jobSeekerIDs) { Self.insert(new, into: &contactsByClient, at: client) }
            if ContactTally.counts(new) {
                var days = faceToFaceDays[new.specialistID] ?? []
                days.insert(new.date.dayNumber, at: Self.firstIndex(in: days, notBelow: new.date.dayNumber))
                faceToFaceDays[new.specialistID] = days
            }
            if !employers.contains(new.employerID) { employers.append(new.employerID) }
        }
        for id in employers {
            guard let summary = summaries[id] else { continue }
            summaries[id] = EmployerSummary(employer: summary.employer, newestFirst: contactsByEmployer[id] ?? [],
                                            jobsHeld: summary.jobsHeld, today: today)
            if let position = employerPosition[id] { moveInDirectory(position) }
        }
    }

    // MARK: Pieces

    /// The open clients in the snapshot's order, with their completion keys: the saved client's
    /// made again, everyone else's taken from `before` (the same list before the save).
    static func openClientNames(_ clients: [Client], saved: Client, before: [(key: Completion.Key, client: Client)])
        -> [(key: Completion.Key, client: Client)]
    {
        var result: [(key: Completion.Key, client: Client)] = []
        result.reserveCapacity(before.count + 1)
        var next = 0
        for client in clients {
            let wasListed = next < before.count && before[next].client.id == client.id
            if wasListed { next += 1 }
            guard client.status != .closed else { continue }
            result.append((wasListed && client.id != saved.id ? before[next - 1].key : client.completionKey, client))
        }
        return result
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

    private static func remove(_ contact: EmployerContact, from lists: inout [UUID: [EmployerContact]], at key: UUID) {
        guard var list = lists[key], let at = list.firstIndex(where: { $0.id == contact.id }) else { return }
        list.remove(at: at)
        lists[key] = list.isEmpty ? nil : list
    }

    /// Into its place newest first (binary search).
    private static func insert(_ contact: EmployerContact, into lists: inout [UUID: [EmployerContact]], at key: UUID) {
        var list = lists[key] ?? []
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if EmployerSummary.newestFirst(list[middle], contact) { low = middle + 1 } else { high = middle }
        }
        list.insert(contact, at: low)
        lists[key] = list
    }
}
