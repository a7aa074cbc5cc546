import FieldbookCore
import Foundation
import Testing

@Suite struct StatusHistoryTests {
    @Test func theStatusOnAnyDayFollowsTheHistory() {
        var client = Rules.client(status: .referred)
        client.setStatus(.jobSearch, on: date("2026-03-02"))
        client.setStatus(.working, on: date("2026-06-15"))
        client.setStatus(.closed, on: date("2026-11-10"))
        #expect(client.statusHistory.count == 3)
        let table: [(String, ClientStatus)] = [
            ("2026-01-01", .referred), ("2026-03-01", .referred), ("2026-03-02", .jobSearch),
            ("2026-06-14", .jobSearch), ("2026-06-15", .working), ("2026-11-09", .working),
            ("2026-11-10", .closed), ("2030-01-01", .closed),
        ]
        for (day, expected) in table {
            #expect(client.status(on: date(day)) == expected, "\(day)")
        }
        #expect(client.closedOn == date("2026-11-10"))
        client.setStatus(.followAlong, on: date("2026-12-01"))
        #expect(client.closedOn == nil)
        #expect(client.status(on: date("2026-11-20")) == .closed)
        #expect(client.status(on: date("2026-12-01")) == .followAlong)
    }

    @Test func withoutHistoryTheCurrentStatusHoldsAndClosedMeansAlwaysClosed() {
        #expect(Rules.client(status: .working).status(on: date("2001-01-01")) == .working)
        let closed = Rules.client(status: .closed)
        #expect(closed.closedOn == nil)
        #expect(closed.status(on: date("2001-01-01")) == .closed)
        // Closed by hand in the file without a recorded change: no known closing date either.
        let edited = Rules.client(status: .closed, history: [StatusChange(date: date("2026-05-01"), from: .referred, to: .working)])
        #expect(edited.closedOn == nil)
        #expect(edited.status(on: date("2026-04-01")) == .closed)
    }

    @Test func changesOnOneDayAreOneChange() {
        var client = Rules.client(status: .working)
        client.setStatus(.working, on: date("2026-11-10"))
        #expect(client.statusHistory.isEmpty)
        client.setStatus(.inactive, on: date("2026-11-10"))
        client.setStatus(.closed, on: date("2026-11-10"))
        #expect(client.statusHistory == [StatusChange(date: date("2026-11-10"), from: .working, to: .closed)])
        client.setStatus(.working, on: date("2026-11-10"))
        #expect(client.statusHistory.isEmpty)
        #expect(client.status == .working)
    }

    @Test func changesOutOfOrderInTheFileAreReadByDate() {
        let client = Rules.client(status: .closed, history: [
            StatusChange(date: date("2026-09-01"), from: .working, to: .closed),
            StatusChange(date: date("2026-03-01"), from: .engaging, to: .working),
        ])
        #expect(client.status(on: date("2026-02-01")) == .engaging)
        #expect(client.status(on: date("2026-05-01")) == .working)
        #expect(client.closedOn == date("2026-09-01"))
    }

    @Test func theDemoShiftMovesTheHistoryWithTheOtherDates() {
        let client = Rules.client(status: .closed, history: [StatusChange(date: date("2026-09-01"), from: .working, to: .closed)])
        #expect(client.shifted(byDays: 10).closedOn == date("2026-09-11"))
    }

    @Test func aFileWithoutTheNewFieldsLoadsAndTheyAreWrittenBack() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.client()).record
        let url = folder.path(DataLayout.client(saved.id))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(object["statusHistory"] != nil && object["declinedFollowAlong"] != nil)
        object["statusHistory"] = nil
        object["declinedFollowAlong"] = nil
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: url)

        let loaded = try Store(folder: folder.url).load()
        #expect(loaded.problems.isEmpty)
        var client = try #require(loaded.client(saved.id))
        #expect(client.statusHistory.isEmpty)
        #expect(client.declinedFollowAlong == false)
        #expect(client.followAlongIntervalDays == nil)

        client.setStatus(.closed, on: date("2026-11-24"))
        client.declinedFollowAlong = true
        client.followAlongIntervalDays = 14
        let store2 = try Store(folder: folder.url)
        _ = store2.load()
        try store2.save(client)
        let again = try #require(try Store(folder: folder.url).load().client(saved.id))
        #expect(again.statusHistory == [StatusChange(date: date("2026-11-24"), from: .jobSearch, to: .closed)])
        #expect(again.closedOn == date("2026-11-24"))
        #expect(again.declinedFollowAlong && again.followAlongIntervalDays == 14)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(#""from" : "job-search""#) && text.contains(#""date" : "2026-11-24""#))
    }

    @Test func aBadStatusChangeIsReportedByField() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let saved = try store.save(Sample.client()).record
        let url = folder.path(DataLayout.client(saved.id))
        let text = try String(contentsOf: url, encoding: .utf8)
        let broken = text.replacingOccurrences(of: #""statusHistory" : ["#,
                                               with: #""statusHistory" : [ { "date" : "2026-02-30", "from" : "working", "to" : "closed" }"#)
        #expect(broken != text)
        try broken.write(to: url, atomically: true, encoding: .utf8)
        // (The hand edit leaves the file open to others; that has its own check.)
        let problems = DataCheck.run(folder: folder.url, skipping: [.permissions])
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("statusHistory[0].date") == true, "\(problems)")
    }

    @Test func theMonthlyIntervalIsReadFromDaysAndWrittenInMonths() throws {
        let folder = TemporaryFolder()
        _ = try Store(folder: folder.url)
        let cases: [(String, Int)] = [
            (#"{ "followAlong": { "thereafterEveryDays": 30 } }"#, 1),
            (#"{ "followAlong": { "thereafterEveryDays": 60 } }"#, 2),
            (#"{ "followAlong": { "thereafterEveryDays": 14 } }"#, 1),
            (#"{ "followAlong": { "thereafterEveryDays": 30, "thereafterEveryMonths": 3 } }"#, 3),
            (#"{ "followAlong": { "afterStartDays": 2 } }"#, 1),
            (#"{ }"#, 1),
        ]
        for (json, months) in cases {
            try Data(json.utf8).write(to: folder.path("settings.json"))
            let settings = try Store(folder: folder.url).load().settings
            #expect(settings.followAlong.thereafterEveryMonths == months, "\(json)")
            #expect(settings.followAlong.phoneAndVideoCount == false)
        }
        try Data(#"{ "followAlong": { "thereafterEveryDays": 60, "phoneAndVideoCount": true } }"#.utf8)
            .write(to: folder.path("settings.json"))
        let store = try Store(folder: folder.url)
        let settings = store.load().settings
        #expect(settings.followAlong.phoneAndVideoCount)
        try store.save(settings)
        let written = try String(contentsOf: folder.path("settings.json"), encoding: .utf8)
        #expect(written.contains(#""thereafterEveryMonths" : 2"#))
        // The old key is a field this version no longer uses: kept as it was, for older copies.
        #expect(written.contains(#""thereafterEveryDays" : 60"#))
    }
}
