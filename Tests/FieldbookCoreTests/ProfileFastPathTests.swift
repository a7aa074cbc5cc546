@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// Career profile session files read by their fast path (`TapeFastPath.profileSession`) give
/// exactly what the `Codable` conformances give through `TapeDecoder`: the same session, or the
/// same error (in words and in full), on every sample file, generated sessions with every kind
/// of answer and source, a generated folder's profiles, and hand-edited variants. Plain files
/// must be taken by the fast path itself.
@Suite struct ProfileFastPathTests {
    typealias Fields = ContactFastPathVariantTests.Fields
    typealias Variants = ContactFastPathVariantTests

    static func same<T: Decodable & Equatable>(_ type: T.Type, _ text: String, _ comment: String) {
        ContactFastPathTests.same(type, text, comment)
    }

    static func taken(_ data: Data) throws -> Bool {
        TapeFastPath.decode(ProfileSessionFile.self, from: try JSONReader.tape(data), at: 0) != nil
    }

    @Test func everySampleSessionDecodesTheSameAndTakesTheFastPath() throws {
        let root = OnePassLoadTests.sampleData.appendingPathComponent(CareerProfileLayout.profiles)
        var count = 0
        for url in ContactFastPathTests.jsonFiles(under: root) {
            let data = try Data(contentsOf: url)
            guard case .record = ContactFastPathTests.same(ProfileSessionFile.self, data, url.lastPathComponent) else {
                Issue.record("\(url.lastPathComponent) does not decode")
                continue
            }
            #expect(try Self.taken(data), "\(url.lastPathComponent)")
            count += 1
        }
        #expect(count > 20)
    }

    @Test func aGeneratedFolderProfilesDecodeTheSameAndTakeTheFastPath() throws {
        let folder = TemporaryFolder()
        try SyntheticFolder.write(.caseload, to: folder.url)
        var count = 0
        for url in ContactFastPathTests.jsonFiles(under: folder.url.appendingPathComponent(CareerProfileLayout.profiles)) {
            let data = try Data(contentsOf: url)
            ContactFastPathTests.same(ProfileSessionFile.self, data, url.lastPathComponent)
            #expect(try Self.taken(data), "\(url.lastPathComponent)")
            count += 1
        }
        #expect(count >= 40)
    }

    /// Random sessions holding every kind of answer (approximate dates and previous employers
    /// included), written by the store's encoder: decoded the same both ways, taken by the fast path.
    @Test func generatedSessionsOfEveryKindDecodeTheSameAndTakeTheFastPath() throws {
        var random = SeededRandom(seed: 26)
        let texts = ["Cook", "", "José \"Pepe\" 😀", "line\nbreak\ttab \\ slash /", "北京 のカフェ", "\u{1}control"]
        var kinds: Set<Int> = []
        func value(depth: Int) -> AnswerValue {
            let kind = Int.random(in: 0..<(depth == 0 ? 10 : 9), using: &random)
            kinds.insert(kind)
            switch kind {
            case 0: return .text(texts.randomElement(using: &random) ?? "")
            case 1: return .choice("option-\(Int.random(in: 0..<9, using: &random))")
            case 2: return .choices((0..<Int.random(in: 0..<4, using: &random)).map { "o\($0)" })
            case 3: return .yesNo(Bool.random(using: &random))
            case 4: return .date(LocalDate(dayNumber: Int.random(in: 0..<40_000, using: &random)))
            case 5: return .number(Decimal(Int.random(in: -500...50_000, using: &random)) / 100)
            case 6: return .scale(Int.random(in: 1...5, using: &random))
            case 7: return .cleared
            case 8:
                let year = Int.random(in: 1950...2030, using: &random)
                let month = Bool.random(using: &random) ? Int.random(in: 1...12, using: &random) : nil
                return (try? ApproximateDate(year: year, month: month)).map(AnswerValue.approximateDate) ?? .cleared
            default:
                return .entries((0..<Int.random(in: 0..<3, using: &random)).map { _ in
                    GroupEntry(id: UUID(), answers: ["employer": value(depth: 1), "duties": value(depth: 1), "when": value(depth: 1)])
                })
            }
        }
        var sources: Set<AnswerSource> = []
        for n in 0..<300 {
            let started = Date(timeIntervalSince1970: Double(1_700_000_000 + n * 3_607))
            let answers = (0..<Int.random(in: 0..<25, using: &random)).map { k in
                let source = AnswerSource.allCases.randomElement(using: &random) ?? .client
                sources.insert(source)
                return AnswerEntry(questionID: "q-\(k)", value: value(depth: 0), answeredAt: started.addingTimeInterval(Double(k * 61)),
                                   enteredBy: Bool.random(using: &random) ? UUID() : nil, source: source)
            }
            let file = ProfileSessionFile(clientID: UUID(), sessionID: UUID(), startedAt: started, definitionVersion: n % 4 + 1,
                                          answers: answers)
            let data = try JSONCoding.encode(file)
            guard case .record(let decoded) = ContactFastPathTests.same(ProfileSessionFile.self, data, "generated \(n)") else {
                Issue.record("generated \(n) does not decode")
                continue
            }
            #expect(decoded == file, "generated \(n)")
            #expect(try Self.taken(data), "generated \(n)")
        }
        #expect(kinds.count == 10 && sources.count == AnswerSource.allCases.count)
    }

