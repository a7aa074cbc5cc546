import Foundation

/// A row of the clients sheet: the client with its id, created or updated.
extension CSVImport.Working {
    mutating func client(_ row: inout ImportRow, today: LocalDate) -> CSVImport.Outcome {
        let external = row.word("id")
        let fieldbookID = row.uuid("fieldbook_id")
        let name = row.text("name")
        let entry = row.date("program_entry")
        if external == nil && fieldbookID == nil { row.problem("id is empty") }
        if name == nil { row.problem("name is empty") }
        if entry == nil && row.word("program_entry") == nil { row.problem("program_entry is empty") }
        if let external {
            if let earlier = externalIDsInSheet[external] {
                row.problem("id \(external) is already on line \(earlier)")
            } else {
                externalIDsInSheet[external] = row.line
            }
        }
        var existing = fieldbookID.flatMap { clients[$0] }
        if existing == nil, let external, let id = clientByExternalID[external] { existing = clients[id] }
        if let existing, let external, let owner = clientByExternalID[external], owner != existing.id {
            row.problem("id \(external) belongs to another client")
        }
        let status = row.value("status", ClientStatus.self)
        let closedOn = row.date("closed_on")
        if closedOn != nil, let status, status != .closed {
            row.problem("closed_on is given but status is \(status.rawValue), not closed")
        }
        let history = row.has("status_history") ? row.statusHistory("status_history") : nil
        let benefits = row.items("benefits").map { item in
            Benefit.allCases.first { $0.rawValue.lowercased() == item.lowercased() } ?? Benefit(rawValue: item)
        }
        let disclosure = row.value("disclosure", DisclosurePreference.self)
        let followAlong = row.yesNo("follow_along")
        let workingAtEntry = row.yesNo("working_at_entry")
        let planningDone = row.yesNo("benefits_planning_done")
        let interval = row.whole("follow_along_interval_days")
        let referralDate = row.date("referral_date")
        let recordsBegin = row.date("records_begin")
        let specialistID = row.uuid("specialist_fieldbook_id")
        let createdAt = row.timestamp("created_at")
        let updatedAt = row.timestamp("updated_at")
        guard row.problems.isEmpty, let name, let entry else { return .rejected }

        var client = existing ?? Client(
            id: fieldbookID ?? newID(), name: name, programEntryDate: entry, createdAt: createdAt ?? now)
        let before = client
        client.name = name
        client.programEntryDate = entry
        if let external { client.externalID = external }
        func set<T>(_ column: String, _ path: WritableKeyPath<Client, T>, _ value: T) {
            if row.has(column) { client[keyPath: path] = value }
        }
        set("preferred_name", \.preferredName, row.text("preferred_name"))
        set("phone", \.phone, row.word("phone"))
        set("email", \.email, row.word("email"))
        set("address", \.address, row.text("address"))
        set("referral_source", \.referralSource, row.text("referral_source"))
        set("referral_date", \.referralDate, referralDate)
        set("benefits", \.benefits, benefits)
        set("benefits_planning_done", \.benefitsPlanningDone, planningDone ?? false)
        set("disclosure", \.disclosure.preference, disclosure ?? .undecided)
        set("disclosure_note", \.disclosure.whatMayBeSaid, row.text("disclosure_note"))
        set("follow_along", \.declinedFollowAlong, followAlong == false)
        set("follow_along_interval_days", \.followAlongIntervalDays, interval)
        set("working_at_entry", \.workingAtEntry, workingAtEntry)
        set("mental_health_team", \.mentalHealthTeam, row.text("mental_health_team"))
        set("clinician", \.clinician, row.text("clinician"))
        set("vocational_rehab_counsellor", \.vocationalRehabCounsellor, row.text("vocational_rehab_counsellor"))
        set("notes", \.notes, row.text("notes"))
        // A client new to Fieldbook from a sheet: its records begin today, unless the sheet has the
        // column (empty there: at program entry, as for a Fieldbook export).
        if existing == nil && !row.has("records_begin") { client.recordsBegin = today } else { set("records_begin", \.recordsBegin, recordsBegin) }
        if row.has("specialist") || row.has("specialist_fieldbook_id") {
            client.specialistID = specialist(name: row.word("specialist"), id: specialistID)
        }
        if let createdAt { client.createdAt = createdAt }

        if let history {
            client.statusHistory = history
            if let status { client.status = status }
        } else if let closedOn {
            if client.status == .closed, let last = client.statusHistory.indices.last,
               client.statusHistory[last].to == .closed {
                client.statusHistory[last].date = closedOn
            } else if client.status == .closed {
                client.statusHistory.append(StatusChange(date: closedOn, from: .engaging, to: .closed))
            } else {
                client.setStatus(.closed, on: closedOn)
            }
        } else if let status {
            if existing == nil { client.status = status } else { client.setStatus(status, on: today) }
        }

        var comparable = client
        comparable.updatedAt = before.updatedAt
        if existing != nil && comparable == before { return .unchanged }
        client.updatedAt = updatedAt ?? (existing == nil ? client.createdAt : now)
        store(client)
        if existing == nil { return .added }
        return .updated("\(Self.label(client)) updated (\(Self.changedFields(before, comparable).joined(separator: ", ")))")
    }
}
