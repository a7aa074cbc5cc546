import Foundation

/// A kind of record as a sheet: `ExchangeKind.columns`, one row per record, cells guarded
/// against formula injection. `CSVImport` reads every column back.
public enum CSVExport {
    /// The header and rows.
    public static func rows(_ kind: ExchangeKind, from snapshot: DataSnapshot) -> [[String]] {
        let specialistNames = Dictionary(snapshot.specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let employers = Dictionary(snapshot.employers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let clients = snapshot.clients.sorted { ($0.externalID ?? "", $0.id.uuidString) < ($1.externalID ?? "", $1.id.uuidString) }
        let clientRefs = Dictionary(clients.map { ($0.id, reference($0)) }, uniquingKeysWith: { first, _ in first })
        func date(_ day: LocalDate?) -> String { day?.description ?? "" }
        func id(_ uuid: UUID?) -> String { uuid?.uuidString.lowercased() ?? "" }
        func stamp(_ instant: Date) -> String { Timestamp.format(instant) }

        var rows: [[String]]
        switch kind {
        case .clients:
            rows = clients.map { client in
                [client.externalID ?? "", client.name, client.preferredName ?? "", date(client.programEntryDate),
                 client.specialistID.flatMap { specialistNames[$0] } ?? "", client.status.rawValue, date(client.closedOn),
                 client.phone ?? "", client.email ?? "", client.referralSource ?? "", date(client.referralDate),
                 CellText.list(client.benefits.map(\.rawValue)), client.disclosure.preference.rawValue,
                 CellText.yesNo(!client.declinedFollowAlong), client.workingAtEntry.map(CellText.yesNo) ?? "",
                 client.notes ?? "", id(client.id), client.address ?? "", id(client.specialistID),
                 CellText.statusHistory(client.statusHistory), client.followAlongIntervalDays.map { "\($0)" } ?? "",
                 client.mentalHealthTeam ?? "", client.clinician ?? "", client.vocationalRehabCounsellor ?? "",
                 CellText.yesNo(client.benefitsPlanningDone), client.disclosure.whatMayBeSaid ?? "",
                 stamp(client.createdAt), stamp(client.updatedAt), date(client.recordsBegin)]
            }
        case .jobs:
            rows = clients.flatMap { client in
                client.jobs.sorted { ($0.startDate, $0.id.uuidString) < ($1.startDate, $1.id.uuidString) }.map { job in
                    [clientRefs[client.id] ?? "", job.employerName, job.title, date(job.startDate), date(job.endDate),
                     job.hoursPerWeek.map(CellText.number) ?? "", job.hourlyWage.map { "\($0)" } ?? "",
                     CellText.yesNo(job.isCompetitive), job.endReason?.rawValue ?? "", job.endNote ?? "", id(job.id),
                     id(job.employerID)]
                }
            }
        case .clientContacts:
            rows = clients.flatMap { client in
                RecordOrder.byDateThenID(client.contacts, date: \.date, id: \.id).map { contact in
                    [clientRefs[client.id] ?? "", date(contact.date), contact.kind.rawValue, contact.place ?? "",
                     contact.note ?? "", contact.specialistID.flatMap { specialistNames[$0] } ?? "",
                     id(contact.specialistID), id(contact.id), stamp(contact.createdAt)]
                }
            }
        case .employerContacts:
            let contacts = RecordOrder.byDateThenID(snapshot.employerContacts, date: \.date, id: \.id)
            rows = contacts.map { contact in
                let employer = employers[contact.employerID]
                return [date(contact.date), specialistNames[contact.specialistID] ?? "", employer?.name ?? "",
                        employer?.businessType ?? "", contact.contactPerson ?? "", contact.purpose.rawValue,
                        contact.method.rawValue, CellText.yesNo(contact.isFaceToFace),
                        CellText.list(contact.jobSeekerIDs.map { clientRefs[$0] ?? id($0) }), contact.hiringNeeds ?? "",
                        contact.outcome ?? "", contact.nextStep ?? "", date(contact.nextStepDate), contact.contactTitle ?? "",
                        id(contact.contactPersonID), CellText.yesNo(contact.jobSeekerPresent), id(contact.id),
                        id(contact.specialistID), id(contact.employerID), stamp(contact.createdAt), stamp(contact.updatedAt)]
            }
        }
        return [kind.columns] + rows.map { $0.map(CellText.guarded) }
    }

    /// The CSV text of a kind.
    public static func csv(_ kind: ExchangeKind, from snapshot: DataSnapshot) -> String {
        CSVTable.text(rows(kind, from: snapshot))
    }

    /// How other sheets name a client: their spreadsheet id, else their Fieldbook id.
    static func reference(_ client: Client) -> String {
        client.externalID ?? client.id.uuidString.lowercased()
    }
}
