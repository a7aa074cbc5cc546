import FieldbookCore
import Foundation
import Testing

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct EmployerLogEndToEndTests {
    /// On the demo data: log a visit to a known employer, browse its history, edit the visit,
    /// delete it, log a visit to a new employer added inline; then the files and the audit
    /// trail say so.
    @Test func logEditDeleteAndAddAnEmployerInline() throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "no binary at \(binary)")
        let data = try DataCopy()
        do {
            let session = Tmux(command: data.command(), columns: 80, rows: 24)
            #expect(session.waitFor("[1 Today]"), "\(session.screen)")
            session.send("3")
            #expect(session.waitFor("Employer ▲"), "\(session.screen)")

            // Log a visit to a known employer, on José's behalf.
            session.send("v")
            #expect(session.waitFor("Log an employer contact"), "\(session.screen)")
            session.type("bean")
            #expect(session.waitFor("[Bean There Café"), "\(session.screen)")
            session.send("Enter")
            session.type("s")
            session.send("Enter")
            session.type("p")
            session.send("Enter", "Enter", "Enter")
            session.type("jos")
            #expect(session.waitFor("[José Álvarez-Ruiz"), "\(session.screen)")
            session.send("Tab")
            session.type("E2E learned: weekend baristas")
            session.send("Tab")
            session.type("E2E outcome: will interview")
            session.send("Tab")
            session.type("E2E next step")
            session.send("Enter")
            session.type("+7d")
            session.send("Enter")
            #expect(session.waitFor("Face-to-face contact with Bean There Café logged."), "\(session.screen)")

            // Browse the employer's history: the new visit is the newest, selected.
            session.send("/")
            session.type("bean")
            session.send("Enter", "Enter")
            #expect(session.waitFor("── People met"), "\(session.screen)")
            session.send("j", "k")
            #expect(session.waitFor("▸ 2026-11-21  Face-to-face · Present a job seeker"), "\(session.screen)")

            // Edit it: the outcome only.
            session.send("Enter")
            #expect(session.waitFor("Edit an employer contact"), "\(session.screen)")
            for _ in 0..<6 { session.send("Tab") }
            session.send("C-u")
            session.type("E2E edited outcome")
            session.send("C-s")
            #expect(session.waitFor("Contact with Bean There Café saved."), "\(session.screen)")

            // Delete it, after the question.
            session.send("d")
            #expect(session.waitFor("y deletes"), "\(session.screen)")
            session.send("y")
            #expect(session.waitFor("Contact deleted."), "\(session.screen)")

            // A visit to an employer not in the directory adds it first.
            session.send("Escape", "Escape")
            #expect(session.waitFor("Employer ▲"), "\(session.screen)")
            session.send("v")
            #expect(session.waitFor("Log an employer contact"), "\(session.screen)")
            session.type("Zebra Bakery E2E")
            #expect(session.waitFor("+ new employer"), "\(session.screen)")
            session.send("Enter")
            // A new employer is asked its type of business.
            #expect(session.waitFor("Type of business"), "\(session.screen)")
            session.type("Bakery")
            session.send("Enter")
            session.type("Pat Quinn")
            session.send("Enter", "C-s")
            #expect(session.waitFor("contact with Zebra Bakery E2E logged."), "\(session.screen)")

            // The weekly history.
            session.send("w")
            #expect(session.waitFor("last 12 weeks"), "\(session.screen)")
            session.send("Escape", "q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        }
        func files(_ folder: String) throws -> [String] {
            let url = data.folder.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
            return try enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
                .map { try String(contentsOf: $0, encoding: .utf8) }
        }
        let contacts = try files("employer-contacts").joined()
        #expect(!contacts.contains("E2E learned"), "the deleted visit is gone")
        #expect(!contacts.contains("E2E edited outcome"))
        let employers = try files("employers")
        let zebra = try #require(employers.first { $0.contains("\"name\" : \"Zebra Bakery E2E\"") })
        #expect(zebra.contains("\"name\" : \"Pat Quinn\""))
        #expect(zebra.contains("\"businessType\" : \"Bakery\""))

        let audit = spawn([binary, "audit", "--data", data.folder.path])
        #expect(audit.status == 0)
        #expect(audit.output.contains("delete  employer contact"), "\(audit.output)")
        #expect(audit.output.contains("create  employer "), "\(audit.output)")
        #expect(!audit.output.contains("E2E"), "record values in the audit output")
        #expect(spawn([binary, "audit", "--verify", "--data", data.folder.path]).status == 0)
    }
}
