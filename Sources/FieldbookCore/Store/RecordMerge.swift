import Foundation

/// Three-way merge of two versions of one record file with the version both started from.
///
/// Works on the JSON of any record kind, so a field added to a record is merged without
/// anyone listing it: objects merge key by key, list items with an `id` are matched by it,
/// lists without ids (benefits, job seekers, people at an employer) merge as sets, and
/// `updatedAt` never counts as a change. Only one field changed both ways to different values
/// is a conflict.
struct RecordMerge {
    /// What differed, and how each difference was settled.
    private(set) var mergedFields: [String] = []
    private(set) var conflicts: [FieldConflict] = []
    /// For fields in conflict: which side to take (when resolving a conflict).
    var choices: [String: MergeChoice] = [:]

    static let ignoredKeys: Set<String> = ["updatedAt"]

    /// Merges `mine` and `theirs`, each changed from `base` (nil when the file did not exist).
    mutating func merge(base: JSONValue?, mine: JSONValue?, theirs: JSONValue?) -> JSONValue? {
        merge(base, mine, theirs, path: "")
    }

    private mutating func merge(_ base: JSONValue?, _ mine: JSONValue?, _ theirs: JSONValue?, path: String) -> JSONValue? {
        if mine == theirs { return mine }
        if mine == base { note(path); return theirs }
        if theirs == base { return mine }
        switch (mine, theirs) {
        case (.object(let mineMembers)?, .object(let theirMembers)?):
            let baseMembers: [String: JSONValue]
            if case .object(let members)? = base { baseMembers = members } else { baseMembers = [:] }
            var result: [String: JSONValue] = [:]
            for key in Set(mineMembers.keys).union(theirMembers.keys) {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if Self.ignoredKeys.contains(key) {
                    result[key] = Self.newer(mineMembers[key], theirMembers[key])
                    continue
                }
                result[key] = merge(baseMembers[key], mineMembers[key], theirMembers[key], path: child)
            }
            return .object(result)
        case (.array(let mineItems)?, .array(let theirItems)?):
            var baseItems: [JSONValue] = []
            if case .array(let items)? = base { baseItems = items }
            let all = baseItems + mineItems + theirItems
            if !all.isEmpty, all.allSatisfy({ $0.itemID != nil }),
               Set(mineItems.map(\.itemID)).count == mineItems.count, Set(theirItems.map(\.itemID)).count == theirItems.count {
                return .array(mergeByID(baseItems, mineItems, theirItems, path: path))
            }
            return .array(mergeAsSets(baseItems, mineItems, theirItems, path: path))
        default:
            return conflict(path, base, mine, theirs)
        }
    }

    /// List items matched by id; an item changed on both sides merges field by field.
    private mutating func mergeByID(_ base: [JSONValue], _ mine: [JSONValue], _ theirs: [JSONValue], path: String) -> [JSONValue] {
        func byID(_ items: [JSONValue]) -> [String: JSONValue] {
            Dictionary(items.map { ($0.itemID!, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let baseByID = byID(base), mineByID = byID(mine), theirByID = byID(theirs)
        var order = theirs.map { $0.itemID! }
        for item in mine where theirByID[item.itemID!] == nil { order.append(item.itemID!) }
        var result: [JSONValue] = []
        for id in order {
            if let merged = merge(baseByID[id], mineByID[id], theirByID[id], path: "\(path)[\(id)]") {
                result.append(merged)
            }
        }
        return result
    }

    /// Lists without ids: what each side added is added, what each side removed is removed.
    private mutating func mergeAsSets(_ base: [JSONValue], _ mine: [JSONValue], _ theirs: [JSONValue], path: String) -> [JSONValue] {
        let removedByMe = Set(base).subtracting(mine)
        let removedByThem = Set(base).subtracting(theirs)
        var result: [JSONValue] = []
        for item in theirs + mine where !removedByMe.contains(item) && !removedByThem.contains(item) && !result.contains(item) {
            result.append(item)
        }
        if result != theirs { note(path) }
        return result
    }

    private mutating func conflict(_ path: String, _ base: JSONValue?, _ mine: JSONValue?, _ theirs: JSONValue?) -> JSONValue? {
        let field = path.isEmpty ? "(whole record)" : path
        switch choices[field] {
        case .mine?: return mine
        case .theirs?: return theirs
        case nil:
            conflicts.append(FieldConflict(field: field, base: base.map(Self.text), mine: mine.map(Self.text), theirs: theirs.map(Self.text)))
            return mine
        }
    }

    private mutating func note(_ path: String) {
        let field = path.isEmpty ? "(whole record)" : path
        if !mergedFields.contains(field) { mergedFields.append(field) }
    }

    private static func newer(_ mine: JSONValue?, _ theirs: JSONValue?) -> JSONValue? {
        guard case .string(let a)? = mine, case .string(let b)? = theirs,
              let first = Timestamp.parse(a), let second = Timestamp.parse(b)
        else { return mine ?? theirs }
        return first >= second ? mine : theirs
    }

    /// A value as one line of JSON, for a screen that shows both versions side by side.
    static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        let data = JSONWriter.data(value)
        return String(decoding: data, as: UTF8.self)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// Fields this version of Fieldbook does not know, carried over from the file as read.
enum UnknownFields {
    /// `known` (this version's encoding of a record) with every field of `read` that this
    /// version does not know put back: a key of `read` missing from `readAsKnown` (the same
    /// file decoded and encoded again) is unknown. List items are matched by id, else by place.
    static func carry(from read: JSONValue, readAsKnown: JSONValue, into known: JSONValue) -> JSONValue {
        switch (read, readAsKnown, known) {
        case (.object(let readMembers), .object(let knownRead), .object(var result)):
            for (key, value) in readMembers {
                if knownRead[key] == nil {
                    if result[key] == nil { result[key] = value }
                } else if let mine = result[key], let knownValue = knownRead[key] {
                    result[key] = carry(from: value, readAsKnown: knownValue, into: mine)
                }
            }
            return .object(result)
        case (.array(let readItems), .array(let knownItems), .array(let items)) where readItems.count == knownItems.count:
            var indexByID: [String: Int] = [:]
            for (offset, item) in knownItems.enumerated() {
                if let id = item.itemID { indexByID[id] = offset }
            }
            return .array(items.enumerated().map { offset, item in
                let match = item.itemID.flatMap { indexByID[$0] } ?? (item.itemID == nil && offset < readItems.count ? offset : nil)
                guard let match else { return item }
                return carry(from: readItems[match], readAsKnown: knownItems[match], into: item)
            })
        default:
            return known
        }
    }

    /// False when `carry(from: read, readAsKnown:, into:)` would give back what it is given
    /// whatever it is given: every key of `read` is in `readAsKnown`, at every depth that
    /// `carry` visits.
    static func anyCarried(from read: JSONValue, readAsKnown: JSONValue) -> Bool {
        switch (read, readAsKnown) {
        case (.object(let readMembers), .object(let knownRead)):
            for (key, value) in readMembers {
                guard let knownValue = knownRead[key] else { return true }
                if anyCarried(from: value, readAsKnown: knownValue) { return true }
            }
            return false
        case (.array(let readItems), .array(let knownItems)) where readItems.count == knownItems.count:
            for (item, knownItem) in zip(readItems, knownItems) where anyCarried(from: item, readAsKnown: knownItem) {
                return true
            }
            return false
        default:
            return false
        }
    }
}
