@testable import FieldbookCore
import Foundation
import Testing

/// Career profile session files are read once by the strict reader and decoded from its tape,
/// as the store's records are. These tests hold that to what Foundation's decoder gave, and to
/// the refusals and messages of a bad file.
@Suite struct ProfileTapeDecodingTests {
    static let sampleProfiles = OnePassLoadTests.sampleData.appendingPathComponent(CareerProfileLayout.profiles)

    func decodedBoth(_ data: Data, _ name: String) throws {
        let expected = try JSONCoding.decoder().decode(ProfileSessionFile.self, from: data)
        switch CareerProfileStore.decodeSession(data) {
        case .success(let decoded): #expect(decoded == expected, "\(name)")
        case .failure(let message): Issue.record("\(name): \(message.text)")
        }
    }

    @Test func everySampleProfileDecodesAsFoundationDecodesIt() throws {
        let enumerator = FileManager.default.enumerator(at: Self.sampleProfiles, includingPropertiesForKeys: nil)
        var count = 0
        var answers = 0
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let data = try Data(contentsOf: url)
            try decodedBoth(data, url.lastPathComponent)
            answers += try JSONCoding.decoder().decode(ProfileSessionFile.self, from: data).answers.count
            count += 1
        }
        #expect(count > 20)
        #expect(answers > 100)
    }

    @Test func generatedSessionsOfEveryKindOfAnswerDecodeAsFoundationDecodesThem() throws {
        var random = SystemRandomNumberGenerator()
        let texts = ["Cook", "", "José \"Pepe\" 😀", "line\nbreak\ttab \\ slash /", "北京 のカフェ", "\u{1}control"]
        func value(depth: Int) -> AnswerValue {
            switch Int.random(in: 0..<(depth == 0 ? 9 : 8), using: &random) {
            case 0: .text(texts.randomElement(using: &random) ?? "")
            case 1: .choice("option-\(Int.random(in: 0..<9, using: &random))")
            case 2: .choices((0..<Int.random(in: 0..<4, using: &random)).map { "o\($0)" })
            case 3: .yesNo(Bool.random(using: &random))
            case 4: .date(LocalDate(containing: Date(timeIntervalSince1970: Double.random(in: 0..<2_000_000_000, using: &random))))
            case 5: .number(Decimal(Int.random(in: -500...50_000, using: &random)) / 100)
            case 6: .scale(Int.random(in: 1...5, using: &random))
            case 7: .cleared
            default:
                .entries((0..<Int.random(in: 0..<3, using: &random)).map { _ in
                    GroupEntry(answers: ["employer": value(depth: 1), "duties": value(depth: 1)])
                })
            }
        }
        for n in 0..<300 {
            let started = Date(timeIntervalSince1970: Double(1_700_000_000 + n * 3_607))
            let answers = (0..<Int.random(in: 0..<25, using: &random)).map { k in
                AnswerEntry(questionID: "q-\(k)", value: value(depth: 0), answeredAt: started.addingTimeInterval(Double(k * 61)),
                            enteredBy: Bool.random(using: &random) ? UUID() : nil,
                            source: AnswerSource.allCases.randomElement(using: &random) ?? .client)
            }
            let file = ProfileSessionFile(clientID: UUID(), sessionID: UUID(), startedAt: started, definitionVersion: n % 4 + 1, answers: answers)
            try decodedBoth(try JSONCoding.encode(file), "generated \(n)")
        }
        // Written by hand: other offsets, fractions of a second, upper-case ids, escapes, numbers with exponents.
        let byHand = """
        {"clientID":"2B1F0C3E-8C1D-4F5E-9A7B-1C2D3E4F5A6B","sessionID":"0b1f0c3e-8c1d-4f5e-9a7b-1c2d3e4f5a6b",
         "startedAt":"2026-03-01T09:30:00.25-05:00","definitionVersion":1,"future":{"kept":[1,2]},
         "answers":[{"questionID":"job-goal","value":{"text":"Caf\\u00e9 \\ud83d\\ude00"},"answeredAt":"2026-03-01T14:30:00Z","source":"client"},
                    {"questionID":"hours","value":{"number":1.25e2},"answeredAt":"2026-03-01T15:30:00+00:00","source":"team","enteredBy":null}]}
        """
        try decodedBoth(Data(byHand.utf8), "by hand")
    }

    @Test func aKeyTwiceIsRefusedWithItsPlaceAndTheRestOfTheProfileReads() throws {
        let folder = TemporaryFolder()
        let store = CareerProfileStore(store: try Store(folder: folder.url))
        let definition = store.definition().definition
        let client = UUID()
        var first = store.startSession(for: client, definition: definition, at: instant(1_772_359_200))
        _ = try store.append(.text("Cook"), to: "job-goal", in: definition, by: nil, source: .client, at: instant(1_772_359_200), session: &first)
        var second = store.startSession(for: client, definition: definition, at: instant(1_772_445_600))
        _ = try store.append(.text("Baker"), to: "job-goal", in: definition, by: nil, source: .client, at: instant(1_772_445_600), session: &second)

        // Foundation's decoder took either copy of a key given twice; the strict reader refuses the file.
        let text = try String(contentsOf: folder.path(second.path), encoding: .utf8)
        let doubled = text.replacingOccurrences(of: "\"definitionVersion\"", with: "\"sessionID\" : \"\(UUID().lowercased)\",\n  \"definitionVersion\"")
        try Data(doubled.utf8).write(to: folder.path(second.path))
        let (profile, problems) = store.profile(of: client)
        #expect(profile.sessions.map(\.id) == [first.id])
        #expect(problems.map(\.path) == [second.path])
        let message = try #require(problems.first?.message)
        #expect(message.contains("sessionID") && message.contains("line"), "\(message)")
        #expect(DataCheck.run(folder: folder.url).map(\.path) == [second.path])
    }

    @Test func badFilesGetClearMessagesAndNoCrash() throws {
        let folder = TemporaryFolder()
        let store = CareerProfileStore(store: try Store(folder: folder.url))
        let client = UUID()
        let clientFolder = folder.path(CareerProfileLayout.clientFolder(client))
        try FileManager.default.createDirectory(at: clientFolder, withIntermediateDirectories: true)
        let bad: [(name: String, text: String, says: String)] = [
            ("a.json", "{\"clientID\": 3}", "clientID"),
            ("b.json", "{\"clientID\": \"\(client.lowercased)\",", "end"),
            ("c.json", "", "end"),
            ("d.json", "[1, 2", "end"),
            ("e.json", "{\"clientID\":\"\(client.lowercased)\",\"sessionID\":\"\(UUID().lowercased)\",\"startedAt\":\"yesterday\",\"definitionVersion\":1,\"answers\":[]}", "startedAt"),
            ("f.json", "{\"clientID\":\"\(client.lowercased)\",\"sessionID\":\"\(UUID().lowercased)\",\"startedAt\":\"2026-03-01T09:30:00Z\",\"definitionVersion\":1,\"answers\":[{\"questionID\":\"x\",\"value\":{\"scale\":9},\"answeredAt\":\"2026-03-01T09:30:00Z\",\"source\":\"client\"}]}", "scale"),
            ("g.json", "\u{FEFF}{\"a\u{1}\": 1}", "JSON"),
        ]
        for file in bad { try Data(file.text.utf8).write(to: clientFolder.appendingPathComponent(file.name)) }
        let (profile, problems) = store.profile(of: client)
        #expect(profile.sessions.isEmpty)
        #expect(problems.count == bad.count, "\(problems)")
        for (file, problem) in zip(bad, problems) {
            #expect(problem.path.hasSuffix(file.name))
            #expect(problem.message.contains(file.says), "\(file.name): \(problem.message)")
            #expect(!problem.message.unicodeScalars.contains { $0.value < 0x20 }, "\(problem.message)")
        }
    }
}
