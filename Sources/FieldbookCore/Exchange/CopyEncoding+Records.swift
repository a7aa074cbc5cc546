import Foundation

/// Clients and employers as the full copy writes them, straight from their fields: their
/// synthesized `Encodable` through `TreeEncoding` and `JSONWriter` (optionals left out when nil,
/// defaulted fields always written, keys sorted, numbers in `TreeEncoding`'s text), without a
/// tree of dictionaries per record. The same code writes the copy and proves a file's bytes are
/// the copy's (`CopyProof`). Keep the members in step with the stored properties of `Client`,
/// `Job`, `JobSupports`, `StatusChange`, `DueDismissal`, `Disclosure`, `FollowAlongStepDown`,
/// `Employer` and `EmployerPerson`: `ClientFastPathTests` and `EmployerFastPathTests` compare
/// both ways on every sample record, generated folders and hand-made records with every
/// optional set and none.
extension CopyEncoding {
    /// Keys in `JSONWriter`'s order (sorted by their text).
    static func client<S: CopySink>(_ client: Client, depth: Int, into out: inout S) throws {
        out.literal("{\n")
        var members = Members(depth: depth)
        if let value = client.address { members.key("address", &out); out.string(value) }
        members.key("benefits", &out)
        let benefits = client.benefits
        list(benefits.count, depth: depth + 1, &out) { index, out in out.string(benefits[index].rawValue) }
        members.key("benefitsPlanningDone", &out); bool(client.benefitsPlanningDone, &out)
        if let value = client.clinician { members.key("clinician", &out); out.string(value) }
        members.key("contacts", &out)
        let contacts = client.contacts
        list(contacts.count, depth: depth + 1, &out) { index, out in
            clientContact(contacts[index], depth: depth + 2, into: &out)
        }
        members.key("createdAt", &out); out.timestamp(client.createdAt)
        members.key("declinedFollowAlong", &out); bool(client.declinedFollowAlong, &out)
        members.key("disclosure", &out); disclosure(client.disclosure, depth: depth + 1, &out)
        members.key("dueDismissals", &out)
        let dismissals = client.dueDismissals
        list(dismissals.count, depth: depth + 1, &out) { index, out in
            dueDismissal(dismissals[index], depth: depth + 2, &out)
        }
        if let value = client.email { members.key("email", &out); out.string(value) }
        if let value = client.externalID { members.key("externalID", &out); out.string(value) }
        if let value = client.followAlongIntervalDays { members.key("followAlongIntervalDays", &out); out.number(String(value)) }
        if let value = client.followAlongStepDown {
            members.key("followAlongStepDown", &out)
            out.literal("{\n")
            var inner = Members(depth: depth + 1)
            inner.key("date", &out); out.day(value.date)
            inner.key("to", &out); out.string(value.to)
            inner.close(&out)
        }
        members.key("id", &out); out.uuid(client.id)
        members.key("jobs", &out)
        let jobs = client.jobs
        var failure: (any Error)?
        list(jobs.count, depth: depth + 1, &out) { index, out in
            do {
                try job(jobs[index], depth: depth + 2, &out)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        if let value = client.mentalHealthTeam { members.key("mentalHealthTeam", &out); out.string(value) }
        members.key("name", &out); out.string(client.name)
        if let value = client.notes { members.key("notes", &out); out.string(value) }
        if let value = client.phone { members.key("phone", &out); out.string(value) }
        if let value = client.preferredName { members.key("preferredName", &out); out.string(value) }
        members.key("programEntryDate", &out); out.day(client.programEntryDate)
        if let value = client.recordsBegin { members.key("recordsBegin", &out); out.day(value) }
        if let value = client.referralDate { members.key("referralDate", &out); out.day(value) }
        if let value = client.referralSource { members.key("referralSource", &out); out.string(value) }
        if let value = client.specialistID { members.key("specialistID", &out); out.uuid(value) }
        members.key("status", &out); out.string(client.status.rawValue)
        members.key("statusHistory", &out)
        let history = client.statusHistory
        list(history.count, depth: depth + 1, &out) { index, out in
            let change = history[index]
            out.literal("{\n")
            var inner = Members(depth: depth + 2)
            inner.key("date", &out); out.day(change.date)
            inner.key("from", &out); out.string(change.from.rawValue)
            inner.key("to", &out); out.string(change.to.rawValue)
            inner.close(&out)
        }
        members.key("updatedAt", &out); out.timestamp(client.updatedAt)
        if let value = client.vocationalRehabCounsellor { members.key("vocationalRehabCounsellor", &out); out.string(value) }
        if let value = client.workingAtEntry { members.key("workingAtEntry", &out); bool(value, &out) }
        members.close(&out)
    }

    /// Keys in `JSONWriter`'s order.
    static func employer<S: CopySink>(_ employer: Employer, depth: Int, into out: inout S) {
        out.literal("{\n")
        var members = Members(depth: depth)
        if let value = employer.address { members.key("address", &out); out.string(value) }
        if let value = employer.businessType { members.key("businessType", &out); out.string(value) }
        members.key("createdAt", &out); out.timestamp(employer.createdAt)
        members.key("dueDismissals", &out)
        let dismissals = employer.dueDismissals
        list(dismissals.count, depth: depth + 1, &out) { index, out in
            dueDismissal(dismissals[index], depth: depth + 2, &out)
        }
        if let value = employer.hiringNeeds { members.key("hiringNeeds", &out); out.string(value) }
        members.key("id", &out); out.uuid(employer.id)
        members.key("name", &out); out.string(employer.name)
        if let value = employer.notes { members.key("notes", &out); out.string(value) }
        members.key("people", &out)
        let people = employer.people
        list(people.count, depth: depth + 1, &out) { index, out in
            let person = people[index]
            out.literal("{\n")
            var inner = Members(depth: depth + 2)
            if let value = person.email { inner.key("email", &out); out.string(value) }
            inner.key("hires", &out); bool(person.hires, &out)
            inner.key("id", &out); out.uuid(person.id)
            inner.key("name", &out); out.string(person.name)
            if let value = person.phone { inner.key("phone", &out); out.string(value) }
            if let value = person.title { inner.key("title", &out); out.string(value) }
            inner.close(&out)
        }
        if let value = employer.phone { members.key("phone", &out); out.string(value) }
        members.key("updatedAt", &out); out.timestamp(employer.updatedAt)
        if let value = employer.website { members.key("website", &out); out.string(value) }
        members.close(&out)
    }

    @inline(__always)
    private static func bool<S: CopySink>(_ value: Bool, _ out: inout S) { out.literal(value ? "true" : "false") }

    private static func disclosure<S: CopySink>(_ disclosure: Disclosure, depth: Int, _ out: inout S) {
        out.literal("{\n")
        var members = Members(depth: depth)
        members.key("preference", &out); out.string(disclosure.preference.rawValue)
        if let value = disclosure.whatMayBeSaid { members.key("whatMayBeSaid", &out); out.string(value) }
        members.close(&out)
    }

    private static func dueDismissal<S: CopySink>(_ item: DueDismissal, depth: Int, _ out: inout S) {
        out.literal("{\n")
        var members = Members(depth: depth)
        members.key("createdAt", &out); out.timestamp(item.createdAt)
        members.key("dismissedOn", &out); out.day(item.dismissedOn)
        members.key("dueOn", &out); out.day(item.dueOn)
        if let value = item.employerContactID { members.key("employerContactID", &out); out.uuid(value) }
        members.key("id", &out); out.uuid(item.id)
        if let value = item.jobID { members.key("jobID", &out); out.uuid(value) }
        members.key("kind", &out); out.string(item.kind.rawValue)
        members.key("reason", &out); out.string(item.reason)
        if let value = item.specialistID { members.key("specialistID", &out); out.uuid(value) }
        members.close(&out)
    }

    private static func job<S: CopySink>(_ job: Job, depth: Int, _ out: inout S) throws {
        out.literal("{\n")
        var members = Members(depth: depth)
        if let value = job.employerID { members.key("employerID", &out); out.uuid(value) }
        members.key("employerName", &out); out.string(job.employerName)
        if let value = job.endDate { members.key("endDate", &out); out.day(value) }
        if let value = job.endNote { members.key("endNote", &out); out.string(value) }
        if let value = job.endReason { members.key("endReason", &out); out.string(value.rawValue) }
        if let value = job.hourlyWage { members.key("hourlyWage", &out); out.number(value.description) }
        if let value = job.hoursPerWeek { members.key("hoursPerWeek", &out); out.number(try number(value)) }
        members.key("id", &out); out.uuid(job.id)
        members.key("isCompetitive", &out); bool(job.isCompetitive, &out)
        if let value = job.lossLearnedOn { members.key("lossLearnedOn", &out); out.day(value) }
        if let value = job.selfEmployed { members.key("selfEmployed", &out); bool(value, &out) }
        members.key("startDate", &out); out.day(job.startDate)
        if let value = job.supports {
            members.key("supports", &out)
            out.literal("{\n")
            var inner = Members(depth: depth + 1)
            if let text = value.employerContact { inner.key("employerContact", &out); out.string(text) }
            if let text = value.notWanted { inner.key("notWanted", &out); out.string(text) }
            if let text = value.wanted { inner.key("wanted", &out); out.string(text) }
            // No member at all: `{`, an empty line, `}`, as `JSONWriter` writes an empty object.
            inner.close(&out)
        }
        members.key("title", &out); out.string(job.title)
        members.close(&out)
    }

    /// A `Double` in `TreeEncoding`'s text (the shortest that reads back, no trailing `.0`).
    private static func number(_ value: Double) throws -> String {
        guard case .number(let text) = try TreeEncoding.number(value, path: { [] }) else { return "" }
        return text
    }
}