    // MARK: Hand-edited variants

    static let answer: Fields = [
        ("answeredAt", "\"2026-03-01T14:30:00Z\""), ("enteredBy", "\"5FDCFEBD-D6FD-4210-B0D0-3C908C0A5EBE\""),
        ("questionID", "\"job-goal\""), ("source", "\"records\""), ("sourceDetail", "\"previous-employer\""),
        ("value", "{\"text\":\"Cook\"}"),
    ]

    static func session(_ answers: [String]) -> String {
        "{\"answers\":[\(answers.joined(separator: ","))],\"clientID\":\"2B1F0C3E-8C1D-4F5E-9A7B-1C2D3E4F5A6B\","
            + "\"definitionVersion\":1,\"sessionID\":\"0b1f0c3e-8c1d-4f5e-9a7b-1c2d3e4f5a6b\",\"startedAt\":\"2026-03-01T09:30:00-05:00\"}"
    }

    static let sessionFields: Fields = [
        ("answers", "[\(Variants.object(answer))]"), ("clientID", "\"2B1F0C3E-8C1D-4F5E-9A7B-1C2D3E4F5A6B\""),
        ("definitionVersion", "1"), ("sessionID", "\"0b1f0c3e-8c1d-4f5e-9a7b-1c2d3e4f5a6b\""),
        ("startedAt", "\"2026-03-01T09:30:00-05:00\""),
    ]

