import FieldbookCore
import Foundation
import Testing

/// The demo generator, built beside these tests.
let generator: String = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("GenerateSampleData").path

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct CareerProfileEndToEndTests {
    /// A specialist fills in a few questions with the keyboard, leaves, comes back, resumes at
    /// the right question, reviews the section and prints the profile; on a folder the demo
    /// generator wrote.
    @Test func fillInLeaveResumeReviewAndPrint() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-e2e-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("data")
        let made = spawn([generator, folder.path])
        #expect(made.status == 0, "\(made.output)")
        let command = "XDG_STATE_HOME='\(root.path)/state' XDG_CACHE_HOME='\(root.path)/cache' \(binary) --data '\(folder.path)' --specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
        let store = try Store(folder: folder, mode: .readOnly)
        let soren = try #require(store.load().clients.first { $0.name == "Søren Bjørnstad" })
        let profiles = CareerProfileStore(folder: folder)
        #expect(!profiles.profile(of: soren.id).profile.isStarted, "the generator leaves this profile unstarted")

        do {
            let session = Tmux(command: command, columns: 80, rows: 24)
            #expect(session.waitFor("[1 Today]"), "\(session.screen)")
            session.send("2")
            #expect(session.waitFor("Active caseload"), "\(session.screen)")
            session.send("/")
            session.type("soren")
            session.send("Enter", "Enter")
            #expect(session.waitFor("── Details"), "\(session.screen)")
            // The profiles are read after the first frame: c pressed before then opens the
            // profile when they arrive.
            session.send("c")
            #expect(session.waitFor("What job would you like to have now?"), "\(session.screen)")
            session.type("Warehouse work, días de semana")
            session.send("Enter")
            #expect(session.waitFor("If you could have any job at all"), "\(session.screen)")
            session.type("Forklift driver")
            session.send("C-s")
            #expect(session.waitFor("Why do you want to work now?"), "\(session.screen)")
            // Both answers are on disk while the program still runs.
            let deadline = Date().addingTimeInterval(15)
            while profiles.profile(of: soren.id).profile.entries.count < 2 && Date() < deadline { usleep(50_000) }
            #expect(profiles.profile(of: soren.id).profile.answers()["ideal-job"]?.value == .text("Forklift driver"))
            session.send("Escape")
            #expect(session.waitFor("── Details"), "\(session.screen)")
            session.send("Escape", "q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
        }
        let written = profiles.profile(of: soren.id).profile
        #expect(written.sessions.count == 1 && written.entries.count == 2)

        let again = Tmux(command: command, columns: 80, rows: 24)
        #expect(again.waitFor("[1 Today]"), "\(again.screen)")
        again.send("2")
        #expect(again.waitFor("Active caseload"), "\(again.screen)")
        again.send("/")
        again.type("soren")
        again.send("Enter", "Enter")
        #expect(again.waitFor("── Details"), "\(again.screen)")
        again.send("G")
        #expect(again.waitFor("Progress            2 of "), "the client page shows the progress\n\(again.screen)")
        #expect(again.screen.contains("Job goal            Warehouse work, días de semana"), "\(again.screen)")
        again.send("c")
        // Resumes at the first question not yet answered.
        #expect(again.waitFor("Why do you want to work now?"), "\(again.screen)")
        #expect(again.screen.contains("Question 3 of"), "\(again.screen)")
        again.send("C-v")
        #expect(again.waitFor("Review: Work goals"), "\(again.screen)")
        #expect(again.screen.contains("Warehouse work, días de semana"), "\(again.screen)")
        // p asks where the printable page goes (a folder under home offered), then writes it there.
        again.send("p")
        #expect(again.waitFor("~/fieldbook-pages"), "\(again.screen)")
        let pages = root.appendingPathComponent("pages")
        again.type(pages.path)
        again.send("Enter")
        #expect(again.waitFor("Printable pages in"), "\(again.screen)")
        let printed = try FileManager.default.contentsOfDirectory(atPath: pages.path)
        let file = try #require(printed.first)
        #expect(printed.count == 1)
        #expect(file == "profile-\(soren.id.uuidString.lowercased().prefix(8))-2026-11-21.html")
        let text = try String(contentsOf: pages.appendingPathComponent(file), encoding: .utf8)
        #expect(text.contains("Forklift driver") && text.contains("Søren Bjørnstad"))
        again.send("Escape", "Escape", "Escape", "q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0"), "\(again.screen)")
    }
}

