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
