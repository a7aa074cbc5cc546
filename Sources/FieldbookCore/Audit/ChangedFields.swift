import Foundation

/// Which changes a write made, found by comparing the file's JSON before and after: for a
/// record, the top-level keys whose JSON differs; for a month file of employer contacts, the
/// same for each contact, matched by id. Generic over record kinds: it reads only JSON.
enum ChangedFields {
    /// Always differs between two saves; not a change of its own.
    static let ignored: Set<String> = ["updatedAt"]

    /// The changes from `old` (nil for a new file) to `new` of the file at `relative`.
    static func changes(at relative: String, old: Data?, new: Data?) -> [AuditChange] {
        changes(at: relative, before: old.flatMap(tree), after: new.flatMap(tree))
    }

    /// The same, from the files' JSON as the store already holds it (no second parse).
    static func changes(at relative: String, before: JSONValue?, after: JSONValue?) -> [AuditChange] {
        let before = members(before)
        let after = members(after)
        if relative.hasPrefix(DataLayout.employerContacts + "/") {
            return contactChanges(before: before, after: after)
        }
        let kind = kind(of: relative)
        guard before != nil || after != nil else { return [] }
        let id = text(after?["id"] ?? before?["id"])
        let stamp = text(after?["updatedAt"] ?? before?["updatedAt"])
        if after == nil {
            return [AuditChange(action: .delete, kind: kind, record: id?.lowercased(), fields: [], recordUpdatedAt: stamp)]
        }
        return [AuditChange(action: before == nil ? .create : .update, kind: kind, record: id?.lowercased(),
                            fields: differing(before, after), recordUpdatedAt: stamp)]
    }

    /// The top-level keys of `after` and `before` whose JSON differs, sorted. Objects compare
    /// key by key, arrays item by item, numbers by their text, so `1` and `true` or `"1"` differ.
    static func differing(_ before: [String: JSONValue]?, _ after: [String: JSONValue]?) -> [String] {
        let keys = Set((before ?? [:]).keys).union((after ?? [:]).keys).subtracting(ignored)
        return keys.filter { key in before?[key] != after?[key] }.sorted()
    }

    private static func contactChanges(before: [String: JSONValue]?, after: [String: JSONValue]?) -> [AuditChange] {
        func contacts(_ month: [String: JSONValue]?) -> [String: [String: JSONValue]] {
            var result: [String: [String: JSONValue]] = [:]
            guard case .array(let items)? = month?["contacts"] else { return result }
            for item in items {
                if let contact = members(item), let id = text(contact["id"]) { result[id.lowercased()] = contact }
            }
            return result
        }
        let old = contacts(before)
        let new = contacts(after)
        // Only the contacts that differ are sorted (a save changes one or two of a month's).
        var differ: [String] = []
        for (id, contact) in new where old[id] != contact { differ.append(id) }
        for id in old.keys where new[id] == nil { differ.append(id) }
        var changes: [AuditChange] = []
        for id in differ.sorted() {
            let was = old[id]
            let now = new[id]
            let stamp = text(now?["updatedAt"] ?? was?["updatedAt"])
            if now == nil {
                changes.append(AuditChange(action: .delete, kind: "employer contact", record: id, fields: [], recordUpdatedAt: stamp))
            } else if was == nil {
                changes.append(AuditChange(action: .create, kind: "employer contact", record: id,
                                           fields: differing(nil, now), recordUpdatedAt: stamp))
            } else if was != now {
                changes.append(AuditChange(action: .update, kind: "employer contact", record: id,
                                           fields: differing(was, now), recordUpdatedAt: stamp))
            }
        }
        return changes
    }

    static func kind(of relative: String) -> String {
        RecordFiles.kind(of: relative)?.auditName ?? relative
    }

    private static func tree(_ data: Data) -> JSONValue? {
        try? JSONReader.parse(data)
    }

    private static func members(_ value: JSONValue?) -> [String: JSONValue]? {
        if case .object(let members)? = value { return members }
        return nil
    }

    private static func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }
}