/// Enter keeps a long answer and Ctrl-J (a line feed from the terminal, not Enter's carriage
/// return) starts a new line in it; the review leads back to a question to change it.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct ProfileLongAnswerEndToEndTests {
    @Test func ctrlJStartsALineEnterKeepsAndTheReviewLeadsBack() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-e2e-long-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("data")
        let made = spawn([generator, folder.path])
        #expect(made.status == 0, "\(made.output)")
        let command = "XDG_STATE_HOME='\(root.path)/state' XDG_CACHE_HOME='\(root.path)/cache' \(binary) --data '\(folder.path)' --specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
        let soren = try #require(try Store(folder: folder, mode: .readOnly).load().clients.first { $0.name == "Søren Bjørnstad" })
        let profiles = CareerProfileStore(folder: folder)

        let session = Tmux(command: command, columns: 80, rows: 24)
        #expect(session.waitFor("[1 Today]"), "\(session.screen)")
        // `/` on Today goes to the caseload's search.
        session.send("/")
        #expect(session.waitFor("Search: "), "\(session.screen)")
        session.type("soren")
        session.send("Enter", "Enter")
        #expect(session.waitFor("── Details"), "\(session.screen)")
        session.send("c")
        #expect(session.waitFor("What job would you like to have now?"), "\(session.screen)")
        session.send("PageDown", "PageDown")
        #expect(session.waitFor("Why do you want to work now?"), "\(session.screen)")
        #expect(session.screen.contains("Enter keeps the answer and goes on; Ctrl-J starts a new line."), "\(session.screen)")
        #expect(session.screen.contains("┌─ Answer"), "\(session.screen)")
        session.type("Money of my own")
        session.send("C-j")
        session.type("and a routine")
        #expect(session.waitFor("│and a routine"), "\(session.screen)")
        session.send("Enter")
        #expect(session.waitFor("What do you hope a job will bring you?"), "\(session.screen)")
        let deadline = Date().addingTimeInterval(15)
        while profiles.profile(of: soren.id).profile.answers()["why-work-now"] == nil && Date() < deadline { usleep(50_000) }
        #expect(profiles.profile(of: soren.id).profile.answers()["why-work-now"]?.value == .text("Money of my own\nand a routine"))
        // From the review, the third question of the section, to change it.
        session.send("C-v")
        #expect(session.waitFor("Review: Work goals"), "\(session.screen)")
        session.send("Down", "Down", "Enter")
        #expect(session.waitFor("Question 3 of"), "\(session.screen)")
        #expect(session.screen.contains("Why do you want to work now?"), "\(session.screen)")
        session.send("Escape", "Escape", "Escape", "q")
        #expect(session.waitFor("FIELDBOOK-EXIT=0"), "\(session.screen)")
    }
}

/// Answers every question of the career profile on screen with the keyboard, as a specialist
/// would: each input by the kind its help line names, a repeating group with one entry.
struct ProfileFiller {
    let session: Tmux
    /// Questions (section and number) whose repeating group has an entry filled in.
    private var groupsWithEntry: Set<String> = []

    init(_ session: Tmux) { self.session = session }

    /// "12 of 196 answered" from the title line.
    static func progress(_ screen: String) -> (answered: Int, total: Int)? {
        guard let match = screen.firstMatch(of: /(\d+) of (\d+) answered/), let answered = Int(match.1), let total = Int(match.2)
        else { return nil }
        return (answered, total)
    }

    /// What tells a step inside a group has been taken: the focused row's label and the help line.
    static func groupFocus(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let focused = lines.first { $0.hasPrefix("▸") }.map { String($0.prefix(24)) } ?? ""
        return focused + "|" + (lines.dropLast(2).last.map(String.init) ?? "")
    }

