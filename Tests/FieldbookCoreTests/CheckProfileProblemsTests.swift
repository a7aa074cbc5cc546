@testable import FieldbookCore
import Foundation
import Testing

/// `fieldbook check` reads the career profile sessions for their problems alone
/// (`CareerProfileStore.sessionProblems`): the same problems, in the same order, as reading
/// every profile (`mapProfiles`), on a folder with every kind of broken session file.
@Suite struct CheckProfileProblemsTests {
    @Test func sessionProblemsAreThoseOfReadingEveryProfile() throws {
        let folder = TemporaryFolder()
        let store = CareerProfileStore(store: try Store(folder: folder.url))
        let definition = store.definition().definition
        var sessions: [ProfileSession] = []
        for offset in 0..<6 {
            var session = store.startSession(for: UUID(), definition: definition, at: instant(1_772_359_200 + Double(offset) * 60))
            _ = try store.append(.text("Cook \(offset)"), to: "job-goal", in: definition, by: nil, source: .client,
                                 at: instant(1_772_359_200 + Double(offset) * 60), session: &session)
            sessions.append(session)
        }
        let file = { (session: ProfileSession) in folder.path(session.path) }
        // Not JSON; a value of the wrong kind; another client's session; a session in two files;
        // a file that is not .json; a folder not named after a client.
        try Data("{\"clientID\": ".utf8).write(to: file(sessions[0]))
        try Data("{\"clientID\": 3}".utf8).write(to: file(sessions[1]))
        try FileManager.default.copyItem(at: file(sessions[2]), to: file(sessions[3]).deletingLastPathComponent()
            .appendingPathComponent("20260101T000000Z-\(UUID().lowercased).json"))
        try FileManager.default.copyItem(at: file(sessions[4]), to: file(sessions[4]).deletingLastPathComponent()
            .appendingPathComponent("20260101T000000Z-\(UUID().lowercased).json"))
        try Data("notes".utf8).write(to: file(sessions[5]).deletingLastPathComponent().appendingPathComponent("notes.txt"))
        try FileManager.default.createDirectory(at: folder.path("\(CareerProfileLayout.profiles)/not-a-client"),
                                                withIntermediateDirectories: true)

        let problems = store.sessionProblems()
        #expect(problems == store.mapProfiles { _ in true }.problems)
        #expect(problems.count == 6, "\(problems)")
        let checked = DataCheck.run(folder: folder.url, skipping: [.folderWalk])
        #expect(checked.filter { $0.kind == .careerProfile } == problems)
    }
}
