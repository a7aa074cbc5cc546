#ifndef FIELDBOOK_CALLOCATOR_H
#define FIELDBOOK_CALLOCATOR_H

/// Sets the C library's allocator so that a large block a phase of work lets go of goes back
/// to the system at once instead of being held for the life of the process: blocks of 64 KiB
/// and more are mapped on their own and unmapped when freed (the default raises that
/// threshold as large blocks are freed, so a folder's read left its lists' earlier copies in
/// the heap). Every program makes it first thing, before any thread starts.
/// Returns 1 when the setting took.
int fieldbook_return_freed_memory_promptly(void);

/// For the app, which holds a folder for hours: every thread allocates from one arena, so what
/// the folder's readers free is reused by the key loop's figures and screens (each thread's
/// own arena keeps what it freed; the app's peak was 2-4 MB higher and varied by as much).
/// One-shot commands do without it: there the readers wait on each other's allocations
/// (`check` took a quarter longer). Made before any thread starts. Returns 1 when it took.
int fieldbook_share_one_arena(void);

#endif
