#ifndef FIELDBOOK_CALLOCATOR_H
#define FIELDBOOK_CALLOCATOR_H

/// Sets the C library's allocator for the app, which holds a folder for hours, so that what a
/// phase of work lets go of is given back or used again rather than held for the life of the
/// process:
/// - blocks of 64 KiB and more are mapped on their own and unmapped when freed (the default
///   raises that threshold as large blocks are freed, so a folder's read left its lists'
///   earlier copies in the heap);
/// - every thread allocates from one arena, so what the folder's readers free is used again by
///   the key loop's figures and screens (each thread's own arena keeps what it freed, and the
///   app's peak was 2-4 MB higher and varied by as much).
/// One-shot commands do without both: there a mapping per large block and readers waiting on
/// each other's allocations cost time (`check` 0.50 s against 0.68 s, `due` 0.36 against
/// 0.45-0.56 s). Made before any thread starts. Returns 1 when both settings took.
int fieldbook_hold_memory_for_a_long_run(void);

#endif
