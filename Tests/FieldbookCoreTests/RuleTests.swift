@testable import FieldbookCore
import Foundation
import Testing

@Suite struct RuleTests {
    @Test func activeCaseloadCountsOnlyActiveStatusesOfThatSpecialist() {
        let me = UUID(), other = UUID()
        var clients: [Client] = []
        for status in ClientStatus.allCases {
            var client = Sample.client(specialist: me)
            client.status = status
            clients.append(client)
        }
        clients.append(Sample.client(specialist: other))
        #expect(Caseload.activeCount(of: me, in: clients) == 5)
        #expect(Caseload.activeCount(of: other, in: clients) == 1)
    }

    @Test func weeklyTargetIsSixOrTwoPerJobSeekerForSmallCaseloads() {
        let me = Sample.specialist.id
        let settings = Settings()
        var seekers = (0..<2).map { _ in Sample.client(specialist: me) }
        func target() -> Int? {
            ContactTallies(DataSnapshot(specialists: [Sample.specialist], clients: seekers), today: date("2026-11-19")).weeklyTargets[me]
        }
        #expect(target() == 4)
        #expect(TallyOracle.weeklyTarget(for: me, clients: seekers, settings: settings) == 4)
        seekers.append(Sample.client(specialist: me))
        #expect(target() == 6)
        #expect(ContactTally.weeklyTarget(jobSeekers: 0, settings: settings) == 0)
    }

    @Test func onlyFaceToFaceContactsInTheWeekCount() {
        let contacts = [
            Sample.employerContact(on: "2026-11-16"),                   // Monday
            Sample.employerContact(on: "2026-11-22"),                   // Sunday
            Sample.employerContact(on: "2026-11-18", method: .phone),
            Sample.employerContact(on: "2026-11-15"),                   // the week before
        ]
        let data = DataSnapshot(specialists: [Sample.specialist], employers: [Sample.employer], employerContacts: contacts)
        #expect(ContactTallies(data, today: date("2026-11-19")).currentWeek(of: Sample.specialist.id).done == 2)
        #expect(TallyOracle.faceToFaceCount(for: Sample.specialist.id, weekOf: date("2026-11-19"), in: contacts) == 2)
    }

    @Test func lastContactIgnoresOutreachAttempts() {
        var client = Sample.client()
        client.contacts.append(ClientContact(date: date("2026-11-21"), kind: .outreachAttempt))
        #expect(client.lastContact?.date == date("2026-11-20"))
    }

    @Test func lastContactIsTheFirstOfTheNewestWhateverTheOrderLogged() {
        var client = Sample.client()
        client.contacts = [
            ClientContact(date: date("2026-11-02"), kind: .phone, place: "older"),
            ClientContact(date: date("2026-11-09"), kind: .faceToFace, place: "first of the newest"),
            ClientContact(date: date("2026-11-01"), kind: .faceToFace, place: "oldest"),
            ClientContact(date: date("2026-11-09"), kind: .phone, place: "second of the newest"),
            ClientContact(date: date("2026-11-12"), kind: .outreachAttempt, place: "did not reach"),
        ]
        #expect(client.lastContact?.place == "first of the newest")
        client.contacts.removeAll { $0.kind != .outreachAttempt }
        #expect(client.lastContact == nil)
    }

    @Test func nameSearchIgnoresCaseAndAccents() {
        #expect(NameSearch.matches("jose", in: ["José Álvarez-Ruiz"]))
        #expect(NameSearch.matches("ALVAREZ jo", in: ["José Álvarez-Ruiz"]))
        #expect(NameSearch.matches("muller", in: ["Café Müller"]))
        #expect(NameSearch.matches("小明", in: ["王小明"]))
        #expect(NameSearch.matches("lukasz", in: ["Łukasz Nowak"]))
        #expect(NameSearch.matches("soren bjornstad", in: ["Søren Bjørnstad"]))
        #expect(!NameSearch.matches("josh", in: ["José Álvarez-Ruiz"]))
        #expect(NameSearch.matches("", in: ["anyone"]))
    }

