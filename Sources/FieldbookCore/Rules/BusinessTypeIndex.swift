import Foundation

/// Employers by the words of their type of business, folded once (case and accents dropped):
/// which employers fit a career profile's preferred types of work is then a few lookups, not a
/// pass over the directory folding every employer's type and name.
public struct BusinessTypeIndex: Sendable {
    /// By folded name.
    private let employers: [Employer]
    /// Each folded word of a business type, with the employers (indexes into `employers`,
    /// ascending) whose type holds it.
    private let byWord: [Substring: [Int]]

    public init(_ employers: [Employer]) {
        let named = employers.map { (NameSearch.fold($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        var byWord: [Substring: [Int]] = [:]
        for (index, employer) in named.enumerated() {
            guard let type = employer.businessType else { continue }
            for word in Set(Self.words(type)) { byWord[word, default: []].append(index) }
        }
        self.employers = named
        self.byWord = byWord
    }

    static func words(_ text: String) -> [Substring] {
        NameSearch.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    /// Employers whose type of business fits the summary's preferred types of work ("grocery"
    /// fits "Grocery store": every word of a wanted type is a word of theirs), by name.
    public func employers(fitting summary: ProfileSummary) -> [Employer] {
        var found = Set<Int>()
        for wanted in summary.businessTypes.map(Self.words) where !wanted.isEmpty {
            var matches = Set(byWord[wanted[0]] ?? [])
            for word in wanted.dropFirst() { matches.formIntersection(byWord[word] ?? []) }
            found.formUnion(matches)
        }
        return found.sorted().map { employers[$0] }
    }
}
