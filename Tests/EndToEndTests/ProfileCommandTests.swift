import FieldbookCore
import Foundation
import Testing

/// `fieldbook profile export` run as a person would, on a folder written through FieldbookCore.
@Suite struct ProfileCommandTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-profile-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("data") }
    let march1 = Date(timeIntervalSince1970: 1_772_359_200) // 2026-03-01T10:00:00Z
    let april1 = Date(timeIntervalSince1970: 1_775_037_600) // 2026-04-01T10:00:00Z

    /// Two Joséphines and a Zoë; Zoë's profile has a March meeting and an April meeting.
    func makeFolder() throws -> (zoe: Client, first: Client, second: Client) {
        let store = try Store(folder: folder)
        let entry = LocalDate(containing: march1)
        let zoe = try store.save(Client(name: "Zoë \u{1B}[2JFernández", programEntryDate: entry)).record
        let first = try store.save(Client(name: "Joséphine Bakker", programEntryDate: entry)).record
        let second = try store.save(Client(name: "Josephine Okoro", programEntryDate: entry)).record
        let profiles = CareerProfileStore(store: store)
        let definition = DefaultCareerProfile.definition
        var march = profiles.startSession(for: zoe.id, definition: definition, at: march1)
        _ = try profiles.append(.text("Zookeeper *assistant*"), to: "job-goal", in: definition, by: nil, source: .client, at: march1, session: &march)
        _ = try profiles.append(.choice("parole"), to: "probation-parole", in: definition, by: nil, source: .records, at: march1, session: &march)
        _ = try profiles.append(.yesNo(true), to: "substance-affects-work", in: definition, by: nil, source: .client, at: march1, session: &march)
        var april = profiles.startSession(for: zoe.id, definition: definition, at: april1)
        _ = try profiles.append(.text("Vet nurse"), to: "job-goal", in: definition, by: nil, source: .client, at: april1, session: &april)
        return (zoe, first, second)
    }

    func export(_ arguments: String...) -> (status: Int32, output: String) {
        spawn([binary, "profile", "export"] + arguments + ["--data", folder.path])
    }

    @Test func exportsByANameFragmentWithoutAccents() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try makeFolder()
        let result = export("zoe")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("# Career profile: Zoë ^\\[\\[2JFernández"), "\(result.output.prefix(100))")
        #expect(!result.output.contains("\u{1B}"), "an escape character reached the terminal")
        #expect(result.output.contains("Vet nurse"))
        #expect(result.output.contains("## Substance use (sensitive)"))
        #expect(result.output.contains("**Are you on probation or parole? (sensitive)**\nParole"))
        #expect(result.output.contains("## Team input and plan"))
    }

    @Test func omitSensitiveAndAsOf() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (zoe, _, _) = try makeFolder()
        let result = export(zoe.id.uuidString, "--omit-sensitive", "--as-of", "2026-03-31", "--format", "text")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(", as of 2026-03-31;"), "the day it is printed, then as of which day")
        #expect(result.output.contains("Printed on \(LocalDate(containing: Date()))"))
        #expect(result.output.contains("    Zookeeper *assistant*"))
        #expect(!result.output.contains("Vet nurse"))
        #expect(!result.output.contains("Substance use"))
        #expect(!result.output.contains("Legal history"))
        #expect(!result.output.contains("Parole"))
        #expect(!result.output.contains("Physical health"), "a section of sensitive questions only is left out whole")
        #expect(result.output.contains("Transportation"))
    }

    @Test func anAmbiguousFragmentListsTheMatchesAndExportsNothing() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, first, second) = try makeFolder()
        let result = export("josephine")
        #expect(result.status == 2)
        #expect(result.output.contains("\"josephine\" matches 2 clients"), "\(result.output)")
        #expect(result.output.contains("Joséphine Bakker  \(first.id.uuidString.lowercased())"))
        #expect(result.output.contains("Josephine Okoro  \(second.id.uuidString.lowercased())"))
        #expect(!result.output.contains("Career profile:"))
        #expect(export("josephine oko").status == 0)
        #expect(export("nobody").status == 2)
        #expect(export("zoe", "--as-of", "31/03/2026").status == 2)
    }
}
