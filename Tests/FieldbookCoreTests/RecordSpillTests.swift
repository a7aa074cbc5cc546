@testable import FieldbookCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an import moves out of memory reaches the disk sealed: no name, phone or note of a
/// client is in the spill file's bytes, and every record comes back as it went.
@Suite struct RecordSpillTests {
    @Test func spilledRecordsAreSealedAndComeBackWhole() throws {
        let spill = try #require(RecordSpill())
        var client = Sample.client()
        client.name = "Zoë Spillname"
        client.phone = "555-0199"
        client.notes = "Keeps a bike at the depot"
        let place = try #require(spill.put(client))
        #expect(spill.get(Client.self, at: place) == client)
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = bytes.withUnsafeMutableBytes { pread(spill.descriptor, $0.baseAddress, $0.count, 0) }
        let onDisk = Data(bytes[0..<max(0, count)])
        #expect(count > 0)
        for secret in ["Spillname", "555-0199", "bike at the depot"] {
            #expect(onDisk.range(of: Data(secret.utf8)) == nil, "\(secret) reached the disk in plain text")
        }
    }
}
