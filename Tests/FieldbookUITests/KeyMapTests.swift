import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

@Suite struct KeyMapTests {
    @Test func theMostSpecificContextWins() {
        let textField: [KeyContext] = [.textEditing, .form, .everywhere]
        #expect(KeyMap.action(for: .character("?"), in: textField) == .type)
        #expect(KeyMap.action(for: .character("q"), in: textField) == .type)
        #expect(KeyMap.action(for: .function(1), in: textField) == .help)
        #expect(KeyMap.action(for: .left, in: textField) == .cursorLeft)
        #expect(KeyMap.action(for: .controlLeft, in: textField) == .wordLeft)
        #expect(KeyMap.action(for: .left, in: [.choice, .form, .everywhere]) == .previousChoice)
        #expect(KeyMap.action(for: .character(" "), in: [.choice, .form, .everywhere]) == .nextChoice)

        let searching: [KeyContext] = [.search, .textEditing, .lists, .everywhere]
        #expect(KeyMap.action(for: .character("j"), in: searching) == .type)
        #expect(KeyMap.action(for: .down, in: searching) == .moveDown)
        #expect(KeyMap.action(for: .escape, in: searching) == .clearSearch)

        let client: [KeyContext] = [.client, .lists, .everywhere]
        #expect(KeyMap.action(for: .character("q"), in: client) == .back)
        #expect(KeyMap.action(for: .character("q"), in: [.caseload, .lists, .top, .everywhere]) == .quit)
        #expect(KeyMap.action(for: .character("n"), in: client) == .new)

        // A question takes every key: y answers yes, anything else (F1 too) keeps editing.
        #expect(KeyMap.action(for: .character("y"), in: [.confirm]) == .confirm)
        #expect(KeyMap.action(for: .function(1), in: [.confirm]) == .dismiss)
    }

    @Test func everyContextOfAPageIsInTheTableAndHelp() {
        let bound = Set(KeyMap.bindings.map(\.context))
        for context in KeyContext.allCases {
            #expect(bound.contains(context), "\(context) has no keys")
        }
        let help = HelpPage.lines(width: 200).map { $0.map(\.text).joined() }.joined(separator: "\n")
        for context in KeyContext.allCases { #expect(help.contains(context.rawValue)) }
        for binding in KeyMap.bindings { #expect(help.contains(binding.help)) }
    }

    @Test func theKeyLineNamesAFreeKey() {
        let line = KeyMap.keyLine(for: [.textEditing, .form, .everywhere]).map { "\($0.keys) \($0.text)" }
        #expect(line.contains("F1 help"))
        #expect(!line.contains("? help"))
        #expect(KeyMap.keyLine(for: [.confirm]).map { "\($0.keys) \($0.text)" } == ["y discard", "any key keep editing"])
    }
}

/// Help opens on "How do I…": the everyday tasks, each with a key the key map really binds there.
@Suite struct HelpHowToTests {
    @Test func helpOpensWithTheEverydayTasksAndTheirKeys() {
        let lines = HelpPage.lines(width: 78).map { $0.map(\.text).joined() }
        #expect(lines[2] == "How do I…")
        let howTo = lines[3..<(3 + HelpPage.howTo.count)]
        #expect(howTo.contains { $0.hasPrefix("  v ") && $0.contains("Log an employer visit") })
        #expect(howTo.contains { $0.hasPrefix("  c ") && $0.contains("career profile") })
        #expect(howTo.contains { $0.hasPrefix("  1 ") && $0.contains("See what is due") })
        // Every task names a key bound in its place: none is dropped for want of one.
        for entry in HelpPage.howTo {
            #expect(KeyMap.bindings.contains { $0.context == entry.context && $0.action == entry.action }, "\(entry.task)")
        }
    }

    @Test func helpIsOpenAt80x24WithTheScreensKeysThenTheTasks() {
        var state = Program.state()
        state.press(.function(1))
        let screen = state.screen()
        #expect(screen.text.contains("Keys on this screen"))
        #expect(screen.text.contains("Search as you type"))
        #expect(screen.text.contains("How do I…"))
        #expect(screen.text.contains("See what is due"))
    }
}
