// Writes the demo program in sample-data/ from a fixed seed, so the folder can be rebuilt
// byte for byte:  rm -rf sample-data && swift run GenerateSampleData sample-data
import FieldbookCore
import Foundation

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: GenerateSampleData FOLDER (an empty or new folder)\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: CommandLine.arguments[1])
if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
    FileHandle.standardError.write(Data("\(folder.path) is not empty; remove it first\n".utf8))
    exit(1)
}
let store = try Store(folder: folder)

// MARK: Program and specialists
try store.save(Settings(programName: "Riverside Community Mental Health: IPS Team"))
let specialists = makeSpecialists()
for specialist in specialists { try store.saveKeepingTimestamp(specialist) }

// MARK: Employers
let employers = makeEmployers()
for employer in employers { try store.saveKeepingTimestamp(employer) }

// MARK: Clients, and the follow-along examples among Maria's
let followAlongClients = FollowAlongExamples.staged(makeClients(specialists: specialists, employers: employers),
                                                    employers: employers, maria: specialists[0].id)

// MARK: Employer contacts, then the cases of IPS practice (they draw nothing at random)
let generatedContacts = makeEmployerContacts(specialists: specialists, clients: followAlongClients, employers: employers)
let clients = PracticeExamples.staged(followAlongClients, employers: employers)
let employerContacts = generatedContacts
    + [PracticeExamples.jobSupportVisit(clients: clients, maria: specialists[0].id)].compactMap { $0 }
for client in clients { try store.saveKeepingTimestamp(client) }
try store.saveKeepingTimestamps(employerContacts)
print("Wrote \(specialists.count) specialists, \(clients.count) clients, \(employers.count) employers, \(employerContacts.count) employer contacts to \(folder.path)")

// MARK: Career profiles
let profileCount = try SampleProfiles(store: store).write(for: clients)
print("Career profiles: \(profileCount.complete) complete and revised, \(profileCount.halfDone) half done, \(profileCount.started) started, the rest not started")
