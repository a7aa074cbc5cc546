import CAllocator
import Testing

/// The allocator settings the programs make at their start (`Fieldbook.main`, and the bench's
/// memory child as the app does) take on the C library the programs run on.
@Suite struct AllocatorSettingsTests {
    @Test func bothSettingsTakeOnTheGNUCLibrary() {
        #if os(Linux)
        #expect(fieldbook_return_freed_memory_promptly() == 1)
        // Made again (a second store, a test process): still accepted.
        #expect(fieldbook_return_freed_memory_promptly() == 1)
        #endif
    }
}
