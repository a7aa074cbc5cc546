import FieldbookCore
import Foundation

/// What a load found wrong, in a few words for the message line: records to merge (a second
/// version waiting) are counted apart from files that could not be read.
public enum ProblemSummary {
    /// "2 records to merge, 1 file could not be read." or nil when there is nothing to say.
    public static func line(for data: DataSnapshot) -> String? {
        let toMerge = Set(data.pendingMerges.map(\.record)).count
        let unreadable = data.problems.filter { $0.pendingMerge == nil }.count
        var parts: [String] = []
        if toMerge > 0 { parts.append("\(toMerge) record\(toMerge == 1 ? "" : "s") to merge") }
        if unreadable > 0 { parts.append("\(unreadable) file\(unreadable == 1 ? "" : "s") could not be read") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ") + "."
    }
}
