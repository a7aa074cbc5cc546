@testable import FieldbookCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failures put into the store's file system seam: each save fails with a clear error, the
/// record on disk stays as it was, and nothing half written is left behind.
@Suite struct StoreFaultTests {
    /// Which call fails, switched on and off while a test runs.
    final class Faults: @unchecked Sendable {
        enum Fault { case none, fsyncFails, renameFails, diskFull, shortWriteThenFull, shortWrites }
        private let lock = NSLock()
        private var fault = Fault.none
        private(set) var injected = 0
        var current: Fault {
            get { lock.withLock { fault } }
            set { lock.withLock { fault = newValue } }
        }
        func count() { lock.withLock { injected += 1 } }

        var fileSystem: FileSystem {
            FileSystem(
                write: { [self] fd, bytes, count in
                    switch current {
                    case .diskFull:
                        self.count()
                        errno = ENOSPC
                        return -1
                    case .shortWriteThenFull:
                        self.count()
                        if count > 100 { return SystemCalls.write(fd, bytes, count / 2) }
                        errno = ENOSPC
                        return -1
                    case .shortWrites:
                        self.count()
                        return SystemCalls.write(fd, bytes, min(count, 37))
                    default:
                        return SystemCalls.write(fd, bytes, count)
                    }
                },
                fsync: { [self] fd in
                    if current == .fsyncFails {
                        self.count()
                        errno = EIO
                        return -1
                    }
                    return SystemCalls.fsync(fd)
                },
                rename: { [self] from, to in
                    if current == .renameFails {
                        self.count()
                        errno = EACCES
                        return -1
                    }
                    return SystemCalls.rename(from, to)
                })
        }
    }

    static let failures: [(Faults.Fault, String)] = [
        (.fsyncFails, "Input/output error"), (.renameFails, "Permission denied"),
        (.diskFull, "No space left on device"), (.shortWriteThenFull, "No space left on device"),
    ]

    @Test(arguments: 0..<4)
    func aFailedSaveLeavesTheOldRecordWholeAndNothingHalfWritten(_ index: Int) throws {
        let (fault, reason) = Self.failures[index]
        let folder = TemporaryFolder()
        let faults = Faults()
        let store = try Store(folder: folder.url, fileSystem: faults.fileSystem)
        var client = try store.save(Sample.client()).record
        let contact = try store.save(Sample.employerContact(on: "2026-11-18")).record
        try store.save(Settings(caseloadLimit: 18))
        let before = try filesExceptTheLock(of: folder.url)

        faults.current = fault
        client.notes = String(repeating: "A longer note. ", count: 500)
        var failed = 0
        for save in [{ _ = try store.save(client) }, { var c = contact; c.outcome = "Hired"; _ = try store.save(c) },
                     { _ = try store.save(Settings(caseloadLimit: 12)) }] as [() throws -> Void] {
            do {
                try save()
                Issue.record("\(fault): the save did not fail")
            } catch let error as StoreError {
                guard case .io(_, let message) = error else { Issue.record("\(error)"); continue }
                #expect(message.contains(reason), "\(message)")
                failed += 1
            }
        }
        #expect(failed == 3)
        #expect(faults.injected >= 3)
        // Every file as it was; no temporary file left.
        #expect(try filesExceptTheLock(of: folder.url) == before)
        #expect(try Store(folder: folder.url).load().problems.isEmpty)

        // Once the fault is gone, the same store saves again without a false conflict.
        faults.current = .none
        let result = try store.save(client)
        #expect(result.mergedFields.isEmpty)
        #expect(try Store(folder: folder.url).load().client(client.id)?.notes == client.notes)
        print("Fault \(fault): \(faults.injected) failures injected, \(failed) saves refused, old records intact")
    }

    @Test func shortWritesThatProgressStillWriteTheWholeRecord() throws {
        let folder = TemporaryFolder()
        let faults = Faults()
        let store = try Store(folder: folder.url, fileSystem: faults.fileSystem)
        faults.current = .shortWrites
        var client = Sample.client()
        client.notes = String(repeating: "Zoë 李 ", count: 300)
        let saved = try store.save(client).record
        #expect(faults.injected > 10)
        #expect(try Store(folder: folder.url).load().client(saved.id) == saved)
    }
}

/// Every file under `folder` with its bytes (the lock file aside).
private func filesExceptTheLock(of folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)!
    while let relative = enumerator.nextObject() as? String {
        let url = folder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if !isDirectory.boolValue && relative != ".fieldbook.lock" { result[relative] = try Data(contentsOf: url) }
    }
    return result
}
