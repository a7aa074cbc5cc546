@testable import FieldbookCore
import Foundation
import Testing

/// `ClientsByID` answers as the dictionary of clients it replaces (the first of an id read
/// twice), before and after saves of known and new clients.
@Suite struct ClientsByIDTests {
    @Test func answersAsTheDictionaryOfClientsDid() {
        var clients = (0..<50).map { Sample.client(name: "Client \($0)") }
        var twice = clients[7]
        twice.notes = "a second file of the same id"
        clients.insert(twice, at: 30)
        var model = Dictionary(clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byID = ClientsByID(clients)
        func same() {
            for id in model.keys { #expect(byID[id] == model[id]) }
            #expect(byID[UUID()] == nil)
        }
        same()
        #expect(byID[clients[7].id]?.notes != "a second file of the same id")
        var saved = clients[12]
        saved.notes = "Saved"
        byID[saved.id] = saved
        model[saved.id] = saved
        var savedTwice = clients[7]
        savedTwice.notes = "Saved over the first"
        byID[savedTwice.id] = savedTwice
        model[savedTwice.id] = savedTwice
        let new = Sample.client(name: "New client")
        byID[new.id] = new
        model[new.id] = new
        same()
        #expect(byID[saved.id]?.notes == "Saved")
    }
}
