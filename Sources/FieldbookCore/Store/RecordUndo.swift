import Foundation

/// Taking one saved change back: the record as it is now, with what that change did (from the
/// version `before` it to the version `after` it) undone, and nothing else. It is then saved as
/// any edit is, carrying the version it started from, so the store merges it with whatever
/// changed on disk since.
public enum RecordUndo {
    /// `current` with each field the change set put back as it was `before`. In a list of items
    /// with ids (a client's contacts, jobs, dismissals, status changes) each item is taken back
    /// alone: one the change added is removed, one it removed comes back, one it changed is as it
    /// was (unless it is gone since). Fields and items the change did not touch keep the values
    /// they have now, changes made since included. `current` keeps its file version.
    public static func revert<Record: Codable & VersionedRecord>(_ current: Record, before: Record, after: Record) throws(StoreError) -> Record {
        var now = try object(current)
        let was = try object(before)
        let then = try object(after)
        for key in Set(was.keys).union(then.keys) where !same(was[key], then[key]) {
            if let items = revertedItems(now[key], before: was[key], after: then[key]) {
                now[key] = items
            } else {
                now[key] = was[key]
            }
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: now, options: [.sortedKeys])
            var reverted = try JSONCoding.decoder().decode(Record.self, from: data)
            reverted.fileVersion = current.fileVersion
            return reverted
        } catch {
            throw .io(path: "", reason: "the change could not be taken back (\(error.localizedDescription))")
        }
    }

    /// The fields (as written in the file) in which `after` differs from `before`.
    public static func changedKeys<Record: Codable & VersionedRecord>(before: Record, after: Record) throws(StoreError) -> Set<String> {
        let was = try object(before)
        let then = try object(after)
        return Set(Set(was.keys).union(then.keys).filter { !same(was[$0], then[$0]) })
    }

    private static func object<Record: Encodable>(_ record: Record) throws(StoreError) -> [String: Any] {
        let data = try JSONCoding.encode(record)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .io(path: "", reason: "a record that is not a JSON object cannot be taken back")
        }
        return object
    }

    private static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): (a as? NSObject)?.isEqual(b) ?? false
        default: false
        }
    }

    /// The list `current` with the change from `before` to `after` taken back item by item, when
    /// all three are lists of objects with ids; nil otherwise.
    private static func revertedItems(_ current: Any?, before: Any?, after: Any?) -> [Any]? {
        func items(_ value: Any?) -> [[String: Any]]? {
            guard let value else { return [] }
            guard let list = value as? [[String: Any]], list.allSatisfy({ $0["id"] is String }) else { return nil }
            return list
        }
        guard let now = items(current), let was = items(before), let then = items(after) else { return nil }
        func byID(_ list: [[String: Any]]) -> [String: [String: Any]] {
            Dictionary(list.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        }
        let wasByID = byID(was)
        let thenByID = byID(then)
        var result = now
        for item in then where !same(item, wasByID[item["id"] as? String ?? ""]) {
            let id = item["id"] as? String ?? ""
            if let old = wasByID[id] {
                // Changed by the change: as it was, if it is still there.
                if let index = result.firstIndex(where: { $0["id"] as? String == id }) { result[index] = old }
            } else {
                // Added by the change: removed.
                result.removeAll { $0["id"] as? String == id }
            }
        }
        for item in was where thenByID[item["id"] as? String ?? ""] == nil {
            // Removed by the change: back, unless it is there again.
            let id = item["id"] as? String ?? ""
            if !result.contains(where: { $0["id"] as? String == id }) { result.append(item) }
        }
        return result
    }
}
