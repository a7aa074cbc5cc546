#include "CAllocator.h"

// Any C library header defines __GLIBC__ on the GNU C library.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int fieldbook_return_freed_memory_promptly(void) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, 64 * 1024) == 1;
#else
    return 0;
#endif
}

int fieldbook_share_one_arena(void) {
#if defined(__GLIBC__)
    return mallopt(M_ARENA_MAX, 1) == 1;
#else
    return 0;
#endif
}
