#ifndef FIELDBOOK_CALLOCATOR_H
#define FIELDBOOK_CALLOCATOR_H

/// Sets the C library's allocator so that memory a phase of work lets go of goes back to the
/// system, or to the next phase, instead of being held for the life of the process:
/// blocks of 64 KiB and more are mapped on their own and unmapped when freed (the default
/// raises that threshold as large blocks are freed, so a folder's read left its lists'
/// earlier, smaller copies in the heap), and every thread allocates from one arena (the
/// readers' arenas otherwise keep what they freed, out of the key loop's reach).
/// Call it first thing, before any thread starts. Returns 1 when both settings took.
int fieldbook_return_freed_memory_promptly(void);

#endif
