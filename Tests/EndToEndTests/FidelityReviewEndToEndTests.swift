import Foundation
import Testing

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct FidelityReviewEndToEndTests {
    /// A supervisor opens the review from the Reports tab, scores two items (one with a note),
    /// saves, and finds the review on disk and on the Reports tab after a restart.
    @Test func aReviewFilledInOnTheReportsTabIsSavedAndShownAfterARestart() throws {
        let data = try DataCopy()
        do {
            let session = Tmux(command: data.command(), columns: 80, rows: 24)
            #expect(session.waitFor("[1 Today]"), "\(session.screen)")
            session.send("4")
            #expect(session.waitFor("Reports · 2026 Q4"), "\(session.screen)")
            // A frame reaches tmux line by line: wait for its last line too.
            #expect(session.waitFor("f fidelity"), "\(session.screen)")
            session.send("f")
            #expect(session.waitFor("section 1 of 3"), "\(session.screen)")
            #expect(session.waitFor("1. Caseload size (records: "), "the score the records suggest: \(session.screen)")
            // Date (today) → item 1: score 4 and a note → item 2: score 3 with the arrows.
            session.send("Tab")
            session.type("4")
            session.send("Tab")
            session.type("Two caseloads above twenty")
            session.send("Tab")
            session.send("Right", "Right", "Right")
            #expect(session.waitFor("◂ 3 ▸"), "\(session.screen)")
            session.send("C-s")
            #expect(session.waitFor("Fidelity review saved: 7 of 125 so far (2 of 25 items scored)"), "\(session.screen)")
            session.send("q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        }

        let folder = data.folder.appendingPathComponent("fidelity-reviews")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        try #require(files.count == 1, "\(files)")
        let file = folder.appendingPathComponent(files[0])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(json["date"] as? String == "2026-11-21")
        let scores = try #require(json["scores"] as? [[String: Any]])
        #expect(scores.count == 25)
        #expect(scores.first { $0["item"] as? Int == 1 }?["score"] as? Int == 4)
        #expect(scores.first { $0["item"] as? Int == 1 }?["note"] as? String == "Two caseloads above twenty")
        #expect(scores.first { $0["item"] as? Int == 2 }?["score"] as? Int == 3)
        #expect(scores.filter { $0["score"] != nil }.count == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let printed = spawn([binary, "report", "fidelity", "--data", data.folder.path])
        #expect(printed.status == 0)
        #expect(printed.output.contains("Sat 21 Nov 2026"), "\(printed.output)")
        #expect(printed.output.contains("Two caseloads above twenty"), "\(printed.output)")

        let again = Tmux(command: data.command(), columns: 80, rows: 24)
        #expect(again.waitFor("[1 Today]"), "\(again.screen)")
        again.send("4")
        #expect(again.waitFor("Reports · 2026 Q4"), "\(again.screen)")
        again.send("G")
        #expect(again.waitFor("Fidelity self-review  2026-11-21: 7 of 125 so far (2 of 25 items scored)"), "\(again.screen)")
        // The next review starts from this one's scores.
        again.send("f", "Tab")
        #expect(again.waitFor("Two caseloads above twenty"), "\(again.screen)")
        again.send("Escape")
        again.send("q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0"), "\(again.screen)")
    }
}