    /// The section and question number shown, e.g. "3/14 Work history|Question 2 of 9".
    static func place(_ screen: String) -> String {
        let section = screen.firstMatch(of: #/── (\d+/\d+ [^─\n]+)/#).map { String($0.1) } ?? ""
        let question = screen.firstMatch(of: /Question \d+ of \d+/).map { String($0.0) } ?? ""
        return section + "|" + question
    }

    /// Answers questions until `stop` says so, or every question shown is answered; returns
    /// false (with the screen) if a step showed no effect in time.
    mutating func answer(until stop: (_ answered: Int, _ total: Int) -> Bool = { _, _ in false }) -> (Bool, String) {
        var steps = 0
        while steps < 2_000 {
            steps += 1
            let screen = session.screen
            guard let (answered, total) = Self.progress(screen) else { return (false, screen) }
            if answered == total || stop(answered, total) { return (true, screen) }
            // A group's focused row is marked in the first column (an option's mark is indented).
            let inGroup = screen.split(separator: "\n").contains { $0.hasPrefix("▸") }
            let keep = inGroup ? "Tab" : "Enter"
            if inGroup && !screen.contains("Enter or Ctrl-N adds an entry") { groupsWithEntry.insert(Self.place(screen)) }
            var sameQuestion = false
            if screen.contains("Enter or Ctrl-N adds an entry") {
                let place = Self.place(screen)
                if groupsWithEntry.contains(place) {
                    session.send("C-s")
                } else {
                    groupsWithEntry.insert(place)
                    session.send("Enter")
                    sameQuestion = true
                }
            } else if screen.contains("Space or → picks the next option") && screen.contains("○ Yes") && screen.contains("○ No") {
                // Yes, so that the questions shown only after a yes are asked too.
                session.type("y")
                session.send(keep)
                sameQuestion = inGroup
            } else if screen.contains("Space or → picks the next option") || screen.contains("Space ticks or unticks") {
                session.send("Space", keep)
                sameQuestion = inGroup
            } else if screen.contains("Ctrl-J starts a new line") {
                session.type("Said in our meeting, answer \(steps).")
                session.send(keep)
                sameQuestion = inGroup
            } else if screen.contains("A date: ") {
                session.type("2025-06-0\(steps % 9 + 1)")
                session.send(keep)
                sameQuestion = inGroup
            } else if screen.contains("A number. ") {
                session.type("\(steps % 40 + 1)")
                session.send(keep)
                sameQuestion = inGroup
            } else {
                session.type("Answer \(steps)")
                session.send(keep)
                sameQuestion = inGroup
            }
            // Wait for the step to show: a new count for a kept answer, a moved focus in a group.
            let deadline = Date().addingTimeInterval(20)
            let before = sameQuestion ? Self.groupFocus(screen) : "\(answered)"
            var moved = false
            while !moved && Date() < deadline {
                usleep(30_000)
                let now = session.screen
                moved = sameQuestion ? Self.groupFocus(now) != before : Self.progress(now).map { "\($0.answered)" } != before
            }
            if !moved { return (false, session.screen) }
        }
        return (false, session.screen)
    }
}

extension CareerProfileEndToEndTests {
    /// The Done-when of the career profile: the whole default profile filled in with the
    /// keyboard, over two meetings (leave, come back, resume), a section reviewed, and printed.
    @Test func theWholeDefaultProfileFilledInOverTwoMeetingsReviewedAndPrinted() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-e2e-whole-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("data")
        let made = spawn([generator, folder.path])
        #expect(made.status == 0, "\(made.output)")
        let command = "XDG_STATE_HOME='\(root.path)/state' XDG_CACHE_HOME='\(root.path)/cache' \(binary) --data '\(folder.path)' --specialist Maria --today 2026-11-21; echo FIELDBOOK-EXIT=$?; sleep 60"
        let store = try Store(folder: folder, mode: .readOnly)
        let soren = try #require(store.load().clients.first { $0.name == "Søren Bjørnstad" })
        let profiles = CareerProfileStore(folder: folder)
        let definition = profiles.definition().definition
        #expect(!profiles.profile(of: soren.id).profile.isStarted, "the generator leaves this profile unstarted")

        func openProfile(_ session: Tmux) {
            #expect(session.waitFor("[1 Today]", seconds: 30), "\(session.screen)")
            session.send("2")
            #expect(session.waitFor("Active caseload", seconds: 30), "\(session.screen)")
            session.send("/")
            session.type("soren")
            session.send("Enter", "Enter")
            #expect(session.waitFor("── Details", seconds: 30), "\(session.screen)")
            // The profiles are read after the first frame: c pressed before then opens the
            // profile when they arrive.
            session.send("c")
            #expect(session.waitFor(" answered", seconds: 30), "\(session.screen)")
        }

