import CAllocator
import Testing

/// The allocator setting every program makes at its start (`Fieldbook.main`; the bench's
/// memory child as the app does) takes on the C library the programs run on. (The app's one
/// arena is not made here: it would hold every test after it to one arena.)
@Suite struct AllocatorSettingsTests {
    @Test func theSettingTakesOnTheGNUCLibrary() {
        #if os(Linux)
        #expect(fieldbook_return_freed_memory_promptly() == 1)
        // Made again (a second store, a test process): still accepted.
        #expect(fieldbook_return_freed_memory_promptly() == 1)
        #endif
    }
}