    /// Every ASCII character alone, the names given, and 300 random ASCII strings.
    static func asciiSamples(_ names: [String]) -> [String] {
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + names
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            samples.append(String((0..<Int.random(in: 1...24, using: &random)).map { _ in
                Character(UnicodeScalar(UInt8.random(in: 0...127, using: &random)))
            }))
        }
        return samples
    }

    /// ASCII names are folded on their bytes: the same text Foundation's folding gives, for
    /// every ASCII character alone and in names, and names with anything else still go through
    /// Foundation.
    @Test func asciiNamesFoldAsFoundationFoldsThem() {
        let samples = Self.asciiSamples(["Maria Lopez", "O'BRIEN-SMITH Jr.", "ACME Tool & Die, Inc. #2", "already lower", "",
                                          "Tab\tand\nlines"])
        for text in samples {
            #expect(NameSearch.foldedASCII(text) == NameSearch.foldedByFoundation(text), "\(text.debugDescription)")
            #expect(NameSearch.fold(text) == NameSearch.foldedByFoundation(text))
        }
        #expect(NameSearch.foldedASCII("José") == nil)
        #expect(NameSearch.fold("JOSÉ ŁUKASZ") == "jose lukasz")
    }

    /// Completion finds words where they start; ASCII names are cut on their bytes, the same
    /// starts as cutting by characters gives.
    @Test func asciiNamesStartTheirWordsWhereCharactersDo() {
        let samples = Self.asciiSamples(["acme tool & die, inc. #2", "o'brien-smith jr.", "  two  spaces ", "route 66 diner", "a\r\nb",
                                          "x1y2 z"])
        for text in samples {
            #expect(Completion.Key.asciiWordStarts(Array(text.utf8)) == Completion.Key.wordStarts(text), "\(text.debugDescription)")
        }
        #expect(Completion.Key.asciiWordStarts(Array("café".utf8)) == nil)
        #expect(Completion.Key("Route 66 Diner").wordStarts == [0, 6, 9])
        #expect(Completion.Key("Café Müller").wordStarts == [0, 5])
    }
}

/// Two pieces of work run side by side give both answers, each worked out once, also when
/// many callers at once keep every worker thread busy.
@Suite struct SideBySideTests {
    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var total: Int { lock.withLock { value } }
    }

    @Test func bothAnswersComeBackEachWorkedOutOnce() {
        let runs = Count()
        let callers = 64
        let answers = Slots(callers)
        DispatchQueue.concurrentPerform(iterations: callers) { index in
            let (first, second) = SideBySide.run({ () -> Int in runs.add(); return index * 2 },
                                                 { runs.add(); return "\(index)" })
            answers.set(index, first == index * 2 && second == "\(index)")
        }
        #expect(runs.total == callers * 2)
        #expect(answers.all)
    }

    final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Bool]
        init(_ count: Int) { values = Array(repeating: false, count: count) }
        func set(_ index: Int, _ value: Bool) { lock.withLock { values[index] = value } }
        var all: Bool { lock.withLock { values.allSatisfy { $0 } } }
    }
}

/// Searches ignore punctuation: "obrien" finds "O'Brien, Siobhán".
@Suite struct NameSearchPunctuationTests {
    @Test func punctuationNeverStopsANameBeingFound() {
        #expect(NameSearch.matches("obrien", in: ["O'Brien, Siobhán"]))
        #expect(NameSearch.matches("o’brien siobhan", in: ["O'Brien, Siobhán"]))
        #expect(NameSearch.matches("anna maria", in: ["Anna-Maria Kowalska"]))
        #expect(NameSearch.matches("anna-maria", in: ["Anna-Maria Kowalska"]))
        #expect(NameSearch.matches("st agnes", in: ["St. Agnes Hospital"]))
        #expect(!NameSearch.matches("obrian", in: ["O'Brien, Siobhán"]))
        #expect(NameSearch.searchable("O'Brien, Siobhán") == "obrien  siobhan")
    }

    @Test func theCaseloadSearchFindsANameWithAnApostrophe() {
        var data = DataSnapshot(specialists: [Sample.specialist])
        var client = Sample.client(name: "O'Brien, Siobhán")
        client.preferredName = nil
        data.clients = [client]
        let figures = Figures(data: data, today: date("2026-11-22"))
        var query = CaseloadQuery()
        query.text = "obrien"
        #expect(figures.caseload.rows(for: query) == [.client(client)])
    }
}
