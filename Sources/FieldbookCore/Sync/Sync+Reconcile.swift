import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Sync {
    // MARK: Employer contacts that moved

    /// After the per-file merge, before the merge commit: an employer contact moved to another
    /// month (its date) or another specialist's file on one side, and changed or moved on the
    /// other, is in two month files once each file is merged alone. Each such contact ends in
    /// exactly one file, the one its merged date and specialist name, with the changes of both
    /// sides (field by field from the version both started from; a field changed both ways to
    /// different values takes the hub's, as a file does). A kept "to merge" copy of a month
    /// file whose only fields in conflict were these contacts is no longer needed and goes.
    /// Restartable: it reads the working tree and stages what it writes. On an encrypted folder
    /// every version is read, and the result written, through the folder's key.
    func reconcileMovedContacts(_ report: inout SyncReport) throws(SyncError) {
        guard try mergeInProgress() else { return }
        let base = try runGit(["merge-base", "HEAD", "MERGE_HEAD"])
        guard base.succeeded else { return }
        let baseCommit = base.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var months = Set<String>()
        for side in ["HEAD", "MERGE_HEAD"] {
            let changed = Git.paths(try checkGit(["diff", "--name-only", "--no-renames", "-z", baseCommit, side]).output)
            months.formUnion(changed.filter(Self.isMonthFile))
        }
        guard months.count > 1 else { return }
        // Where each contact is in the merged working tree, and in the three versions.
        var merged: [String: JSONValue] = [:]
        var filesOf: [String: [String]] = [:]
        for path in months.sorted() {
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            // A month that is there but cannot be read is never written over: nothing is moved.
            guard let stored = try? DurableFile.read(url), let data = try? transform.fromDisk(stored, path),
                  let tree = Self.monthTree(data, path) else { return }
            merged[path] = tree
            for item in Self.contacts(of: tree) { if let id = item.itemID { filesOf[id, default: []].append(path) } }
        }
        func located(at revision: String) throws(SyncError) -> [String: (path: String, contact: JSONValue)] {
            var found: [String: (path: String, contact: JSONValue)] = [:]
            for path in months.sorted() {
                let shown = try runGit(["cat-file", "blob", "\(revision):\(path)"])
                guard shown.succeeded, let data = try? transform.fromDisk(shown.output, path),
                      let tree = Self.monthTree(data, path) else { continue }
                for item in Self.contacts(of: tree) { if let id = item.itemID { found[id] = (path, item) } }
            }
            return found
        }
        let (bases, ours, theirs) = (try located(at: baseCommit), try located(at: "HEAD"), try located(at: "MERGE_HEAD"))
        // Moved on a side (in another file than it started in), or in two files now.
        var moved = Set(filesOf.filter { $0.value.count > 1 }.keys)
        for (id, start) in bases {
            if let mine = ours[id], mine.path != start.path { moved.insert(id) }
            if let hubs = theirs[id], hubs.path != start.path { moved.insert(id) }
        }
        guard !moved.isEmpty else { return }
        var written = Set<String>()
        var reconciled = Set<String>()
        for id in moved.sorted() {
            let (base, mine, hubs) = (bases[id]?.contact, ours[id]?.contact, theirs[id]?.contact)
            let first = RecordMerge.threeWay(base: base, mine: mine, theirs: hubs)
            var contact = first.json
            if !first.conflicts.isEmpty {
                let hubsValues = Dictionary(first.conflicts.map { ($0.field, MergeChoice.theirs) }, uniquingKeysWith: { a, _ in a })
                contact = RecordMerge.threeWay(base: base, mine: mine, theirs: hubs, choosing: hubsValues).json
                // Deleted on one side, moved on the other: the change is kept, as for any record.
                if contact == nil { contact = hubs ?? mine }
            }
            let home = contact.flatMap(Self.home(of:))
            var places = Set(filesOf[id] ?? [])
            if let home { places.insert(home) }
            var changed = false
            for path in places {
                guard Self.isMonthFile(path) else { continue }
                let before = merged[path]
                var tree = before ?? Self.newMonth(for: contact ?? .null)
                var items = Self.contacts(of: tree).filter { $0.itemID != id }
                if path == home, let contact {
                    items.append(contact)
                    // In the order the store keeps a month: by date, then time made.
                    items.sort { (Self.text($0["date"]), Self.text($0["createdAt"])) < (Self.text($1["date"]), Self.text($1["createdAt"])) }
                }
                tree = Self.with(items, in: tree)
                if tree != before {
                    merged[path] = tree
                    written.insert(path)
                    changed = true
                }
            }
            if changed { reconciled.insert(id) }
        }
        guard !written.isEmpty else { return }
        do {
            for path in written.sorted() {
                guard let tree = merged[path] else { continue }
                let url = folder.appendingPathComponent(path)
                if Self.contacts(of: tree).isEmpty, FileManager.default.fileExists(atPath: url.path) {
                    unlink(url.path)
                } else if !Self.contacts(of: tree).isEmpty {
                    try DurableFile.makeFolder(url.deletingLastPathComponent())
                    try DurableFile.write(try transform.toDisk(JSONWriter.data(tree), path), to: url)
                }
            }
        } catch {
            throw .store(error)
        }
        try checkGit(["add", "-A", "--"] + written.sorted())
        report.touched.formUnion(written)
        report.reconciledContacts += reconciled.count
        // A kept copy whose only conflicts were the contacts settled here is settled too.
        report.toMerge.removeAll { kept in
            guard months.contains(kept.path), !kept.fields.isEmpty,
                  kept.fields.allSatisfy({ field in reconciled.contains { field.hasPrefix("contacts[\($0)]") } }) else { return false }
            unlink(folder.appendingPathComponent(kept.keptCopy).path)
            unlink(folder.appendingPathComponent(kept.keptCopy + ".base").path)
            return true
        }
    }

    static func isMonthFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 3 && parts[0] == Substring(DataLayout.employerContacts) && path.hasSuffix(".json")
            && DataLayout.originalOfSyncCopy(String(parts[2])) == nil
    }

    static func monthTree(_ data: Data, _ path: String) -> JSONValue? {
        try? RecordFiles.normalized(RecordFiles.parse(data, path), path)
    }

    static func contacts(of month: JSONValue) -> [JSONValue] {
        if case .array(let items)? = month["contacts"] { return items }
        return []
    }

    static func with(_ contacts: [JSONValue], in month: JSONValue) -> JSONValue {
        guard case .object(var members) = month else { return month }
        members["contacts"] = .array(contacts)
        return .object(members)
    }

    /// The month file a contact belongs in: its specialist's folder, its date's month.
    static func home(of contact: JSONValue) -> String? {
        guard case .string(let specialist)? = contact["specialistID"], case .string(let date)? = contact["date"],
              let id = UUID(uuidString: specialist), date.utf8.count >= 7 else { return nil }
        return "\(DataLayout.employerContacts)/\(id.lowercased)/\(date.prefix(7)).json"
    }

    static func text(_ value: JSONValue?) -> String {
        if case .string(let text)? = value { return text }
        return ""
    }

    static func newMonth(for contact: JSONValue) -> JSONValue {
        var members: [String: JSONValue] = ["contacts": .array([])]
        if case .string(let specialist)? = contact["specialistID"] {
            members["specialistID"] = .string(UUID(uuidString: specialist)?.uuidString ?? specialist)
        }
        if case .string(let date)? = contact["date"] { members["month"] = .string(String(date.prefix(7))) }
        return .object(members)
    }
}
