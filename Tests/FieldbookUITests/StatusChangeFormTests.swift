import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

/// The client form keeps a change of status, with the day it was made.
@Suite struct StatusChangeFormTests {
    @Test func changingTheStatusInTheFormIsKeptWithItsDate() throws {
        var state = Program.state()
        state.press(.down, .enter, .character("e"))
        for _ in 0..<9 { state.press(.tab) }     // status
        #expect(state.screen().bodyLine(containing: "◂ Job search ▸") != nil, "\(dump(state.screen()))")
        state.press(.character(" "))
        guard let client = savedClient(state.press(.control("s"))) else {
            Issue.record("no save")
            return
        }
        #expect(client.id == Program.id(101))
        #expect(client.status == .working)
        #expect(client.statusHistory == [StatusChange(date: Program.today, from: .jobSearch, to: .working)])
        #expect(client.status(on: Program.today.adding(days: -1)) == .jobSearch)
    }

    @Test func aNewClientStartsWithItsStatusAndNoChange() {
        var state = Program.state()
        state.press(.character("n"))
        state.type("Someone New")
        for _ in 0..<9 { state.press(.tab) }
        state.press(.character(" "))
        guard let client = savedClient(state.press(.control("s"))) else {
            Issue.record("no save")
            return
        }
        #expect(client.status == .jobSearch)
        #expect(client.statusHistory.isEmpty)
    }
}
