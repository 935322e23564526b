// See memory.h. jemalloc is found at run time through a weak symbol, so this builds and works the
// same with or without it (SWITCHYARD_JEMALLOC).
#include "common/memory.h"

#include <malloc.h>

#include <cstddef>

extern "C" int mallctl(const char* name, void* oldp, std::size_t* oldlenp, void* newp,
                       std::size_t newlen) __attribute__((weak));

namespace switchyard::memory {

void release_free_pages() {
  if (mallctl != nullptr) {
    // MALLCTL_ARENAS_ALL (4096): every arena.
    mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
    return;
  }
  ::malloc_trim(0);
}

}  // namespace switchyard::memory
