import Foundation

/// Employers by the words of their type of business, folded once (case and accents dropped):
/// which employers fit a career profile's preferred types of work is then a few lookups, not a
/// pass over the directory folding every employer's type and name. A saved employer changes
/// its own entries (`update`), not the whole index.
public struct BusinessTypeIndex: Sendable {
    /// In the order given (new ones last).
    private var employers: [Employer]
    /// Each employer's name folded: the order of what is found.
    private var foldedNames: [String]
    /// Each folded word of a business type, with the employers (indexes into `employers`,
    /// ascending) whose type holds it.
    private var byWord: [Substring: [Int]]
    private var position: [UUID: Int]

    public init(_ employers: [Employer]) {
        var byWord: [Substring: [Int]] = [:]
        var position: [UUID: Int] = [:]
        for (index, employer) in employers.enumerated() {
            if position[employer.id] == nil { position[employer.id] = index }
            for word in Self.wordSet(employer) { byWord[word, default: []].append(index) }
        }
        self.employers = employers
        foldedNames = employers.map { NameSearch.fold($0.name) }
        self.byWord = byWord
        self.position = position
    }

    /// Puts `employer` in place of the one with its id, or adds it last: as `DataSnapshot`
    /// does with a saved employer.
    public mutating func update(_ employer: Employer) {
        guard let index = position[employer.id] else {
            let index = employers.count
            employers.append(employer)
            foldedNames.append(NameSearch.fold(employer.name))
            position[employer.id] = index
            for word in Self.wordSet(employer) { byWord[word, default: []].append(index) }
            return
        }
        let before = Self.wordSet(employers[index]), after = Self.wordSet(employer)
        for word in before.subtracting(after) {
            byWord[word]?.removeAll { $0 == index }
            if byWord[word]?.isEmpty == true { byWord[word] = nil }
        }
        for word in after.subtracting(before) {
            var list = byWord[word] ?? []
            list.insert(index, at: list.firstIndex { $0 > index } ?? list.endIndex)
            byWord[word] = list
        }
        if employers[index].name != employer.name { foldedNames[index] = NameSearch.fold(employer.name) }
        employers[index] = employer
    }

    static func words(_ text: String) -> [Substring] {
        NameSearch.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    private static func wordSet(_ employer: Employer) -> Set<Substring> {
        employer.businessType.map { Set(words($0)) } ?? []
    }

    /// Employers whose type of business fits the summary's preferred types of work ("grocery"
    /// fits "Grocery store": every word of a wanted type is a word of theirs), by name (equal
    /// names in the order given).
    public func employers(fitting summary: ProfileSummary) -> [Employer] {
        var found = Set<Int>()
        for wanted in summary.businessTypes.map(Self.words) where !wanted.isEmpty {
            var matches = Set(byWord[wanted[0]] ?? [])
            for word in wanted.dropFirst() { matches.formIntersection(byWord[word] ?? []) }
            found.formUnion(matches)
        }
        return found.sorted { foldedNames[$0] != foldedNames[$1] ? foldedNames[$0] < foldedNames[$1] : $0 < $1 }
            .map { employers[$0] }
    }
}
