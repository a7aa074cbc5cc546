import Foundation

/// What `fieldbook check` reports: every file that does not follow the data format, and
/// references that point nowhere. Reads only; never writes.
public enum DataCheck {
    public static func run(folder: URL) -> [DataProblem] { report(folder: folder).problems }

    /// The problems, and what could be read (for a summary line).
    public static func report(folder: URL) -> (problems: [DataProblem], snapshot: DataSnapshot) {
        let store: Store
        do {
            store = try Store(folder: folder, mode: .readOnly)
        } catch {
            return ([DataProblem(path: DataLayout.formatFile, kind: .formatFile, message: error.description)], DataSnapshot())
        }
        var problems: [DataProblem] = []
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(DataLayout.formatFile).path) {
            problems.append(DataProblem(path: DataLayout.formatFile, kind: .formatFile,
                                        message: "missing: this folder does not say which data format it uses"))
        }
        let snapshot = store.load()
        problems += snapshot.problems
        // A record in an unreadable file is already reported; references to it are not news.
        let unreadable = Set(snapshot.problems.compactMap { problem in
            UUID(uuidString: String(problem.path.split(separator: "/").last?.dropLast(5) ?? ""))
        })
        problems += references(in: snapshot, alsoKnown: unreadable)
        let profiles = CareerProfileStore(folder: folder, mode: .readOnly)
        problems += [profiles.definition().problem].compactMap { $0 } + profiles.allProfiles().problems
        return (problems, snapshot)
    }

    /// Records that point at a specialist, client or employer that is not in the folder.
    public static func references(in snapshot: DataSnapshot, alsoKnown: Set<UUID> = []) -> [DataProblem] {
        var problems: [DataProblem] = []
        let specialists = Set(snapshot.specialists.map(\.id)).union(alsoKnown)
        let clients = Set(snapshot.clients.map(\.id)).union(alsoKnown)
        let employers = Set(snapshot.employers.map(\.id)).union(alsoKnown)
        for client in snapshot.clients {
            let path = DataLayout.client(client.id)
            if let id = client.specialistID, !specialists.contains(id) {
                problems.append(DataProblem(path: path, kind: .client, message: "specialistID \(id.lowercased) is not a known specialist"))
            }
            for (index, job) in client.jobs.enumerated() {
                if let end = job.endDate, end < job.startDate {
                    problems.append(DataProblem(path: path, kind: .client, message: "jobs[\(index)]: endDate \(end) is before startDate \(job.startDate)"))
                }
                if let id = job.employerID, !employers.contains(id) {
                    problems.append(DataProblem(path: path, kind: .client, message: "jobs[\(index)].employerID \(id.lowercased) is not a known employer"))
                }
            }
        }
        for contact in snapshot.employerContacts {
            let path = DataLayout.employerContacts(specialist: contact.specialistID, month: contact.date)
            if !specialists.contains(contact.specialistID) {
                problems.append(DataProblem(path: path, kind: .employerContacts, message: "contact \(contact.id.lowercased): specialistID is not a known specialist"))
            }
            if !employers.contains(contact.employerID) {
                problems.append(DataProblem(path: path, kind: .employerContacts, message: "contact \(contact.id.lowercased): employerID \(contact.employerID.lowercased) is not a known employer"))
            }
            for seeker in contact.jobSeekerIDs where !clients.contains(seeker) {
                problems.append(DataProblem(path: path, kind: .employerContacts, message: "contact \(contact.id.lowercased): job seeker \(seeker.lowercased) is not a known client"))
            }
        }
        return problems
    }
}
