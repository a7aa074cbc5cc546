import Foundation

/// The kinds of record a spreadsheet can bring in or take out, with their columns.
///
/// Each kind's columns are the ones a program's own sheet is likely to have, then one for every
/// other field of the record (`fieldbook_id`, timestamps...), so an export imports back to the
/// same records. See docs/import-export.md.
public enum ExchangeKind: String, CaseIterable, Sendable {
    case clients
    case jobs
    case clientContacts = "client-contacts"
    case employerContacts = "employer-contacts"

    /// The columns a sheet of this kind may have, in the order an export writes them.
    public var columns: [String] {
        switch self {
        case .clients:
            ["id", "name", "preferred_name", "program_entry", "specialist", "status", "closed_on", "phone", "email",
             "referral_source", "referral_date", "benefits", "disclosure", "follow_along", "working_at_entry", "notes",
             "fieldbook_id", "address", "specialist_fieldbook_id", "status_history", "follow_along_interval_days",
             "mental_health_team", "clinician", "vocational_rehab_counsellor", "benefits_planning_done",
             "disclosure_note", "created_at", "updated_at", "records_begin"]
        case .jobs:
            ["client_id", "employer", "title", "start", "end", "hours_per_week", "hourly_wage", "competitive",
             "end_reason", "end_note", "fieldbook_id", "employer_fieldbook_id"]
        case .clientContacts:
            ["client_id", "date", "kind", "place", "note", "specialist", "specialist_fieldbook_id", "fieldbook_id",
             "created_at"]
        case .employerContacts:
            ["date", "specialist", "employer", "business_type", "contact_person", "purpose", "method", "face_to_face",
             "on_behalf_of", "learned", "outcome", "next_step", "next_step_date", "contact_title",
             "contact_person_fieldbook_id", "job_seeker_present", "fieldbook_id", "specialist_fieldbook_id",
             "employer_fieldbook_id", "created_at", "updated_at"]
        }
    }

    /// Columns every sheet of this kind needs. A client sheet exported from Fieldbook may name
    /// clients by `fieldbook_id` where they have no spreadsheet `id`.
    public var requiredColumns: [[String]] {
        switch self {
        case .clients: [["id", "fieldbook_id"], ["name"], ["program_entry"]]
        case .jobs: [["client_id"], ["start"]]
        case .clientContacts: [["client_id"], ["date"], ["kind"]]
        case .employerContacts: [["date"], ["employer"]]
        }
    }

    /// What a header cell names: lower case, spaces and hyphens as underscores
    /// (`Program Entry` and `program-entry` are `program_entry`).
    public static func columnName(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }
}
