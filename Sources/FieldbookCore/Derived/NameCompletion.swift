import Foundation

/// Names completed as they are typed in the visit form and the job form: employers (from the
/// directory's names, prepared once), the people at an employer, and the clients offered as
/// job seekers (every client not closed, with the disclosure preference to show).
public struct NameCompletion: Sendable {
    /// The directory whose employers and people are completed.
    let directory: EmployerDirectory
    /// Clients not closed, in the snapshot's order, with their names prepared for completion.
    private(set) var openClientNames: [(key: Completion.Key, client: Client)]
    /// The keys of `directory.employerNames` and of `openClientNames`, in their order, apart:
    /// a key typed reads these alone, never copying an employer or a client to reach its name.
    private let employerKeys: [Completion.Key]
    private let openClientKeys: [Completion.Key]

    public init(_ snapshot: DataSnapshot, directory: EmployerDirectory) {
        self.init(openClientNames: snapshot.clients.filter(Self.isOffered).map { ($0.completionKey, $0) }, directory: directory)
    }

    /// The same client names with the directory as it is after a save.
    init(openClientNames: [(key: Completion.Key, client: Client)], directory: EmployerDirectory) {
        self.directory = directory
        self.openClientNames = openClientNames
        employerKeys = directory.employerNames.map(\.key)
        openClientKeys = openClientNames.map(\.key)
    }

    /// A client is offered as a job seeker unless closed.
    static func isOffered(_ client: Client) -> Bool { client.status != .closed }

    /// Employers whose name matches the fragment, best first.
    public func employers(matching fragment: String, limit: Int = 10) -> [Employer] {
        // Nothing typed (a visit form just opened): the directory's first names, in the order
        // kept for it, rather than a pass over every employer.
        if fragment.allSatisfy(\.isWhitespace) { return directory.employersByName(limit: limit) }
        return Completion.rankPlaces(employerKeys, query: fragment, limit: limit).compactMap { directory.employer(at: $0) }
    }

    /// Clients (not closed) whose name or preferred name matches the fragment, best first, those
    /// in job search before others, each with the disclosure preference to show beside the name.
    public func jobSeekers(matching fragment: String, limit: Int = 10) -> [JobSeekerMatch] {
        let names = openClientNames
        return Completion.rankPlaces(openClientKeys, query: fragment, limit: limit) { a, b in
            names[a].client.status == .jobSearch && names[b].client.status != .jobSearch
        }.map { JobSeekerMatch(client: names[$0].client) }
    }

    /// People at the employer whose name or title matches the fragment, best first.
    public func people(of employerID: UUID, matching fragment: String, limit: Int = 10) -> [EmployerPerson] {
        let people = directory.summary(of: employerID)?.employer.people ?? []
        return Completion.rank(people, query: fragment, limit: limit) { Completion.Key($0.name + " " + ($0.title ?? "")) }
    }

    // MARK: One record

    /// The open clients after `saved` was saved, in the snapshot's order: the saved client's key
    /// made again, everyone else's taken from before the save.
    func openClientNames(after saved: Client, in clients: [Client]) -> [(key: Completion.Key, client: Client)] {
        let before = openClientNames
        var result: [(key: Completion.Key, client: Client)] = []
        result.reserveCapacity(before.count + 1)
        var next = 0
        for client in clients {
            let wasListed = next < before.count && before[next].client.id == client.id
            if wasListed { next += 1 }
            guard Self.isOffered(client) else { continue }
            result.append((wasListed && client.id != saved.id ? before[next - 1].key : client.completionKey, client))
        }
        return result
    }
}

/// A client offered when picking whom a contact is on behalf of.
public struct JobSeekerMatch: Hashable, Sendable, Identifiable {
    public var client: Client
    public var id: UUID { client.id }
    /// What may be said to employers, shown beside the name.
    public var disclosure: String { client.disclosure.summary }
}

extension Client {
    /// The name and the preferred name, prepared for completion (the visit form's job seekers).
    var completionKey: Completion.Key { Completion.Key(name + " " + (preferredName ?? "")) }
}
