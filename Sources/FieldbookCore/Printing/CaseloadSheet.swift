import Foundation

/// The caseload as a printable sheet: one row per active client (status, job, next due, last
/// contact), for one or more specialists, each specialist's clients starting a new page.
public enum CaseloadSheet {
    public struct Options: Sendable {
        public var paper: Paper
        public var asOf: LocalDate
        public var printedOn: LocalDate
        /// The specialists whose caseloads are printed; nil: everyone's, clients without a
        /// specialist included.
        public var specialists: Set<UUID>?

        public init(paper: Paper = .letter, asOf: LocalDate, printedOn: LocalDate, specialists: Set<UUID>? = nil) {
            self.paper = paper
            self.asOf = asOf
            self.printedOn = printedOn
            self.specialists = specialists
        }
    }

    public static func render(_ snapshot: DataSnapshot, options: Options) -> String {
        let asOf = options.asOf
        let due = DueList(snapshot: snapshot, asOf: asOf)
        let onCaseload = snapshot.clients.filter { $0.programEntryDate <= asOf && $0.status(on: asOf).isActive }
        let groups = Dictionary(grouping: onCaseload) { $0.specialistID }
        var owners: [UUID?] = snapshot.specialists
            .filter { options.specialists?.contains($0.id) ?? (groups[$0.id] != nil) }
            .sorted { NameSearch.fold($0.name) < NameSearch.fold($1.name) }
            .map(\.id)
        if options.specialists == nil {
            // Clients whose specialist is unknown or unset, last.
            let known = Set(snapshot.specialists.map(\.id))
            if groups.keys.contains(where: { $0 == nil || !known.contains($0!) }) { owners.append(nil) }
        }
        let known = Set(snapshot.specialists.map(\.id))
        var page = HTMLPage(title: "Caseload", paper: options.paper)
        for owner in owners {
            let name = owner.flatMap { snapshot.specialist($0)?.name } ?? "No specialist"
            let clients = owner == nil
                ? onCaseload.filter { $0.specialistID.map { !known.contains($0) } ?? true }
                : groups[owner] ?? []
            page.open("section", class: "sheet")
            page.element("h1", "Caseload: \(name)")
            page.element("p", PrintedLine.text(printedOn: options.printedOn, asOf: asOf)
                         + "; \(clients.count) active client\(clients.count == 1 ? "" : "s")", class: "meta")
            if clients.isEmpty {
                page.element("p", "No active clients.", class: "none")
            } else {
                let rows = clients.map { ($0, NameSearch.fold($0.name)) }.sorted { $0.1 < $1.1 }.map(\.0).map { client -> [String] in
                    let job = client.jobs(heldOn: asOf).max { $0.startDate < $1.startDate }
                    let next = due.nextItem(forClient: client.id)
                    let last = client.contacts.filter { $0.kind.reachedThePerson && $0.date <= asOf }.map(\.date).max()
                    return [
                        client.displayName, client.status(on: asOf).label,
                        job.map { "\($0.title), \($0.employerText)" } ?? "—",
                        next.map { "\($0.dueOn) \($0.kind.label.lowercased())" + ($0.status == .overdue ? " (overdue)" : "") } ?? "—",
                        last?.description ?? "—",
                    ]
                }
                page.table(header: ["Client", "Status", "Job", "Next due", "Last contact"], rows: rows, unbroken: [4])
            }
            page.close("section")
        }
        if owners.isEmpty {
            page.element("h1", "Caseload")
            page.element("p", PrintedLine.text(printedOn: options.printedOn, asOf: asOf), class: "meta")
            page.element("p", "No active clients.", class: "none")
        }
        return page.document
    }
}
