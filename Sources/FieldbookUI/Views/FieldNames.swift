import FieldbookCore
import Foundation

/// Field paths of a client record (`phone`, `disclosure.preference`, `jobs[<id>].hoursPerWeek`,
/// `contacts[<id>]`) in plain words ("Phone", "Disclosure: preference", "Job at Corner Books:
/// hours"), and their values as a person reads them, for the screen that merges two versions.
public enum FieldNames {
    static let clientFields: [String: String] = [
        "name": "Name", "preferredName": "Preferred name", "phone": "Phone", "email": "Email",
        "address": "Address", "programEntryDate": "Program entry", "referralSource": "Referral source",
        "referralDate": "Referral date", "specialistID": "Specialist", "status": "Status",
        "statusHistory": "Status history", "declinedFollowAlong": "Declined follow-along",
        "followAlongIntervalDays": "Follow-along every (days)", "followAlongStepDown": "Follow-along stepped down",
        "mentalHealthTeam": "Mental health team",
        "clinician": "Clinician", "vocationalRehabCounsellor": "VR counselor", "benefits": "Benefits",
        "benefitsPlanningDone": "Benefits planning done", "disclosure": "Disclosure", "notes": "Notes",
        "jobs": "Jobs", "contacts": "Contacts",
        "preference": "preference", "whatMayBeSaid": "what may be said",
    ]

    static let itemFields: [String: String] = [
        "employerID": "employer", "employerName": "employer", "title": "job title", "startDate": "start date",
        "endDate": "end date", "hoursPerWeek": "hours", "hourlyWage": "wage", "isCompetitive": "competitive",
        "endReason": "end reason", "endNote": "end note", "date": "date", "kind": "kind", "place": "place",
        "note": "note", "specialistID": "specialist", "status": "status", "on": "date",
        "lossLearnedOn": "end learned on", "selfEmployed": "self-employed", "supports": "supports",
    ]

    /// One step of a path: a member name, and the id of a list item when the step is `name[id]`.
    struct Step: Hashable {
        var name: String
        var id: String?
    }

    static func steps(_ path: String) -> [Step] {
        path.split(separator: ".").map { part in
            guard let open = part.firstIndex(of: "["), part.hasSuffix("]") else { return Step(name: String(part)) }
            let id = part[part.index(after: open)..<part.index(before: part.endIndex)]
            return Step(name: String(part[..<open]), id: String(id))
        }
    }

    /// "Phone", "Disclosure: preference", "Job at Corner Books: hours", "Contact on 2026-11-12".
    /// `client` names the jobs and contacts a path points into (either version will do).
    public static func label(_ path: String, in client: Client?) -> String {
        if path == "(whole record)" { return "The whole record" }
        var parts: [String] = []
        for (index, step) in steps(path).enumerated() {
            if index == 0, let id = step.id {
                parts.append(item(step.name, id: id, in: client))
            } else if index == 0 {
                parts.append(clientFields[step.name] ?? words(step.name, capitalized: true))
            } else {
                parts.append(itemFields[step.name] ?? clientFields[step.name] ?? words(step.name, capitalized: false))
            }
        }
        guard let head = parts.first else { return path }
        let rest = parts.dropFirst()
        return rest.isEmpty ? head : head + ": " + rest.joined(separator: ", ")
    }

    private static func item(_ list: String, id: String, in client: Client?) -> String {
        let uuid = UUID(uuidString: id)
        switch list {
        case "jobs":
            if let job = client?.jobs.first(where: { $0.id == uuid }) { return "Job at \(job.employerName)" }
            return "A job"
        case "contacts":
            if let contact = client?.contacts.first(where: { $0.id == uuid }) { return "Contact on \(contact.date)" }
            return "A contact"
        case "statusHistory":
            return "Status history entry"
        default:
            return "\(words(list, capitalized: true)) entry"
        }
    }

    /// `hoursPerWeek` -> "hours per week".
    static func words(_ name: String, capitalized: Bool) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out += " " + character.lowercased() } else { out.append(character) }
        }
        return capitalized ? out.prefix(1).uppercased() + out.dropFirst() : out
    }

    /// A value as shown on the merge screen: names for ids and statuses, yes/no, and words for
    /// a field or list item that one version does not have.
    public static func value(_ text: String?, path: String, in data: DataSnapshot) -> String {
        guard let text else { return path.hasSuffix("]") ? "(deleted)" : "(empty)" }
        if text.isEmpty { return "(empty)" }
        let last = steps(path).last?.name ?? ""
        switch last {
        case "specialistID":
            if let id = UUID(uuidString: text), let specialist = data.specialist(id) { return specialist.name }
        case "status":
            return ClientStatus(rawValue: text).label
        case "preference":
            return DisclosurePreference(rawValue: text).label
        default:
            break
        }
        if text == "true" { return "yes" }
        if text == "false" { return "no" }
        return text
    }
}
