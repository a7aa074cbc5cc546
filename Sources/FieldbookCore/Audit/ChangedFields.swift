import Foundation

/// Which changes a write made, found by comparing the file's JSON before and after: for a
/// record, the top-level keys whose JSON differs; for a month file of employer contacts, the
/// same for each contact, matched by id. Generic over record kinds: it reads only JSON.
enum ChangedFields {
    /// Always differs between two saves; not a change of its own.
    static let ignored: Set<String> = ["updatedAt"]

    /// The changes from `old` (nil for a new file) to `new` of the file at `relative`.
    static func changes(at relative: String, old: Data?, new: Data?) -> [AuditChange] {
        let before = old.flatMap(object)
        let after = new.flatMap(object)
        if relative.hasPrefix(DataLayout.employerContacts + "/") {
            return contactChanges(before: before, after: after)
        }
        let kind = kind(of: relative)
        guard before != nil || after != nil else { return [] }
        let id = (after?["id"] ?? before?["id"]) as? String
        let stamp = (after?["updatedAt"] ?? before?["updatedAt"]) as? String
        if after == nil {
            return [AuditChange(action: .delete, kind: kind, record: id?.lowercased(), fields: [], recordUpdatedAt: stamp)]
        }
        return [AuditChange(action: before == nil ? .create : .update, kind: kind, record: id?.lowercased(),
                            fields: differing(before, after), recordUpdatedAt: stamp)]
    }

    /// The top-level keys of `after` and `before` whose JSON differs, sorted.
    static func differing(_ before: [String: Any]?, _ after: [String: Any]?) -> [String] {
        let keys = Set((before ?? [:]).keys).union((after ?? [:]).keys).subtracting(ignored)
        return keys.filter { key in !same(before?[key], after?[key]) }.sorted()
    }

    private static func contactChanges(before: [String: Any]?, after: [String: Any]?) -> [AuditChange] {
        func contacts(_ month: [String: Any]?) -> [String: [String: Any]] {
            var result: [String: [String: Any]] = [:]
            for item in month?["contacts"] as? [Any] ?? [] {
                if let contact = item as? [String: Any], let id = contact["id"] as? String { result[id.lowercased()] = contact }
            }
            return result
        }
        let old = contacts(before)
        let new = contacts(after)
        var changes: [AuditChange] = []
        for id in Set(old.keys).union(new.keys).sorted() {
            let was = old[id]
            let now = new[id]
            let stamp = (now?["updatedAt"] ?? was?["updatedAt"]) as? String
            if now == nil {
                changes.append(AuditChange(action: .delete, kind: "employer contact", record: id, fields: [], recordUpdatedAt: stamp))
            } else if was == nil {
                changes.append(AuditChange(action: .create, kind: "employer contact", record: id,
                                           fields: differing(nil, now), recordUpdatedAt: stamp))
            } else if !same(was, now) {
                changes.append(AuditChange(action: .update, kind: "employer contact", record: id,
                                           fields: differing(was, now), recordUpdatedAt: stamp))
            }
        }
        return changes
    }

    static func kind(of relative: String) -> String {
        switch relative.split(separator: "/").first.map(String.init) {
        case DataLayout.clients: "client"
        case DataLayout.specialists: "specialist"
        case DataLayout.employers: "employer"
        case DataLayout.employerContacts: "employer contact"
        case DataLayout.settingsFile: "settings"
        default: relative
        }
    }

    private static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// True when two parsed JSON values are the same: objects key by key, arrays item by item,
    /// anything else by its type and text. (Re-encoding each value to compare its bytes took tens
    /// of milliseconds per save of a large client.)
    static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil):
            return true
        case (nil, _), (_, nil):
            return false
        case (let x as [String: Any], let y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key] != nil && same(value, y[key]) }
        case (let x as [Any], let y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (let x as String, let y as String):
            return x == y
        case (let x?, let y?):
            return "\(type(of: x))|\(x)" == "\(type(of: y))|\(y)"
        }
    }
}
