import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// Every key a screen takes is on its key line, or the line ends with "more keys" and help opens
/// on that screen's keys.
@Suite struct MoreKeysTests {
    /// The key contexts of the app's screens, as their pages give them.
    static let screens: [[KeyContext]] = [
        [.today, .employerVisit, .lists, .top, .everywhere],
        [.caseload, .lists, .top, .everywhere],
        [.search, .textEditing, .lists, .top, .everywhere],
        [.searchResult, .caseload, .lists, .top, .everywhere],
        [.client, .employerVisit, .lists, .everywhere],
        [.specialists, .lists, .everywhere],
        [.employers, .lists, .top, .everywhere],
        [.employer, .lists, .everywhere],
        [.reports, .lists, .top, .everywhere],
        [.history, .lists, .everywhere],
        [.textEditing, .form, .everywhere],
        [.multiLine, .textEditing, .form, .everywhere],
        [.choice, .form, .everywhere],
        [.completion, .textEditing, .form, .everywhere],
        [.careerProfile, .textEditing, .everywhere],
        [.careerProfile, .multiLine, .textEditing, .everywhere],
        [.careerProfile, .multipleChoice, .repeatingGroup, .everywhere],
        [.profileSections, .lists, .everywhere],
        [.profileReview, .lists, .everywhere],
        [.merge, .lists, .everywhere],
    ]

    @Test func everyKeyOfAScreenIsOnItsLineOrOnHelpsFirstSection() {
        for contexts in Self.screens {
            let line = KeyMap.keyLine(for: contexts, columns: 80)
            // Wide enough that no help text wraps.
            let help = HelpPage.lines(width: 400, here: contexts).map { $0.map(\.text).joined() }
            let here = help.prefix { $0 != "How do I…" }.joined(separator: "\n")
            let everything = help.joined(separator: "\n")
            for (binding, _) in KeyMap.reachable(in: contexts) {
                if let short = binding.short, line.contains(where: { $0.text == short }) { continue }
                #expect(line.last?.text == KeyMap.moreKeys, "\(contexts): \(binding.help) is hidden and the line has no more keys")
                // The screen's own keys are in help's first section; the shared ones under Keys.
                let shared: Set<KeyContext> = [.everywhere, .top, .lists]
                #expect((shared.contains(binding.context) ? everything : here).contains(binding.help), "\(contexts): \(binding.help)")
            }
        }
    }

    @Test func aKeyLineWithRoomForEverythingSaysHelp() {
        // A question shows both its answers and takes every key: nothing more to find.
        #expect(KeyMap.keyLine(for: [.confirm], columns: 80).map { "\($0.keys) \($0.text)" } == ["y discard", "any key keep editing"])
        // Every key of the help screen is on its line except moving: "more keys" is not offered
        // there (help is where it leads).
        #expect(KeyMap.keyLine(for: [.help, .lists], columns: 80).map(\.text) == ["close"])
    }

    @Test func theClientPageEndsWithMoreKeysAndHelpOpensOnItsKeys() {
        var state = Program.state()
        state.press(.down, .enter)
        #expect(state.screen().keyLine.hasSuffix("v log visit  ? more keys"), "\(dump(state.screen()))")
        state.press(.character("?"))
        let screen = state.screen()
        #expect(screen.body.prefix(4).contains { $0.hasPrefix(" Keys on this screen") }, "\(dump(screen))")
        for (key, help) in [("a", "Add a job"), ("E", "Edit the latest job"), ("C", "Edit the newest contact"),
                            ("X", "Delete the newest contact"), ("p", "Print: the career profile and a one-page summary")] {
            #expect(screen.body.contains { $0.hasPrefix("   \(key) ") && $0.contains(help) }, "\(key)\n\(dump(screen))")
        }
        // The full table follows, with "How do I…".
        let all = HelpPage.lines(width: 78, here: App.contexts(for: state)).map { $0.map(\.text).joined() }
        #expect(all.contains("How do I…"))
    }

    @Test func aNarrowLineKeepsRoomForMoreKeys() {
        let contexts: [KeyContext] = [.client, .employerVisit, .lists, .everywhere]
        for columns in [30, 40, 60, 80, 120] {
            let line = KeyMap.keyLine(for: contexts, columns: columns)
            let width = 1 + line.reduce(0) { $0 + TextCells.width($1.keys) + 1 + TextCells.width($1.text) + 2 }
            #expect(width <= columns)
            #expect(line.last?.text == KeyMap.moreKeys, "\(columns): \(line)")
        }
    }
}
