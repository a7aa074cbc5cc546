#include "CAllocator.h"

// Any C library header defines __GLIBC__ on the GNU C library.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int fieldbook_hold_memory_for_a_long_run(void) {
#if defined(__GLIBC__)
    int threshold = mallopt(M_MMAP_THRESHOLD, 64 * 1024);
    int arenas = mallopt(M_ARENA_MAX, 1);
    return threshold == 1 && arenas == 1;
#else
    return 0;
#endif
}
