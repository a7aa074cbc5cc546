import Foundation

/// Moving records in time by whole days: the demo data is shifted so its newest activity is
/// always yesterday, and every date and timestamp moves with it.
public protocol DateShiftable {
    func shifted(byDays days: Int) -> Self
}

extension Date {
    func shifted(byDays days: Int) -> Date { addingTimeInterval(Double(days) * 86_400) }
}

extension Specialist: DateShiftable {
    public func shifted(byDays days: Int) -> Specialist {
        var copy = self
        copy.createdAt = createdAt.shifted(byDays: days)
        copy.updatedAt = updatedAt.shifted(byDays: days)
        return copy
    }
}

extension Employer: DateShiftable {
    public func shifted(byDays days: Int) -> Employer {
        var copy = self
        copy.createdAt = createdAt.shifted(byDays: days)
        copy.updatedAt = updatedAt.shifted(byDays: days)
        return copy
    }
}

extension Job: DateShiftable {
    public func shifted(byDays days: Int) -> Job {
        var copy = self
        copy.startDate = startDate.adding(days: days)
        copy.endDate = endDate?.adding(days: days)
        copy.lossLearnedOn = lossLearnedOn?.adding(days: days)
        return copy
    }
}

extension ClientContact: DateShiftable {
    public func shifted(byDays days: Int) -> ClientContact {
        var copy = self
        copy.date = date.adding(days: days)
        copy.createdAt = createdAt.shifted(byDays: days)
        return copy
    }
}

extension Client: DateShiftable {
    public func shifted(byDays days: Int) -> Client {
        var copy = self
        copy.programEntryDate = programEntryDate.adding(days: days)
        copy.referralDate = referralDate?.adding(days: days)
        copy.statusHistory = statusHistory.map { StatusChange(date: $0.date.adding(days: days), from: $0.from, to: $0.to) }
        copy.jobs = jobs.map { $0.shifted(byDays: days) }
        copy.followAlongStepDown = followAlongStepDown.map { FollowAlongStepDown(date: $0.date.adding(days: days), to: $0.to) }
        copy.contacts = contacts.map { $0.shifted(byDays: days) }
        copy.createdAt = createdAt.shifted(byDays: days)
        copy.updatedAt = updatedAt.shifted(byDays: days)
        return copy
    }
}

extension EmployerContact: DateShiftable {
    public func shifted(byDays days: Int) -> EmployerContact {
        var copy = self
        copy.date = date.adding(days: days)
        copy.nextStepDate = nextStepDate?.adding(days: days)
        copy.createdAt = createdAt.shifted(byDays: days)
        copy.updatedAt = updatedAt.shifted(byDays: days)
        return copy
    }
}

extension DataSnapshot: DateShiftable {
    public func shifted(byDays days: Int) -> DataSnapshot {
        var copy = self
        copy.specialists = specialists.map { $0.shifted(byDays: days) }
        copy.clients = clients.map { $0.shifted(byDays: days) }
        copy.employers = employers.map { $0.shifted(byDays: days) }
        copy.employerContacts = employerContacts.map { $0.shifted(byDays: days) }
        return copy
    }
}

extension ProfileSessionFile: DateShiftable {
    public func shifted(byDays days: Int) -> ProfileSessionFile {
        var copy = self
        copy.startedAt = startedAt.shifted(byDays: days)
        copy.answers = answers.map { entry in
            var moved = entry
            moved.answeredAt = entry.answeredAt.shifted(byDays: days)
            moved.value = entry.value.shifted(byDays: days)
            return moved
        }
        return copy
    }
}

extension AnswerValue: DateShiftable {
    /// Dates in answers move with the rest (a past job's start, the next review).
    public func shifted(byDays days: Int) -> AnswerValue {
        switch self {
        case .date(let date): .date(date.adding(days: days))
        case .approximateDate(let date): .approximateDate(date.shifted(byDays: days))
        case .entries(let entries):
            .entries(entries.map { entry in GroupEntry(id: entry.id, answers: entry.answers.mapValues { $0.shifted(byDays: days) }) })
        default: self
        }
    }
}
