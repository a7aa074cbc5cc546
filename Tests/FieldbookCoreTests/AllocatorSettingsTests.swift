import CAllocator
import Foundation
import Testing

/// The allocator settings the app makes at its start (`OpenOptions.run`; the bench's memory
/// child as the app does) take on the C library the programs run on. They are made in a
/// forked child, so that the tests after this one keep the allocator as it was.
@Suite struct AllocatorSettingsTests {
    @Test func theAppsSettingsTakeOnTheGNUCLibrary() throws {
        #if os(Linux)
        let child = fork()
        try #require(child >= 0)
        if child == 0 {
            let first = fieldbook_hold_memory_for_a_long_run()
            // Made again (a second start in one process): still accepted.
            let second = fieldbook_hold_memory_for_a_long_run()
            _exit(first == 1 && second == 1 ? 0 : 1)
        }
        var status: Int32 = 0
        #expect(waitpid(child, &status, 0) == child)
        // Exited normally (no signal) with 0: both settings took, twice.
        #expect(status & 0x7f == 0)
        #expect((status >> 8) & 0xff == 0)
        #endif
    }
}