        // The first meeting: about half the profile.
        var firstMeeting = 0
        var placeLeft = ""
        do {
            let session = Tmux(command: command, columns: 100, rows: 30)
            openProfile(session)
            #expect(session.screen.contains("0 of "), "\(session.screen)")
            var filler = ProfileFiller(session)
            let (ok, screen) = filler.answer { answered, total in answered >= total / 2 }
            #expect(ok, "\(screen)")
            firstMeeting = ProfileFiller.progress(screen)?.answered ?? 0
            placeLeft = ProfileFiller.place(screen)
            session.send("Escape")
            #expect(session.waitFor("── Details", seconds: 30), "\(session.screen)")
            session.send("Escape", "q")
            #expect(session.waitFor("FIELDBOOK-EXIT=0", seconds: 30), "\(session.screen)")
        }
        #expect(firstMeeting > 50)
        #expect(placeLeft.contains("/\(definition.sections.count) ") && placeLeft.contains("|Question "), "\(placeLeft)")
        let half = profiles.profile(of: soren.id).profile
        #expect(half.sessions.count == 1)
        #expect(half.progress(in: definition).reduce(0) { $0 + $1.answered } == firstMeeting)

        // The second meeting resumes where the first stopped and finishes the profile.
        let again = Tmux(command: command, columns: 100, rows: 30)
        openProfile(again)
        #expect(again.waitFor("\(firstMeeting) of ", seconds: 30), "\(again.screen)")
        #expect(ProfileFiller.place(again.screen) == placeLeft, "resumes at \(placeLeft):\n\(again.screen)")
        #expect(again.screen.contains("Not answered before."), "\(again.screen)")
        var filler = ProfileFiller(again)
        let (ok, screen) = filler.answer()
        #expect(ok, "\(screen)")
        let (answered, total) = try #require(ProfileFiller.progress(screen))
        #expect(answered == total && total >= 150, "\(screen)")

        // Every shown question answered on disk, in two meetings.
        let deadline = Date().addingTimeInterval(30)
        func onDisk() -> (answered: Int, total: Int) {
            let progress = profiles.profile(of: soren.id).profile.progress(in: definition)
            return (progress.reduce(0) { $0 + $1.answered }, progress.reduce(0) { $0 + $1.total })
        }
        while onDisk().answered < answered && Date() < deadline { usleep(100_000) }
        let whole = onDisk()
        #expect(whole.answered == whole.total && whole.total == total, "\(whole)")
        let final = profiles.profile(of: soren.id).profile
        #expect(final.sessions.count == 2)
        // Every kind of answer was given with the keyboard, the repeating group with an entry.
        let values = final.answers().all.map(\.value)
        #expect(values.contains { if case .yesNo(true) = $0 { true } else { false } })
        #expect(values.contains { if case .choices(let picked) = $0 { !picked.isEmpty } else { false } })
        #expect(values.contains { if case .scale = $0 { true } else { false } })
        #expect(values.contains { if case .date = $0 { true } else { false } })
        #expect(values.contains { if case .number = $0 { true } else { false } })
        #expect(values.contains { if case .choice = $0 { true } else { false } })
        guard case .entries(let jobs)? = final.answers()["past-jobs"]?.value else {
            Issue.record("no past jobs: \(String(describing: final.answers()["past-jobs"]))")
            return
        }
        #expect(jobs.count == 1)
        print("Whole profile: \(total) questions answered, \(firstMeeting) in the first meeting")

        // A section reviewed, read back to the client, then printed.
        again.send("C-v")
        #expect(again.waitFor("Review: ", seconds: 30), "\(again.screen)")
        #expect(again.screen.contains("Answer ") || again.screen.contains("Said in our meeting"), "\(again.screen)")
        again.send("p")
        #expect(again.waitFor("~/fieldbook-pages", seconds: 30), "\(again.screen)")
        let pages = root.appendingPathComponent("pages")
        again.type(pages.path)
        again.send("Enter")
        #expect(again.waitFor("Printable pages in", seconds: 30), "\(again.screen)")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: pages.path).first)
        let text = try String(contentsOf: pages.appendingPathComponent(file), encoding: .utf8)
        #expect(text.contains("Søren Bjørnstad"))
        #expect(text.contains("Said in our meeting, answer") && text.contains("Answer "))
        again.send("Escape", "Escape", "Escape", "q")
        #expect(again.waitFor("FIELDBOOK-EXIT=0", seconds: 30), "\(again.screen)")
    }
}
