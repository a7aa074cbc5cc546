import FieldbookCore
import Foundation
import Testing

/// Every `--json` the command line prints, run on a copy of the demo: snake_case keys and ids
/// in lower case everywhere (docs/json-output.md), while the files keep their own format.
@Suite struct JSONOutputTests {
    static let today = "2026-11-21"

    /// Every command and report with a `--json`, but `export all --json` (a copy of the files in
    /// their stored format, docs/import-export.md) and `sync status` (below: it needs a hub).
    static let commands: [[String]] = [
        ["due", "--as-of", today, "--within", "30"],
        ["contacts", "--today", today, "--from", "2026-09-01"],
        ["report", "fidelity"],
        ["report", "fidelity-suggestions", "--today", today],
        ["report", "employment-rate", "--today", today, "--quarter", "2026Q3", "--deidentified"],
    ] + ReportCatalog.names.map { ["report", $0, "--today", today, "--quarter", "2026Q4"] }

    /// What a walk over one output found.
    struct Walk {
        var keys: [String] = []
        var ids: [String] = []
        var camelCaseKeys: [String] { keys.filter { $0.contains { $0.isUppercase } } }
        var upperCaseIDs: [String] { ids.filter { $0 != $0.lowercased() } }

        init(_ value: Any) { visit(value) }

        private mutating func visit(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    keys.append(key)
                    visit(member)
                }
            } else if let array = value as? [Any] {
                for item in array { visit(item) }
            } else if let text = value as? String, UUID(uuidString: text) != nil {
                ids.append(text)
            }
        }
    }

    static func walk(_ output: String) throws -> Walk {
        Walk(try JSONSerialization.jsonObject(with: Data(output.utf8), options: [.fragmentsAllowed]))
    }

    /// A copy of the demo with a fidelity review in it (the demo has none), saved as the app saves it.
    static func demoWithAReview() throws -> DataCopy {
        let data = try DataCopy()
        let store = try Store(folder: data.folder)
        let specialist = try #require(store.load().specialists.first)
        _ = try store.save(FidelityReview(date: try LocalDate(parsing: "2026-11-20"), specialistID: specialist.id,
                                          scores: [.init(item: 1, score: 4, note: "Two caseloads above twenty")]))
        return data
    }

    @Test func everyJSONOutputHasSnakeCaseKeysAndLowerCaseIDs() throws {
        let data = try Self.demoWithAReview()
        var idsSeen: [String: Int] = [:]
        for command in Self.commands {
            let result = spawn([binary] + command + ["--json", "--data", data.folder.path])
            let name = command.prefix(2).joined(separator: " ")
            #expect(result.status == 0, "\(name): \(result.output.prefix(500))")
            let walk = try Self.walk(result.output)
            #expect(!walk.keys.isEmpty || command[0] == "due", "\(name): no keys")
            #expect(walk.camelCaseKeys.isEmpty, "\(name): camelCase keys \(Set(walk.camelCaseKeys).sorted())")
            #expect(walk.upperCaseIDs.isEmpty, "\(name): upper-case ids \(walk.upperCaseIDs.prefix(3))")
            idsSeen[name, default: 0] += walk.ids.count
        }
        // The walk met real ids, so the case it checked is not vacuous: the records hold them in
        // upper case inside.
        for name in ["due --as-of", "contacts --today", "report fidelity", "report employment-rate", "report follow-along"] {
            #expect(idsSeen[name, default: 0] > 0, "\(name) printed no id: \(idsSeen)")
        }
        let client = try String(contentsOf: data.clientFile(named: "José Álvarez-Ruiz"), encoding: .utf8)
        #expect(client.contains("\"specialistID\" : \""), "the files keep their camelCase keys")
        #expect(client.range(of: #""id" : "[0-9A-F-]{36}""#, options: .regularExpression) != nil, "the files keep upper-case ids")
    }

    @Test(.enabled(if: spawn(["git", "--version"]).status == 0, "git is not installed"))
    func syncStatusToo() throws {
        let data = try DataCopy()
        let environment = ["/usr/bin/env", "XDG_STATE_HOME=\(data.root.path)/state", "XDG_CONFIG_HOME=\(data.root.path)/config"]
        let hub = data.root.appendingPathComponent("hub.git").path
        let shared = spawn(environment + [binary, "sync", "init", hub, "--data", data.folder.path])
        try #require(shared.status == 0, "\(shared.output)")
        let result = spawn(environment + [binary, "sync", "status", "--json", "--data", data.folder.path])
        #expect(result.status == 0, "\(result.output)")
        let walk = try Self.walk(result.output)
        #expect(Set(walk.keys) == ["hub", "last_sync", "changes_not_shared", "records_to_merge"], "\(result.output)")
    }
}
