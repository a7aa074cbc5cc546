import Foundation

/// A row of the jobs sheet: a job of a client, added or updated.
extension CSVImport.Working {
    mutating func job(_ row: inout ImportRow) -> CSVImport.Outcome {
        let clientID = client(in: &row)
        let start = row.requiredDate("start")
        let end = row.date("end")
        if let start, let end, end < start { row.problem("end \(end) is before start \(start)") }
        let hours = row.double("hours_per_week")
        let wage = row.decimal("hourly_wage")
        let competitive = row.yesNo("competitive")
        let reason = row.value("end_reason", JobEndReason.self)
        let jobID = row.uuid("fieldbook_id")
        let employerID = row.uuid("employer_fieldbook_id")
        guard row.problems.isEmpty, let clientID, var client = clients[clientID], let start else { return .rejected }

        let employerName = row.word("employer") ?? ""
        let title = row.word("title") ?? ""
        var index = jobID.flatMap { id in client.jobs.firstIndex { $0.id == id } }
        if index == nil {
            index = client.jobs.firstIndex {
                $0.startDate == start && Self.nameKey($0.employerName) == Self.nameKey(employerName)
                    && Self.nameKey($0.title) == Self.nameKey(title)
            }
        }
        var job = index.map { client.jobs[$0] } ?? Job(id: jobID ?? newID(), employerName: employerName, title: title,
                                                      startDate: start)
        let before = job
        job.employerName = employerName
        job.title = title
        if row.has("employer") || row.has("employer_fieldbook_id") {
            job.employerID = employer(name: row.word("employer"), id: employerID)
        }
        if row.has("end") { job.endDate = end }
        if row.has("hours_per_week") { job.hoursPerWeek = hours }
        if row.has("hourly_wage") { job.hourlyWage = wage }
        if row.has("competitive") { job.isCompetitive = competitive ?? true }
        if row.has("end_reason") { job.endReason = reason }
        if row.has("end_note") { job.endNote = row.text("end_note") }
        if index != nil && job == before { return .unchanged }
        if let index { client.jobs[index] = job } else { client.jobs.append(job) }
        client.updatedAt = now
        store(client)
        return index == nil ? .added : .updated("job of \(Self.label(client)) updated (\(Self.changedFields(before, job).joined(separator: ", ")))")
    }
}
