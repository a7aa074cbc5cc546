@testable import FieldbookCore
import Foundation
import Testing

/// `DurableFile.readBytes`, the reading without `Data` of the commands that read every file:
/// the same bytes as `DurableFile.read` for files of every size around its buffers, nil for a
/// file that is not there, an error for a folder, and a file whose size the system does not
/// know (`/proc`) read to its end.
@Suite struct FileBytesTests {
    @Test func theBytesAreThoseFoundationReads() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 4_095, 4_096, 4_097, 65_535, 65_536, 65_537, 300_001] {
            let url = folder.path("file-\(size).json")
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try Data(bytes).write(to: url)
            #expect(try DurableFile.readBytes(url.path) == bytes, "size \(size)")
            #expect(try DurableFile.read(url).map { [UInt8]($0) } == bytes, "size \(size)")
        }
        #expect(try DurableFile.readBytes(folder.path("absent.json").path) == nil)
        #expect(try DurableFile.readBytes(folder.path("absent/inside.json").path) == nil)
        #expect(throws: StoreError.self) { try DurableFile.readBytes(folder.url.path) }
    }

    @Test func aFileLongerThanItsSizeIsReadToItsEnd() throws {
        let status = try #require(try DurableFile.readBytes("/proc/self/status"))
        #expect(status.count > 100)
        #expect(String(decoding: status, as: UTF8.self).contains("VmHWM"))
        var info = stat()
        #expect(stat("/proc/self/status", &info) == 0 && info.st_size == 0, "the system gives no size")
    }
}
