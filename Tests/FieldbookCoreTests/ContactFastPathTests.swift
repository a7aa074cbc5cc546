@testable import FieldbookCore
import Foundation
import SyntheticData
import Testing

/// The contacts' fast paths (`TapeFastPath`) give exactly what the records' `Codable`
/// conformances give through `TapeDecoder`: the same record, or the same error (in words and in
/// full), on every sample file, on a generated folder and on hand-made variants. Plain contacts
/// must be taken by the fast path itself (else it would be correct but slow).
@Suite struct ContactFastPathTests {
    enum Outcome<T: Equatable>: Equatable {
        case record(T)
        /// The message a load shows, then the error in full (its type, field path, description).
        case error(String, String)
    }

    static func outcome<T: Decodable & Equatable>(_ type: T.Type, _ data: Data, fastPaths: Bool) -> Outcome<T> {
        do {
            return .record(try TapeDecoding.decode(type, from: data, fastPaths: fastPaths))
        } catch {
            return .error(JSONCoding.describe(error, in: data), String(describing: error))
        }
    }

    /// Decodes `data` both ways, expects the same outcome, and returns it.
    @discardableResult
    static func same<T: Decodable & Equatable>(_ type: T.Type, _ data: Data, _ comment: String) -> Outcome<T> {
        let fast = outcome(type, data, fastPaths: true)
        let codable = outcome(type, data, fastPaths: false)
        #expect(fast == codable, Comment(rawValue: comment))
        return fast
    }

    @discardableResult
    static func same<T: Decodable & Equatable>(_ type: T.Type, _ text: String, _ comment: String) -> Outcome<T> {
        same(type, Data(text.utf8), comment)
    }

    /// The contacts of the document (its list under "contacts") the fast path reads itself, and all.
    static func taken<Contact>(_ type: Contact.Type, in data: Data) throws -> (taken: Int, all: Int) {
        let tape = try JSONReader.tape(data)
        var key = 1
        for _ in 0..<tape.nodes[0].count {
            if tape.string(at: key, equals: "contacts") {
                var item = key + 2
                var taken = 0
                let all = tape.nodes[key + 1].count
                for _ in 0..<all {
                    if TapeFastPath.decode(Contact.self, from: tape, at: item) != nil { taken += 1 }
                    item = tape.after(item)
                }
                #expect(TapeFastPath.decode([Contact].self, from: tape, at: key + 1) != nil || taken < all)
                return (taken, all)
            }
            key = tape.after(key + 1)
        }
        return (0, 0)
    }

    static func jsonFiles(under root: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var urls: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "json" { urls.append(url) }
        }
        return urls.sorted { $0.path < $1.path }
    }

    /// Every client and month file under `folder`, both ways; every contact taken by the fast path.
    static func everyFileIsTheSame(in folder: URL) throws -> (clientContacts: Int, employerContacts: Int) {
        var clientContacts = 0, employerContacts = 0
        for url in jsonFiles(under: folder.appendingPathComponent(DataLayout.clients)) {
            let data = try Data(contentsOf: url)
            guard case .record = same(Client.self, data, url.lastPathComponent) else {
                Issue.record("\(url.lastPathComponent) does not decode")
                continue
            }
            let (taken, all) = try taken(ClientContact.self, in: data)
            #expect(taken == all, "\(url.lastPathComponent)")
            clientContacts += taken
        }
        for url in jsonFiles(under: folder.appendingPathComponent(DataLayout.employerContacts)) {
            let data = try Data(contentsOf: url)
            guard case .record = same(EmployerContactMonth.self, data, url.lastPathComponent) else {
                Issue.record("\(url.lastPathComponent) does not decode")
                continue
            }
            let (taken, all) = try taken(EmployerContact.self, in: data)
            #expect(taken == all, "\(url.lastPathComponent)")
            employerContacts += taken
        }
        return (clientContacts, employerContacts)
    }

    @Test func everySampleFileDecodesTheSameAndTakesTheFastPath() throws {
        let counts = try Self.everyFileIsTheSame(in: OnePassLoadTests.sampleData)
        #expect(counts.clientContacts > 50)
        #expect(counts.employerContacts > 50)
    }

    @Test func aGeneratedFolderDecodesTheSameAndTakesTheFastPath() throws {
        let folder = TemporaryFolder()
        let snapshot = try SyntheticFolder.write(.caseload, to: folder.url)
        let counts = try Self.everyFileIsTheSame(in: folder.url)
        #expect(counts.clientContacts == snapshot.clients.reduce(0) { $0 + $1.contacts.count })
        #expect(counts.employerContacts == snapshot.employerContacts.count)
        let loaded = try Store(folder: folder.url, mode: .readOnly).load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.employerContacts.count == snapshot.employerContacts.count)
    }
}