    /// Answer values written by hand: every kind, and every way of getting one wrong.
    static let values: [String] = [
        "{\"text\":\"Cook\"}", "{\"text\":\"Caf\\u00e9 \\ud83d\\ude00 \\\"x\\\"\"}", "{\"text\":5}", "{\"text\":null}",
        "{\"choice\":\"part-time\"}", "{\"choice\":[]}", "{\"choices\":[]}", "{\"choices\":[\"a\",\"b\\n\"]}", "{\"choices\":[\"a\",1]}",
        "{\"choices\":\"a\"}", "{\"yesNo\":true}", "{\"yesNo\":false}", "{\"yesNo\":\"yes\"}", "{\"yesNo\":1}",
        "{\"date\":\"2026-03-01\"}", "{\"date\":\"2026-02-30\"}", "{\"date\":\"2026-3-1\"}", "{\"date\":\"2026-03-0\\u0031\"}",
        "{\"date\":20260301}", "{\"number\":12.5}", "{\"number\":-0}", "{\"number\":1.25e2}", "{\"number\":1E-3}",
        "{\"number\":123456789012345678901234567890}", "{\"number\":\"12\"}", "{\"scale\":1}", "{\"scale\":5}", "{\"scale\":0}",
        "{\"scale\":6}", "{\"scale\":-3}", "{\"scale\":3.0}", "{\"scale\":3e0}", "{\"scale\":3.5}", "{\"scale\":99999999999999999999}",
        "{\"scale\":\"3\"}", "{\"cleared\":true}", "{\"cleared\":false}", "{\"cleared\":null}", "{\"cleared\":\"x\"}",
        "{\"approximateDate\":\"2012-06\",\"text\":\"2012-06\"}", "{\"approximateDate\":\"2012\",\"text\":\"anything\"}",
        "{\"approximateDate\":\"2012\"}", "{\"approximateDate\":\"2012-6\",\"text\":5}", "{\"approximateDate\":\"2012-13\",\"text\":\"x\"}",
        "{\"approximateDate\":\"2012-06-01\",\"text\":\"x\"}", "{\"approximateDate\":2012,\"text\":\"2012\"}",
        "{\"approximateDate\":\"2012\",\"choice\":\"x\"}", "{\"approximateDate\":\"2012\",\"text\":\"2012\",\"scale\":3}",
        "{\"approximateDate\":\"\\u0032012\",\"text\":\"2012\"}", "{\"approximateDate\":\" 2012 \",\"text\":\"2012\"}",
        "{\"text\":\"a\",\"choice\":\"b\"}", "{}", "{\"future\":1}", "{\"text\":\"a\",\"future\":{\"x\":[1]}}",
        "{\"t\\u0065xt\":\"a\"}", "{\"text\":\"a\",\"n\\u00e9w\":1}", "null", "5", "\"text\"", "[]",
        "{\"entries\":[]}", "{\"entries\":{}}", "{\"entries\":[5]}",
        "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":{\"employer\":{\"text\":\"Corner Books\"},\"since\":{\"approximateDate\":\"2019\",\"text\":\"2019\"}}}]}",
        "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":{}}]}",
        "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":{},\"future\":true}]}",
        "{\"entries\":[{\"answers\":{}}]}", "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\"}]}",
        "{\"entries\":[{\"id\":\"not-an-id\",\"answers\":{}}]}", "{\"entries\":[{\"id\":null,\"answers\":{}}]}",
        "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":[]}]}",
        "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":{\"a\":{\"scale\":9}}}]}",
        "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":{\"\\u0061\":{\"text\":\"x\"}}}]}",
        "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":{\"caf\\u00e9\":{\"text\":\"x\"},\"b\":{\"text\":\"y\"}}}]}",
        "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":{\"a\":{\"text\":\"x\"},\"b\":null}}]}",
    ]

    /// Every variant as a value, as an answer, in a list of answers and in a whole session file.
    static func checkAll(_ variants: [(name: String, answer: String)]) {
        let plain = Variants.object(answer)
        for (name, text) in variants {
            same(AnswerEntry.self, text, name)
            same([AnswerEntry].self, "[\(plain),\(text),\(plain)]", name)
            same(ProfileSessionFile.self, session([plain, text]), name)
        }
    }

    @Test func handEditedAnswerValuesDecodeTheSame() throws {
        for value in Self.values { Self.same(AnswerValue.self, value, value) }
        Self.checkAll(Self.values.map { ("value = \($0)", Variants.object(Variants.replacing(Self.answer, "value", with: $0))) })
        // The plain ones are taken by the fast path itself; the ones the conformance refuses never are.
        let taken = try Self.values.filter { TapeFastPath.decode(AnswerValue.self, from: try JSONReader.tape(Data($0.utf8)), at: 0) != nil }
        for plain in ["{\"text\":\"Caf\\u00e9 \\ud83d\\ude00 \\\"x\\\"\"}", "{\"number\":1.25e2}", "{\"cleared\":false}",
                      "{\"approximateDate\":\"2012\",\"text\":\"anything\"}", "{\"approximateDate\":\"2012\"}",
                      "{\"approximateDate\":\"2012-6\",\"text\":5}", "{\"text\":\"a\",\"future\":{\"x\":[1]}}", "{\"scale\":5}",
                      "{\"entries\":[{\"id\":\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"answers\":{},\"future\":true}]}"] {
            #expect(taken.contains(plain), "\(plain)")
        }
        for refused in ["{\"scale\":0}", "{\"scale\":6}", "{\"text\":\"a\",\"choice\":\"b\"}", "{\"approximateDate\":\"2012\",\"choice\":\"x\"}",
                        "{}", "{\"future\":1}", "{\"choices\":[\"a\",1]}", "{\"approximateDate\":\"2012-13\",\"text\":\"x\"}"] {
            #expect(!taken.contains(refused), "\(refused)")
        }
    }

    @Test func handEditedAnswersDecodeTheSame() throws {
        var variants = Variants.variants(of: Self.answer).map { (name: $0.0, answer: Variants.object($0.1)) }
        let optional = ["enteredBy", "sourceDetail"]
        variants.append(("every optional absent", Variants.object(Variants.removing(Self.answer, optional))))
        variants.append(("every optional null", Variants.object(optional.reduce(Self.answer) { Variants.replacing($0, $1, with: "null") })))
        for (source, detail) in [("\"client\"", nil), ("\"family\"", "\"previous-employer\""), ("\"bogus\"", "\"previous-employer\""),
                                 ("\"previous-employer\"", nil), ("\"team\"", "\"not-known-yet\""), ("\"bogus\"", "\"not-known-yet\""),
                                 ("5", "\"previous-employer\""), ("\"team\"", "5"), ("\"team\"", "\"client\"")] as [(String, String?)] {
            var fields = Variants.replacing(Self.answer, "source", with: source)
            fields = detail.map { Variants.replacing(fields, "sourceDetail", with: $0) } ?? Variants.removing(fields, ["sourceDetail"])
            variants.append(("source \(source), detail \(detail ?? "absent")", Variants.object(fields)))
        }
        variants.append(("detail alone", Variants.object(Variants.removing(Self.answer, ["source"]))))
        Self.checkAll(variants)

        var taken: Set<String> = []
        for (name, text) in variants where TapeFastPath.decode(AnswerEntry.self, from: try JSONReader.tape(Data(text.utf8)), at: 0) != nil {
            taken.insert(name)
        }
        let plain = Variants.plainVariants(optional: optional, textFields: ["questionID"])
            .union(["detail alone", "source \"client\", detail absent", "source \"team\", detail \"not-known-yet\""])
        #expect(plain.subtracting(taken).isEmpty, "\(plain.subtracting(taken).sorted())")
        #expect(!taken.contains("questionID absent") && !taken.contains("source \"bogus\", detail \"not-known-yet\"")
                && !taken.contains("source \"team\", detail 5") && !taken.contains("value escaped key"))
    }

    @Test func handEditedSessionsDecodeTheSame() throws {
        var variants = Variants.variants(of: Self.sessionFields)
        for version in ["0", "-2", "2.0", "1e1", "2.5", "99999999999999999999", "123456789012345678"] {
            variants.append(("definitionVersion = \(version)", Variants.replacing(Self.sessionFields, "definitionVersion", with: version)))
        }
        variants.append(("no answers", Variants.replacing(Self.sessionFields, "answers", with: "[]")))
        var taken: Set<String> = []
        for (name, fields) in variants {
            let text = Variants.object(fields)
            Self.same(ProfileSessionFile.self, text, name)
            if try Self.taken(Data(text.utf8)) { taken.insert(name) }
        }
        for text in ["5", "null", "[]", "\"x\"", "{}"] { Self.same(ProfileSessionFile.self, text, text) }
        let plain = Variants.plainVariants(optional: [], textFields: []).subtracting(["every optional absent", "every optional null"])
            .union(["no answers", "definitionVersion = 0", "definitionVersion = -2", "definitionVersion = 123456789012345678",
                    "clientID = \"d43a6b50-078f-4401-8f17-0068d80b2068\"", "startedAt = \"2026-10-01T14:00:00+0130\""])
        #expect(plain.subtracting(taken).isEmpty, "\(plain.subtracting(taken).sorted())")
        #expect(!taken.contains("clientID absent") && !taken.contains("answers = {}") && !taken.contains("startedAt escaped key"))
    }

    /// `fieldbook check` and the summaries read sessions through `CareerProfileStore`: what the
    /// store gives for a folder of hand-edited files is what the `Codable` path gives, file by file.
    @Test func theStoreReadsWhatTheCodablePathReads() throws {
        let folder = TemporaryFolder()
        let store = CareerProfileStore(store: try Store(folder: folder.url))
        let client = UUID(uuidString: "2B1F0C3E-8C1D-4F5E-9A7B-1C2D3E4F5A6B")!
        let clientFolder = folder.path(CareerProfileLayout.clientFolder(client))
        try FileManager.default.createDirectory(at: clientFolder, withIntermediateDirectories: true)
        let plain = Variants.object(Self.answer)
        var expected: [String: Result<ProfileSessionFile, ProfileFileMessage>] = [:]
        for (n, value) in Self.values.enumerated() {
            let answer = Variants.object(Variants.replacing(Self.answer, "value", with: value))
            let text = Self.session([plain, answer]).replacingOccurrences(of: "0b1f0c3e-8c1d-4f5e-9a7b-1c2d3e4f5a6b",
                                                                           with: UUID().lowercased)
            let name = String(format: "%03d.json", n)
            try Data(text.utf8).write(to: clientFolder.appendingPathComponent(name))
            do {
                expected[name] = .success(try TapeDecoding.decode(ProfileSessionFile.self, from: Data(text.utf8), fastPaths: false))
            } catch {
                expected[name] = .failure(ProfileFileMessage(text: JSONCoding.describe(error, in: Data(text.utf8))))
            }
        }
        let (profile, problems) = store.profile(of: client)
        let read = Set(profile.sessions.map(\.id))
        for (name, outcome) in expected {
            switch outcome {
            case .success(let file): #expect(read.contains(file.sessionID), "\(name)")
            case .failure(let message):
                #expect(problems.contains { $0.path.hasSuffix(name) && $0.message == message.text }, "\(name): \(message.text)")
            }
        }
        #expect(profile.sessions.count + problems.count == Self.values.count)
        #expect(profile.sessions.count > 30 && problems.count > 20)
    }
}
