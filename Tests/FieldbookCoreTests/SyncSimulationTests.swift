@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// A team of four copies and a bare hub: each copy saves random edits through the store and
/// syncs in random order (a seeded generator), for at least 200 syncs. At the end every copy
/// holds the same records, no file anywhere holds conflict markers, and every edit is there
/// unless another copy changed the same field and this copy's value was kept "to merge".
@Suite struct SyncSimulationTests {
    static let syncs = 200
    static let copies = 4

    /// One edit of one field, to check at the end, with the edits its copy had seen when it
    /// was made (its own, and those on the hub at its copy's last sync).
    struct FieldWrite {
        var sequence: Int
        var record: UUID
        var field: String
        var value: String
        var seen: Set<Int>
    }

    @Test func fourCopiesEditingAndSyncingInRandomOrderEndTheSame() throws {
        let started = Date()
        var random = SeededRandom(seed: 20_261_205)
        let team = SyncTeam()
        let clientIDs = (0..<5).map { _ in random.uuid() }
        let employerIDs = (0..<3).map { _ in random.uuid() }
        let specialist = Sample.specialist
        var first = try team.share("c0", specialist: specialist.id) { store in
            try store.save(specialist)
            for id in employerIDs {
                var employer = Sample.employer
                employer.id = id
                try store.save(employer)
            }
            for id in clientIDs {
                var client = Sample.client()
                client.id = id
                try store.save(client)
            }
        }
        var copies = [first]
        for index in 1..<Self.copies { copies.append(try team.join("c\(index)", specialist: specialist.id)) }
        first = copies[0]

        let clientFields: [(String, WritableKeyPath<Client, String?>)] = [
            ("phone", \.phone), ("email", \.email), ("notes", \.notes), ("clinician", \.clinician)]
        let employerFields: [(String, WritableKeyPath<Employer, String?>)] = [
            ("address", \.address), ("hiringNeeds", \.hiringNeeds), ("notes", \.notes)]
        let months = ["2026-10-", "2026-11-"]

        var sequence = 0
        var writes: [FieldWrite] = []
        // Which edits each copy has seen, and the hub holds.
        var seenBy = Array(repeating: Set<Int>(), count: Self.copies)
        var onHub = Set<Int>()
        var contactNotes: Set<String> = []
        var removedContactNotes: Set<String> = []
        var employerContactNeeds: Set<String> = []
        var deletedEmployerContactNeeds: Set<String> = []
        // Employer contacts moved or changed: deleted on one copy and changed on another, the
        // change is kept (as for any record).
        var changedContactNeeds: Set<String> = []
        var deletedContactIDs: Set<UUID> = []
        var jobTitles: Set<String> = []
        var newClients: Set<UUID> = []
        var counts: [String: Int] = [:]
        var syncs = 0
        var toMerge = 0
        var mergedFiles = 0
        var syncSeconds = 0.0

        while syncs < Self.syncs {
            let copyIndex = random.below(copies.count)
            let copy = copies[copyIndex]
            for _ in 0..<(1 + random.below(3)) {
                sequence += 1
                seenBy[copyIndex].insert(sequence)
                let token = "v\(sequence)"
                let data = copy.store.load()
                let clientID = random.pick(clientIDs)
                let employerID = random.pick(employerIDs)
                switch random.below(10) {
                case 0, 1, 2:
                    var client = try #require(data.clients.first { $0.id == clientID })
                    let (name, path) = random.pick(clientFields)
                    client[keyPath: path] = token
                    try copy.store.save(client)
                    writes.append(FieldWrite(sequence: sequence, record: client.id, field: name, value: token, seen: seenBy[copyIndex]))
                    counts["client field", default: 0] += 1
                case 3:
                    var client = try #require(data.clients.first { $0.id == clientID })
                    client.contacts.append(ClientContact(
                        id: random.uuid(), date: date("2026-11-0\(1 + random.below(9))"), kind: .faceToFace, place: "Office",
                        note: token, specialistID: specialist.id, createdAt: instant(1_764_000_000)))
                    try copy.store.save(client)
                    contactNotes.insert(token)
                    counts["client contact added", default: 0] += 1
                case 4:
                    var client = try #require(data.clients.first { $0.id == clientID })
                    guard let removed = client.contacts.filter({ $0.note?.hasPrefix("v") == true }).first else { continue }
                    client.contacts.removeAll { $0.id == removed.id }
                    try copy.store.save(client)
                    removedContactNotes.insert(removed.note ?? "")
                    counts["client contact removed", default: 0] += 1
                case 5:
                    var client = try #require(data.clients.first { $0.id == clientID })
                    client.jobs.append(Job(id: random.uuid(), employerName: "Employer", title: token, startDate: date("2026-11-02")))
                    try copy.store.save(client)
                    jobTitles.insert(token)
                    counts["job added", default: 0] += 1
                case 6:
                    var employer = try #require(data.employers.first { $0.id == employerID })
                    let (name, path) = random.pick(employerFields)
                    employer[keyPath: path] = token
                    try copy.store.save(employer)
                    writes.append(FieldWrite(sequence: sequence, record: employer.id, field: name, value: token, seen: seenBy[copyIndex]))
                    counts["employer field", default: 0] += 1
                case 7:
                    if random.below(3) == 0, let gone = data.employerContacts.filter({ $0.hiringNeeds?.hasPrefix("v") == true }).first {
                        try copy.store.delete(gone)
                        deletedContactIDs.insert(gone.id)
                        deletedEmployerContactNeeds.insert(gone.hiringNeeds ?? "")
                        counts["employer contact deleted", default: 0] += 1
                    } else {
                        var contact = Sample.employerContact(on: random.pick(months) + "1\(random.below(10))")
                        contact.id = random.uuid()
                        contact.employerID = employerID
                        contact.hiringNeeds = token
                        try copy.store.save(contact)
                        employerContactNeeds.insert(token)
                        counts["employer contact added (shared months)", default: 0] += 1
                    }
                case 8:
                    // An employer contact moved to the other month, or a field of one changed:
                    // a move on one copy and a change on another end in one file with both.
                    let logged = data.employerContacts.filter { $0.hiringNeeds?.hasPrefix("v") == true }
                    guard !logged.isEmpty else { continue }
                    var contact = random.pick(logged)
                    if random.below(2) == 0 {
                        let month = contact.date.month == 10 ? "2026-11-" : "2026-10-"
                        contact.date = date(month + String(format: "%02d", contact.date.day))
                        counts["employer contact moved", default: 0] += 1
                    } else {
                        contact.outcome = token
                        writes.append(FieldWrite(sequence: sequence, record: contact.id, field: "outcome", value: token, seen: seenBy[copyIndex]))
                        counts["employer contact field", default: 0] += 1
                    }
                    try copy.store.save(contact)
                    changedContactNeeds.insert(contact.hiringNeeds ?? "")
                default:
                    var client = Sample.client(name: "New \(token)")
                    client.id = random.uuid()
                    client.contacts = []
                    try copy.store.save(client)
                    newClients.insert(client.id)
                    counts["client added", default: 0] += 1
                }
            }
            let syncStarted = Date()
            let report = try copy.syncNow()
            syncSeconds += Date().timeIntervalSince(syncStarted)
            #expect(report.pushed, "sync \(syncs) of \(copy.name) did not push")
            syncs += 1
            seenBy[copyIndex].formUnion(onHub)
            onHub = seenBy[copyIndex]
            toMerge += report.toMerge.count
            mergedFiles += report.mergedFiles
        }
        // Everyone catches up: two rounds in order.
        for _ in 0..<2 {
            for copy in copies {
                let report = try copy.syncNow()
                toMerge += report.toMerge.count
                syncs += 1
            }
        }

        let loopSeconds = Date().timeIntervalSince(started)
        // Every copy holds the same records, as the hub does.
        let hubTree = try Git(folder: URL(fileURLWithPath: team.hub)).check(["rev-parse", "main^{tree}"]).text
        for copy in copies {
            #expect(try copy.git(["rev-parse", "HEAD^{tree}"]) == hubTree, "\(copy.name) differs from the hub")
            #expect(try copy.git(["status", "--porcelain"]).isEmpty, "\(copy.name) has changes not shared")
        }
        let snapshots = copies.map { $0.store.load() }
        for snapshot in snapshots.dropFirst() {
            #expect(snapshot.clients.sorted { $0.id.uuidString < $1.id.uuidString }
                == snapshots[0].clients.sorted { $0.id.uuidString < $1.id.uuidString })
            #expect(Set(snapshot.employerContacts) == Set(snapshots[0].employerContacts))
            #expect(snapshot.employers.sorted { $0.id.uuidString < $1.id.uuidString }
                == snapshots[0].employers.sorted { $0.id.uuidString < $1.id.uuidString })
        }

        // No conflict markers in any copy, nor anywhere in the hub's history.
        for copy in copies { #expect(filesWithConflictMarkers(in: copy.folder).isEmpty) }
        let history = try Git(folder: URL(fileURLWithPath: team.hub)).check(["log", "-p", "--format=", "main"]).text
        #expect(!history.contains("<<<<<<<") && !history.contains(">>>>>>>"))

        // Every edit is there, unless kept "to merge".
        // This copy's versions kept to merge: each field's value by record, and all their text.
        var keptText = ""
        var keptValues: [String: Set<String>] = [:]
        for copy in copies {
            for name in DurableFile.list(copy.folder.appendingPathComponent(DataLayout.conflicts)) where !name.hasSuffix(".base") {
                let data = copy.file("\(DataLayout.conflicts)/\(name)") ?? Data()
                keptText += String(decoding: data, as: UTF8.self)
                let record = String(name.prefix { $0 != "." }).components(separatedBy: "--").last ?? ""
                guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                for (field, value) in object { if let text = value as? String { keptValues["\(record)/\(field)", default: []].insert(text) } }
            }
        }
        func keptToMerge(_ token: String) -> Bool { keptText.contains("\"\(token)\"") }
        let final = snapshots[0]
        func value(_ write: FieldWrite) -> String? {
            if let client = final.clients.first(where: { $0.id == write.record }) {
                return clientFields.first { $0.0 == write.field }.flatMap { client[keyPath: $0.1] }
            }
            if let contact = final.employerContacts.first(where: { $0.id == write.record }) { return contact.outcome }
            let employer = final.employers.first { $0.id == write.record }
            return employer.flatMap { employer in employerFields.first { $0.0 == write.field }.flatMap { employer[keyPath: $0.1] } }
        }
        // A field edit is the final value, or was overwritten by an edit of the same field made
        // by a copy that had seen it, or is this copy's value kept to merge.
        var lostFieldEdits: [String] = []
        var overwritten = 0
        var keptFieldEdits = 0
        let byField = Dictionary(grouping: writes) { "\($0.record)/\($0.field)" }
        for write in writes {
            let key = "\(write.record)/\(write.field)"
            if value(write) == write.value { continue }
            // A contact deleted since: its fields go with it.
            if deletedContactIDs.contains(write.record), !final.employerContacts.contains(where: { $0.id == write.record }) {
                overwritten += 1
                continue
            }
            if byField[key, default: []].contains(where: { $0.seen.contains(write.sequence) && $0.sequence != write.sequence }) {
                overwritten += 1
                continue
            }
            if keptValues["\(write.record.lowercased)/\(write.field)"]?.contains(write.value) == true
                || (write.field == "outcome" && keptToMerge(write.value)) {
                keptFieldEdits += 1
                continue
            }
            lostFieldEdits.append("\(write.field) = \(write.value) (now \(value(write) ?? "none"))")
        }
        #expect(lostFieldEdits.isEmpty, "field edits lost: \(lostFieldEdits)")
        let notes = Set(final.clients.flatMap(\.contacts).compactMap(\.note))
        let missingContacts = contactNotes.subtracting(removedContactNotes).filter { !notes.contains($0) && !keptToMerge($0) }
        #expect(missingContacts.isEmpty, "client contacts lost: \(missingContacts.sorted())")
        #expect(notes.intersection(removedContactNotes).isEmpty, "removed client contacts came back")
        let titles = Set(final.clients.flatMap(\.jobs).map(\.title))
        #expect(jobTitles.filter { !titles.contains($0) && !keptToMerge($0) }.isEmpty, "jobs lost")
        let needs = Set(final.employerContacts.compactMap(\.hiringNeeds))
        let missingEmployerContacts = employerContactNeeds.subtracting(deletedEmployerContactNeeds).filter { !needs.contains($0) }
        #expect(missingEmployerContacts.isEmpty, "employer contacts lost: \(missingEmployerContacts.sorted())")
        #expect(needs.intersection(deletedEmployerContactNeeds.subtracting(changedContactNeeds)).isEmpty,
                "deleted employer contacts came back")
        // Every employer contact is in exactly one month file of every copy, the one its date names.
        for copy in copies {
            var places: [UUID: [String]] = [:]
            for path in EmployerContactMonth.fileKind.files(in: copy.folder) {
                let month = try TapeDecoding.decode(EmployerContactMonth.self, from: try #require(copy.file(path)))
                for contact in month.contacts { places[contact.id, default: []].append(path) }
                for contact in month.contacts {
                    #expect(path == DataLayout.employerContacts(specialist: contact.specialistID, month: contact.date),
                            "\(copy.name): a contact of \(contact.date) in \(path)")
                }
            }
            let twice = places.filter { $0.value.count > 1 }
            #expect(twice.isEmpty, "\(copy.name): employer contacts in two files: \(twice)")
        }
        #expect(newClients.isSubset(of: Set(final.clients.map(\.id))))

        // Each copy is clean apart from its records to merge, owner-only, its audit trail intact.
        var pendingTotal = 0
        for (copy, snapshot) in zip(copies, snapshots) {
            let damage = snapshot.problems.filter { $0.pendingMerge == nil }
            #expect(damage.isEmpty, "\(copy.name): \(damage)")
            pendingTotal += snapshot.pendingMerges.count
            #expect(openToOthers(in: copy.folder).isEmpty, "\(copy.name): \(openToOthers(in: copy.folder).prefix(5))")
            let trail = AuditTrail.read(folder: copy.folder)
            #expect(trail.damage.isEmpty, "\(copy.name): \(trail.damage)")
            #expect(trail.files.count == Self.copies)
        }
        #expect(pendingTotal == toMerge)

        let seconds = Date().timeIntervalSince(started)
        print("""
            Sync simulation: \(Self.copies) copies, \(syncs) syncs, \(sequence) edits in \(String(format: "%.1f", seconds)) s (syncs \(String(format: "%.1f", syncSeconds)) s, to the last sync \(String(format: "%.1f", loopSeconds)) s) \
            (\(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))); \
            \(mergedFiles) files merged field by field, \(toMerge) kept to merge \
            (\(keptFieldEdits) field edits among them), \(overwritten) field edits overwritten by a later one, \
            \(lostFieldEdits.count) lost; no conflict markers.
            """)
    }
}
