import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// Text is edited by grapheme clusters: what a person sees as one character.
@Suite struct TextEditingTests {
    func newClientForm() -> AppState {
        var state = Program.state()
        state.press(.character("n"))
        return state
    }

    func focusedText(_ state: AppState) -> String? {
        guard let form = state.form else { return nil }
        return form.focused?.buffer.text
    }

    @Test func backspaceAfterACombiningMarkDeletesTheWholeCharacter() {
        var state = newClientForm()
        // Typed one scalar at a time, as a terminal delivers a decomposed name.
        for scalar in "Zoe\u{308}".unicodeScalars { state.press(.character(Character(scalar))) }
        #expect(focusedText(state) == "Zoe\u{308}")
        state.press(.backspace)
        #expect(focusedText(state) == "Zo")
        state.press(.backspace, .backspace, .backspace)
        #expect(focusedText(state) == "")
    }

    @Test func backspaceAfterAJoinedEmoji() {
        var state = newClientForm()
        for scalar in "A👩🏽‍💼".unicodeScalars { state.press(.character(Character(scalar))) }
        #expect(focusedText(state) == "A👩🏽‍💼")
        state.press(.backspace)
        #expect(focusedText(state) == "A")
    }

    @Test func theCursorStaysOnCharactersAfterACombiningMark() {
        var state = newClientForm()
        for scalar in "Zoe\u{308}abc".unicodeScalars { state.press(.character(Character(scalar))) }
        state.press(.left, .left, .left)
        state.type("-")
        #expect(focusedText(state) == "Zoe\u{308}-abc")
        // The screen shows the cursor on the `a`: five columns after the value starts.
        let line = state.screen().lines[4]
        #expect(line.contains("Zoë-abc"))
    }

    @Test func aQuestionMarkTypesInATextFieldAndTheKeyLineSaysF1() {
        var state = newClientForm()
        state.type("Why?")
        #expect(focusedText(state) == "Why?")
        #expect(state.pages.count == 1)
        let keyLine = state.screen().keyLine
        #expect(!keyLine.contains("? more keys"))
        #expect(keyLine.contains("F1 more keys"))
        state.press(.function(1))
        guard state.topPage is HelpPage else {
            Issue.record("F1 did not open help")
            return
        }
    }

    @Test func typingIntoAPrefilledFieldReplacesIt() {
        var state = Program.state()
        state.press(.down, .enter, .character("n"))
        state.type("mon")
        guard let form = state.form else {
            Issue.record("no form")
            return
        }
        #expect(form.field("date")?.text == "mon")
        // A move keeps the value and types after it.
        state.press(.escape, .character("y"), .character("n"), .end)
        state.type("x")
        #expect(focusedText(state) == "todayx")
    }

    /// `ë` written as e + U+0308 is one character: Delete before it and Backspace after it
    /// remove both scalars, never the e alone (which would leave the mark on the o: "Zö").
    @Test func deleteAndBackspaceRemoveACombinedCharacterWhole() {
        var forward = TextBuffer("Zoe\u{308}y")
        forward.move(by: -2)
        #expect(forward.cursor == 2)
        forward.deleteForward()
        #expect(forward.text.unicodeScalars.elementsEqual("Zoy".unicodeScalars))
        #expect(forward.cursor == 2)
        var backward = TextBuffer("Zoe\u{308}")
        backward.deleteBackward()
        #expect(backward.text.unicodeScalars.elementsEqual("Zo".unicodeScalars))
        #expect(backward.cursor == 2)
    }

    @Test func wordMovesAndDeletes() {
        var buffer = TextBuffer("Ana Lúcia Pereira")
        buffer.moveWordLeft()
        #expect(buffer.cursor == 10)
        buffer.moveWordLeft()
        #expect(buffer.cursor == 4)
        buffer.moveWordRight()
        #expect(buffer.cursor == 9)
        buffer.moveToEnd()
        buffer.deleteWordBackward()
        #expect(buffer.text == "Ana Lúcia ")
        var wide = TextBuffer("王小明")
        wide.move(by: -1)
        wide.insert("x")
        #expect(wide.text == "王小x明")
        #expect(wide.beforeCursor == "王小x")
    }
}
