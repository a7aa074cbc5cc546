@testable import FieldbookCore
import Foundation
import Testing

/// A career profile date known to the month or the year: read, written so an older copy still
/// reads it, checked against its question, shown and shifted as what it is.
@Suite struct ApproximateDateTests {
    @Test func aYearOrAMonthIsReadAndAnythingElseIsNot() throws {
        let year = try ApproximateDate(year: 2012), june = try ApproximateDate(year: 2012, month: 6)
        #expect(ApproximateDate(parsing: "2012") == year)
        #expect(ApproximateDate(parsing: " 2012-06 ") == june)
        #expect(ApproximateDate(parsing: "2012-6")?.description == "2012-06")
        for text in ["2012-06-01", "12", "2012-13", "2012-00", "201a", "2012-", "-2012", "June 2012", "", "0000"] {
            #expect(ApproximateDate(parsing: text) == nil, "\(text)")
        }
        // A whole date is never taken for an approximate one, and an approximate one is no date.
        #expect(throws: DateParseError.self) { try DateExpression.parse("2012", today: date("2026-12-05")) }
        #expect(throws: DateParseError.self) { try DateExpression.parse("2012-06", today: date("2026-12-05")) }
    }

    @Test func itStandsForEveryDayOfItsMonthOrYear() throws {
        let june = try #require(ApproximateDate(parsing: "2012-06"))
        #expect(june.firstDay == date("2012-06-01") && june.lastDay == date("2012-06-30"))
        #expect(june.contains(date("2012-06-30")) && !june.contains(date("2012-07-01")) && !june.contains(date("2012-05-31")))
        let february = try #require(ApproximateDate(parsing: "2012-02"))
        #expect(february.lastDay == date("2012-02-29"))
        let year = try #require(ApproximateDate(parsing: "2012"))
        #expect(year.firstDay == date("2012-01-01") && year.lastDay == date("2012-12-31"))
        let july = try #require(ApproximateDate(parsing: "2012-07"))
        #expect(year < june && june < july)
        #expect(june.longDescription == "June 2012" && year.longDescription == "2012")
    }

    @Test func itIsWrittenWithItsTextAndReadBack() throws {
        let value = AnswerValue.approximateDate(try ApproximateDate(year: 2012, month: 6))
        let data = try JSONCoding.encode(value)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
        #expect(object == ["approximateDate": "2012-06", "text": "2012-06"])
        #expect(try JSONCoding.decoder().decode(AnswerValue.self, from: data) == value)
        // Through the strict reader, inside a session file, as the store reads it.
        let file = ProfileSessionFile(clientID: UUID(), sessionID: UUID(), startedAt: instant(1_700_000_000), definitionVersion: 3,
                                      answers: [AnswerEntry(questionID: "school-last-year", value: value, answeredAt: instant(1_700_000_100),
                                                            enteredBy: nil, source: .client),
                                                AnswerEntry(questionID: "past-jobs", value: .entries([GroupEntry(answers: ["start": value])]),
                                                            answeredAt: instant(1_700_000_200), enteredBy: nil, source: .client)])
        guard case .success(let decoded) = CareerProfileStore.decodeSession(try JSONCoding.encode(file)) else {
            Issue.record("the session did not decode")
            return
        }
        #expect(decoded == file)
        // Its date alone is read too; with any other key beside it, it is refused.
        let year = AnswerValue.approximateDate(try ApproximateDate(year: 2012))
        #expect(try JSONCoding.decoder().decode(AnswerValue.self, from: Data(#"{"approximateDate":"2012"}"#.utf8)) == year)
        #expect(throws: (any Error).self) {
            try JSONCoding.decoder().decode(AnswerValue.self, from: Data(#"{"approximateDate":"2012","date":"2012-01-01"}"#.utf8))
        }
        #expect(throws: (any Error).self) { try JSONCoding.decoder().decode(AnswerValue.self, from: Data(#"{"approximateDate":"2012-1x"}"#.utf8)) }
    }

    /// How a copy of Fieldbook from before approximate dates decodes an answer value (its code,
    /// as it was): only the keys it knows, exactly one of them.
    struct OlderAnswerValue: Decodable, Equatable {
        enum CodingKeys: String, CodingKey, CaseIterable { case text, choice, choices, yesNo, date, number, scale, entries, cleared }
        var text: String?
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let keys = container.allKeys
            guard keys.count == 1, let key = keys.first else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: container.codingPath, debugDescription: "one key"))
            }
            guard key == .text else { throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not text") }
            text = try container.decode(String.self, forKey: .text)
        }
    }

    @Test func anOlderCopyReadsItAsTheTextAsWritten() throws {
        let data = try JSONCoding.encode(AnswerValue.approximateDate(try ApproximateDate(year: 2012, month: 6)))
        // Foundation's decoder and the store's tape decoder both hand a type only the keys it knows.
        #expect(try JSONCoding.decoder().decode(OlderAnswerValue.self, from: data).text == "2012-06")
        #expect(try TapeDecoding.decode(OlderAnswerValue.self, from: JSONReader.tape(data)).text == "2012-06")
    }

    @Test func aDateQuestionTakesItAndNoOtherQuestionDoes() throws {
        let value = AnswerValue.approximateDate(try ApproximateDate(year: 2012))
        #expect(Question(id: "when", prompt: "When did you last go to school?", type: .date).problem(with: value) == nil)
        #expect(Question(id: "where", prompt: "Where?", type: .shortText).problem(with: value) != nil)
        let group = Question(id: "past-jobs", prompt: "Past jobs", type: .repeating, questions: [
            Question(id: "start", prompt: "Started", type: .date), Question(id: "employer", prompt: "Employer", type: .shortText),
        ])
        #expect(group.problem(with: .entries([GroupEntry(answers: ["start": value])])) == nil)
        #expect(group.problem(with: .entries([GroupEntry(answers: ["employer": value])])) != nil)
    }

    @Test func itReadsAsAMonthOrAYearAndMovesWithTheDemoKeepingItsPrecision() throws {
        let question = Question(id: "when", prompt: "When?", type: .date)
        #expect(ProfileText.plain(.approximateDate(try ApproximateDate(year: 2012, month: 6)), of: question) == "June 2012")
        #expect(ProfileText.plain(.approximateDate(try ApproximateDate(year: 2012)), of: question) == "2012")
        // A shift of a few days never moves a year given alone; a long one moves it.
        let y2012 = AnswerValue.approximateDate(try ApproximateDate(year: 2012))
        let y2013 = AnswerValue.approximateDate(try ApproximateDate(year: 2013))
        let june = AnswerValue.approximateDate(try ApproximateDate(year: 2012, month: 6))
        let july = AnswerValue.approximateDate(try ApproximateDate(year: 2012, month: 7))
        #expect(y2012.shifted(byDays: -20) == y2012)
        #expect(y2012.shifted(byDays: 200) == y2013)
        #expect(june.shifted(byDays: 31) == july)
    }
}
