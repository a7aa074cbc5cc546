import FieldbookCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Two processes save at the same moment: one record where each changes its own field, one
/// where both change the same field, and one record each. No save is lost: different fields
/// merge, the same field saves once and the other side gets a conflict.
@Suite struct ConcurrencyProofTests {
    static let rounds = 100
    let shared = UUID(uuidString: "00000000-0000-4000-8000-000000000010")!
    let same = UUID(uuidString: "00000000-0000-4000-8000-000000000011")!
    let sideA = UUID(uuidString: "00000000-0000-4000-8000-00000000000a")!
    let sideB = UUID(uuidString: "00000000-0000-4000-8000-00000000000b")!

    @Test func twoProcessesSavingAtOnceLoseNoUpdate() throws {
        let folder = TemporaryFolder()
        let data = folder.path("data")
        let store = try Store(folder: data)
        let entry = try LocalDate(parsing: "2026-06-01")
        for id in [shared, same, sideA, sideB] {
            try store.save(Client(id: id, name: "Race \(id.uuidString.suffix(2))", phone: "555-0000", programEntryDate: entry))
        }
        let go = folder.path("go").path
        var lostUpdates = 0, merges = 0, conflicts = 0, saves = 0
        var problems: [String] = []
        for round in 1...Self.rounds {
            unlink(go)
            let a = try #require(Child([tortureBinary, "race", data.path, go, "A", "\(round)"]))
            let b = try #require(Child([tortureBinary, "race", data.path, go, "B", "\(round)"]))
            #expect(a.waitFor("ready") && b.waitFor("ready"))
            close(open(go, O_CREAT | O_WRONLY, 0o600))
            a.wait()
            b.wait()
            let outputs = ["A": a.output, "B": b.output]
            func result(_ side: String, _ name: String) -> String {
                outputs[side]!.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map { String($0.dropFirst(name.count + 1)) } ?? "missing"
            }
            let snapshot = try Store(folder: data, mode: .readOnly).load()
            for side in ["A", "B"] {
                for name in ["shared", "same", "own"] {
                    switch result(side, name) {
                    case "saved": saves += 1
                    case "merged": merges += 1
                    case "conflict": conflicts += 1
                    case let other: problems.append("round \(round) \(side) \(name): \(other)")
                    }
                }
            }
            // Different fields of one record: both changes are on disk.
            let sharedNow = snapshot.client(shared)
            if sharedNow?.notes != "A\(round)" || sharedNow?.phone != "B\(round)" {
                lostUpdates += 1
                problems.append("round \(round): shared has notes \(sharedNow?.notes ?? "-") phone \(sharedNow?.phone ?? "-")")
            }
            // The same field: one side saved, the other was told of the conflict.
            let winners = ["A", "B"].filter { result($0, "same") != "conflict" }
            if winners.count != 1 || snapshot.client(same)?.referralSource != "\(winners.first ?? "?")\(round)" {
                lostUpdates += 1
                problems.append("round \(round): same-field saves \(winners), on disk \(snapshot.client(same)?.referralSource ?? "-")")
            }
            // Different records.
            if snapshot.client(sideA)?.notes != "A\(round)" || snapshot.client(sideB)?.notes != "B\(round)" {
                lostUpdates += 1
                problems.append("round \(round): own records lost a save")
            }
            // The kept copies of this round's conflicts are not needed here.
            try? FileManager.default.removeItem(at: data.appendingPathComponent("conflicts"))
        }
        print("Concurrency proof: \(Self.rounds) rounds of 2 processes x 3 saves: \(saves) saved, \(merges) merged, "
            + "\(conflicts) conflicts, \(lostUpdates) lost updates")
        #expect(lostUpdates == 0, "\(problems.prefix(5))")
        #expect(problems.count == 0, "\(problems.prefix(5))")
    }
}
